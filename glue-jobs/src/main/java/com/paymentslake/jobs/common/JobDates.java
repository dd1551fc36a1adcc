package com.paymentslake.jobs.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Date-list job arguments such as {@code --ingest-dates 2026-11-01,2026-11-02}. */
public final class JobDates {
  private JobDates() {}

  /**
   * Parses a comma-separated list of ISO dates; blanks around items are allowed.
   *
   * @throws JobFailure INVALID_ARGUMENT naming the job, the argument and the bad item
   */
  public static List<LocalDate> parse(String job, String key, String text) {
    List<LocalDate> dates = new ArrayList<>();
    String[] parts = text.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      try {
        dates.add(LocalDate.parse(part));
      } catch (DateTimeParseException e) {
        throw new JobFailure(
            ErrorCode.INVALID_ARGUMENT,
            "job " + job + ": argument --" + key + " item " + (i + 1) + " '" + part
                + "' is not an ISO date (yyyy-MM-dd); expected e.g. 2026-11-01,2026-11-02");
      }
    }
    return dates;
  }
}
