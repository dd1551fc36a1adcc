package com.paymentslake.generator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which ingest dates a run covers, as a card-data pipeline loads them: a one-off backfill of history,
 * then a nightly window of recent days.
 */
public enum GenerationMode {
  /** {@code --days} dates from {@code --start-date} (default: the {@code --days} days before today). */
  RANGE,
  /**
   * Backfill of history: every date from {@code --start-date} (default {@value #DEFAULT_INITIAL_LOAD_START})
   * up to {@code --end-date} (default: the day before the nightly window, today minus 8).
   */
  INITIAL_LOAD,
  /** The nightly window: the {@value #NIGHTLY_DAYS} days before today (today minus 7 .. yesterday). */
  NIGHTLY;

  public static final String DEFAULT_INITIAL_LOAD_START = "2020-01-01";
  public static final int NIGHTLY_DAYS = 7;

  /** The option value: {@code range}, {@code initial-load} or {@code nightly}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static GenerationMode parse(String text) {
    for (GenerationMode mode : values()) {
      if (mode.optionValue().equalsIgnoreCase(text.strip())) {
        return mode;
      }
    }
    throw new IllegalArgumentException("Option --mode is '" + text + "' but must be one of "
        + Arrays.stream(values()).map(GenerationMode::optionValue).toList());
  }

  /** First day of the nightly window for a given today (UTC). */
  static LocalDate nightlyStart(LocalDate today) {
    return today.minusDays(NIGHTLY_DAYS);
  }

  /** Default last day of an initial load: the day before the nightly window. */
  static LocalDate initialLoadEnd(LocalDate today) {
    return nightlyStart(today).minusDays(1);
  }
}
