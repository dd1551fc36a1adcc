package com.paymentslake.local;

/** The command line is wrong (unknown option, bad value); the CLI exits with status 2. */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
