package com.paymentslake.contract;

/** Card schemes the generator issues, with their PAN lengths. */
public enum CardBrand {
  VISA(16),
  MASTERCARD(16),
  AMEX(15),
  DISCOVER(16);

  private final int panLength;

  CardBrand(int panLength) {
    this.panLength = panLength;
  }

  public int panLength() {
    return panLength;
  }

  /**
   * The brand whose IIN ranges contain this BIN (Visa 4; Mastercard 51-55 and 2221-2720; Amex 34
   * and 37; Discover 6011, 64 and 65), or null when none does.
   */
  public static CardBrand ofBin(String bin) {
    if (bin == null || bin.length() < 4 || !bin.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int two = Integer.parseInt(bin.substring(0, 2));
    int four = Integer.parseInt(bin.substring(0, 4));
    if (bin.charAt(0) == '4') {
      return VISA;
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return MASTERCARD;
    }
    if (two == 34 || two == 37) {
      return AMEX;
    }
    if (four == 6011 || two == 64 || two == 65) {
      return DISCOVER;
    }
    return null;
  }
}
