package com.paymentslake.generator;

import com.paymentslake.contract.CardBrand;
import com.paymentslake.contract.Luhn;
import com.paymentslake.contract.PanSafety;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Issues cards: a Luhn-valid PAN inside a real IIN range of the brand, reduced at once to BIN, last
 * four digits and {@code hash_pan} = lowercase hex HMAC-SHA256(panHashKey, PAN digits). The PAN lives
 * only inside {@link #issue(long)}.
 *
 * <p>IIN ranges: Visa 4; Mastercard 51-55 and 2221-2720; Amex 34 and 37 (15 digits); Discover 6011,
 * 644-649 and 65. Brand shares: Visa 52%, Mastercard 32%, Amex 10%, Discover 6%.
 *
 * <p>A hex hash can contain a run of 13 to 19 decimal digits that passes the Luhn check and would
 * look like a PAN to {@link PanSafety}; such a card is re-issued with another account number, so the
 * output never trips a PAN scanner.
 *
 * <p>HMAC-SHA256 (RFC 2104) is computed from SHA-256 states that have already absorbed the padded
 * key: each card then costs two SHA-256 blocks instead of the four that {@link
 * javax.crypto.Mac} hashes per message (measured 265 against 415 ns); {@code CardFactoryTest}
 * checks the result against {@code Mac}. Not thread-safe (one pair of digests per instance).
 */
final class CardFactory {
  static final double[] BRAND_CUMULATIVE = SplitMix64.cumulative(0.52, 0.32, 0.10, 0.06);
  private static final CardBrand[] BRANDS = CardBrand.values();
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** The shortest digit run {@link PanSafety} treats as a PAN . */
  static final int MIN_PAN_DIGITS = 13;

  private static final int SHA256_BLOCK = 64;
  /** SHA-256 after the key XOR ipad block, and after the key XOR opad block. */
  private final MessageDigest innerKeyed;
  private final MessageDigest outerKeyed;
  private final SplitMix64 rng = new SplitMix64(0);

  CardFactory(String panHashKey) {
    try {
      byte[] key = panHashKey.getBytes(StandardCharsets.UTF_8);
      if (key.length > SHA256_BLOCK) {
        key = MessageDigest.getInstance("SHA-256").digest(key);
      }
      byte[] ipad = new byte[SHA256_BLOCK];
      byte[] opad = new byte[SHA256_BLOCK];
      for (int i = 0; i < SHA256_BLOCK; i++) {
        byte k = i < key.length ? key[i] : 0;
        ipad[i] = (byte) (k ^ 0x36);
        opad[i] = (byte) (k ^ 0x5c);
      }
      innerKeyed = MessageDigest.getInstance("SHA-256");
      innerKeyed.update(ipad);
      outerKeyed = MessageDigest.getInstance("SHA-256");
      outerKeyed.update(opad);
      innerKeyed.clone(); // fail here, not per card, if the provider's digests cannot be cloned
    } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 with cloneable digests is not available in this JVM", e);
    }
  }

  /** The card with this key; the same key always gives the same card. */
  Card issue(long cardKey) {
    return issue(cardKey, null);
  }

  /**
   * Test hook: sees the PAN of an issued card while it exists, so a test can prove the issuing side
   * (Luhn, length, IIN range, BIN, last 4, HMAC) without the PAN ever being written. An inspector
   * must not keep, write or log the PAN, nor put it in an exception or assertion message.
   */
  interface PanInspector {
    void inspect(CharSequence pan, Card card);
  }

  /** {@link #issue(long)}, handing the PAN of the issued card to {@code inspector} (tests only). */
  Card issue(long cardKey, PanInspector inspector) {
    rng.reseed(cardKey);
    CardBrand brand = BRANDS[rng.pick(BRAND_CUMULATIVE)];
    while (true) {
      String pan = newPan(brand, rng);
      byte[] digest = hmac(pan.getBytes(StandardCharsets.US_ASCII));
      if (!mayLookLikeAPan(digest) || PanSafety.isSafe(hex(digest))) {
        long[] hash = new long[4];
        for (int i = 0; i < 32; i++) {
          hash[i >> 3] = hash[i >> 3] << 8 | (digest[i] & 0xFF);
        }
        int bin = Integer.parseInt(pan, 0, Card.BIN_LENGTH, 10);
        int last4 = Integer.parseInt(pan, pan.length() - Card.LAST4_LENGTH, pan.length(), 10);
        Card card = new Card(cardKey, brand, bin, last4, hash);
        if (inspector != null) {
          inspector.inspect(pan, card);
        }
        return card;
      }
    }
  }

  /**
   * Whether the hex form of the digest has a run of {@link #MIN_PAN_DIGITS} or more decimal digits:
   * only such a run can be taken for a PAN by {@link PanSafety}. Most digests have none (a hex digit
   * is decimal with probability 10/16), so the string check runs for few cards.
   */
  static boolean mayLookLikeAPan(byte[] digest) {
    // A SHA-256 digest has 64 hex digits: one bit each, set when the digit is decimal (nibble < 10),
    // in text order; branch-free, as digests are random.
    long decimal = 0;
    for (byte b : digest) {
      int value = b & 0xFF;
      decimal = decimal << 2 | (long) ((value >>> 4) - 10 >>> 31) << 1 | ((value & 0xF) - 10 >>> 31);
    }
    // Bit i of runN is set when bits i .. i+N-1 all are.
    long run2 = decimal & decimal >>> 1;
    long run4 = run2 & run2 >>> 2;
    long run8 = run4 & run4 >>> 4;
    long run12 = run8 & run4 >>> 8;
    return (run12 & decimal >>> 12) != 0;
  }

  /** Lowercase hex HMAC-SHA256 of the PAN digits. */
  String hmacHex(String pan) {
    return hex(hmac(pan.getBytes(StandardCharsets.US_ASCII)));
  }

  /** HMAC-SHA256 of the message under the factory's key. */
  private byte[] hmac(byte[] message) {
    try {
      MessageDigest inner = (MessageDigest) innerKeyed.clone();
      inner.update(message);
      MessageDigest outer = (MessageDigest) outerKeyed.clone();
      outer.update(inner.digest());
      return outer.digest();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest cannot be cloned", e); // checked in the constructor
    }
  }

  private static String hex(byte[] digest) {
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
    return new String(out);
  }

  /** A Luhn-valid PAN of the brand's length inside one of its IIN ranges. */
  static String newPan(CardBrand brand, SplitMix64 rng) {
    StringBuilder pan = new StringBuilder(brand.panLength());
    switch (brand) {
      case VISA -> pan.append('4');
      case MASTERCARD -> {
        if (rng.chance(0.6)) {
          pan.append(51 + rng.nextInt(5));
        } else {
          pan.append(2221 + rng.nextInt(2720 - 2221 + 1));
        }
      }
      case AMEX -> pan.append(rng.chance(0.5) ? "34" : "37");
      case DISCOVER -> {
        double u = rng.nextDouble();
        if (u < 0.4) {
          pan.append("6011");
        } else if (u < 0.6) {
          pan.append(644 + rng.nextInt(6));
        } else {
          pan.append("65");
        }
      }
    }
    while (pan.length() < brand.panLength() - 1) {
      pan.append((char) ('0' + rng.nextInt(10)));
    }
    pan.append((char) ('0' + Luhn.checkDigit(pan)));
    return pan.toString();
  }
}
