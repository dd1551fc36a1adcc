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
