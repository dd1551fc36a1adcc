package com.paymentslake.generator;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes such as {@code 10GB}, {@code 512MB}, {@code 1.5GiB} or {@code 2000000} (bytes). */
final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B|B)?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /**
   * Bytes of a size: decimal units KB, MB, GB, TB (10^3 steps) and binary units KiB, MiB, GiB, TiB
   * (2^10 steps); no unit means bytes.
   *
   * @throws IllegalArgumentException naming the option and the accepted forms
   */
  static long parse(String option, String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("Option " + option + " is '" + text
          + "' but must be a size such as 10GB, 512MB, 1.5GiB or a number of bytes");
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    BigDecimal multiplier = switch (unit) {
      case "B" -> BigDecimal.ONE;
      case "KB" -> BigDecimal.TEN.pow(3);
      case "MB" -> BigDecimal.TEN.pow(6);
      case "GB" -> BigDecimal.TEN.pow(9);
      case "TB" -> BigDecimal.TEN.pow(12);
      case "KIB" -> BigDecimal.valueOf(1L << 10);
      case "MIB" -> BigDecimal.valueOf(1L << 20);
      case "GIB" -> BigDecimal.valueOf(1L << 30);
      default -> BigDecimal.valueOf(1L << 40);
    };
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(multiplier);
    if (bytes.compareTo(BigDecimal.ONE) < 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("Option " + option + " is '" + text + "' but must be at least 1 byte");
    }
    return bytes.longValue();
  }

  /** E.g. {@code 10.0 GB}. */
  static String format(long bytes) {
    if (bytes >= 1e12) {
      return String.format(Locale.ROOT, "%.1f TB", bytes / 1e12);
    }
    if (bytes >= 1e9) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
    if (bytes >= 1e6) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    return String.format(Locale.ROOT, "%,d bytes", bytes);
  }
}
