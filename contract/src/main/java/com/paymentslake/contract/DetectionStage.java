package com.paymentslake.contract;

/** Which step of the pipeline is expected to deal with an injected defect. */
public enum DetectionStage {
  /** The line cannot be typed or its file breaks the contract: it lands in audit/bronze_rejects. */
  BRONZE_REJECT,
  /** An extra copy of a txn_id: bronze keeps one row and counts the others as dropped. */
  BRONZE_DEDUP,
  /** The row is typed but breaks a row-level DQ rule: it lands in audit/silver_rejects. */
  SILVER_AUDIT,
  /** Not an error: the row must land in silver (e.g. a late arrival in its own txn_date). */
  ACCEPTED
}
