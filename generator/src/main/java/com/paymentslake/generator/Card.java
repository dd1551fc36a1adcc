package com.paymentslake.generator;

import com.paymentslake.contract.CardBrand;
import java.nio.charset.StandardCharsets;

/**
 * What the lake may know of a card: brand, BIN, last four digits and the keyed hash of the PAN. The
 * PAN itself is not kept. Numbers rather than strings (the hash as four longs), so the {@link
 * CardBook} can hold a card in one 64-byte slot and a row copies it without touching the heap.
 * Immutable.
 */
final class Card {
  static final int BIN_LENGTH = 6;
  static final int LAST4_LENGTH = 4;
  static final int HASH_LENGTH = 64;
  private static final CardBrand[] BRANDS = CardBrand.values();
  private static final byte[][] BRAND_NAMES = brandNames();

  final long key;
  final CardBrand brand;
  final int bin;
  final int last4;
  /** HMAC-SHA256 digest, big-endian: {@code hash[0]} holds its first 8 bytes. */
  private final long[] hash;

  Card(long key, CardBrand brand, int bin, int last4, long[] hash) {
    if (bin < 0 || bin > 999_999 || last4 < 0 || last4 > 9_999 || hash.length != 4) {
      throw new IllegalArgumentException("Card fields are out of range");
    }
    this.key = key;
    this.brand = brand;
    this.bin = bin;
    this.last4 = last4;
    this.hash = hash.clone();
  }

  long hash(int i) {
    return hash[i];
  }

  /** brand ordinal, BIN and last 4 in one long, as the card book stores them. */
  long packed() {
    return bin | (long) last4 << 20 | (long) brand.ordinal() << 34;
  }

  static int packedBin(long packed) {
    return (int) (packed & 0xFFFFF);
  }

  static int packedLast4(long packed) {
    return (int) (packed >>> 20 & 0x3FFF);
  }

  static int packedBrand(long packed) {
    return (int) (packed >>> 34);
  }

  /** {@code card_brand,card_bin,card_last4,hash_pan} as written in a line. */
  static void putColumns(long packed, long h0, long h1, long h2, long h3, LineBuffer out) {
    out.put(BRAND_NAMES[packedBrand(packed)]);
    out.put((byte) ',');
    out.putDigits(packedBin(packed), BIN_LENGTH);
    out.put((byte) ',');
    out.putDigits(packedLast4(packed), LAST4_LENGTH);
    out.put((byte) ',');
    putHash(h0, h1, h2, h3, out);
  }

  static void putBrand(long packed, LineBuffer out) {
    out.put(BRAND_NAMES[packedBrand(packed)]);
  }

  static void putHash(long h0, long h1, long h2, long h3, LineBuffer out) {
    out.putHex(h0, 16);
    out.putHex(h1, 16);
    out.putHex(h2, 16);
    out.putHex(h3, 16);
  }

  String binText() {
    return text(out -> out.putDigits(bin, BIN_LENGTH));
  }

  String last4Text() {
    return text(out -> out.putDigits(last4, LAST4_LENGTH));
  }

  String hashPanText() {
    return text(out -> putHash(hash[0], hash[1], hash[2], hash[3], out));
  }

  private static String text(java.util.function.Consumer<LineBuffer> writer) {
    LineBuffer buffer = new LineBuffer(HASH_LENGTH);
    writer.accept(buffer);
    return new String(buffer.copy(0, buffer.size()), StandardCharsets.US_ASCII);
  }

  private static byte[][] brandNames() {
    byte[][] names = new byte[BRANDS.length][];
    for (CardBrand brand : BRANDS) {
      names[brand.ordinal()] = brand.name().getBytes(StandardCharsets.US_ASCII);
    }
    return names;
  }
}
