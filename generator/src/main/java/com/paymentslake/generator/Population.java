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

  /** Holders whose fixed traits are cached: 2^20 holders, 4 MiB. */
  static final int MAX_CACHED_HOLDERS = 1 << 20;

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
    this(config, MAX_CACHED_HOLDERS);
  }

  /** A population that caches the traits of at most {@code cachedHolders} holders (tests). */
  Population(GeneratorConfig config, int cachedHolders) {
    this.world = new World(config.seed());
    this.customers = Math.max(MIN_CUSTOMERS, Math.min(MAX_CUSTOMERS, config.rowsPerDay() / 2));
    this.customerKey = SplitMix64.mix(config.seed() ^ CUSTOMER_SALT);
    this.cards = new CardBook(customers);
    this.traits = new int[(int) Math.min(customers, cachedHolders)];
  }
}
