package com.paymentslake.generator;

/** Demographic segment of a card holder: how much they spend and how often they travel. */
enum Segment {
  STUDENT(0.15, 0.6, 0.02),
  MASS(0.55, 1.0, 0.03),
  AFFLUENT(0.20, 1.8, 0.08),
  BUSINESS(0.10, 1.5, 0.12);

  static final double[] CUMULATIVE =
      SplitMix64.cumulative(STUDENT.share, MASS.share, AFFLUENT.share, BUSINESS.share);
  private static final Segment[] VALUES = values();

  /** Share of card holders. */
  final double share;
  /** Multiplier of the category's median amount. */
  final double spendFactor;
  /** Probability of being on a trip in a given 4-day window. */
  final double travelProbability;

  Segment(double share, double spendFactor, double travelProbability) {
    this.share = share;
    this.spendFactor = spendFactor;
    this.travelProbability = travelProbability;
  }

  static Segment of(int index) {
    return VALUES[index];
  }
}
