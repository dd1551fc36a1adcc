package com.paymentslake.contract;

/** Where the card was used. {@link #ECOM} and {@link #MOTO} are card-not-present. */
public enum Channel {
  POS,
  ECOM,
  ATM,
  MOTO;

  public boolean cardNotPresent() {
    return this == ECOM || this == MOTO;
  }
}
