package com.paymentslake.contract;

/** The Luhn (mod 10) check used by card numbers. */
public final class Luhn {
  private Luhn() {}

  /** True when the digits pass the Luhn check. Non-digit input is not valid. */
  public static boolean isValid(CharSequence digits) {
    int length = digits.length();
    if (length < 2) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < length; i++) {
      char c = digits.charAt(length - 1 - i);
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if ((i & 1) == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  /** The check digit that makes {@code payload + digit} Luhn-valid. */
  public static int checkDigit(CharSequence payload) {
    int sum = 0;
    int length = payload.length();
    for (int i = 0; i < length; i++) {
      char c = payload.charAt(length - 1 - i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("Card number payload has a non-digit at " + (length - i));
      }
      int d = c - '0';
      if ((i & 1) == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }
}
