package com.paymentslake.jobs.bronze;

import com.paymentslake.contract.ContractColumn;
import com.paymentslake.contract.PanSafety;
import com.paymentslake.contract.RawContract;
import com.paymentslake.contract.RejectReason;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Types the fields of one raw line by the raw contract: the single place where a raw string becomes
 * a bronze value. Pure: no Spark, no I/O.
 */
final class RawRecordTyper {
  /** Largest amount scale bronze stores exactly (KWD, BHD have 3 minor units). */
  static final int AMOUNT_SCALE = 3;

  private static final int AMOUNT_PRECISION = 18;
  private static final RawContract CONTRACT = RawContract.current();
  private static final int TXN_ID = CONTRACT.indexOf("txn_id");
  private static final int TXN_TS = CONTRACT.indexOf("txn_ts");

  private RawRecordTyper() {}

  /** A typed line or the reason it was rejected. */
  sealed interface Typed permits Values, Rejected {}

  /**
   * The typed contract values in contract order (String, Timestamp, BigDecimal, Double, Boolean)
   * and the transaction's UTC date.
   */
  record Values(Object[] values, LocalDate txnDate) implements Typed {}

  /** The line cannot become a bronze row. The detail is PAN-masked. */
  record Rejected(RejectReason reason, String detail) implements Typed {}

  /** Splits and types one data line. */
  static Typed type(String line) {
    CsvLine.Split split = CsvLine.split(line);
    if (split instanceof CsvLine.Malformed malformed) {
      return new Rejected(RejectReason.UNBALANCED_QUOTE, malformed.detail());
    }
    List<String> fields = ((CsvLine.Fields) split).values();
    if (fields.size() != CONTRACT.columnCount()) {
      return new Rejected(
          RejectReason.COLUMN_COUNT,
          "expected " + CONTRACT.columnCount() + " fields but found " + fields.size());
    }
    if (fields.get(TXN_ID) == null || fields.get(TXN_TS) == null) {
      return new Rejected(
          RejectReason.MISSING_KEY,
          (fields.get(TXN_ID) == null ? "txn_id" : "txn_ts")
              + " is empty; bronze needs it to deduplicate and partition the row");
    }
    Object[] values = new Object[fields.size()];
    Instant txnTs = null;
    for (int i = 0; i < values.length; i++) {
      String raw = fields.get(i);
      if (raw == null) {
        continue;
      }
      ContractColumn column = CONTRACT.columns().get(i);
      try {
        values[i] =
            switch (column.type()) {
              case STRING -> raw;
              case TIMESTAMP -> Timestamp.from(parseInstant(raw));
              case DECIMAL -> parseAmount(raw);
              case DOUBLE -> parseDouble(raw);
              case BOOLEAN -> parseBoolean(raw);
            };
      } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
        return new Rejected(
            RejectReason.TYPE_CAST,
            PanSafety.mask(
                column.name() + "='" + abbreviate(raw) + "' is not a valid "
                    + column.type().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage()));
      }
      if (i == TXN_TS) {
        txnTs = ((Timestamp) values[i]).toInstant();
      }
    }
    return new Values(values, LocalDate.ofInstant(txnTs, ZoneOffset.UTC));
  }

  static Date sqlDate(LocalDate date) {
    return Date.valueOf(date);
  }

  private static Instant parseInstant(String raw) {
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(raw).toInstant();
    }
  }

  private static BigDecimal parseAmount(String raw) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a decimal number", e);
    }
    if (amount.scale() > AMOUNT_SCALE) {
      throw new IllegalArgumentException("has " + amount.scale() + " decimals but at most " + AMOUNT_SCALE + " are allowed");
    }
    BigDecimal scaled = amount.setScale(AMOUNT_SCALE);
    if (scaled.precision() > AMOUNT_PRECISION) {
      throw new IllegalArgumentException("has more than " + (AMOUNT_PRECISION - AMOUNT_SCALE) + " integer digits");
    }
    return scaled;
  }

  private static Double parseDouble(String raw) {
    double value;
    try {
      value = Double.parseDouble(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number", e);
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a finite number");
    }
    return value;
  }

  private static Boolean parseBoolean(String raw) {
    return switch (raw.strip()) {
      case "1", "true", "TRUE" -> Boolean.TRUE;
      case "0", "false", "FALSE" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("expected 0 or 1");
    };
  }

  private static String abbreviate(String raw) {
    return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
  }
}
