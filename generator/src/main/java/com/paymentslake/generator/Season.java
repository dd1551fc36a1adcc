package com.paymentslake.generator;

import java.time.LocalDate;
import java.time.Month;

/**
 * The season of a date: how much volume it has (its weight in {@link Realism}, by default the
 * spec's) and how purchases shift between
 * categories. The factors multiply each segment's purchase weights ({@link Segment}), which are then
 * normalized again: a season moves purchases between categories without changing the day's volume,
 * which {@link Realism#baseRows} alone sets.
 *
 * <table>
 *   <caption>Seasons (factors in {@link MerchantCategory#PURCHASES} order; 1 where not listed)</caption>
 *   <tr><th>season</th><th>dates</th><th>default volume</th><th>purchase factors</th></tr>
 *   <tr><td>HOLIDAY</td><td>20 Nov - 31 Dec</td><td>x2.0</td>
 *       <td>department store 1.8, online retail 1.6, restaurant 1.15 (gift shopping, dinners)</td></tr>
 *   <tr><td>WINTER</td><td>Jan - Feb</td><td>x0.75</td>
 *       <td>pharmacy 1.3 (cold and flu season), department store 0.8, online retail 0.9, airline 0.8,
 *       hotel 0.8</td></tr>
 *   <tr><td>SUMMER</td><td>Jun - Aug</td><td>x1.25</td>
 *       <td>airline 1.7, hotel 1.8, gas 1.2 (road trips), restaurant 1.1</td></tr>
 *   <tr><td>REGULAR</td><td>the rest</td><td>x1.0</td><td>none</td></tr>
 * </table>
 */
enum Season {
  REGULAR(factors()),
  HOLIDAY(factors(MerchantCategory.DEPARTMENT_STORE, 1.8, MerchantCategory.ONLINE_RETAIL, 1.6,
      MerchantCategory.RESTAURANT, 1.15)),
  WINTER(factors(MerchantCategory.PHARMACY, 1.3, MerchantCategory.DEPARTMENT_STORE, 0.8,
      MerchantCategory.ONLINE_RETAIL, 0.9, MerchantCategory.AIRLINE, 0.8, MerchantCategory.HOTEL, 0.8)),
  SUMMER(factors(MerchantCategory.AIRLINE, 1.7, MerchantCategory.HOTEL, 1.8, MerchantCategory.GAS, 1.2,
      MerchantCategory.RESTAURANT, 1.1));

  /** Multipliers of the purchase weights, in {@link MerchantCategory#PURCHASES} order. */
  private final double[] purchaseFactors;

  Season(double[] purchaseFactors) {
    this.purchaseFactors = purchaseFactors;
  }

  static Season of(LocalDate date) {
    Month month = date.getMonth();
    if (month == Month.DECEMBER || (month == Month.NOVEMBER && date.getDayOfMonth() >= 20)) {
      return HOLIDAY;
    }
    if (month == Month.JANUARY || month == Month.FEBRUARY) {
      return WINTER;
    }
    if (month == Month.JUNE || month == Month.JULY || month == Month.AUGUST) {
      return SUMMER;
    }
    return REGULAR;
  }

  /** The factor of purchase category {@code i} of {@link MerchantCategory#PURCHASES}. */
  double purchaseFactor(int i) {
    return purchaseFactors[i];
  }

  /** Factors for the listed (category, factor) pairs, 1 for every other purchase category. */
  private static double[] factors(Object... pairs) {
    MerchantCategory[] categories = MerchantCategory.PURCHASES;
    double[] out = new double[categories.length];
    java.util.Arrays.fill(out, 1.0);
    for (int p = 0; p < pairs.length; p += 2) {
      MerchantCategory category = (MerchantCategory) pairs[p];
      int i = java.util.Arrays.asList(categories).indexOf(category);
      if (i < 0) {
        throw new IllegalArgumentException(category + " is not a purchase category");
      }
      out[i] = (Double) pairs[p + 1];
    }
    return out;
  }
}
