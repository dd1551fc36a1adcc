package com.paymentslake.generator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A shared, lock-free cache of issued cards, so the HMAC of a PAN is computed once per card rather
 * than once per row. Every card sits in one 64-byte slot of a flat {@code long[]} (version, key,
 * four hash longs, brand+BIN+last 4), so a lookup touches one or two adjacent cache lines and no
 * object.
 *
 * <p>Card {@code i} (0 or 1) of holder {@code h} has its own slot {@code 2h + i} for the first
 * {@link #MAX_DENSE_HOLDERS} holders: no collisions, so no card is ever issued twice, and the heavy
 * users (low holder numbers, see {@link RowEngine}) share a compact, mostly cached region. Holders
 * beyond that go to a two-way set-associative table indexed by the card key, where an eviction only
 * costs a re-issue.
 *
 * <p>Writers race without locks: a slot is a seqlock. A writer claims it by moving its version to
 * an odd value with a CAS (or gives up caching when another writer holds it), writes, then
 * publishes an even version; a reader accepts a slot only when the version was even and unchanged
 * around its reads (the {@link java.util.concurrent.locks.StampedLock} optimistic-read pattern). A
 * card is a pure function of its key, so a lost race or an eviction only costs a recomputation,
 * never a different row.
 */
final class CardBook {
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final int SLOT_LONGS = 8;
  private static final int SET_LONGS = 2 * SLOT_LONGS;
  /** Holders with slots of their own: 2^18 holders, 32 MiB. */
  static final int MAX_DENSE_HOLDERS = 1 << 18;
  /** Cards per holder in the set-associative part (1.35 on average, see RowEngine). */
  private static final double CARDS_PER_HOLDER = 1.35;
  static final int MIN_SLOTS = 1 << 10;
  /** 64 bytes a slot. */
  static final int SLOT_BYTES = SLOT_LONGS * Long.BYTES;
  /** 1 GiB at most for the set-associative part, whatever the budget. */
  static final int MAX_SLOTS = 1 << 24;

  private final long denseHolders;
  private final long[] dense;
  private final long[] sets;
  private final int setMask;

  /**
   * A book for holders {@code 0 .. holders - 1}, with slots of their own for the first {@code
   * maxDenseHolders} ({@link #MAX_DENSE_HOLDERS} but in tests), and a set-associative part for the
   * rest of at most {@code budgetBytes} (rounded down to a power of two of slots, at least {@link
   * #MIN_SLOTS}, at most {@link #MAX_SLOTS}).
   */
  CardBook(long holders, int maxDenseHolders, long budgetBytes) {
    this.denseHolders = Math.max(0, Math.min(holders, maxDenseHolders));
    this.dense = new long[(int) denseHolders * 2 * SLOT_LONGS];
    long rest = holders - denseHolders;
    long maxSlots = Math.max(MIN_SLOTS, Math.min(MAX_SLOTS, Long.highestOneBit(budgetBytes / SLOT_BYTES)));
    int slots = (int) Math.min(wantedSetSlots(rest), maxSlots);
    this.sets = new long[rest > 0 ? slots * SLOT_LONGS : SET_LONGS];
    this.setMask = rest > 0 ? slots / 2 - 1 : 0;
  }

  /**
   * Slots the set-associative part takes for {@code rest} holders when the budget allows: two per
   * card, so the ways of a set rarely evict each other, as a power of two within {@link #MIN_SLOTS}
   * and {@link #MAX_SLOTS}.
   */
  static long wantedSetSlots(long rest) {
    long slots = MIN_SLOTS;
    while (slots < rest * CARDS_PER_HOLDER * 2 && slots < MAX_SLOTS) {
      slots <<= 1;
    }
    return slots;
  }

  /** Slots of the set-associative part (a power of two), 0 when every holder has slots of its own. */
  int setSlots() {
    return setMask == 0 ? 0 : (setMask + 1) * 2;
  }

  /**
   * Copies card {@code cardIndex} of the holder, whose key is {@code cardKey}, into the row,
   * issuing (and caching) it when it is not cached.
   */
  void fill(long holder, int cardIndex, long cardKey, CardFactory factory, Row row) {
    if (holder < denseHolders) {
      int base = slot(holder, cardIndex);
      if (!read(dense, base, cardKey, row)) {
        write(dense, base, issue(cardKey, factory, row));
      }
      return;
    }
    int base = set(cardKey);
    if (read(sets, base, cardKey, row) || read(sets, base + SLOT_LONGS, cardKey, row)) {
      return;
    }
    Card card = issue(cardKey, factory, row);
    // Fill an empty way first, else evict the way the key's bit names.
    int way = base;
    if ((long) SLOTS.getVolatile(sets, base) != 0) {
      way = (long) SLOTS.getVolatile(sets, base + SLOT_LONGS) == 0 || (cardKey & (1L << 40)) != 0
          ? base + SLOT_LONGS
          : base;
    }
    write(sets, way, card);
  }

  /**
   * Loads the slot of a card and returns a value derived from it, which the caller must consume
   * (so the load is not optimized away). Called for a batch of cards in a row, the loads miss main
   * memory together instead of one after another; {@link #fill} then finds them cached.
   */
  long touch(long holder, int cardIndex, long cardKey) {
    // A slot need not start a cache line (array data follows the array header): touch its first
    // and last word, so both lines it may span are on their way.
    if (holder < denseHolders) {
      int base = slot(holder, cardIndex);
      return dense[base] + dense[base + SLOT_LONGS - 1];
    }
    int base = set(cardKey);
    return sets[base] + sets[base + SLOT_LONGS] + sets[base + SET_LONGS - 1];
  }

  private static int slot(long holder, int cardIndex) {
    return ((int) holder * 2 + cardIndex) * SLOT_LONGS;
  }

  private int set(long cardKey) {
    return ((int) (cardKey ^ (cardKey >>> 32)) & setMask) * SET_LONGS;
  }

  private static Card issue(long cardKey, CardFactory factory, Row row) {
    Card card = factory.issue(cardKey);
    row.setCard(card.packed(), card.hash(0), card.hash(1), card.hash(2), card.hash(3));
    return card;
  }

  private static boolean read(long[] table, int base, long cardKey, Row row) {
    long version = (long) SLOTS.getAcquire(table, base);
    if (version == 0 || (version & 1) != 0 || table[base + 1] != cardKey) {
      return false;
    }
    long h0 = table[base + 2];
    long h1 = table[base + 3];
    long h2 = table[base + 4];
    long h3 = table[base + 5];
    long packed = table[base + 6];
    VarHandle.acquireFence(); // the reads above happen before the version check below
    if (table[base] != version) {
      return false;
    }
    row.setCard(packed, h0, h1, h2, h3);
    return true;
  }

  private static void write(long[] table, int base, Card card) {
    long version = (long) SLOTS.getVolatile(table, base);
    if ((version & 1) != 0 || !SLOTS.compareAndSet(table, base, version, version + 1)) {
      return; // another writer holds the slot: skip caching, the row already has its card
    }
    table[base + 1] = card.key;
    table[base + 2] = card.hash(0);
    table[base + 3] = card.hash(1);
    table[base + 4] = card.hash(2);
    table[base + 5] = card.hash(3);
    table[base + 6] = card.packed();
    SLOTS.setRelease(table, base, version + 2);
  }
}
