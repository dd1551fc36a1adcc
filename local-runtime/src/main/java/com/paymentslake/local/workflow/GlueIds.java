package com.paymentslake.local.workflow;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Run ids in Glue's formats. */
final class GlueIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private GlueIds() {}

  /** A job run id: {@code jr_} and 64 hex digits. */
  static String jobRunId() {
    return "jr_" + hex64();
  }

  /** A workflow run id: {@code wr_} and 64 hex digits. */
  static String workflowRunId() {
    return "wr_" + hex64();
  }

  /** The run id of retry {@code attempt} of a job run, as Glue names it. */
  static String attemptId(String firstRunId, int attempt) {
    return attempt == 0 ? firstRunId : firstRunId + "_attempt_" + attempt;
  }

  private static String hex64() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
