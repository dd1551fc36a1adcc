package com.paymentslake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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

  @Test
  void luhnCheckDigitOfAsciiBytesAgreesWithTheTextForm() {
    // Every payload of 1-18 digits built from a simple sequence: the byte form must agree with the
    // text form, and only the first length bytes count.
    for (int length = 1; length <= 18; length++) {
      for (int start = 0; start < 10; start++) {
        StringBuilder payload = new StringBuilder();
        for (int i = 0; i < length; i++) {
          payload.append((char) ('0' + (start + 7 * i) % 10));
        }
        byte[] ascii = (payload + "99").getBytes(StandardCharsets.US_ASCII);
        int digit = Luhn.checkDigit(ascii, length);
        assertThat(digit).isEqualTo(Luhn.checkDigit(payload));
        assertThat(Luhn.isValid(payload.toString() + digit)).as("payload of length %d", length).isTrue();
      }
    }
  }

  @Test
  void luhnCheckDigitNamesTheFirstNonDigitFromTheRight() {
    assertThatThrownBy(() -> Luhn.checkDigit("41a1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Card number payload has a non-digit at 3");
    assertThatThrownBy(() -> Luhn.checkDigit("4111\u00e9"))
        .hasMessage("Card number payload has a non-digit at 5");
  }
}
