package com.paymentslake.jobs.common;

import java.util.Objects;

/** A job failed for a categorized reason; the Glue/CLI entry point exits non-zero with it. */
public class JobFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public JobFailure(ErrorCode code, String message) {
    super(code + ": " + message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public JobFailure(ErrorCode code, String message, Throwable cause) {
    super(code + ": " + message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
