package com.paymentslake.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurrenciesTest {
  @Test
  void knowsMinorUnits() {
    assertThat(Currencies.of("JPY").minorUnits()).isZero();
    assertThat(Currencies.of("USD").minorUnits()).isEqualTo(2);
    assertThat(Currencies.of("KWD").minorUnits()).isEqualTo(3);
  }

  @Test
  void withdrawnCodesAreNotActive() {
    assertThat(Currencies.WITHDRAWN).allSatisfy(code -> assertThat(Currencies.find(code)).isEmpty());
    assertThatThrownBy(() -> Currencies.of("ESP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Currency 'ESP' is not an active code of currencies.v1; allowed: [USD,");
  }

  @Test
  void brandsFollowTheirIinRanges() {
    assertThat(CardBrand.ofBin("411111")).isEqualTo(CardBrand.VISA);
    assertThat(CardBrand.ofBin("222100")).isEqualTo(CardBrand.MASTERCARD);
    assertThat(CardBrand.ofBin("272099")).isEqualTo(CardBrand.MASTERCARD);
    assertThat(CardBrand.ofBin("272100")).isNull();
    assertThat(CardBrand.ofBin("371449")).isEqualTo(CardBrand.AMEX);
    assertThat(CardBrand.ofBin("601100")).isEqualTo(CardBrand.DISCOVER);
    assertThat(CardBrand.ofBin("650000")).isEqualTo(CardBrand.DISCOVER);
  }
}
