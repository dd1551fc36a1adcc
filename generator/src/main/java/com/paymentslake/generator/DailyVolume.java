package com.paymentslake.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * How many base rows a day gets: {@code round(rowsPerDay * weekday weight * season weight)}, at
 * least 1. The weekday weights average exactly 1 over a week, so {@code rowsPerDay} is the volume of
 * an average day outside the seasonal peaks and troughs.
 *
 * <ul>
 *   <li>Weekday: Mon 0.90, Tue 0.92, Wed 0.94, Thu 0.98, Fri 1.10, Sat 1.12, Sun 1.04.
 *   <li>Season ({@link Season}): 20 Nov - 31 Dec x2.0 (holiday shopping), Jan-Feb x0.75, Jun-Aug
 *       x1.25 (summer travel), otherwise x1.0.
 * </ul>
 */
final class DailyVolume {
  /** Monday first; the seven weights add up to 7. */
  static final double[] WEEKDAY_WEIGHTS = {0.90, 0.92, 0.94, 0.98, 1.10, 1.12, 1.04};


  private DailyVolume() {}

  static double weekdayWeight(DayOfWeek day) {
    return WEEKDAY_WEIGHTS[day.getValue() - 1];
  }

  static double seasonWeight(LocalDate date) {
    return Season.of(date).volumeWeight;
  }

  /** The base rows of the busiest possible day (a holiday-season Saturday). */
  static long maxBaseRows(long rowsPerDay) {
    return Math.max(1L, Math.round(rowsPerDay * WEEKDAY_WEIGHTS[5] * Season.HOLIDAY.volumeWeight));
  }

  static long baseRows(LocalDate date, long rowsPerDay) {
    double rows = rowsPerDay * weekdayWeight(date.getDayOfWeek()) * seasonWeight(date);
    return Math.max(1L, Math.round(rows));
  }
}
