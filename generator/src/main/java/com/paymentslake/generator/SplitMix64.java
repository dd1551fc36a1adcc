package com.paymentslake.generator;

/**
 * SplitMix64 (Steele, Lea and Flood; the reference mixing function of Vigna's {@code splitmix64.c}).
 *
 * <p>Implemented here rather than taken from {@code java.util.random}: the JDK's generators changed
 * their output across updates, while the generator promises byte-identical data for a seed on any
 * JDK. Every derived distribution uses only IEEE arithmetic and {@link StrictMath}, which are
 * reproducible on every platform.
 *
 * <p>A stream is cheap to position: the generator re-seeds one instance per row from (seed, day,
 * row index) instead of sharing a sequential stream, so any row can be regenerated on its own.
 */
final class SplitMix64 {
  static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double TWO_PI = 2 * Math.PI;

  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  void reseed(long seed) {
    this.state = seed;
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound); bound must be positive. */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in [0, bound); bound must be positive. */
  long nextLong(long bound) {
    long x = nextLong();
    // Unsigned high half of x * bound (Math.unsignedMultiplyHigh is Java 18+).
    return Math.multiplyHigh(x, bound) + ((x >> 63) & bound);
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  /** Standard normal deviate (Box-Muller, one output per call). */
  double nextGaussian() {
    double u1 = 1.0 - nextDouble(); // (0, 1]
    double u2 = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
  }

  /** Index into cumulative weights (last entry is the total). */
  int pick(double[] cumulative) {
    double u = nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** The SplitMix64 output function (a bijective 64-bit finalizer). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A well-mixed key for element {@code index} of the stream named by {@code key}. */
  static long derive(long key, long index) {
    return mix(key + (index + 1) * GOLDEN_GAMMA);
  }

  /** Cumulative sums of weights, for {@link #pick(double[])}. */
  static double[] cumulative(double... weights) {
    double[] out = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0) {
        throw new IllegalArgumentException("Weight " + i + " is " + weights[i] + " but must be >= 0");
      }
      sum += weights[i];
      out[i] = sum;
    }
    return out;
  }
}
