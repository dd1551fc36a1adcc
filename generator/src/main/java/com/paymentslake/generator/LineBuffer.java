package com.paymentslake.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer the encoder writes lines into; flushed to the sink in large blocks. Number
 * formats are {@link Ascii}'s; the clean-line encoder writes into {@link #array()} directly after
 * one {@link #ensure} per line.
 */
final class LineBuffer {
  private static final int DATE_PREFIX_LENGTH = 11;

  private byte[] bytes;
  private int size;
  private long cachedDay = Long.MIN_VALUE;
  private final byte[] datePrefix = new byte[16];

  LineBuffer(int capacity) {
    this.bytes = new byte[capacity];
  }

  int size() {
    return size;
  }

  /** The backing array, valid until the next {@link #ensure}. */
  byte[] array() {
    return bytes;
  }

  /** Sets the size: after writing into {@link #array()} directly, or to drop what follows. */
  void size(int newSize) {
    size = newSize;
  }

  void reset() {
    size = 0;
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
    put(b, 0, b.length);
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
    putDigits(value, Ascii.length(value));
  }

  /** Non-negative value zero-padded to exactly {@code width} digits. */
  void putDigits(long value, int width) {
    ensure(width + Ascii.SLACK);
    size = Ascii.digits(bytes, size, value, width);
  }

  /** Fixed-point with {@code decimals} digits after the point, e.g. micro-degrees or minor units. */
  void putFixed(long scaled, int decimals, long scale) {
    if (scaled < 0) {
      put((byte) '-');
      scaled = -scaled;
    }
    putMinorUnits(scaled, decimals, scale);
  }

  /** The low {@code 4 * width} bits as lowercase hex, zero-padded; {@code width} is 12 or 16. */
  void putHex(long value, int width) {
    ensure(width + Ascii.SLACK);
    size = switch (width) {
      case 16 -> Ascii.hex16(bytes, size, value);
      case 12 -> Ascii.hex12(bytes, size, value);
      default -> throw new IllegalArgumentException("Hex width " + width + " is not 12 or 16");
    };
  }

  /**
   * A non-negative count of minor units with exactly {@code decimals} digits after the point and at
   * least one before it ({@code 5} with 2 decimals is {@code 0.05}); {@code scale} is 10^decimals.
   */
  void putMinorUnits(long minor, int decimals, long scale) {
    ensure(24 + Ascii.SLACK);
    size = Ascii.minorUnits(bytes, size, minor, decimals, scale);
  }

  /** ISO-8601 UTC with seconds, e.g. {@code 2026-11-01T18:04:05Z}. */
  void putTimestamp(long epochSecond) {
    ensure(DATE_PREFIX_LENGTH + 9 + Ascii.SLACK);
    size = timestamp(bytes, size, epochSecond);
  }

  /** {@link #putTimestamp} into any array with room; rows of a file share their date's prefix. */
  int timestamp(byte[] dst, int p, long epochSecond) {
    long days = Math.floorDiv(epochSecond, 86_400L);
    int secondOfDay = (int) (epochSecond - days * 86_400L);
    if (days != cachedDay) {
      cacheDate(days);
    }
    p = Ascii.copy(dst, p, datePrefix, DATE_PREFIX_LENGTH);
    int hour = secondOfDay / 3600;
    int rest = secondOfDay - hour * 3600;
    int minute = rest / 60;
    p = Ascii.pair(dst, p, hour);
    dst[p++] = ':';
    p = Ascii.pair(dst, p, minute);
    dst[p++] = ':';
    p = Ascii.pair(dst, p, rest - minute * 60);
    dst[p++] = 'Z';
    return p;
  }

  /** The date's {@code YYYY-MM-DDT}, encoded once per date. */
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
    int p = Ascii.digits(datePrefix, 0, year, 4);
    datePrefix[p++] = '-';
    p = Ascii.pair(datePrefix, p, (int) month);
    datePrefix[p++] = '-';
    p = Ascii.pair(datePrefix, p, (int) day);
    datePrefix[p] = 'T';
    cachedDay = days;
  }

  /** Makes room for {@code extra} more bytes, so a caller can bound a whole line once. */
  void ensure(int extra) {
    if (size + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
    }
  }
}
