package com.paymentslake.contract;

/**
 * Keeps full card numbers out of everything the lake stores or logs (PCI DSS 3.5.1).
 *
 * <p>Any run of 13 to 19 digits that passes the Luhn check is treated as a PAN and masked to its
 * first six and last four digits ({@code 411111******1111}). Applied to raw lines before they land in
 * the audit zone and to every message that quotes input data.
 */
public final class PanSafety {
  private static final int MIN_PAN = 13;
  private static final int MAX_PAN = 19;

  private PanSafety() {}

  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
      }
      int runLength = i - start;
      if (runLength >= MIN_PAN && runLength <= MAX_PAN && Luhn.isValid(text.subSequence(start, i))) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        for (int j = start + 6; j < i - 4; j++) {
          out.setCharAt(j, '*');
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** True when the text holds no unmasked PAN. */
  public static boolean isSafe(String text) {
    return text == null || mask(text).equals(text);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
