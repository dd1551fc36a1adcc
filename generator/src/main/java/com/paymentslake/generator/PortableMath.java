package com.paymentslake.generator;

/**
 * Transcendental functions that give the same bits on every JVM and platform, at a fraction of
 * {@link StrictMath}'s cost: only IEEE 754 arithmetic (strict on every Java 17 JVM) and tables
 * computed once with {@link StrictMath}. The generator calls {@link #exp(double)} once per row (the
 * log-normal amount), where {@code StrictMath.exp} was a fifth of the row's time.
 */
final class PortableMath {
  /** Table steps per doubling: exp(x) = 2^(k / STEPS) * exp(r) with |r| <= ln 2 / (2 STEPS). */
  private static final int STEPS = 64;
  private static final double STEPS_PER_LN2 = STEPS / StrictMath.log(2.0);
  /** ln 2 / STEPS split into a high part with a short mantissa (k * high is exact) and the rest. */
  private static final double LN2_BY_STEPS_HIGH;
  private static final double LN2_BY_STEPS_LOW;
  /** 2^(j / STEPS) for j in [0, STEPS). */
  private static final double[] TWO_POWERS = new double[STEPS];
  /** Beyond this |x|, the fast path would leave the normal range; StrictMath handles it. */
  private static final double FAST_LIMIT = 700.0;

  static {
    // fdlibm's split of ln 2: the high part has 32 significant bits, so k * high is exact for
    // |k| < 2^21; high + low carries ln 2 to about 85 bits. Dividing by 64 is exact.
    LN2_BY_STEPS_HIGH = Double.longBitsToDouble(0x3FE62E42FEE00000L) / STEPS;
    LN2_BY_STEPS_LOW = Double.longBitsToDouble(0x3DEA39EF35793C76L) / STEPS;
    for (int j = 0; j < STEPS; j++) {
      TWO_POWERS[j] = StrictMath.pow(2.0, (double) j / STEPS);
    }
  }

  private PortableMath() {}

  /**
   * e^x within a few units in the last place of the correctly rounded result (tested against
   * {@link StrictMath#exp}); NaN, infinities and |x| > 700 are delegated to {@link StrictMath#exp}.
   */
  static double exp(double x) {
    if (!(Math.abs(x) <= FAST_LIMIT)) {
      return StrictMath.exp(x);
    }
    double kd = Math.rint(x * STEPS_PER_LN2);
    int k = (int) kd;
    double r = (x - kd * LN2_BY_STEPS_HIGH) - kd * LN2_BY_STEPS_LOW;
    // Taylor series to r^5: |r| <= 0.0055, so the first omitted term is below 4e-17.
    double p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
    int j = k & (STEPS - 1);
    int n = k >> 6; // floor(k / STEPS)
    double scale = Double.longBitsToDouble((long) (n + 1023) << 52);
    return TWO_POWERS[j] * p * scale;
  }
}
