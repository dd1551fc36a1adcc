package com.paymentslake.generator;

import com.paymentslake.contract.TxnType;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The realism settings a user may change (SPEC: "defaults, all configurable"): the transaction type
 * mix, the null rates of the noisy fields, the status rates, and the weekday and season weights of
 * each day's volume. The rest of the model (segments, hours, amounts, fraud bursts; see {@link
 * RowEngine}) is fixed. The defaults are the spec's; with them the output is the same as before the
 * settings existed.
 *
 * @param typeWeights relative weight of every transaction type (they need not add up to 1)
 * @param deviceNullRate share of genuine rows without a device_id
 * @param mccNullRate share of rows without an mcc
 * @param latLonNullRate share of rows without latitude and longitude
 * @param declineRate share of genuine rows DECLINED (refunds: {@link #refundDeclineRate()})
 * @param reversalRate share of purchases, cash advances and ATM withdrawals REVERSED
 * @param pendingRate share of genuine rows left PENDING
 * @param weekdayWeights volume weight of Monday .. Sunday
 * @param holidayWeight volume weight of 20 Nov - 31 Dec
 * @param winterWeight volume weight of January and February
 * @param summerWeight volume weight of June, July and August
 */
public record Realism(
    Map<TxnType, Double> typeWeights,
    double deviceNullRate,
    double mccNullRate,
    double latLonNullRate,
    double declineRate,
    double reversalRate,
    double pendingRate,
    List<Double> weekdayWeights,
    double holidayWeight,
    double winterWeight,
    double summerWeight) implements Serializable {

  public static final double DEFAULT_DEVICE_NULL_RATE = 0.08;
  public static final double DEFAULT_MCC_NULL_RATE = 0.05;
  public static final double DEFAULT_LAT_LON_NULL_RATE = 0.01;
  public static final double DEFAULT_DECLINE_RATE = 0.05;
  public static final double DEFAULT_REVERSAL_RATE = 0.0054;
  public static final double DEFAULT_PENDING_RATE = 0.002;
  /** Monday first; they add up to 7, so {@code rowsPerDay} is the volume of an average day. */
  public static final List<Double> DEFAULT_WEEKDAY_WEIGHTS = List.of(0.90, 0.92, 0.94, 0.98, 1.10, 1.12, 1.04);
  public static final double DEFAULT_HOLIDAY_WEIGHT = 2.0;
  public static final double DEFAULT_WINTER_WEIGHT = 0.75;
  public static final double DEFAULT_SUMMER_WEIGHT = 1.25;
  /** The highest relative weight of a transaction type (1e9). */
  public static final double MAX_TYPE_WEIGHT = 1e9;
  /** The highest volume weight of a weekday or season. */
  public static final double MAX_VOLUME_WEIGHT = 10.0;

  private static final Realism DEFAULTS = new Realism(defaultTypeWeights(), DEFAULT_DEVICE_NULL_RATE,
      DEFAULT_MCC_NULL_RATE, DEFAULT_LAT_LON_NULL_RATE, DEFAULT_DECLINE_RATE, DEFAULT_REVERSAL_RATE,
      DEFAULT_PENDING_RATE, DEFAULT_WEEKDAY_WEIGHTS, DEFAULT_HOLIDAY_WEIGHT, DEFAULT_WINTER_WEIGHT,
      DEFAULT_SUMMER_WEIGHT);

  public Realism {
    Objects.requireNonNull(typeWeights, "typeWeights");
    Objects.requireNonNull(weekdayWeights, "weekdayWeights");
    EnumMap<TxnType, Double> types = new EnumMap<>(TxnType.class);
    double total = 0;
    for (TxnType type : TxnType.values()) {
      Double weight = typeWeights.get(type);
      if (weight == null || !(weight >= 0 && weight <= MAX_TYPE_WEIGHT)) {
        throw new IllegalArgumentException("'typeWeights' gives " + type + " the weight " + weight
            + " but every type needs a weight in [0, 1e9]");
      }
      types.put(type, weight);
      total += weight;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("'typeWeights' add up to 0 but at least one type needs a positive weight");
    }
    typeWeights = Collections.unmodifiableMap(types);
    requireFraction("deviceNullRate", deviceNullRate);
    requireFraction("mccNullRate", mccNullRate);
    requireFraction("latLonNullRate", latLonNullRate);
    requireFraction("declineRate", declineRate);
    requireFraction("reversalRate", reversalRate);
    requireFraction("pendingRate", pendingRate);
    if (pendingRate + reversalRate + declineRate > 1.0) {
      throw new IllegalArgumentException("'pendingRate' + 'reversalRate' + 'declineRate' add up to "
          + (pendingRate + reversalRate + declineRate) + " but must add up to at most 1");
    }
    if (weekdayWeights.size() != 7) {
      throw new IllegalArgumentException("'weekdayWeights' has " + weekdayWeights.size()
          + " weights but needs 7, Monday to Sunday");
    }
    weekdayWeights = List.copyOf(weekdayWeights);
    for (int i = 0; i < 7; i++) {
      requireVolumeWeight("weekdayWeights[" + i + "]", weekdayWeights.get(i));
    }
    requireVolumeWeight("holidayWeight", holidayWeight);
    requireVolumeWeight("winterWeight", winterWeight);
    requireVolumeWeight("summerWeight", summerWeight);
  }

  /** The spec's settings. */
  public static Realism defaults() {
    return DEFAULTS;
  }

  public Realism withTypeWeights(Map<TxnType, Double> value) {
    return new Realism(value, deviceNullRate, mccNullRate, latLonNullRate, declineRate, reversalRate, pendingRate,
        weekdayWeights, holidayWeight, winterWeight, summerWeight);
  }

  public Realism withNullRates(double deviceId, double mcc, double latLon) {
    return new Realism(typeWeights, deviceId, mcc, latLon, declineRate, reversalRate, pendingRate, weekdayWeights,
        holidayWeight, winterWeight, summerWeight);
  }

  public Realism withStatusRates(double decline, double reversal, double pending) {
    return new Realism(typeWeights, deviceNullRate, mccNullRate, latLonNullRate, decline, reversal, pending,
        weekdayWeights, holidayWeight, winterWeight, summerWeight);
  }

  public Realism withWeekdayWeights(List<Double> value) {
    return new Realism(typeWeights, deviceNullRate, mccNullRate, latLonNullRate, declineRate, reversalRate,
        pendingRate, value, holidayWeight, winterWeight, summerWeight);
  }

  public Realism withSeasonWeights(double holiday, double winter, double summer) {
    return new Realism(typeWeights, deviceNullRate, mccNullRate, latLonNullRate, declineRate, reversalRate,
        pendingRate, weekdayWeights, holiday, winter, summer);
  }

  /** Refunds are declined less often: at 2/5 of {@link #declineRate()} (0.02 by default). */
  public double refundDeclineRate() {
    return declineRate * 2 / 5;
  }

  /** The volume weight of a season. */
  double volumeWeight(Season season) {
    return switch (season) {
      case HOLIDAY -> holidayWeight;
      case WINTER -> winterWeight;
      case SUMMER -> summerWeight;
      case REGULAR -> 1.0;
    };
  }

  /** Base rows of a date: {@code max(1, round(rowsPerDay * weekday weight * season weight))}. */
  long baseRows(LocalDate date, long rowsPerDay) {
    double rows = rowsPerDay * weekdayWeights.get(date.getDayOfWeek().getValue() - 1)
        * volumeWeight(Season.of(date));
    return Math.max(1L, Math.round(rows));
  }

  /** The base rows of the busiest possible day: the heaviest weekday in the heaviest season. */
  long maxBaseRows(long rowsPerDay) {
    double weekday = weekdayWeights.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double season = 1.0;
    for (Season s : Season.values()) {
      season = Math.max(season, volumeWeight(s));
    }
    return Math.max(1L, Math.round(rowsPerDay * weekday * season));
  }

  private static Map<TxnType, Double> defaultTypeWeights() {
    Map<TxnType, Double> weights = new EnumMap<>(TxnType.class);
    weights.put(TxnType.PURCHASE, 0.85);
    weights.put(TxnType.CASH_ADVANCE, 0.05);
    weights.put(TxnType.BALANCE_TRANSFER, 0.04);
    weights.put(TxnType.REFUND, 0.03);
    weights.put(TxnType.ATM_WITHDRAWAL, 0.02);
    weights.put(TxnType.BILL_PAYMENT, 0.006);
    weights.put(TxnType.P2P_TRANSFER, 0.004);
    return weights;
  }

  private static void requireFraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("'" + name + "' is " + value + " but must be in [0, 1]");
    }
  }

  private static void requireVolumeWeight(String name, double value) {
    if (!(value > 0 && value <= MAX_VOLUME_WEIGHT)) {
      throw new IllegalArgumentException("'" + name + "' is " + value + " but must be in (0, " + MAX_VOLUME_WEIGHT
          + "]");
    }
  }
}
