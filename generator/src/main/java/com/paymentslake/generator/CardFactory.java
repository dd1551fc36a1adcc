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
  private static final int SHA256_LENGTH = 32;
  /** The longest PAN of any brand (ISO/IEC 7812). */
  static final int MAX_PAN_LENGTH = 19;
  /**
   * Account digits taken from one 64-bit draw: the first eight decimal digits of the uniform
   * fraction draw / 2^64, each uniform within 10^8 / 2^64 (5e-12).
   */
  private static final int DIGITS_PER_DRAW = 8;
  /** SHA-256 after the key XOR ipad block, and after the key XOR opad block. */
  private final MessageDigest innerKeyed;
  private final MessageDigest outerKeyed;
  private final SplitMix64 rng = new SplitMix64(0);
  /** The PAN being issued (ASCII digits), cleared before {@link #issue} returns. */
  private final byte[] pan = new byte[MAX_PAN_LENGTH];
  private final byte[] innerDigest = new byte[SHA256_LENGTH];
  /** The last HMAC ({@link #hmac}); valid until the next call. */
  private final byte[] outerDigest = new byte[SHA256_LENGTH];

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
    byte[] pan = this.pan;
    while (true) {
      int length = newPan(brand, rng, pan);
      byte[] digest = hmac(pan, length);
      long[] hash = new long[4];
      for (int i = 0; i < hash.length; i++) {
        hash[i] = Ascii.bigEndianLong(digest, 8 * i);
      }
      if (!mayLookLikeAPan(hash[0], hash[1], hash[2], hash[3]) || PanSafety.isSafe(hex(digest))) {
        Card card = new Card(cardKey, brand, number(pan, 0, Card.BIN_LENGTH),
            number(pan, length - Card.LAST4_LENGTH, length), hash);
        if (inspector != null) {
          inspector.inspect(new String(pan, 0, length, StandardCharsets.US_ASCII), card);
        }
        java.util.Arrays.fill(pan, (byte) 0); // the PAN does not outlive the call
        return card;
      }
    }
  }

  /** The decimal value of ASCII digits {@code from .. to - 1}. */
  private static int number(byte[] digits, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + digits[i] - '0';
    }
    return value;
  }

  /**
   * Whether the hex form of the digest has a run of {@link #MIN_PAN_DIGITS} or more decimal digits:
   * only such a run can be taken for a PAN by {@link PanSafety}. Most digests have none (a hex digit
   * is decimal with probability 10/16), so the string check runs for few cards.
   */
  static boolean mayLookLikeAPan(byte[] digest) {
    return mayLookLikeAPan(Ascii.bigEndianLong(digest, 0), Ascii.bigEndianLong(digest, 8),
        Ascii.bigEndianLong(digest, 16), Ascii.bigEndianLong(digest, 24));
  }

  /** {@link #mayLookLikeAPan(byte[])} of a digest as four big-endian longs. */
  static boolean mayLookLikeAPan(long h0, long h1, long h2, long h3) {
    // A SHA-256 digest has 64 hex digits: one bit each, set when the digit is decimal (nibble < 10),
    // in text order (the first digit the most significant bit); branch-free, as digests are random.
    long decimal = decimalNibbles(h0) << 48 | decimalNibbles(h1) << 32 | decimalNibbles(h2) << 16
        | decimalNibbles(h3);
    // Bit i of runN is set when bits i .. i+N-1 all are.
    long run2 = decimal & decimal >>> 1;
    long run4 = run2 & run2 >>> 2;
    long run8 = run4 & run4 >>> 4;
    long run12 = run8 & run4 >>> 8;
    return (run12 & decimal >>> 12) != 0;
  }

  /**
   * For the 16 nibbles of a word, most significant first, 16 bits, most significant first: set when
   * the nibble is a decimal digit. SWAR: a nibble is 10-15 when its bit 3 and bit 2 or 1 are set;
   * the flags, one per nibble at its bit 0, are then packed together in three shift-or steps.
   */
  private static long decimalNibbles(long word) {
    long x = ~((word >>> 3) & ((word >>> 2) | (word >>> 1))) & 0x1111_1111_1111_1111L;
    x = (x | x >>> 3) & 0x0303_0303_0303_0303L; // a byte's two flags at its bits 1 (high nibble) and 0
    x = (x | x >>> 6) & 0x000F_000F_000F_000FL;
    x = (x | x >>> 12) & 0x0000_00FF_0000_00FFL;
    return (x | x >>> 24) & 0xFFFFL;
  }

  /** Lowercase hex HMAC-SHA256 of the PAN digits. */
  String hmacHex(String pan) {
    byte[] digits = pan.getBytes(StandardCharsets.US_ASCII);
    return hex(hmac(digits, digits.length));
  }

  /**
   * HMAC-SHA256 of the first {@code length} bytes of {@code message} under the factory's key, in an
   * array of the factory's that the next call overwrites.
   */
  private byte[] hmac(byte[] message, int length) {
    try {
      MessageDigest inner = (MessageDigest) innerKeyed.clone();
      inner.update(message, 0, length);
      inner.digest(innerDigest, 0, SHA256_LENGTH);
      MessageDigest outer = (MessageDigest) outerKeyed.clone();
      outer.update(innerDigest);
      outer.digest(outerDigest, 0, SHA256_LENGTH);
      return outerDigest;
    } catch (CloneNotSupportedException | java.security.DigestException e) {
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
    byte[] digits = new byte[MAX_PAN_LENGTH];
    return new String(digits, 0, newPan(brand, rng, digits), StandardCharsets.US_ASCII);
  }

  /**
   * Writes a Luhn-valid PAN of the brand's length inside one of its IIN ranges into {@code digits}
   * (ASCII, room for {@link #MAX_PAN_LENGTH}) and returns its length: the IIN prefix, then uniform
   * digits, eight per draw, then the check digit.
   */
  static int newPan(CardBrand brand, SplitMix64 rng, byte[] digits) {
    int n = switch (brand) {
      case VISA -> Ascii.digits(digits, 0, 4, 1);
      case MASTERCARD -> rng.chance(0.6)
          ? Ascii.digits(digits, 0, 51 + rng.nextInt(5), 2)
          : Ascii.digits(digits, 0, 2221 + rng.nextInt(2720 - 2221 + 1), 4);
      case AMEX -> Ascii.digits(digits, 0, rng.chance(0.5) ? 34 : 37, 2);
      case DISCOVER -> {
        double u = rng.nextDouble();
        yield u < 0.4 ? Ascii.digits(digits, 0, 6011, 4)
            : u < 0.6 ? Ascii.digits(digits, 0, 644 + rng.nextInt(6), 3)
            : Ascii.digits(digits, 0, 65, 2);
      }
    };
    int length = brand.panLength();
    long bits = 0;
    for (int used = DIGITS_PER_DRAW; n < length - 1; used++) {
      if (used == DIGITS_PER_DRAW) {
        bits = rng.nextLong();
        used = 0;
      }
      // The next decimal digit of the fraction bits / 2^64: the unsigned high word of bits * 10.
      digits[n++] = (byte) ('0' + Math.multiplyHigh(bits, 10) + ((bits >> 63) & 10));
      bits *= 10;
    }
    digits[n] = (byte) ('0' + Luhn.checkDigit(digits, n));
    return length;
  }
}
