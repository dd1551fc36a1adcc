package com.paymentslake.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes such as {@code 10GB}, {@code 512MB}, {@code 1.5GiB} or {@code 2000000} (bytes). */
final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
  private static final String FORMS = "a size such as 10GB, 512MB, 1.5GiB or a number of bytes"
      + " (units B, KB, MB, GB, TB = powers of 1000; KiB, MiB, GiB, TiB = powers of 1024)";

  private ByteSize() {}

  /**
   * Bytes of a size: decimal units KB, MB, GB, TB (10^3 steps) and binary units KiB, MiB, GiB, TiB
   * (2^10 steps), any case; no unit means bytes. Fractions round to the nearest byte.
   *
   * @throws IllegalArgumentException naming the option, the text and the accepted forms
   */
  static long parse(String option, String text) {
    Matcher m = SIZE.matcher(text.strip());
    BigDecimal multiplier = m.matches() ? multiplier(m.group(2).toUpperCase(Locale.ROOT)) : null;
    if (multiplier == null) {
      throw new IllegalArgumentException("Option " + option + " is '" + text + "' but must be " + FORMS);
    }
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(multiplier).setScale(0, RoundingMode.HALF_UP);
    if (bytes.compareTo(BigDecimal.ONE) < 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("Option " + option + " is '" + text + "' but must be between 1 byte and "
          + Long.MAX_VALUE + " bytes");
    }
    return bytes.longValueExact();
  }

  private static BigDecimal multiplier(String unit) {
    return switch (unit) {
      case "", "B" -> BigDecimal.ONE;
      case "KB" -> BigDecimal.TEN.pow(3);
      case "MB" -> BigDecimal.TEN.pow(6);
      case "GB" -> BigDecimal.TEN.pow(9);
      case "TB" -> BigDecimal.TEN.pow(12);
      case "KIB" -> BigDecimal.valueOf(1L << 10);
      case "MIB" -> BigDecimal.valueOf(1L << 20);
      case "GIB" -> BigDecimal.valueOf(1L << 30);
      case "TIB" -> BigDecimal.valueOf(1L << 40);
      default -> null;
    };
  }

  /** E.g. {@code 10.0 GB}, {@code 1.6 MB}, {@code 4.5 KB}, {@code 512 bytes} (decimal units). */
  static String format(long bytes) {
    if (bytes >= 1_000_000_000_000L) {
      return String.format(Locale.ROOT, "%.1f TB", bytes / 1e12);
    }
    if (bytes >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
    if (bytes >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    if (bytes >= 1_000L) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
    }
    return bytes + " bytes";
  }
}
