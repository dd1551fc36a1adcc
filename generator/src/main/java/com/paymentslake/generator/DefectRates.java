package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much dirty data the generator injects, per {@link DefectKind}.
 *
 * <p>For every kind but {@link DefectKind#SCHEMA_DRIFT} the rate is the fraction of base rows (the
 * rows of a day before any extra line is added) that carry that defect. Each base row carries at
 * most one defect, drawn independently per row, so realised counts scatter binomially around
 * {@code rate * rows}. EXACT_DUPLICATE and REPLAY_LATER_STATUS add one extra line per affected row.
 *
 * <p>For {@link DefectKind#SCHEMA_DRIFT} the rate sizes the drift file: every {@code
 * schemaDriftEveryNthDay}-th ingest partition, starting with the second day of a run, gets one file
 * {@code part-drift-00000.csv} of {@code max(10, round(rate * rowsPerDay))} clean rows whose header
 * swaps {@code amount} and {@code currency}.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>kind</th><th>default rate</th></tr>
 *   <tr><td>EXACT_DUPLICATE</td><td>0.005</td></tr>
 *   <tr><td>REPLAY_LATER_STATUS</td><td>0.003</td></tr>
 *   <tr><td>LATE_ARRIVAL</td><td>0.01</td></tr>
 *   <tr><td>NON_POSITIVE_AMOUNT</td><td>0.001</td></tr>
 *   <tr><td>NON_NUMERIC_AMOUNT</td><td>0.0005</td></tr>
 *   <tr><td>BAD_CURRENCY</td><td>0.001</td></tr>
 *   <tr><td>UNKNOWN_STATUS</td><td>0.0005</td></tr>
 *   <tr><td>MISSING_REQUIRED_FIELD</td><td>0.002</td></tr>
 *   <tr><td>FUTURE_TIMESTAMP</td><td>0.0005</td></tr>
 *   <tr><td>TOO_FEW_COLUMNS</td><td>0.0002</td></tr>
 *   <tr><td>TOO_MANY_COLUMNS</td><td>0.0002</td></tr>
 *   <tr><td>UNBALANCED_QUOTE</td><td>0.0002</td></tr>
 *   <tr><td>SCHEMA_DRIFT</td><td>0.002 (drift file size), every 5th day</td></tr>
 * </table>
 *
 * @param rates per kind, a fraction in [0, 1]; kinds left out are 0; the row-level rates (all kinds
 *     but SCHEMA_DRIFT) must add up to at most 1
 * @param schemaDriftEveryNthDay period of the drift file in days; 0 disables it
 */
public record DefectRates(Map<DefectKind, Double> rates, int schemaDriftEveryNthDay)
    implements java.io.Serializable {
  public static final int DEFAULT_SCHEMA_DRIFT_EVERY_NTH_DAY = 5;

  private static final Map<DefectKind, Double> DEFAULT_RATES = defaultRates();

  public DefectRates {
    Objects.requireNonNull(rates, "rates");
    EnumMap<DefectKind, Double> all = new EnumMap<>(DefectKind.class);
    for (DefectKind kind : DefectKind.values()) {
      all.put(kind, 0.0);
    }
    java.math.BigDecimal rowLevel = java.math.BigDecimal.ZERO;
    for (Map.Entry<DefectKind, Double> entry : rates.entrySet()) {
      DefectKind kind = Objects.requireNonNull(entry.getKey(), "defect kind");
      Double rate = entry.getValue();
      if (rate == null || !(rate >= 0.0 && rate <= 1.0)) {
        throw new IllegalArgumentException(
            "Defect rate of " + kind + " is " + rate + " but must be in [0, 1]");
      }
      all.put(kind, rate);
    }
    for (DefectKind kind : DefectKind.values()) {
      if (kind != DefectKind.SCHEMA_DRIFT) {
        rowLevel = rowLevel.add(java.math.BigDecimal.valueOf(all.get(kind)));
      }
    }
    if (rowLevel.compareTo(java.math.BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("Row defect rates add up to "
          + rowLevel.stripTrailingZeros().toPlainString() + " but must add up to at most 1");
    }
    if (schemaDriftEveryNthDay < 0) {
      throw new IllegalArgumentException(
          "'schemaDriftEveryNthDay' is " + schemaDriftEveryNthDay + " but must be >= 0 (0 disables it)");
    }
    rates = Collections.unmodifiableMap(all);
  }

  /** The documented default rates (see the class table), drift file every 5th day. */
  public static DefectRates defaults() {
    return new DefectRates(DEFAULT_RATES, DEFAULT_SCHEMA_DRIFT_EVERY_NTH_DAY);
  }

  /** Clean data: no defect of any kind and no drift file. */
  public static DefectRates none() {
    return new DefectRates(Map.of(), 0);
  }

  /** The rate of one kind. */
  public double rate(DefectKind kind) {
    return rates.get(kind);
  }

  /** Fraction of base rows that carry some defect (all kinds but SCHEMA_DRIFT). */
  public double rowDefectRate() {
    double sum = 0;
    for (DefectKind kind : DefectKind.values()) {
      if (kind != DefectKind.SCHEMA_DRIFT) {
        sum += rates.get(kind);
      }
    }
    return sum;
  }

  public DefectRates withRate(DefectKind kind, double rate) {
    EnumMap<DefectKind, Double> copy = new EnumMap<>(rates);
    copy.put(Objects.requireNonNull(kind, "kind"), rate);
    return new DefectRates(copy, schemaDriftEveryNthDay);
  }

  public DefectRates withSchemaDriftEveryNthDay(int days) {
    return new DefectRates(rates, days);
  }

  /** Whether the 0-based day index of a run gets a drift file (days 2, 2+N, 2+2N, ... 1-based). */
  boolean driftOn(int dayIndex) {
    return schemaDriftEveryNthDay > 0 && rate(DefectKind.SCHEMA_DRIFT) > 0 && dayIndex >= 1 && (dayIndex - 1) % schemaDriftEveryNthDay == 0;
  }

  private static Map<DefectKind, Double> defaultRates() {
    EnumMap<DefectKind, Double> map = new EnumMap<>(DefectKind.class);
    map.put(DefectKind.EXACT_DUPLICATE, 0.005);
    map.put(DefectKind.REPLAY_LATER_STATUS, 0.003);
    map.put(DefectKind.LATE_ARRIVAL, 0.01);
    map.put(DefectKind.NON_POSITIVE_AMOUNT, 0.001);
    map.put(DefectKind.NON_NUMERIC_AMOUNT, 0.0005);
    map.put(DefectKind.BAD_CURRENCY, 0.001);
    map.put(DefectKind.UNKNOWN_STATUS, 0.0005);
    map.put(DefectKind.MISSING_REQUIRED_FIELD, 0.002);
    map.put(DefectKind.FUTURE_TIMESTAMP, 0.0005);
    map.put(DefectKind.TOO_FEW_COLUMNS, 0.0002);
    map.put(DefectKind.TOO_MANY_COLUMNS, 0.0002);
    map.put(DefectKind.UNBALANCED_QUOTE, 0.0002);
    map.put(DefectKind.SCHEMA_DRIFT, 0.002);
    return Collections.unmodifiableMap(map);
  }
}
