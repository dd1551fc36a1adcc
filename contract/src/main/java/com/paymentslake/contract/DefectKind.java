package com.paymentslake.contract;

/**
 * Every kind of dirty data the generator injects, with the pipeline stage that must catch it. The
 * truth manifest lists the txn_ids of each kind per ingest partition.
 */
public enum DefectKind {
  /** A byte-identical copy of a line. */
  EXACT_DUPLICATE(DetectionStage.BRONZE_DEDUP),
  /** The same txn_id again, later, with its final status (the earlier line is PENDING). */
  REPLAY_LATER_STATUS(DetectionStage.BRONZE_DEDUP),
  /** A transaction that lands in an ingest partition days after its txn_date. */
  LATE_ARRIVAL(DetectionStage.ACCEPTED),
  /** Amount zero or negative. */
  NON_POSITIVE_AMOUNT(DetectionStage.SILVER_AUDIT),
  /** Amount that is not a decimal number. */
  NON_NUMERIC_AMOUNT(DetectionStage.BRONZE_REJECT),
  /** Currency lower case, withdrawn or junk. */
  BAD_CURRENCY(DetectionStage.SILVER_AUDIT),
  /** Status outside the vocabulary. */
  UNKNOWN_STATUS(DetectionStage.SILVER_AUDIT),
  /** A required (non-key) field left empty; the manifest detail names the column. */
  MISSING_REQUIRED_FIELD(DetectionStage.SILVER_AUDIT),
  /** txn_ts after the day the row was ingested. */
  FUTURE_TIMESTAMP(DetectionStage.SILVER_AUDIT),
  /** A line with fewer fields than the contract. */
  TOO_FEW_COLUMNS(DetectionStage.BRONZE_REJECT),
  /** A line with more fields than the contract. */
  TOO_MANY_COLUMNS(DetectionStage.BRONZE_REJECT),
  /** A line whose quoted field is never closed. */
  UNBALANCED_QUOTE(DetectionStage.BRONZE_REJECT),
  /** A whole file whose header differs from the contract (columns swapped). */
  SCHEMA_DRIFT(DetectionStage.BRONZE_REJECT);

  private final DetectionStage stage;

  DefectKind(DetectionStage stage) {
    this.stage = stage;
  }

  public DetectionStage stage() {
    return stage;
  }
}
