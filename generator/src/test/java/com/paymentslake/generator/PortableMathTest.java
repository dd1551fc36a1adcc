package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortableMathTest {
  @Test
  void expIsWithinTwoUlpsOfStrictMathOverTheRangeTheGeneratorUses() {
    SplitMix64 rng = new SplitMix64(1);
    double worst = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double x = (rng.nextDouble() * 2 - 1) * (i % 2 == 0 ? 8 : 700);
      double expected = StrictMath.exp(x);
      double error = Math.abs(PortableMath.exp(x) - expected) / Math.ulp(expected);
      worst = Math.max(worst, error);
    }
    assertThat(worst).isLessThanOrEqualTo(2.0);
  }

  @Test
  void expIsExactAtZeroAndDelegatesOutsideTheFastRange() {
    assertThat(PortableMath.exp(0.0)).isEqualTo(1.0);
    assertThat(PortableMath.exp(-0.0)).isEqualTo(1.0);
    assertThat(PortableMath.exp(1.0)).isCloseTo(Math.E, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(PortableMath.exp(800)).isEqualTo(StrictMath.exp(800));
    assertThat(PortableMath.exp(-800)).isEqualTo(StrictMath.exp(-800));
    assertThat(PortableMath.exp(Double.NaN)).isNaN();
    assertThat(PortableMath.exp(Double.NEGATIVE_INFINITY)).isZero();
    assertThat(PortableMath.exp(Double.POSITIVE_INFINITY)).isInfinite();
  }
}
