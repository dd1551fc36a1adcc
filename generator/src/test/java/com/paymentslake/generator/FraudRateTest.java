package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --fraud-rate} sets the share of fraud rows; bursts keep their shape. */
class FraudRateTest {
  private static final long ROWS_PER_DAY = 100_000;

  @TempDir Path dir;

  @Test
  void fraudRowsFollowTheConfiguredRate() throws Exception {
    for (double rate : new double[] {0.001, 0.02}) {
      List<RawLake.Line> rows = generate(rate, dir.resolve("rate-" + rate));
      long fraud = rows.stream().filter(r -> r.field("is_fraud").equals("1")).count();
      // Bursts of 2-6 rows: the count varies as bursts do (sd about sqrt(bursts) x 4.3 rows).
      double bursts = rows.size() * rate / 4;
      double tolerance = 5 * Math.sqrt(bursts) * 4.3 / rows.size();
      assertThat((double) fraud / rows.size()).as("fraud share at --fraud-rate %s", rate)
          .isCloseTo(rate, within(tolerance));
    }
  }

  @Test
  void zeroMeansNoFraudAndTheGenuineRowsStayTheSame() throws Exception {
    List<RawLake.Line> none = generate(0, dir.resolve("none"));
    List<RawLake.Line> some = generate(GeneratorConfig.DEFAULT_FRAUD_RATE, dir.resolve("default"));
    assertThat(none).noneMatch(r -> r.field("is_fraud").equals("1"));
    // Fraud rows take the place of genuine ones; every other row is the same line either way.
    for (int i = 0; i < none.size(); i++) {
      if (some.get(i).field("is_fraud").equals("0")) {
        assertThat(none.get(i).text).isEqualTo(some.get(i).text);
      }
    }
  }

  private static List<RawLake.Line> generate(double fraudRate, Path root) throws Exception {
    GeneratorConfig config = GeneratorConfig.defaults()
        .withStartDate(LocalDate.of(2026, 10, 6))
        .withDays(1)
        .withRowsPerDay(ROWS_PER_DAY)
        .withDefects(DefectRates.none())
        .withFraudRate(fraudRate);
    new PaymentGenerator(config).generate(new LocalDirectoryTarget(root), GenerationListener.NONE);
    return RawLake.read(root).lines().toList();
  }
}
