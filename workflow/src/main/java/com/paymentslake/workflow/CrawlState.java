package com.paymentslake.workflow;

/** Glue's crawl states, as trigger conditions name them ({@code CrawlState}). */
public enum CrawlState {
  RUNNING,
  CANCELLING,
  CANCELLED,
  SUCCEEDED,
  FAILED,
  ERROR;

  /** True once the crawl can no longer change state. */
  public boolean isFinal() {
    return this == CANCELLED || this == SUCCEEDED || this == FAILED || this == ERROR;
  }
}
