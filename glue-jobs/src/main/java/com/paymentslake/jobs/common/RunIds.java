package com.paymentslake.jobs.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Run ids: Glue's JOB_RUN_ID when the job runs in Glue, otherwise {@code <job>-<utc time>-<random>}. */
public final class RunIds {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunIds() {}

  public static String newRunId(String job) {
    return job + "-" + STAMP.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The run id for a job started with these arguments. */
  public static String from(JobArguments arguments, String job) {
    return arguments.optional("run-id")
        .or(() -> arguments.optional("JOB_RUN_ID"))
        .orElseGet(() -> newRunId(job));
  }
}
