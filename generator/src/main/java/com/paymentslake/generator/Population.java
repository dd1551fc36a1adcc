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

  final World world;
  final long customers;
  final long customerKey;
  final CardBook cards;

  Population(GeneratorConfig config) {
    this.world = new World(config.seed());
    this.customers = Math.max(MIN_CUSTOMERS, Math.min(MAX_CUSTOMERS, config.rowsPerDay() / 2));
    this.customerKey = SplitMix64.mix(config.seed() ^ CUSTOMER_SALT);
    this.cards = new CardBook(customers);
  }
}
