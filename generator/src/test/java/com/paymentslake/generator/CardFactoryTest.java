package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.CardBrand;
import com.paymentslake.contract.Luhn;
import com.paymentslake.contract.PanSafety;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CardFactoryTest {
  private static final String KEY = "a-test-key-of-some-length";

  @ParameterizedTest
  @EnumSource(CardBrand.class)
  void pansAreLuhnValidInTheBrandsRangesAndLength(CardBrand brand) {
    SplitMix64 rng = new SplitMix64(brand.ordinal());
    for (int i = 0; i < 20_000; i++) {
      String pan = CardFactory.newPan(brand, rng);
      assertThat(pan).hasSize(brand.panLength()).containsOnlyDigits();
      assertThat(Luhn.isValid(pan)).as(pan).isTrue();
      assertThat(CardBrand.ofBin(pan.substring(0, 6))).as(pan).isEqualTo(brand);
    }
  }

  @Test
  void accountDigitsAreUniformAtEveryPosition() {
    // Visa: "4", then 14 account digits (positions 1-14), then the check digit.
    SplitMix64 rng = new SplitMix64(17);
    int n = 50_000;
    int[][] counts = new int[15][10];
    for (int i = 0; i < n; i++) {
      String pan = CardFactory.newPan(CardBrand.VISA, rng);
      for (int p = 1; p < 15; p++) {
        counts[p][pan.charAt(p) - '0']++;
      }
    }
    double expected = n / 10.0;
    double tolerance = 5 * Math.sqrt(n * 0.1 * 0.9);
    for (int p = 1; p < 15; p++) {
      for (int digit = 0; digit < 10; digit++) {
        assertThat((double) counts[p][digit]).as("digit %d at position %d", digit, p)
            .isBetween(expected - tolerance, expected + tolerance);
      }
    }
  }

  @Test
  void mastercardUsesBothIinRanges() {
    SplitMix64 rng = new SplitMix64(5);
    boolean series5 = false;
    boolean series2 = false;
    for (int i = 0; i < 1_000; i++) {
      String pan = CardFactory.newPan(CardBrand.MASTERCARD, rng);
      int four = Integer.parseInt(pan.substring(0, 4));
      series5 |= four >= 5100 && four <= 5599;
      series2 |= four >= 2221 && four <= 2720;
    }
    assertThat(series5).isTrue();
    assertThat(series2).isTrue();
  }

  @Test
  void issuedCardsKeepOnlyBinLast4AndTheKeyedHash() throws Exception {
    CardFactory factory = new CardFactory(KEY);
    Map<CardBrand, Integer> brands = new EnumMap<>(CardBrand.class);
    for (long key = 0; key < 5_000; key++) {
      Card card = factory.issue(key);
      brands.merge(card.brand, 1, Integer::sum);
      assertThat(CardBrand.ofBin(card.binText())).isEqualTo(card.brand);
      assertThat(card.last4Text()).containsOnlyDigits().hasSize(4);
      assertThat(card.hashPanText()).matches("[0-9a-f]{64}");
      assertThat(PanSafety.isSafe(card.hashPanText())).isTrue();
    }
    assertThat(brands.keySet()).containsExactlyInAnyOrder(CardBrand.values());
    assertThat(brands.get(CardBrand.VISA)).isGreaterThan(brands.get(CardBrand.MASTERCARD));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {KEY, "exactly-sixteen!",
      "a key longer than the sixty-four byte block of SHA-256, so HMAC hashes it first: 0123456789"})
  void hashIsHmacSha256OfThePanDigitsAsTheJdkComputesIt(String key) throws Exception {
    CardFactory factory = new CardFactory(key);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    for (String pan : new String[] {"4111111111111111", "378282246310005", "6011000990139424", "5555555555554444"}) {
      String expected = HexFormat.of().formatHex(mac.doFinal(pan.getBytes(StandardCharsets.US_ASCII)));
      assertThat(factory.hmacHex(pan)).isEqualTo(expected);
    }
  }

  @Test
  void sameKeyGivesTheSameCardAndAnotherHashKeyAnotherHash() {
    Card a = new CardFactory(KEY).issue(42);
    Card b = new CardFactory(KEY).issue(42);
    Card c = new CardFactory(KEY + "-other").issue(42);
    assertThat(b.hashPanText()).isEqualTo(a.hashPanText());
    assertThat(b.binText()).isEqualTo(a.binText());
    assertThat(c.binText()).isEqualTo(a.binText());
    assertThat(c.hashPanText()).isNotEqualTo(a.hashPanText());
  }

  @Test
  void cardBookFillsTheCardOfTheKeyWhateverItCached() {
    CardFactory factory = new CardFactory(KEY);
    // 100 holders with slots of their own, the other 650 in a small set-associative table that
    // keeps evicting.
    CardBook book = new CardBook(750, 100, 0);
    Row row = new Row();
    for (long i = 0; i < 6_000; i++) {
      long holder = (i * 7919) % 750;
      int cardIndex = (int) (i % 2);
      long key = RowEngine.cardKey(holder * 31, cardIndex);
      Card expected = factory.issue(key);
      book.fill(holder, cardIndex, key, factory, row);
      assertThat(row.cardPacked).isEqualTo(expected.packed());
      assertThat(new long[] {row.hash0, row.hash1, row.hash2, row.hash3})
          .containsExactly(expected.hash(0), expected.hash(1), expected.hash(2), expected.hash(3));
    }
  }

  @Test
  void cardBookIsConsistentUnderConcurrentWriters() throws Exception {
    // Dense slots for the first 500 holders, a small shared table for the rest: threads race on
    // both and keep evicting each other's cards in the table.
    CardBook book = new CardBook(1_500, 500, 0);
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < 4; t++) {
      int offset = t;
      threads.add(new Thread(() -> {
        CardFactory factory = new CardFactory(KEY);
        Card[] expected = new Card[3_000];
        for (int k = 0; k < expected.length; k++) {
          expected[k] = factory.issue(RowEngine.cardKey(k / 2, k % 2));
        }
        Row row = new Row();
        for (int i = 0; i < 40_000; i++) {
          int k = (i * 7 + offset) % expected.length;
          book.fill(k / 2, k % 2, RowEngine.cardKey(k / 2, k % 2), factory, row);
          if (row.cardPacked != expected[k].packed() || row.hash0 != expected[k].hash(0)
              || row.hash3 != expected[k].hash(3)) {
            wrong.incrementAndGet();
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(wrong.get()).isZero();
  }

  @Test
  void thePanPrecheckNeverMissesADigestThatPanSafetyWouldMask() {
    // Random digests, plus digests built to hold digit runs of every length around the threshold.
    SplitMix64 rng = new SplitMix64(11);
    int flagged = 0;
    for (int i = 0; i < 200_000; i++) {
      byte[] digest = new byte[32];
      for (int b = 0; b < 32; b++) {
        digest[b] = (byte) rng.nextInt(256);
      }
      if (i % 2 == 1) {
        int start = rng.nextInt(40);
        int length = 10 + rng.nextInt(12);
        for (int n = start; n < Math.min(64, start + length); n++) {
          int nibble = rng.nextInt(10);
          digest[n / 2] = (byte) (n % 2 == 0 ? (digest[n / 2] & 0x0F) | nibble << 4 : (digest[n / 2] & 0xF0) | nibble);
        }
      }
      String hex = HexFormat.of().formatHex(digest);
      boolean precheck = CardFactory.mayLookLikeAPan(digest);
      assertThat(precheck).as(hex).isEqualTo(hex.matches(".*[0-9]{13}.*"));
      if (!PanSafety.isSafe(hex)) {
        assertThat(precheck).as(hex).isTrue();
        flagged++;
      }
    }
    assertThat(flagged).isPositive();
  }
}
