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
  private static final int ZIGGURAT_LAYERS = 128;
  private static final int ZIGGURAT_MASK = ZIGGURAT_LAYERS - 1;
  /** Start of the tail and area of each layer (Doornik 2005, 128 layers). */
  private static final double ZIGGURAT_R = 3.442619855899;
  private static final double ZIGGURAT_AREA = 9.91256303526217e-3;
  /** Layer edges, computed with {@link StrictMath} so they are the same on every JVM. */
  private static final double[] ZIGGURAT_X = new double[ZIGGURAT_LAYERS + 1];
  /** {@code x[i + 1] / x[i]}: below it a draw lies inside the normal curve without a test. */
  private static final double[] ZIGGURAT_RATIO = new double[ZIGGURAT_LAYERS];

  static {
    double f = StrictMath.exp(-0.5 * ZIGGURAT_R * ZIGGURAT_R);
    ZIGGURAT_X[0] = ZIGGURAT_AREA / f;
    ZIGGURAT_X[1] = ZIGGURAT_R;
    ZIGGURAT_X[ZIGGURAT_LAYERS] = 0;
    for (int i = 2; i < ZIGGURAT_LAYERS; i++) {
      ZIGGURAT_X[i] = StrictMath.sqrt(-2 * StrictMath.log(ZIGGURAT_AREA / ZIGGURAT_X[i - 1] + f));
      f = StrictMath.exp(-0.5 * ZIGGURAT_X[i] * ZIGGURAT_X[i]);
    }
    for (int i = 0; i < ZIGGURAT_LAYERS; i++) {
      ZIGGURAT_RATIO[i] = ZIGGURAT_X[i + 1] / ZIGGURAT_X[i];
    }
  }

  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  void reseed(long seed) {
    this.state = seed;
  }

  /** The current state: {@link #reseed} with it continues the stream where it is. */
  long state() {
    return state;
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  double nextDouble() {
    return unit(nextLong());
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

  /**
   * Two independent uniforms in [0, 1) with 32 random bits each, from one draw: {@link #high} and
   * {@link #low} of {@code nextLong()}, for pairs of yes/no draws where 2^-32 is fine enough.
   */
  static double high(long bits) {
    return (bits >>> 32) * 0x1.0p-32;
  }

  /** The other half of {@link #high}. */
  static double low(long bits) {
    return (bits & 0xFFFF_FFFFL) * 0x1.0p-32;
  }

  /** Uniform in [0, 1) with 53 random bits from a value of {@link #mix} or {@link #derive}. */
  static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  /**
   * Standard normal deviate: the ziggurat method of Marsaglia and Tsang with Doornik's (2005)
   * 128-layer tables. About 98% of the draws cost one {@code nextLong}, a multiplication and a
   * comparison; {@link StrictMath#exp} and {@link StrictMath#log} only run in the wedges and the
   * tail, so the distribution stays exact and reproducible without a transcendental call per draw.
   */
  double nextGaussian() {
    while (true) {
      long bits = nextLong();
      int layer = (int) (bits & ZIGGURAT_MASK);
      // Uniform in [-1, 1) from the 53 high bits, independent of the 7 low layer bits.
      double u = (bits >>> 11) * 0x1.0p-52 - 1.0;
      if (Math.abs(u) < ZIGGURAT_RATIO[layer]) {
        return u * ZIGGURAT_X[layer];
      }
      if (layer == 0) {
        return normalTail(u < 0);
      }
      double x = u * ZIGGURAT_X[layer];
      double f0 = PortableMath.exp(-0.5 * (ZIGGURAT_X[layer] * ZIGGURAT_X[layer] - x * x));
      double f1 = PortableMath.exp(-0.5 * (ZIGGURAT_X[layer + 1] * ZIGGURAT_X[layer + 1] - x * x));
      if (f1 + nextDouble() * (f0 - f1) < 1.0) {
        return x;
      }
    }
  }

  /** A deviate beyond {@link #ZIGGURAT_R} (Marsaglia's tail method). */
  private double normalTail(boolean negative) {
    double x;
    double y;
    do {
      x = StrictMath.log(1.0 - nextDouble()) / ZIGGURAT_R; // (0, 1] keeps the log finite
      y = StrictMath.log(1.0 - nextDouble());
    } while (-2.0 * y < x * x);
    return negative ? x - ZIGGURAT_R : ZIGGURAT_R - x;
  }

  /** Index into cumulative weights (last entry is the total). */
  int pick(double[] cumulative) {
    return pickAt(nextDouble(), cumulative);
  }

  /** {@link #pick(double[])} for a given uniform {@code r} in [0, 1). */
  static int pickAt(double r, double[] cumulative) {
    double u = r * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /**
   * The same index as {@link #pick(double[])} for the same draw, started from a guide table
   * ({@link #guide(double[], int)}) so that long weight lists cost one or two comparisons.
   */
  int pick(double[] cumulative, int[] guide) {
    return pickAt(nextDouble(), cumulative, guide);
  }

  /** {@link #pick(double[], int[])} for a given uniform {@code r} in [0, 1). */
  static int pickAt(double r, double[] cumulative, int[] guide) {
    double u = r * cumulative[cumulative.length - 1];
    int last = cumulative.length - 1;
    int i = guide[(int) (r * guide.length)];
    while (i < last && u >= cumulative[i]) {
      i++;
    }
    return i;
  }

  /**
   * Guide table of {@code size} buckets for {@link #pick(double[], int[])}: bucket b starts at the
   * index a draw in [b/size, (b+1)/size) of the total can at least reach, one lower to absorb
   * rounding, so the guided pick never starts past the answer of the plain linear scan.
   */
  static int[] guide(double[] cumulative, int size) {
    double total = cumulative[cumulative.length - 1];
    int[] guide = new int[size];
    int i = 0;
    for (int b = 0; b < size; b++) {
      double low = (double) b / size * total;
      while (i < cumulative.length - 1 && low >= cumulative[i]) {
        i++;
      }
      guide[b] = Math.max(0, i - 1);
    }
    return guide;
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
