package com.paymentslake.generator;

/**
 * The finite population of a run, shared read-only by all workers: the world (cities, merchants),
 * the number of card holders and the card cache.
 *
 * <p>Card holders are not stored: holder {@code u} and everything about them (home city, segment,
 * cards, devices, trips) is a pure function of (seed, u), so any worker on any machine derives the
 * same holder.
 */
final class Population {
  /** One card holder per two base rows of an average day, within these bounds. */
  static final long MIN_CUSTOMERS = 1_000;
  static final long MAX_CUSTOMERS = 50_000_000;
  private static final long CUSTOMER_SALT = 0x437573746F6D6572L;

  /** Holders whose fixed traits are cached at most: 2^24 holders, 64 MiB. */
  static final int MAX_CACHED_HOLDERS = 1 << 24;
  /**
   * The caches grow with the population up to a share of the JVM's maximum heap: the card book's
   * set-associative part up to 1/{@value #CARD_HEAP_SHARE} of it, the holder traits up to
   * 1/{@value #TRAITS_HEAP_SHARE}. A cache miss only costs a recomputation (a card's HMAC, a holder's
   * traits), so the heap changes the speed of a large run, never its data.
   */
  static final int CARD_HEAP_SHARE = 4;
  static final int TRAITS_HEAP_SHARE = 32;

  final World world;
  final long customers;
  final long customerKey;
  final CardBook cards;
  /**
   * The fixed traits of holders {@code 0 .. traits.length - 1} as {@link RowEngine} derived them
   * (home city, segment, card and device counts), packed; 0 until a worker first needs them. Workers
   * race without locks: every writer stores the same value for a holder (a pure function of the seed),
   * and an int is read and written whole, so a reader sees either 0 (and derives the traits itself)
   * or the traits.
   */
  final int[] traits;

  Population(GeneratorConfig config) {
    this(config, Runtime.getRuntime().maxMemory());
  }

  /** A population whose caches are sized for a heap of at most {@code maxHeapBytes}. */
  Population(GeneratorConfig config, long maxHeapBytes) {
    this(config, (int) Math.min(MAX_CACHED_HOLDERS, maxHeapBytes / TRAITS_HEAP_SHARE / Integer.BYTES),
        maxHeapBytes / CARD_HEAP_SHARE);
  }

  /** A population that caches the traits of at most {@code cachedHolders} holders (tests). */
  Population(GeneratorConfig config, int cachedHolders) {
    this(config, cachedHolders, Runtime.getRuntime().maxMemory() / CARD_HEAP_SHARE);
  }

  private Population(GeneratorConfig config, int cachedHolders, long cardBudgetBytes) {
    this.world = new World(config.seed());
    this.customers = customers(config);
    this.customerKey = SplitMix64.mix(config.seed() ^ CUSTOMER_SALT);
    this.cards = new CardBook(customers, CardBook.MAX_DENSE_HOLDERS, cardBudgetBytes);
    this.traits = new int[(int) Math.min(customers, cachedHolders)];
  }

  /**
   * The smallest maximum heap at which the caches of a run hold its whole population: the card
   * book's set-associative part at two slots per card and every holder's traits. Below it a run
   * recomputes some cards' HMACs and holders' traits: slower, the same data.
   */
  static long fullCacheHeapBytes(GeneratorConfig config) {
    long holders = customers(config);
    long rest = holders - Math.min(holders, CardBook.MAX_DENSE_HOLDERS);
    long cards = rest > 0 ? CardBook.wantedSetSlots(rest) * CardBook.SLOT_BYTES * CARD_HEAP_SHARE : 0;
    long traits = Math.min(holders, MAX_CACHED_HOLDERS) * (long) Integer.BYTES * TRAITS_HEAP_SHARE;
    return Math.max(cards, traits);
  }

  /** The number of card holders of a run: one per two base rows of an average day, within the bounds. */
  static long customers(GeneratorConfig config) {
    return Math.max(MIN_CUSTOMERS, Math.min(MAX_CUSTOMERS, config.rowsPerDay() / 2));
  }
}
