package com.paymentslake.local;

/** The local S3 server cannot be found, started or reached. */
public class S3ProxyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public S3ProxyException(String message) {
    super(message);
  }

  public S3ProxyException(String message, Throwable cause) {
    super(message, cause);
  }
}
