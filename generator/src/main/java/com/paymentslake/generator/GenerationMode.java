package com.paymentslake.generator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which ingest dates a run covers, as a card-data pipeline loads them: a one-off backfill of history
 * ({@link #INITIAL_LOAD}), then every night the last week ({@link #NIGHTLY}). The two never overlap:
 * the initial load ends the day before the nightly window starts. "Today" is the UTC date of the
 * clock the options are parsed with.
 */
public enum GenerationMode {
  /** {@code --days} dates from {@code --start-date} (default: the {@code --days} days before today). */
  RANGE,
  /**
   * Backfill of history: every date from {@code --start-date} (default {@value #DEFAULT_INITIAL_LOAD_START})
   * up to {@code --end-date} (default: the day before the nightly window, today minus {@value
   * #INITIAL_LOAD_END_DAYS_AGO}).
   */
  INITIAL_LOAD,
  /** The nightly window: the {@value #NIGHTLY_DAYS} days before today (today minus 7 .. yesterday). */
  NIGHTLY;

  /** First date of an initial load unless {@code --start-date} says otherwise. */
  public static final String DEFAULT_INITIAL_LOAD_START = "2020-01-01";
  /** Dates of the nightly window, which ends yesterday. */
  public static final int NIGHTLY_DAYS = 7;
  /** An initial load ends this many days before today unless {@code --end-date} says otherwise. */
  public static final int INITIAL_LOAD_END_DAYS_AGO = NIGHTLY_DAYS + 1;

  /** The option value: {@code range}, {@code initial-load} or {@code nightly}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses an option value (any case).
   *
   * @throws IllegalArgumentException naming {@code --mode}, the value and the allowed values
   */
  public static GenerationMode parse(String text) {
    for (GenerationMode mode : values()) {
      if (mode.optionValue().equalsIgnoreCase(text.strip())) {
        return mode;
      }
    }
    throw new IllegalArgumentException("Option --mode is '" + text + "' but must be one of "
        + Arrays.stream(values()).map(GenerationMode::optionValue).toList());
  }

  /** First day of the nightly window for a given today (UTC): today minus {@value #NIGHTLY_DAYS}. */
  static LocalDate nightlyStart(LocalDate today) {
    return today.minusDays(NIGHTLY_DAYS);
  }

  /** Default last day of an initial load: the day before the nightly window. */
  static LocalDate initialLoadEnd(LocalDate today) {
    return today.minusDays(INITIAL_LOAD_END_DAYS_AGO);
  }
}
