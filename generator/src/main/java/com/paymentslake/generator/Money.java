package com.paymentslake.generator;

import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.CurrencyInfo;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** An active currency prepared for the hot path: code bytes, minor-unit scale, USD conversion. */
final class Money {
  private static final Map<String, Money> BY_CODE = new HashMap<>();

  static {
    for (CurrencyInfo info : Currencies.all()) {
      BY_CODE.put(info.code(), new Money(info));
    }
  }

  final CurrencyInfo info;
  final byte[] code;
  /** {@code ,CODE,} as a clean line holds it between amount and status, {@link Ascii#padded}. */
  final byte[] paddedCommaCodeComma;
  final int commaCodeCommaLength;
  final int minorUnits;
  /** 10^minorUnits. */
  final long scale;
  final double usdPerUnit;
  /** The smallest banknote-like step of ATM withdrawals, in major units (USD 10, JPY 1000). */
  final long atmStep;

  private Money(CurrencyInfo info) {
    this.info = info;
    this.code = info.code().getBytes(StandardCharsets.US_ASCII);
    byte[] commaCodeComma = ("," + info.code() + ",").getBytes(StandardCharsets.US_ASCII);
    this.paddedCommaCodeComma = Ascii.padded(commaCodeComma);
    this.commaCodeCommaLength = commaCodeComma.length;
    this.minorUnits = info.minorUnits();
    long s = 1;
    for (int i = 0; i < minorUnits; i++) {
      s *= 10;
    }
    this.scale = s;
    this.usdPerUnit = info.usdPerUnit().doubleValue();
    long step = 1;
    while (step * 10 * usdPerUnit <= 20.0) {
      step *= 10;
    }
    this.atmStep = step;
  }

  static Money of(String code) {
    Money money = BY_CODE.get(code);
    if (money == null) {
      throw new IllegalArgumentException(
          "Currency '" + code + "' is not active in " + Currencies.TABLE_VERSION + "; allowed: " + Currencies.codes());
    }
    return money;
  }

  /** A USD amount in this currency's minor units, rounded half-up, at least one minor unit. */
  long minorFromUsd(double usd) {
    return Math.max(1L, Math.round(usd / usdPerUnit * scale));
  }

  /** A USD amount as a whole number of ATM steps (at least one step), in minor units. */
  long atmMinorFromUsd(double usd) {
    double major = usd / usdPerUnit;
    long steps = Math.max(1L, Math.round(major / atmStep));
    return steps * atmStep * scale;
  }
}
