package com.paymentslake.local.query;

/** A query name or file that {@link AthenaQueries#resolve} cannot find; the message lists the names. */
public class UnknownQueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownQueryException(String message) {
    super(message);
  }
}
