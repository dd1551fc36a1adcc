package com.paymentslake.generator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A shared, lock-free cache of issued cards, so the HMAC of a PAN is computed about once per card
 * rather than once per row. Cards are random: a row's card is a cache miss in main memory, so the
 * layout is what matters. Every card sits in one flat {@code long[]} slot of 64 bytes (version,
 * key, four hash longs, brand+BIN+last 4), two slots per set (two-way associative), so a lookup
 * touches one pair of adjacent cache lines and no object.
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
  static final int MIN_SLOTS = 1 << 10;
  /** 64 MiB at most. */
  static final int MAX_SLOTS = 1 << 20;

  private final long[] table;
  private final int setMask;

  CardBook(long expectedCards) {
    int slots = MIN_SLOTS;
    while (slots < expectedCards * 2 && slots < MAX_SLOTS) {
      slots <<= 1;
    }
    this.table = new long[slots * SLOT_LONGS];
    this.setMask = slots / 2 - 1;
  }

  /** Copies the card with this key into the row, issuing (and caching) it when it is not cached. */
  void fill(long cardKey, CardFactory factory, Row row) {
    int base = set(cardKey);
    if (read(base, cardKey, row) || read(base + SLOT_LONGS, cardKey, row)) {
      return;
    }
    Card card = factory.issue(cardKey);
    row.setCard(card.packed(), card.hash(0), card.hash(1), card.hash(2), card.hash(3));
    write(base, card);
  }

  /**
   * Loads the set a card key maps to and returns a value derived from it, which the caller must
   * consume (so the load is not optimized away). Called for a batch of keys in a row, the loads miss
   * main memory together instead of one after another; {@link #fill} then finds the sets cached.
   */
  long touch(long cardKey) {
    int base = set(cardKey);
    return table[base] + table[base + SLOT_LONGS] + table[base + SET_LONGS - 1];
  }

  /** The card with this key (slow path, for tests and one-off use). */
  Card card(long cardKey, CardFactory factory) {
    return factory.issue(cardKey);
  }

  private int set(long cardKey) {
    return ((int) (cardKey ^ (cardKey >>> 32)) & setMask) * SET_LONGS;
  }

  private boolean read(int base, long cardKey, Row row) {
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

  private void write(int setBase, Card card) {
    // Fill an empty way first, else evict the way the key's bit names.
    int base = setBase;
    if ((long) SLOTS.getVolatile(table, setBase) != 0) {
      base = (long) SLOTS.getVolatile(table, setBase + SLOT_LONGS) == 0 || (card.key & (1L << 40)) != 0
          ? setBase + SLOT_LONGS
          : setBase;
    }
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
