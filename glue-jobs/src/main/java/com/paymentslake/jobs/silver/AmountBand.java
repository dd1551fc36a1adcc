package com.paymentslake.jobs.silver;

import java.math.BigDecimal;

/**
 * Size bands of a payment in US dollars ({@code amount_usd}), for analysts' histograms. Each band
 * holds amounts from its lower bound (inclusive) up to the next band's lower bound (exclusive).
 */
enum AmountBand {
  UNDER_10("under_10", "0"),
  FROM_10_TO_50("10_to_50", "10"),
  FROM_50_TO_200("50_to_200", "50"),
  FROM_200_TO_1000("200_to_1000", "200"),
  FROM_1000("1000_plus", "1000");

  private final String label;
  private final BigDecimal lowerBoundUsd;

  AmountBand(String label, String lowerBoundUsd) {
    this.label = label;
    this.lowerBoundUsd = new BigDecimal(lowerBoundUsd);
  }

  /** The value written to {@code amount_band}. */
  String label() {
    return label;
  }

  BigDecimal lowerBoundUsd() {
    return lowerBoundUsd;
  }

  static AmountBand of(BigDecimal amountUsd) {
    AmountBand band = UNDER_10;
    for (AmountBand candidate : values()) {
      if (amountUsd.compareTo(candidate.lowerBoundUsd) >= 0) {
        band = candidate;
      }
    }
    return band;
  }
}
