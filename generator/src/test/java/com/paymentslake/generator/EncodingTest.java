package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.RawContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingTest {
  @Test
  void amountsCarryExactlyTheCurrencysMinorUnits() {
    assertThat(amount(1234, "JPY")).isEqualTo("1234");
    assertThat(amount(1234, "USD")).isEqualTo("12.34");
    assertThat(amount(1234, "KWD")).isEqualTo("1.234");
    assertThat(amount(5, "USD")).isEqualTo("0.05");
    assertThat(amount(7, "BHD")).isEqualTo("0.007");
    assertThat(amount(0, "EUR")).isEqualTo("0.00");
    assertThat(amount(-1250, "GBP")).isEqualTo("-12.50");
  }

  @Test
  void usdConvertsWithTheReferenceRateAndRoundsToMinorUnits() {
    assertThat(Money.of("USD").minorFromUsd(0.125)).isEqualTo(13); // half up
    assertThat(Money.of("USD").minorFromUsd(12.346)).isEqualTo(1235);
    assertThat(Money.of("JPY").minorFromUsd(67.0)).isEqualTo(10_000); // 67 / 0.0067
    assertThat(Money.of("KWD").minorFromUsd(3.25)).isEqualTo(1_000); // 1.000 KWD
    assertThat(Money.of("USD").minorFromUsd(0.0001)).isEqualTo(1); // never zero
    assertThat(Money.of("USD").atmMinorFromUsd(104)).isEqualTo(10_000); // 100 USD in notes of 10
    assertThat(Money.of("JPY").atmMinorFromUsd(100)).isEqualTo(15_000); // notes of 1000 yen
  }

  @Test
  void timestampsAreIso8601UtcWithSeconds() {
    for (String text : new String[] {"2026-11-01T18:04:05Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
        "2000-03-01T00:00:01Z", "2099-12-31T12:00:00Z"}) {
      LineBuffer buffer = new LineBuffer(4);
      buffer.putTimestamp(Instant.parse(text).getEpochSecond());
      assertThat(new String(buffer.copy(0, buffer.size()), StandardCharsets.US_ASCII)).isEqualTo(text);
    }
  }

  @Test
  void fieldsAreQuotedOnlyWhenNeeded() {
    assertThat(field("FreshMart #12")).isEqualTo("FreshMart #12");
    assertThat(field("Sunrise Gas, Inc.")).isEqualTo("\"Sunrise Gas, Inc.\"");
    assertThat(field("The \"Golden\" Fork")).isEqualTo("\"The \"\"Golden\"\" Fork\"");
    assertThat(field("São Paulo")).isEqualTo("São Paulo");
    assertThatThrownBy(() -> Csv.field("two\r\nlines"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A raw field never holds CR or LF: 'two\r\nlines'");
  }

  @Test
  void fixedPointAndHexAreZeroPadded() {
    LineBuffer buffer = new LineBuffer(1);
    buffer.putFixed(-33_868_820, 6, 1_000_000);
    buffer.put((byte) ',');
    buffer.putFixed(-500_000, 6, 1_000_000);
    buffer.put((byte) ',');
    buffer.putHex(0xABCL, 12);
    buffer.put((byte) ',');
    buffer.putLong(9_876_543_210L);
    assertThat(new String(buffer.copy(0, buffer.size()), StandardCharsets.US_ASCII))
        .isEqualTo("-33.868820,-0.500000,000000000abc,9876543210");
  }

  @Test
  void headersFollowTheContractAndTheDriftFileSwapsAmountAndCurrency() {
    String contract = RawContract.current().header();
    assertThat(RowEncoder.header(RowEncoder.CONTRACT_ORDER)).isEqualTo(contract);
    assertThat(RowEncoder.header(RowEncoder.DRIFT_ORDER))
        .isEqualTo(contract.replace("amount,currency", "currency,amount"));
    assertThat(RawContract.current().headerDifference(
        java.util.List.of(RowEncoder.header(RowEncoder.DRIFT_ORDER).split(",")))).isPresent();
  }

  @Test
  void everyCityOfTheTableHasAnActiveCurrencyAndRealCoordinates() {
    assertThat(World.cities()).hasSizeGreaterThan(50);
    assertThat(World.cities()).allSatisfy(city -> {
      assertThat(city.latitude).isBetween(-90.0, 90.0);
      assertThat(city.longitude).isBetween(-180.0, 180.0);
      assertThat(city.country).matches("[A-Z]{2}");
    });
    assertThat(World.cities()).extracting(c -> c.money.info.code()).contains("USD", "JPY", "KWD", "EUR");
  }

  @Test
  void cleanRowsEncodeExactlyAsColumnByColumn() {
    GeneratorConfig config = GeneratorBench.config(20_000, 1, 5);
    RowEngine engine = new RowEngine(new Population(config), DefectRates.none(), config.panHashKey());
    DayPlan day = new DayPlan(config, 0);
    Row row = new Row();
    for (long seq = 0; seq < 20_000; seq++) {
      engine.generate(day, seq, row);
      LineBuffer fast = new LineBuffer(16);
      LineBuffer slow = new LineBuffer(16);
      RowEncoder.encodeClean(row, fast);
      RowEncoder.encodeColumns(row, RowEncoder.CONTRACT_ORDER, slow);
      assertThat(fast.copy(0, fast.size())).isEqualTo(slow.copy(0, slow.size()));
    }
  }

  @Test
  void batchesPhaseByPhaseGiveTheRowsOfOneCallPerRow(@TempDir Path temp) throws IOException {
    // The file writer runs batches of rows through the engine's phases; row by row, generate()
    // must give the same lines (the phases make the same draws in the same order).
    GeneratorConfig config = GeneratorBench.config(20_000, 1, 5).withDays(1).withDefects(DefectRates.none());
    new PaymentGenerator(config).generate(new LocalDirectoryTarget(temp), GenerationListener.NONE);
    DayPlan day = new DayPlan(config, 0);
    Path file = temp.resolve(PaymentGenerator.rawFolder(day.date)).resolve("part-00000.csv");
    List<String> written = Files.readAllLines(file);

    RowEngine engine = new RowEngine(new Population(config), DefectRates.none(), config.panHashKey(),
        config.fraudRate(), config.realism());
    Row row = new Row();
    assertThat(written).hasSize((int) Math.min(day.baseRows, day.rowsPerFile) + 1);
    for (int seq = 0; seq < written.size() - 1; seq++) {
      engine.generate(day, seq, row);
      LineBuffer line = new LineBuffer(16);
      RowEncoder.encodeClean(row, line);
      assertThat(new String(line.copy(0, line.size()), StandardCharsets.UTF_8).strip())
          .as("line of row %d", seq).isEqualTo(written.get(seq + 1));
    }
  }

  @Test
  void holderTraitsFromTheCacheGiveTheSameRowsAsDerivedOnes() {
    // Half the holders cached: rows of cached, uncached and first-seen holders must not differ.
    GeneratorConfig config = GeneratorBench.config(20_000, 1, 9);
    Population derived = new Population(config, 0);
    Population cached = new Population(config, (int) (derived.customers / 2));
    assertThat(derived.traits).isEmpty();
    RowEngine plain = new RowEngine(derived, DefectRates.none(), config.panHashKey());
    RowEngine fast = new RowEngine(cached, DefectRates.none(), config.panHashKey());
    Row a = new Row();
    Row b = new Row();
    for (int pass = 0; pass < 2; pass++) { // the second pass reads every trait from the cache
      for (int d = 0; d < 2; d++) {
        DayPlan day = new DayPlan(config, d);
        for (long seq = 0; seq < 5_000; seq++) {
          plain.generate(day, seq, a);
          fast.generate(day, seq, b);
          LineBuffer left = new LineBuffer(16);
          LineBuffer right = new LineBuffer(16);
          RowEncoder.encodeColumns(a, RowEncoder.CONTRACT_ORDER, left);
          RowEncoder.encodeColumns(b, RowEncoder.CONTRACT_ORDER, right);
          assertThat(right.copy(0, right.size())).isEqualTo(left.copy(0, left.size()));
        }
      }
    }
    long filled = java.util.Arrays.stream(cached.traits).filter(traits -> traits != 0).count();
    assertThat(filled).as("cached holders").isGreaterThan(cached.traits.length / 2);
  }

  @Test
  void decimalWritesEveryLengthLikeLongToString() {
    SplitMix64 rng = new SplitMix64(23);
    java.util.List<Long> values = new java.util.ArrayList<>(java.util.List.of(0L, 1L, 9L, 10L, 99L, 100L,
        9_999L, 10_000L, 99_999_999L, 100_000_000L, 123_456_789_012L, Long.MAX_VALUE));
    for (long power = 1; power <= 1_000_000_000L; power *= 10) {
      values.add(power - 1);
      values.add(power);
      values.add(power + 1);
    }
    for (int i = 0; i < 200_000; i++) {
      values.add(rng.nextLong() >>> (1 + rng.nextInt(63)));
    }
    byte[] out = new byte[32];
    for (long value : values) {
      java.util.Arrays.fill(out, (byte) '#');
      int end = Ascii.decimal(out, 3, value);
      assertThat(new String(out, 3, end - 3, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
      assertThat(out[2]).as("nothing before the position").isEqualTo((byte) '#');
    }
  }

  @Test
  void digitsHexAndMinorUnitsMatchTheJdk() {
    SplitMix64 rng = new SplitMix64(17);
    for (int i = 0; i < 20_000; i++) {
      long value = rng.nextLong() >>> (1 + rng.nextInt(63));
      LineBuffer buffer = new LineBuffer(1);
      buffer.putHex(value, 16);
      buffer.put((byte) ' ');
      buffer.putDigits(value % 10_000_000_000L, 10);
      buffer.put((byte) ' ');
      buffer.putMinorUnits(value % 1_000_000_000L, i % 4, (long) Math.pow(10, i % 4));
      long minor = value % 1_000_000_000L;
      String expectedMinor = new java.math.BigDecimal(java.math.BigInteger.valueOf(minor), i % 4).toPlainString();
      assertThat(new String(buffer.copy(0, buffer.size()), StandardCharsets.US_ASCII))
          .isEqualTo(String.format("%016x %010d %s", value, value % 10_000_000_000L, expectedMinor));
    }
  }

  @Test
  void guidedPickGivesTheSameIndexAsTheLinearScan() {
    double[] cumulative = SplitMix64.cumulative(World.cities().stream().mapToDouble(c -> c.weight).toArray());
    int[] guide = SplitMix64.guide(cumulative, 256);
    SplitMix64 a = new SplitMix64(3);
    SplitMix64 b = new SplitMix64(3);
    for (int i = 0; i < 100_000; i++) {
      assertThat(a.pick(cumulative, guide)).isEqualTo(b.pick(cumulative));
    }
  }

  private static String amount(long minor, String currency) {
    return new String(RowEncoder.amountBytes(minor, Money.of(currency)), StandardCharsets.US_ASCII);
  }

  private static String field(String value) {
    return new String(Csv.field(value), StandardCharsets.UTF_8);
  }
}
