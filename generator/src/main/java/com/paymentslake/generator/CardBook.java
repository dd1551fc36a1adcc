package com.paymentslake.generator;

/**
 * A shared, lock-free, direct-mapped cache of issued cards, so the HMAC of a PAN is computed about
 * once per card rather than once per row. A card is a pure function of its key, so a lost race or an
 * eviction only costs a recomputation, never a different result.
 */
final class CardBook {
  private final Card[] slots;
  private final int mask;

  CardBook(long expectedCards) {
    int size = 1 << 10;
    while (size < expectedCards * 2 && size < (1 << 20)) {
      size <<= 1;
    }
    this.slots = new Card[size];
    this.mask = size - 1;
  }

  Card card(long cardKey, CardFactory factory) {
    return resolve(peek(cardKey), cardKey, factory);
  }

  /**
   * Starts a lookup: the cached candidate for the key, possibly another card or null. Looking up
   * early and resolving late lets the CPU overlap the memory access with other row work.
   */
  Card peek(long cardKey) {
    return slots[slot(cardKey)];
  }

  /** Finishes a lookup started by {@link #peek(long)}. */
  Card resolve(Card candidate, long cardKey, CardFactory factory) {
    if (candidate != null && candidate.key == cardKey) {
      return candidate;
    }
    Card card = factory.issue(cardKey);
    // Racy publication is safe: every field of Card is final.
    slots[slot(cardKey)] = card;
    return card;
  }

  private int slot(long cardKey) {
    return (int) (cardKey ^ (cardKey >>> 32)) & mask;
  }
}
