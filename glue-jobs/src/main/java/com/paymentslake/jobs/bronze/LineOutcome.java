package com.paymentslake.jobs.bronze;

/** What the bronze merge did with each row it considered. */
enum LineOutcome {
  /** An incoming row whose txn_id is new to bronze. */
  INSERTED,
  /** An incoming row that replaces an existing bronze row of its txn_id (a later version). */
  REPLACED_EXISTING,
  /** An incoming row identical to the bronze row loaded from the same raw line by an earlier run. */
  ALREADY_LOADED,
  /** An incoming row identical in content to the row kept for its txn_id. */
  DUPLICATE_DROPPED,
  /** An incoming row that lost to a later version of its txn_id. */
  SUPERSEDED,
  /** An existing bronze row that stays. */
  KEPT,
  /** An existing bronze row replaced by an incoming one. */
  REMOVED
}
