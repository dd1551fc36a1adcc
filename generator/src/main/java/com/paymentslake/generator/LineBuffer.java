package com.paymentslake.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer the encoder writes lines into; flushed to the sink in large blocks. */
final class LineBuffer {
  private static final byte[] DIGIT_PAIRS = digitPairs();

  private static final byte[] HEX_PAIRS = hexPairs();
  private static final java.lang.invoke.VarHandle LONG_NATIVE =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.nativeOrder());
  private static final java.lang.invoke.VarHandle LONG_BIG_ENDIAN =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
  private static final int DATE_PREFIX_LENGTH = 11;
  private static final long[] POWERS_OF_TEN = powersOfTen();

  private byte[] bytes;
  private int size;
  private long cachedDay = Long.MIN_VALUE;
  private byte[] datePrefix;

  LineBuffer(int capacity) {
    this.bytes = new byte[capacity];
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  void truncate(int newSize) {
    size = newSize;
  }

  byte[] copy(int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  void put(byte[] b) {
    int length = b.length;
    ensure(length);
    if (length >= 8 && length <= 16) {
      // Two overlapping 8-byte moves beat an arraycopy stub call for the short fields of a line.
      LONG_NATIVE.set(bytes, size, (long) LONG_NATIVE.get(b, 0));
      LONG_NATIVE.set(bytes, size + length - 8, (long) LONG_NATIVE.get(b, length - 8));
    } else if (length < 8) {
      for (int i = 0; i < length; i++) {
        bytes[size + i] = b[i];
      }
    } else {
      System.arraycopy(b, 0, bytes, size, length);
    }
    size += length;
  }

  void put(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, bytes, size, length);
    size += length;
  }

  /** Non-negative value in decimal without padding. */
  void putLong(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("Negative value " + value);
    }
    putDigits(value, digits(value));
  }

  /** Non-negative value zero-padded to exactly {@code width} digits. */
  void putDigits(long value, int width) {
    ensure(width);
    int position = size + width;
    int left = width;
    // 64-bit divisions only above 10^8; the low eight digits are done in int arithmetic.
    while (left > 8 || (left >= 2 && value > Integer.MAX_VALUE)) {
      long quotient = value / 100;
      int pair = (int) (value - quotient * 100) << 1;
      value = quotient;
      bytes[--position] = DIGIT_PAIRS[pair + 1];
      bytes[--position] = DIGIT_PAIRS[pair];
      left -= 2;
    }
    int v = (int) value;
    while (left >= 2) {
      int quotient = v / 100;
      int pair = (v - quotient * 100) << 1;
      v = quotient;
      bytes[--position] = DIGIT_PAIRS[pair + 1];
      bytes[--position] = DIGIT_PAIRS[pair];
      left -= 2;
    }
    if (left == 1) {
      bytes[--position] = (byte) ('0' + (v % 10));
    }
    size += width;
  }

  /** Two digits of a value in [0, 100). */
  private void putPair(int value) {
    int pair = value << 1;
    bytes[size] = DIGIT_PAIRS[pair];
    bytes[size + 1] = DIGIT_PAIRS[pair + 1];
    size += 2;
  }

  /** Decimal digits of a non-negative value. */
  static int digits(long value) {
    int digits = 1;
    while (digits < 19 && value >= POWERS_OF_TEN[digits]) {
      digits++;
    }
    return digits;
  }

  /** Fixed-point with {@code decimals} digits after the point, e.g. micro-degrees or minor units. */
  void putFixed(long scaled, int decimals, long scale) {
    if (scaled < 0) {
      put((byte) '-');
      scaled = -scaled;
    }
    if (decimals == 0) {
      putLong(scaled);
      return;
    }
    // Constant divisors let the JIT replace the 64-bit division by a multiplication.
    long whole = switch (decimals) {
      case 2 -> scaled / 100;
      case 3 -> scaled / 1_000;
      case 6 -> scaled / 1_000_000;
      default -> scaled / scale;
    };
    putLong(whole);
    put((byte) '.');
    putDigits(scaled - whole * scale, decimals);
  }

  /** The low {@code 4 * width} bits as lowercase hex, zero-padded; {@code width} is 8 or 16 (or even). */
  void putHex(long value, int width) {
    ensure(width);
    if (width == 16) {
      LONG_BIG_ENDIAN.set(bytes, size, hex8((int) (value >>> 32)));
      LONG_BIG_ENDIAN.set(bytes, size + 8, hex8((int) value));
    } else {
      for (int i = size + width - 2; i >= size; i -= 2) {
        int pair = ((int) value & 0xFF) << 1;
        bytes[i] = HEX_PAIRS[pair];
        bytes[i + 1] = HEX_PAIRS[pair + 1];
        value >>>= 8;
      }
    }
    size += width;
  }

  /**
   * The 8 lowercase hex digits of {@code value} as the bytes of a big-endian long (SWAR: one nibble
   * per byte, then '0'-'9' or 'a'-'f' for all eight at once).
   */
  private static long hex8(int value) {
    long x = value & 0xFFFF_FFFFL;
    x = (x & 0xFFFF_0000L) << 16 | (x & 0xFFFFL);
    x = (x & 0x0000_FF00_0000_FF00L) << 8 | (x & 0x0000_00FF_0000_00FFL);
    x = (x & 0x00F0_00F0_00F0_00F0L) << 4 | (x & 0x000F_000F_000F_000FL);
    long letters = ((x + 0x0606_0606_0606_0606L) >>> 4) & 0x0101_0101_0101_0101L;
    return x + 0x3030_3030_3030_3030L + letters * ('a' - '0' - 10);
  }

  /**
   * A non-negative count of minor units with exactly {@code decimals} digits after the point and at
   * least one before it ({@code 5} with 2 decimals is {@code 0.05}), as one right-to-left pass.
   */
  void putMinorUnits(long minor, int decimals) {
    int integerDigits = Math.max(1, digits(minor) - decimals);
    int total = integerDigits + (decimals > 0 ? decimals + 1 : 0);
    ensure(total);
    int position = size + total;
    long v = minor;
    for (int i = 0; i < decimals; i++) {
      long quotient = v / 10;
      bytes[--position] = (byte) ('0' + (v - quotient * 10));
      v = quotient;
    }
    if (decimals > 0) {
      bytes[--position] = '.';
    }
    for (int i = 0; i < integerDigits; i++) {
      long quotient = v / 10;
      bytes[--position] = (byte) ('0' + (v - quotient * 10));
      v = quotient;
    }
    size += total;
  }

  /** ISO-8601 UTC with seconds, e.g. {@code 2026-11-01T18:04:05Z}. */
  void putTimestamp(long epochSecond) {
    long days = Math.floorDiv(epochSecond, 86_400L);
    int secondOfDay = (int) (epochSecond - days * 86_400L);
    if (days != cachedDay) {
      cacheDate(days);
    }
    ensure(DATE_PREFIX_LENGTH + 9);
    System.arraycopy(datePrefix, 0, bytes, size, DATE_PREFIX_LENGTH);
    size += DATE_PREFIX_LENGTH;
    int hour = secondOfDay / 3600;
    int rest = secondOfDay - hour * 3600;
    int minute = rest / 60;
    putPair(hour);
    bytes[size++] = ':';
    putPair(minute);
    bytes[size++] = ':';
    putPair(rest - minute * 60);
    bytes[size++] = 'Z';
  }

  /** Rows of a file share their date: its {@code YYYY-MM-DDT} is encoded once. */
  private void cacheDate(long days) {
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    LineBuffer prefix = new LineBuffer(DATE_PREFIX_LENGTH);
    prefix.putDigits(year, 4);
    prefix.put((byte) '-');
    prefix.putDigits(month, 2);
    prefix.put((byte) '-');
    prefix.putDigits(day, 2);
    prefix.put((byte) 'T');
    datePrefix = prefix.bytes;
    cachedDay = days;
  }

  /** Makes room for {@code extra} more bytes, so a caller can bound a whole line once. */
  void ensure(int extra) {
    if (size + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
    }
  }

  private static long[] powersOfTen() {
    long[] powers = new long[19];
    powers[0] = 1;
    for (int i = 1; i < powers.length; i++) {
      powers[i] = powers[i - 1] * 10;
    }
    return powers;
  }

  private static byte[] hexPairs() {
    byte[] pairs = new byte[512];
    String hex = "0123456789abcdef";
    for (int i = 0; i < 256; i++) {
      pairs[2 * i] = (byte) hex.charAt(i >> 4);
      pairs[2 * i + 1] = (byte) hex.charAt(i & 0xF);
    }
    return pairs;
  }

  private static byte[] digitPairs() {
    byte[] pairs = new byte[200];
    for (int i = 0; i < 100; i++) {
      pairs[2 * i] = (byte) ('0' + i / 10);
      pairs[2 * i + 1] = (byte) ('0' + i % 10);
    }
    return pairs;
  }
}
