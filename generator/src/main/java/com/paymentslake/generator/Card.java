package com.paymentslake.generator;

import com.paymentslake.contract.CardBrand;
import java.nio.charset.StandardCharsets;

/**
 * What the lake may know of a card: brand, BIN, last four digits and the keyed hash of the PAN. The
 * PAN itself is not kept. The four values sit in one array (brand name, 6-digit BIN, last 4, 64 hex
 * hash) so a row touches one object, not four. Immutable (final fields), so it is safely shared
 * between threads.
 */
final class Card {
  static final int BIN_LENGTH = 6;
  static final int LAST4_LENGTH = 4;
  static final int HASH_LENGTH = 64;

  final long key;
  final CardBrand brand;
  /** Brand name, BIN, last 4 and hash, ASCII, back to back. */
  final byte[] bytes;
  final int binOffset;

  Card(long key, CardBrand brand, String bin, String last4, String hashPan) {
    if (bin.length() != BIN_LENGTH || last4.length() != LAST4_LENGTH || hashPan.length() != HASH_LENGTH) {
      throw new IllegalArgumentException("Card fields have unexpected lengths");
    }
    this.key = key;
    this.brand = brand;
    this.bytes = (brand.name() + bin + last4 + hashPan).getBytes(StandardCharsets.US_ASCII);
    this.binOffset = brand.name().length();
  }

  int last4Offset() {
    return binOffset + BIN_LENGTH;
  }

  int hashOffset() {
    return binOffset + BIN_LENGTH + LAST4_LENGTH;
  }

  String binText() {
    return new String(bytes, binOffset, BIN_LENGTH, StandardCharsets.US_ASCII);
  }

  String last4Text() {
    return new String(bytes, last4Offset(), LAST4_LENGTH, StandardCharsets.US_ASCII);
  }

  String hashPanText() {
    return new String(bytes, hashOffset(), HASH_LENGTH, StandardCharsets.US_ASCII);
  }
}
