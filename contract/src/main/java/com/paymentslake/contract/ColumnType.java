package com.paymentslake.contract;

/** The logical type of a raw contract column; bronze casts each raw string to this type. */
public enum ColumnType {
  STRING,
  /** ISO-8601 instant in UTC, e.g. {@code 2026-11-01T18:04:05Z}. */
  TIMESTAMP,
  /** Plain decimal string carrying exactly the currency's minor-unit digits. */
  DECIMAL,
  DOUBLE,
  /** {@code 0} or {@code 1}. */
  BOOLEAN;

  static ColumnType parse(String text) {
    for (ColumnType type : values()) {
      if (type.name().equalsIgnoreCase(text.strip())) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Unknown column type '" + text + "'; allowed: string, timestamp, decimal, double, boolean");
  }
}
