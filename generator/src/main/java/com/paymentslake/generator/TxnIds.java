package com.paymentslake.generator;

import java.time.LocalDate;

/**
 * A txn_id, {@code T<yyyyMMdd>-<X if drift><seq, 10 digits>}, packed into one long: the epoch day in
 * the high bits, then the drift flag, then the sequence number. Longs compare as the txn_id strings
 * do (for four-digit years), so the defect log keeps, merges and sorts 8 bytes per defective line
 * instead of a String of about 64, and spells the ids out only for the manifest.
 */
final class TxnIds {
  /** The largest sequence number a txn_id has digits for. */
  static final long MAX_SEQ = 9_999_999_999L;
  /** 2^34 > 10^10: the sequence number's bits. */
  private static final int DRIFT_SHIFT = 34;
  private static final int DAY_SHIFT = DRIFT_SHIFT + 1;
  private static final long SEQ_MASK = (1L << DRIFT_SHIFT) - 1;

  private TxnIds() {}

  static long pack(long epochDay, boolean drift, long seq) {
    if (seq < 0 || seq > MAX_SEQ) {
      throw new IllegalArgumentException("Sequence number " + seq + " is outside [0, " + MAX_SEQ + "]");
    }
    return epochDay << DAY_SHIFT | (drift ? 1L << DRIFT_SHIFT : 0) | seq;
  }

  static long epochDay(long packed) {
    return packed >> DAY_SHIFT;
  }

  static boolean drift(long packed) {
    return (packed >>> DRIFT_SHIFT & 1) != 0;
  }

  static long seq(long packed) {
    return packed & SEQ_MASK;
  }

  /** The txn_id's text, the same as the encoder writes. */
  static String text(long packed) {
    return new Formatter().text(packed);
  }

  /** Spells out txn_ids, keeping the date text of the last one (a manifest's ids share few dates). */
  static final class Formatter {
    private final char[] chars = new char[21];
    private long day = Long.MIN_VALUE;

    String text(long packed) {
      long epochDay = epochDay(packed);
      if (epochDay != day) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (date.getYear() < 0 || date.getYear() > GeneratorConfig.MAX_YEAR) {
          throw new IllegalArgumentException("Epoch day " + epochDay + " (" + date + ") has no 8-digit txn_id date");
        }
        chars[0] = 'T';
        digits(date.getYear(), 1, 4);
        digits(date.getMonthValue(), 5, 2);
        digits(date.getDayOfMonth(), 7, 2);
        chars[9] = '-';
        day = epochDay;
      }
      int p = 10;
      if (drift(packed)) {
        chars[p++] = 'X';
      }
      digits(seq(packed), p, 10);
      return new String(chars, 0, p + 10);
    }

    private void digits(long value, int at, int count) {
      for (int i = at + count - 1; i >= at; i--) {
        chars[i] = (char) ('0' + value % 10);
        value /= 10;
      }
    }
  }
}
