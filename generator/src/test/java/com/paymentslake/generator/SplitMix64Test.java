package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
  @Test
  void matchesTheReferenceSequence() {
    // First outputs for seed 1234567 of the reference algorithm (Vigna's splitmix64.c).
    SplitMix64 rng = new SplitMix64(1234567);
    assertThat(rng.nextLong()).isEqualTo(Long.parseUnsignedLong("6457827717110365317"));
    assertThat(rng.nextLong()).isEqualTo(Long.parseUnsignedLong("3203168211198807973"));
    assertThat(rng.nextLong()).isEqualTo(Long.parseUnsignedLong("9817491932198370423"));
    assertThat(rng.nextLong()).isEqualTo(Long.parseUnsignedLong("4593380528125082431"));
    assertThat(rng.nextLong()).isEqualTo(Long.parseUnsignedLong("16408922859458223821"));
  }

  @Test
  void boundedDrawsStayInRangeAndAreUniform() {
    SplitMix64 rng = new SplitMix64(7);
    int[] counts = new int[10];
    for (int i = 0; i < 100_000; i++) {
      int value = rng.nextInt(10);
      counts[value]++;
      assertThat(rng.nextLong(3L)).isBetween(0L, 2L);
      assertThat(rng.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
    for (int count : counts) {
      assertThat(count).isBetween(9_500, 10_500);
    }
  }

  @Test
  void pickAtAGivenUniformIsThePickOfThatDraw() {
    double[] cumulative = SplitMix64.cumulative(0.5, 0.0, 0.25, 0.25);
    int[] guide = SplitMix64.guide(cumulative, 8);
    SplitMix64 rng = new SplitMix64(3);
    SplitMix64 same = new SplitMix64(3);
    for (int i = 0; i < 10_000; i++) {
      double r = same.nextDouble();
      int picked = rng.pick(cumulative);
      assertThat(SplitMix64.pickAt(r, cumulative)).isEqualTo(picked).isNotEqualTo(1);
      assertThat(SplitMix64.pickAt(r, cumulative, guide)).isEqualTo(picked);
    }
    assertThat(SplitMix64.pickAt(0.0, cumulative)).isZero();
    assertThat(SplitMix64.pickAt(0.5, cumulative)).isEqualTo(2);
    assertThat(SplitMix64.pickAt(Math.nextDown(1.0), cumulative, guide)).isEqualTo(3);
  }

  @Test
  void halvesOfOneDrawAreTwoIndependentUniforms() {
    assertThat(SplitMix64.high(0L)).isZero();
    assertThat(SplitMix64.low(0L)).isZero();
    assertThat(SplitMix64.high(-1L)).isLessThan(1.0).isGreaterThan(0.999_999_999);
    assertThat(SplitMix64.low(-1L)).isLessThan(1.0).isGreaterThan(0.999_999_999);
    assertThat(SplitMix64.unit(-1L)).isEqualTo(Math.nextDown(1.0));
    SplitMix64 rng = new SplitMix64(5);
    int n = 200_000;
    int[][] cells = new int[4][4];
    for (int i = 0; i < n; i++) {
      long bits = rng.nextLong();
      cells[(int) (SplitMix64.high(bits) * 4)][(int) (SplitMix64.low(bits) * 4)]++;
    }
    // Every one of the 16 joint cells holds 1/16 of the draws (5 binomial standard errors).
    double expected = n / 16.0;
    double tolerance = 5 * Math.sqrt(expected * (15.0 / 16));
    for (int[] row : cells) {
      for (int count : row) {
        assertThat((double) count).isCloseTo(expected, within(tolerance));
      }
    }
  }

  @Test
  void gaussianHasMeanZeroAndUnitVariance() {
    SplitMix64 rng = new SplitMix64(11);
    double sum = 0;
    double squares = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      double g = rng.nextGaussian();
      sum += g;
      squares += g * g;
    }
    assertThat(sum / n).isCloseTo(0.0, within(0.01));
    assertThat(squares / n).isCloseTo(1.0, within(0.02));
  }

  @Test
  void picksByCumulativeWeight() {
    SplitMix64 rng = new SplitMix64(3);
    double[] cumulative = SplitMix64.cumulative(1, 0, 3);
    int[] counts = new int[3];
    for (int i = 0; i < 40_000; i++) {
      counts[rng.pick(cumulative)]++;
    }
    assertThat(counts[1]).isZero();
    assertThat(counts[0] / 40_000.0).isCloseTo(0.25, within(0.01));
  }
}
