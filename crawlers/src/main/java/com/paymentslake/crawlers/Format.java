package com.paymentslake.crawlers;

import java.util.Locale;

/** The data formats the local crawler classifies, with Glue's {@code classification} values. */
enum Format {
  PARQUET("parquet"),
  CSV("csv");

  private final String classification;

  Format(String classification) {
    this.classification = classification;
  }

  /** Glue's {@code classification} table property, also the Spark data source name. */
  String classification() {
    return classification;
  }

  /** The format of a Spark data source provider name, or null if it is not one of ours. */
  static Format ofProvider(String provider) {
    if (provider == null) {
      return null;
    }
    for (Format format : values()) {
      if (format.classification.equals(provider.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    return null;
  }
}
