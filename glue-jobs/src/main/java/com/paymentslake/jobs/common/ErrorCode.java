package com.paymentslake.jobs.common;

/** Categories of pipeline failures; every {@link JobFailure} message starts with one. */
public enum ErrorCode {
  /** A job argument is missing, unknown or malformed. */
  INVALID_ARGUMENT,
  /** An input partition or file the job was asked to read does not exist. */
  INPUT_NOT_FOUND,
  /** Counts of what was read and written do not reconcile. */
  CONSERVATION_VIOLATED,
  /** A dataset-level data-quality rule failed; the DQ summary has the details. */
  DQ_BLOCKING_RULE_FAILED,
  /** A ruleset cannot be read or parsed. */
  INVALID_RULESET,
  /** A workflow run ended with a failed, timed-out or stopped action (the local twin's runner). */
  WORKFLOW_RUN_FAILED
}
