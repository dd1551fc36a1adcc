package com.paymentslake.contract;

/** The Luhn (mod 10) check used by card numbers. */
public final class Luhn {
  /**
   * A digit's contribution when it stands in a doubled position: 2d, less 9 when that has two
   * digits. A table rather than a branch: in random card numbers the branch is a coin toss.
   */
  private static final int[] DOUBLED = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};

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
      sum += (i & 1) == 1 ? DOUBLED[d] : d;
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
    // The check digit will stand right of the payload, so the payload's last digit is doubled;
    // pairs from the right, so the first non-digit from the right is the one reported.
    int i = length - 1;
    for (; i >= 1; i -= 2) {
      sum += DOUBLED[digit(payload, i)] + digit(payload, i - 1);
    }
    if (i == 0) {
      sum += DOUBLED[digit(payload, 0)];
    }
    return (10 - sum % 10) % 10;
  }

  private static int digit(byte[] payload, int index) {
    int d = payload[index] - '0';
    if (d < 0 || d > 9) {
      throw new IllegalArgumentException("Card number payload has a non-digit at " + (index + 1));
    }
    return d;
  }
}
