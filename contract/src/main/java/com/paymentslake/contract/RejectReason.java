package com.paymentslake.contract;

/** Reason codes of audit/bronze_rejects rows. */
public enum RejectReason {
  /** The file's header differs from the raw contract; the whole file is quarantined. */
  SCHEMA_DRIFT,
  /** The line does not have the contract's number of fields. */
  COLUMN_COUNT,
  /** A quoted field is not closed on its line. */
  UNBALANCED_QUOTE,
  /** txn_id or txn_ts is empty: the row cannot be deduplicated or partitioned. */
  MISSING_KEY,
  /** A value does not parse as its contract type. */
  TYPE_CAST
}
