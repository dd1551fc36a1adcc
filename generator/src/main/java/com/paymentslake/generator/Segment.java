package com.paymentslake.generator;

/**
 * Demographic segment of a card holder: how much they spend, how often they travel, where they buy
 * and at what time of day. The one place that documents the segment model; {@link RowEngine} reads
 * it through precomputed cumulative tables only.
 *
 * <table>
 *   <caption>Segments</caption>
 *   <tr><th></th><th>STUDENT</th><th>MASS</th><th>AFFLUENT</th><th>BUSINESS</th></tr>
 *   <tr><td>share of holders</td><td>0.15</td><td>0.55</td><td>0.20</td><td>0.10</td></tr>
 *   <tr><td>spend factor (x the category median)</td><td>0.6</td><td>1.0</td><td>1.8</td><td>1.5</td></tr>
 *   <tr><td>trip probability per 4-day window</td><td>0.02</td><td>0.03</td><td>0.08</td><td>0.12</td></tr>
 *   <tr><td>weekend activity (Sat, Sun; 1 = as on weekdays)</td><td>1</td><td>1</td><td>1</td><td>0.5</td></tr>
 *   <tr><td>purchase weights (%): grocery</td><td>16</td><td>30</td><td>18</td><td>8</td></tr>
 *   <tr><td>restaurant</td><td>6</td><td>11</td><td>22</td><td>20</td></tr>
 *   <tr><td>fast food</td><td>26</td><td>10</td><td>4</td><td>7</td></tr>
 *   <tr><td>gas</td><td>3</td><td>14</td><td>7</td><td>8</td></tr>
 *   <tr><td>online retail</td><td>24</td><td>17</td><td>16</td><td>10</td></tr>
 *   <tr><td>department store</td><td>3</td><td>7</td><td>13</td><td>3</td></tr>
 *   <tr><td>pharmacy</td><td>5</td><td>7</td><td>5</td><td>3</td></tr>
 *   <tr><td>taxi</td><td>14</td><td>2</td><td>5</td><td>15</td></tr>
 *   <tr><td>airline</td><td>1</td><td>1</td><td>5</td><td>13</td></tr>
 *   <tr><td>hotel</td><td>2</td><td>1</td><td>5</td><td>13</td></tr>
 *   <tr><td>time of day (local): weight x N(mean h, sd h), wrapped into the day</td>
 *       <td>0.60 N(19.5, 2.5) + 0.40 N(22.5, 1.5): late evenings and nights</td>
 *       <td>0.08 N(12.5, 1) lunch + 0.92 N(17.75, 2.25) after work</td>
 *       <td>0.10 N(13, 1) lunch + 0.90 N(19.25, 2) dinner</td>
 *       <td>0.40 N(12.5, 1.25) lunch + 0.60 N(16, 2.5) business hours</td></tr>
 * </table>
 *
 * <p>Mixed by the holder shares, the purchase categories come out as grocery 23.3%, online 17.2%,
 * restaurant 13.4%, fast food 10.9%, gas 10.4%, department store 7.2%, pharmacy 5.9%, taxi 5.7%,
 * hotel 3.2% and airline 3.0% (the single table of model v1 was 24/18/13/11/10/7/6/5/3/3), and the
 * time of day has mean 17.8 h, standard deviation 3.1 h and its peak at 18-19 h: the spec's evening
 * peak ~N(18 h, 3 h), with a lunch shoulder from the business and lunch components. These are the
 * weights outside the seasons; a {@link Season} multiplies them by its factors (holiday shopping
 * moves purchases to department stores and online retail, summer to airlines and hotels). Because
 * business holders pay half as often on weekends (rows of a weekend day are redrawn from the other
 * holders), their share of a weekend's rows is about half their weekday share; the volume of a day
 * stays what {@link Realism#baseRows} says.
 */
enum Segment {
  STUDENT(0.15, 0.6, 0.02, 1.0,
      purchases(16, 6, 26, 3, 24, 3, 5, 14, 1, 2),
      hours(0.60, 19.5, 2.5, 0.40, 22.5, 1.5)),
  MASS(0.55, 1.0, 0.03, 1.0,
      purchases(30, 11, 10, 14, 17, 7, 7, 2, 1, 1),
      hours(0.08, 12.5, 1.0, 0.92, 17.75, 2.25)),
  AFFLUENT(0.20, 1.8, 0.08, 1.0,
      purchases(18, 22, 4, 7, 16, 13, 5, 5, 5, 5),
      hours(0.10, 13.0, 1.0, 0.90, 19.25, 2.0)),
  BUSINESS(0.10, 1.5, 0.12, 0.5,
      purchases(8, 20, 7, 8, 10, 3, 3, 15, 13, 13),
      hours(0.40, 12.5, 1.25, 0.60, 16.0, 2.5));

  /** The order of every segment's purchase weights. */
  static final MerchantCategory[] PURCHASE_CATEGORIES = MerchantCategory.PURCHASES;
  static final double[] CUMULATIVE =
      SplitMix64.cumulative(STUDENT.share, MASS.share, AFFLUENT.share, BUSINESS.share);
  private static final Segment[] VALUES = values();

  /** Share of card holders. */
  final double share;
  /** Multiplier of the category's median amount. */
  final double spendFactor;
  /** Probability of being on a trip in a given 4-day window. */
  final double travelProbability;
  /** Relative activity on Saturdays and Sundays (1 = as on weekdays). */
  final double weekendActivity;
  /** Purchase weights in {@link #PURCHASE_CATEGORIES} order (percent). */
  private final double[] purchaseWeights;
  /**
   * Per {@link Season} (by ordinal), the cumulative purchase weights times the season's factors, for
   * {@link SplitMix64#pick(double[])}.
   */
  final double[][] purchaseCumulative;
  /** Guide tables over {@link #purchaseCumulative}: a pick costs one or two comparisons, not five. */
  final int[][] purchaseGuide;
  /** Time of day: cumulative component weights, and each component's mean and sd in seconds. */
  final double[] hourCumulative;
  final double[] hourMeanSeconds;
  final double[] hourSdSeconds;

  Segment(double share, double spendFactor, double travelProbability, double weekendActivity,
      double[] purchaseWeights, double[] hours) {
    if (purchaseWeights.length != 10) {
      throw new IllegalArgumentException(
          "Segment has " + purchaseWeights.length + " purchase weights but must have one per purchase category (10)");
    }
    if (hours.length == 0 || hours.length % 3 != 0) {
      throw new IllegalArgumentException(
          "Time of day has " + hours.length + " numbers but must be (weight, mean h, sd h) triples");
    }
    this.share = share;
    this.spendFactor = spendFactor;
    this.travelProbability = travelProbability;
    this.weekendActivity = weekendActivity;
    this.purchaseWeights = purchaseWeights.clone();
    Season[] seasons = Season.values();
    this.purchaseCumulative = new double[seasons.length][];
    this.purchaseGuide = new int[seasons.length][];
    for (Season season : seasons) {
      double[] weights = new double[purchaseWeights.length];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = purchaseWeights[i] * season.purchaseFactor(i);
      }
      purchaseCumulative[season.ordinal()] = SplitMix64.cumulative(weights);
      purchaseGuide[season.ordinal()] = SplitMix64.guide(purchaseCumulative[season.ordinal()], 64);
    }
    int components = hours.length / 3;
    double[] weights = new double[components];
    this.hourMeanSeconds = new double[components];
    this.hourSdSeconds = new double[components];
    for (int i = 0; i < components; i++) {
      weights[i] = hours[3 * i];
      hourMeanSeconds[i] = hours[3 * i + 1] * 3600.0;
      hourSdSeconds[i] = hours[3 * i + 2] * 3600.0;
    }
    this.hourCumulative = SplitMix64.cumulative(weights);
  }

  static Segment of(int index) {
    return VALUES[index];
  }

  /**
   * This segment's purchase weight of a category (percent, outside the seasons), 0 when it is not a
   * purchase category.
   */
  double purchaseWeight(MerchantCategory category) {
    return purchaseWeight(category, Season.REGULAR);
  }

  /** This segment's weight of a category in a season: its weight times the season's factor (not normalized). */
  double purchaseWeight(MerchantCategory category, Season season) {
    for (int i = 0; i < PURCHASE_CATEGORIES.length; i++) {
      if (PURCHASE_CATEGORIES[i] == category) {
        return purchaseWeights[i] * season.purchaseFactor(i);
      }
    }
    return 0;
  }

  /** The time-of-day components as (weight, mean hours, sd hours) triples, weights summing to 1. */
  double[] hourComponents() {
    int n = hourCumulative.length;
    double total = hourCumulative[n - 1];
    double[] out = new double[3 * n];
    for (int i = 0; i < n; i++) {
      out[3 * i] = (hourCumulative[i] - (i == 0 ? 0 : hourCumulative[i - 1])) / total;
      out[3 * i + 1] = hourMeanSeconds[i] / 3600.0;
      out[3 * i + 2] = hourSdSeconds[i] / 3600.0;
    }
    return out;
  }

  /** Purchase weights in {@link #PURCHASE_CATEGORIES} order. */
  private static double[] purchases(double... weights) {
    return weights;
  }

  /** Time-of-day mixture: (weight, mean hours, sd hours) per component. */
  private static double[] hours(double... components) {
    return components;
  }
}
