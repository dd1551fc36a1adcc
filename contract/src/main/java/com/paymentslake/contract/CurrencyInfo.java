package com.paymentslake.contract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An active ISO 4217 currency of the reference table.
 *
 * @param code alphabetic code, upper case
 * @param minorUnits digits after the decimal point (JPY 0, USD 2, KWD 3)
 * @param usdPerUnit fixed reference rate: US dollars for one major unit
 * @param homeCountry ISO 3166-1 alpha-2 country that issues it
 */
public record CurrencyInfo(String code, int minorUnits, BigDecimal usdPerUnit, String homeCountry) {
  public CurrencyInfo {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(usdPerUnit, "usdPerUnit");
    Objects.requireNonNull(homeCountry, "homeCountry");
    if (!code.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("Currency code '" + code + "' must be three upper-case letters");
    }
    if (minorUnits < 0 || minorUnits > 4) {
      throw new IllegalArgumentException(
          "Currency " + code + " minor units is " + minorUnits + " but must be in [0, 4]");
    }
    if (usdPerUnit.signum() <= 0) {
      throw new IllegalArgumentException("Currency " + code + " rate is " + usdPerUnit + " but must be > 0");
    }
  }
}
