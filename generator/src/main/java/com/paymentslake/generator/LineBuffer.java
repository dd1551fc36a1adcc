package com.paymentslake.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer the encoder writes lines into; flushed to the sink in large blocks. */
final class LineBuffer {
  private static final byte[] DIGIT_PAIRS = digitPairs();

  private byte[] bytes;
  private int size;

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
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
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
    int digits = 1;
    long bound = 10;
    while (digits < 19 && value >= bound) {
      digits++;
      bound *= 10;
    }
    putDigits(value, digits);
  }

  /** Non-negative value zero-padded to exactly {@code width} digits. */
  void putDigits(long value, int width) {
    ensure(width);
    int position = size + width;
    int left = width;
    while (left >= 2) {
      int pair = (int) (value % 100) << 1;
      value /= 100;
      bytes[--position] = DIGIT_PAIRS[pair + 1];
      bytes[--position] = DIGIT_PAIRS[pair];
      left -= 2;
    }
    if (left == 1) {
      bytes[--position] = (byte) ('0' + (value % 10));
    }
    size += width;
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

  void putHex(long value, int width) {
    ensure(width);
    for (int i = size + width - 1; i >= size; i--) {
      int nibble = (int) (value & 0xF);
      bytes[i] = (byte) (nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
      value >>>= 4;
    }
    size += width;
  }

  /** ISO-8601 UTC with seconds, e.g. {@code 2026-11-01T18:04:05Z}. */
  void putTimestamp(long epochSecond) {
    long days = Math.floorDiv(epochSecond, 86_400L);
    long secondOfDay = Math.floorMod(epochSecond, 86_400L);
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
    putDigits(year, 4);
    put((byte) '-');
    putDigits(month, 2);
    put((byte) '-');
    putDigits(day, 2);
    put((byte) 'T');
    putDigits(secondOfDay / 3600, 2);
    put((byte) ':');
    putDigits(secondOfDay / 60 % 60, 2);
    put((byte) ':');
    putDigits(secondOfDay % 60, 2);
    put((byte) 'Z');
  }

  private void ensure(int extra) {
    if (size + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
    }
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
