package com.paymentslake.generator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * ASCII formatting straight into a byte array at a position, returning the position after the
 * written bytes: the clean-line encoder keeps array and position in registers for a whole line
 * instead of re-reading a buffer's fields for every field it writes.
 *
 * <p>Callers guarantee room: every method may write up to {@link #SLACK} bytes past the position it
 * returns (a copy moves whole 8-byte words; the bytes past the end are overwritten by what follows,
 * or ignored). Sources for {@link #copy} are {@link #padded} arrays.
 */
final class Ascii {
  /** Bytes a write may touch past its returned position. */
  static final int SLACK = 8;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INTS_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle SHORTS_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  /** "00".."99" as big-endian shorts. */
  private static final short[] PAIRS = pairs();
  private static final long[] POWERS_OF_TEN = powersOfTen();

  private Ascii() {}

  /** The 8 bytes at {@code p} as a big-endian long (the first byte is the most significant). */
  static long bigEndianLong(byte[] src, int p) {
    return (long) LONGS_BIG_ENDIAN.get(src, p);
  }

  /** A copy of {@code exact} whose length is rounded up to whole 8-byte words, for {@link #copy}. */
  static byte[] padded(byte[] exact) {
    return Arrays.copyOf(exact, Math.max(8, (exact.length + 7) & ~7));
  }

  /**
   * Copies {@code length} bytes from {@code src} at {@code from}, a word at a time: reads and
   * writes up to 7 bytes past them (the source must have them, see the callers).
   */
  static int copy(byte[] dst, int p, byte[] src, int from, int length) {
    for (int i = 0; i < length; i += 8) {
      LONGS.set(dst, p + i, (long) LONGS.get(src, from + i));
    }
    return p + length;
  }

  /** Copies the first {@code length} bytes of a {@link #padded} array, a word at a time. */
  static int copy(byte[] dst, int p, byte[] padded, int length) {
    for (int i = 0; i < length; i += 8) {
      LONGS.set(dst, p + i, (long) LONGS.get(padded, i));
    }
    return p + length;
  }

  /** Exactly two digits of a value in [0, 100). */
  static int pair(byte[] dst, int p, int value) {
    SHORTS_BIG_ENDIAN.set(dst, p, PAIRS[value]);
    return p + 2;
  }

  /** Exactly four digits of a value in [0, 10^4). */
  static int four(byte[] dst, int p, int value) {
    int high = value / 100;
    INTS_BIG_ENDIAN.set(dst, p, PAIRS[high] << 16 | (PAIRS[value - high * 100] & 0xFFFF));
    return p + 4;
  }

  /** Exactly eight digits of a value in [0, 10^8). */
  static int eight(byte[] dst, int p, int value) {
    int high = value / 10_000;
    four(dst, p, high);
    return four(dst, p + 4, value - high * 10_000);
  }

  /** A non-negative value zero-padded to exactly {@code width} digits (1-19). */
  static int digits(byte[] dst, int p, long value, int width) {
    if (width == 10 && value < 10_000_000_000L) {
      int high = (int) (value / 100_000_000L);
      pair(dst, p, high);
      return eight(dst, p + 2, (int) (value - high * 100_000_000L));
    }
    int end = p + width;
    int position = end;
    while (position - p >= 8) {
      long quotient = value / 100_000_000L;
      eight(dst, position - 8, (int) (value - quotient * 100_000_000L));
      value = quotient;
      position -= 8;
    }
    int v = (int) value;
    while (position - p >= 2) {
      int quotient = v / 100;
      pair(dst, position - 2, v - quotient * 100);
      v = quotient;
      position -= 2;
    }
    if (position > p) {
      dst[p] = (byte) ('0' + v % 10);
    }
    return end;
  }

  /** Decimal digits of a non-negative value. */
  static int length(long value) {
    int digits = 1;
    while (digits < 19 && value >= POWERS_OF_TEN[digits]) {
      digits++;
    }
    return digits;
  }

  /**
   * A non-negative value in decimal without leading zeros. Below 10^8 (every amount's whole part)
   * without a branch on its length: all eight digits are made at once in a long (SWAR: the value
   * split into halves, quarters and digits by multiplications), the leading zeros dropped by a
   * shift, and the word stored whole; random lengths would otherwise cost a mispredicted branch or
   * two per number.
   */
  static int decimal(byte[] dst, int p, long value) {
    if (value >= 100_000_000L) {
      return digits(dst, p, value, length(value));
    }
    int v = (int) value;
    // Lanes in memory order (little-endian: most significant digit in the lowest byte).
    long halves = (long) (v % 10_000) << 32 | v / 10_000;
    long hundreds = (halves * 10_486 >>> 20) & 0x0000_007F_0000_007FL;
    long pairs = (halves - hundreds * 100) << 16 | hundreds;
    long tens = (pairs * 103 >>> 10) & 0x000F_000F_000F_000FL;
    long eight = (pairs - tens * 10) << 8 | tens;
    // Leading zero digits, keeping at least the last one (value 0 is "0").
    int zeros = Long.numberOfTrailingZeros(eight | 1L << 56) >>> 3;
    LONGS.set(dst, p, (eight >>> (zeros << 3)) + 0x3030_3030_3030_3030L);
    return p + 8 - zeros;
  }

  /**
   * A non-negative count of minor units with exactly {@code decimals} digits after the point and at
   * least one before it ({@code 5} with 2 decimals is {@code 0.05}).
   */
  static int minorUnits(byte[] dst, int p, long minor, int decimals, long scale) {
    if (decimals == 0) {
      return decimal(dst, p, minor);
    }
    // Constant divisors for the common scales: the JIT turns them into multiplications, where a
    // division by a variable is a 64-bit divide of 40+ cycles.
    long whole = switch (decimals) {
      case 2 -> minor / 100;
      case 3 -> minor / 1_000;
      case 6 -> minor / 1_000_000;
      default -> minor / scale;
    };
    p = decimal(dst, p, whole);
    dst[p++] = '.';
    return digits(dst, p, minor - whole * scale, decimals);
  }

  /** The 16 lowercase hex digits of a value. */
  static int hex16(byte[] dst, int p, long value) {
    LONGS_BIG_ENDIAN.set(dst, p, hex8((int) (value >>> 32)));
    LONGS_BIG_ENDIAN.set(dst, p + 8, hex8((int) value));
    return p + 16;
  }

  /** The low 48 bits of a value as 12 lowercase hex digits. */
  static int hex12(byte[] dst, int p, long value) {
    // Bits 32-47 give the first four digits; the low word's eight overwrite the zeros after them.
    LONGS_BIG_ENDIAN.set(dst, p, hex8((int) (value >>> 32) & 0xFFFF) << 32);
    LONGS_BIG_ENDIAN.set(dst, p + 4, hex8((int) value));
    return p + 12;
  }

  /**
   * The 8 lowercase hex digits of {@code value} as the bytes of a big-endian long (SWAR: one nibble
   * per byte, then '0'-'9' or 'a'-'f' for all eight at once).
   */
  static long hex8(int value) {
    long x = value & 0xFFFF_FFFFL;
    x = (x & 0xFFFF_0000L) << 16 | (x & 0xFFFFL);
    x = (x & 0x0000_FF00_0000_FF00L) << 8 | (x & 0x0000_00FF_0000_00FFL);
    x = (x & 0x00F0_00F0_00F0_00F0L) << 4 | (x & 0x000F_000F_000F_000FL);
    long letters = ((x + 0x0606_0606_0606_0606L) >>> 4) & 0x0101_0101_0101_0101L;
    return x + 0x3030_3030_3030_3030L + letters * ('a' - '0' - 10);
  }

  private static short[] pairs() {
    short[] pairs = new short[100];
    for (int i = 0; i < 100; i++) {
      pairs[i] = (short) (('0' + i / 10) << 8 | ('0' + i % 10));
    }
    return pairs;
  }

  private static long[] powersOfTen() {
    long[] powers = new long[19];
    powers[0] = 1;
    for (int i = 1; i < powers.length; i++) {
      powers[i] = powers[i - 1] * 10;
    }
    return powers;
  }
}
