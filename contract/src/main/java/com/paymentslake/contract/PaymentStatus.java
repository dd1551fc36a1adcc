package com.paymentslake.contract;

/** Outcome of a transaction. A replay of a txn_id carries a later status (PENDING to final). */
public enum PaymentStatus {
  APPROVED,
  DECLINED,
  REVERSED,
  PENDING
}
