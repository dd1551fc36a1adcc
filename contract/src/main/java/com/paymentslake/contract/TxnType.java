package com.paymentslake.contract;

/** Transaction types of the raw contract. */
public enum TxnType {
  PURCHASE,
  CASH_ADVANCE,
  BALANCE_TRANSFER,
  REFUND,
  ATM_WITHDRAWAL,
  BILL_PAYMENT,
  P2P_TRANSFER
}
