package com.paymentslake.workflow;

/** Glue's job run states (the {@code state} of a {@code Glue Job State Change} event). */
public enum JobRunState {
  STARTING,
  RUNNING,
  STOPPING,
  STOPPED,
  SUCCEEDED,
  FAILED,
  TIMEOUT,
  ERROR,
  WAITING;

  /** True once the run can no longer change state. */
  public boolean isFinal() {
    return this == STOPPED || this == SUCCEEDED || this == FAILED || this == TIMEOUT || this == ERROR;
  }
}
