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
    byte[] ascii = new byte[payload.length()];
    for (int i = 0; i < ascii.length; i++) {
      char c = payload.charAt(i);
      ascii[i] = c < 0x80 ? (byte) c : (byte) '?'; // any non-digit is refused below
    }
    return checkDigit(ascii, ascii.length);
  }

  /**
   * The check digit that makes the first {@code length} ASCII bytes of {@code payload} plus the
   * digit Luhn-valid: for numbers built in a byte array, without a string.
   */
  public static int checkDigit(byte[] payload, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      int d = payload[length - 1 - i] - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("Card number payload has a non-digit at " + (length - i));
      }
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
