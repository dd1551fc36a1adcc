package com.paymentslake.generator;

import com.paymentslake.contract.TxnType;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the realism model promises, computed in the tests from its documented parameters (the SPEC's
 * targets and the tables of {@link Segment} and {@link MerchantCategory}) with mathematics of the
 * tests' own: a normal CDF, wrapped time-of-day mixtures integrated per hour, log-normal mixture
 * quantiles. Nothing here calls the row engine.
 */
final class RealismModel {
  /** SPEC "Realism targets": the type mix of genuine rows (the 1% "other" split 0.6 / 0.4). */
  static final Map<TxnType, Double> TYPE_SHARES = typeShares();
  /** Genuine rows' statuses (fractions of the rows of a type). */
  static final double PENDING_RATE = 0.002;
  static final double REVERSAL_RATE = 0.0054;
  static final double DECLINE_RATE = 0.05;
  static final double REFUND_DECLINE_RATE = 0.02;
  static final double FRAUD_DECLINE_RATE = 0.25;
  /** Null rates of the noisy fields (SPEC), and of fraud rows' devices (a burst has no device 15% of the time). */
  static final double DEVICE_NULL_RATE = 0.08;
  static final double FRAUD_DEVICE_NULL_RATE = 0.15;
  static final double MCC_NULL_RATE = 0.05;
  static final double LAT_LON_NULL_RATE = 0.01;

  private RealismModel() {}

  static boolean reversible(TxnType type) {
    return type == TxnType.PURCHASE || type == TxnType.CASH_ADVANCE || type == TxnType.ATM_WITHDRAWAL;
  }

  static double declineRate(TxnType type) {
    return type == TxnType.REFUND ? REFUND_DECLINE_RATE : DECLINE_RATE;
  }

  /** Standard normal CDF (erfc of Numerical Recipes, fractional error below 1.2e-7). */
  static double phi(double x) {
    double z = Math.abs(x) / Math.sqrt(2);
    double t = 1.0 / (1.0 + 0.5 * z);
    double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? 1.0 - 0.5 * erfc : 0.5 * erfc;
  }

  /**
   * Shares of the 24 UTC hours of a time-of-day mixture given as (weight, mean h, sd h) triples,
   * each normal wrapped into the day (a time t lands in hour floor(t mod 24)).
   */
  static double[] mixtureHourShares(double... components) {
    double[] shares = new double[24];
    double total = 0;
    for (int c = 0; c < components.length; c += 3) {
      total += components[c];
    }
    for (int c = 0; c < components.length; c += 3) {
      double weight = components[c] / total;
      double mean = components[c + 1];
      double sd = components[c + 2];
      for (int h = 0; h < 24; h++) {
        double p = 0;
        for (int k = -4; k <= 4; k++) {
          p += phi((h + 1 + 24 * k - mean) / sd) - phi((h + 24 * k - mean) / sd);
        }
        shares[h] += weight * p;
      }
    }
    return shares;
  }

  static double[] segmentHourShares(Segment segment) {
    return mixtureHourShares(segment.hourComponents());
  }

  /** Hour shares of rows mixed from the segments with these weights (any scale). */
  static double[] rowHourShares(double[] segmentWeights) {
    double total = 0;
    for (double w : segmentWeights) {
      total += w;
    }
    double[] out = new double[24];
    for (Segment segment : Segment.values()) {
      double[] shares = segmentHourShares(segment);
      for (int h = 0; h < 24; h++) {
        out[h] += segmentWeights[segment.ordinal()] / total * shares[h];
      }
    }
    return out;
  }

  /** The holder shares of the segments, as documented. */
  static double[] holderShares() {
    double[] out = new double[Segment.values().length];
    for (Segment segment : Segment.values()) {
      out[segment.ordinal()] = segment.share;
    }
    return out;
  }

  /**
   * P(amount in USD &lt;= x) of a category's purchases: a mixture over segments of log-normals with
   * median {@code medianUsd x spendFactor} and the category's sigma.
   */
  static double amountCdf(MerchantCategory category, double[] segmentWeights, double x) {
    double total = 0;
    double p = 0;
    for (Segment segment : Segment.values()) {
      double w = segmentWeights[segment.ordinal()];
      total += w;
      p += w * phi((Math.log(x) - Math.log(category.medianUsd * segment.spendFactor)) / category.sigma);
    }
    return p / total;
  }

  /** The amount (USD) of a category's purchases below which a share {@code p} lies. */
  static double amountQuantile(MerchantCategory category, double[] segmentWeights, double p) {
    double low = Math.log(1e-3);
    double high = Math.log(1e6);
    for (int i = 0; i < 200; i++) {
      double mid = (low + high) / 2;
      if (amountCdf(category, segmentWeights, Math.exp(mid)) < p) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return Math.exp((low + high) / 2);
  }

  /** Segment weights of a category's purchases when segments buy with the given row weights. */
  static double[] purchaseSegmentWeights(MerchantCategory category, double[] segmentRowWeights) {
    double[] out = new double[Segment.values().length];
    for (Segment segment : Segment.values()) {
      out[segment.ordinal()] = segmentRowWeights[segment.ordinal()] * segment.purchaseWeight(category)
          / totalPurchaseWeight(segment);
    }
    return out;
  }

  static double totalPurchaseWeight(Segment segment) {
    return totalPurchaseWeight(segment, Season.REGULAR);
  }

  /** The sum of a segment's purchase weights in a season (each times the season's factor). */
  static double totalPurchaseWeight(Segment segment, Season season) {
    double sum = 0;
    for (MerchantCategory category : Segment.PURCHASE_CATEGORIES) {
      sum += segment.purchaseWeight(category, season);
    }
    return sum;
  }

  /** Standard error of a share p estimated from n independent trials. */
  static double standardError(double p, double n) {
    return Math.sqrt(p * (1 - p) / n);
  }

  private static Map<TxnType, Double> typeShares() {
    Map<TxnType, Double> shares = new EnumMap<>(TxnType.class);
    shares.put(TxnType.PURCHASE, 0.85);
    shares.put(TxnType.CASH_ADVANCE, 0.05);
    shares.put(TxnType.BALANCE_TRANSFER, 0.04);
    shares.put(TxnType.REFUND, 0.03);
    shares.put(TxnType.ATM_WITHDRAWAL, 0.02);
    shares.put(TxnType.BILL_PAYMENT, 0.006);
    shares.put(TxnType.P2P_TRANSFER, 0.004);
    return Map.copyOf(shares);
  }
}
