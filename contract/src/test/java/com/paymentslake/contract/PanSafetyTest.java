package com.paymentslake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PanSafetyTest {
  @Test
  void masksLuhnValidCardNumbersKeepingBinAndLast4() {
    assertThat(PanSafety.mask("t1,4111111111111111,x")).isEqualTo("t1,411111******1111,x");
    assertThat(PanSafety.mask("amex 378282246310005.")).isEqualTo("amex 378282*****0005.");
  }

  @Test
  void leavesOtherNumbersAlone() {
    String line = "T-00000001,2026-11-01T10:00:00Z,4111111111111112,20261101123456";
    assertThat(PanSafety.mask(line)).isEqualTo(line);
    assertThat(PanSafety.isSafe(line)).isTrue();
    assertThat(PanSafety.isSafe("4111111111111111")).isFalse();
  }

  @Test
  void luhnCheckDigitMakesValidNumbers() {
    String payload = "411111111111111";
    assertThat(Luhn.checkDigit(payload)).isEqualTo(1);
    assertThat(Luhn.isValid(payload + Luhn.checkDigit(payload))).isTrue();
    assertThat(Luhn.isValid("4111111111111112")).isFalse();
  }
}
