package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.DefectKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void pinsEveryDefault() {
    GeneratorConfig config = GeneratorConfig.defaults();
    assertThat(config.days()).isEqualTo(7);
    assertThat(config.startDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(7));
    assertThat(config.endDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1));
    assertThat(config.rowsPerDay()).isEqualTo(100_000);
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.threads()).isEqualTo(Math.min(Runtime.getRuntime().availableProcessors(), 256));
    assertThat(config.rowsPerFile()).isEqualTo(250_000);
    assertThat(config.defects()).isEqualTo(DefectRates.defaults());
    assertThat(config.panHashKey()).isEqualTo("payments-lake-local-demo-key-not-a-secret");
  }

  @Test
  void pinsEveryDefaultDefectRate() {
    DefectRates rates = DefectRates.defaults();
    assertThat(rates.rates()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry(DefectKind.EXACT_DUPLICATE, 0.005),
        Map.entry(DefectKind.REPLAY_LATER_STATUS, 0.003),
        Map.entry(DefectKind.LATE_ARRIVAL, 0.01),
        Map.entry(DefectKind.NON_POSITIVE_AMOUNT, 0.001),
        Map.entry(DefectKind.NON_NUMERIC_AMOUNT, 0.0005),
        Map.entry(DefectKind.BAD_CURRENCY, 0.001),
        Map.entry(DefectKind.UNKNOWN_STATUS, 0.0005),
        Map.entry(DefectKind.MISSING_REQUIRED_FIELD, 0.002),
        Map.entry(DefectKind.FUTURE_TIMESTAMP, 0.0005),
        Map.entry(DefectKind.TOO_FEW_COLUMNS, 0.0002),
        Map.entry(DefectKind.TOO_MANY_COLUMNS, 0.0002),
        Map.entry(DefectKind.UNBALANCED_QUOTE, 0.0002),
        Map.entry(DefectKind.SCHEMA_DRIFT, 0.002)));
    assertThat(rates.schemaDriftEveryNthDay()).isEqualTo(5);
    assertThat(DefectRates.none().rates().values()).containsOnly(0.0);
    assertThat(DefectRates.none().schemaDriftEveryNthDay()).isZero();
  }

  @Test
  void driftFilesComeEveryNthDayStartingWithTheSecond() {
    DefectRates rates = DefectRates.defaults();
    assertThat(rates.driftOn(0)).isFalse();
    assertThat(rates.driftOn(1)).isTrue();
    assertThat(rates.driftOn(2)).isFalse();
    assertThat(rates.driftOn(6)).isTrue();
    assertThat(rates.withSchemaDriftEveryNthDay(1).driftOn(3)).isTrue();
    assertThat(DefectRates.none().driftOn(1)).isFalse();
    // A zero drift rate means no drift file, whatever the period.
    assertThat(rates.withRate(DefectKind.SCHEMA_DRIFT, 0.0).driftOn(1)).isFalse();
  }

  @Test
  void rejectsOutOfRangeSettingsNamingValueAndRule() {
    GeneratorConfig config = GeneratorConfig.defaults();
    assertThatThrownBy(() -> config.withDays(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'days' is 0 but must be in [1, 3660]");
    assertThatThrownBy(() -> config.withRowsPerDay(0))
        .hasMessage("'rowsPerDay' is 0 but must be in [1, 1000000000]");
    assertThatThrownBy(() -> config.withThreads(257))
        .hasMessage("'threads' is 257 but must be in [1, 256]");
    assertThatThrownBy(() -> config.withRowsPerFile(-1))
        .hasMessage("'rowsPerFile' is -1 but must be in [1, 100000000]");
    assertThatThrownBy(() -> config.withRowsPerDay(1_000_000_000).withRowsPerFile(1_000))
        .hasMessage("'rowsPerFile' is 1000 but must be at least 22400 so that the busiest day"
            + " (2240000000 base rows) fits in 100000 files");
    assertThatThrownBy(() -> config.withPanHashKey("short"))
        .hasMessage("'panHashKey' has 5 characters but must have at least 16");
    assertThatThrownBy(() -> config.withStartDate(java.time.LocalDate.parse("9999-12-30")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'startDate' is 9999-12-30 and 'days' 7, but every ingest date must lie in the years 0-9999:"
            + " a txn_id carries its date as eight digits");
    assertThat(config.withStartDate(java.time.LocalDate.parse("9999-12-25")).endDate()).hasToString("9999-12-31");
    assertThatThrownBy(() -> config.withStartDate(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("startDate");
  }

  @Test
  void rejectsBadDefectRates() {
    assertThatThrownBy(() -> DefectRates.defaults().withRate(DefectKind.BAD_CURRENCY, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Defect rate of BAD_CURRENCY is 1.5 but must be in [0, 1]");
    assertThatThrownBy(() -> DefectRates.none().withRate(DefectKind.LATE_ARRIVAL, 0.7)
            .withRate(DefectKind.EXACT_DUPLICATE, 0.5))
        .hasMessage("Row defect rates add up to 1.2 but must add up to at most 1");
    assertThatThrownBy(() -> DefectRates.defaults().withSchemaDriftEveryNthDay(-1))
        .hasMessage("'schemaDriftEveryNthDay' is -1 but must be >= 0 (0 disables it)");
  }

  @Test
  void neverPrintsThePanHashKeyOrTheSecretKey() {
    GeneratorConfig config = GeneratorConfig.defaults().withPanHashKey("a-very-secret-hash-key");
    assertThat(config.toString()).doesNotContain("a-very-secret-hash-key").contains("panHashKey=****");
    S3Connection s3 = S3Connection.local(URI.create("http://127.0.0.1:9000"), "access", "s3cr3t-value");
    assertThat(s3.toString()).doesNotContain("s3cr3t-value").contains("accessKey=access");
  }

  @Test
  void weekdayAndSeasonWeightsScaleTheBaseRows() {
    GeneratorConfig config = GeneratorConfig.defaults().withRowsPerDay(1_000);
    assertThat(config.baseRowsFor(LocalDate.of(2026, 11, 2))).isEqualTo(900); // Monday
    assertThat(config.baseRowsFor(LocalDate.of(2026, 11, 6))).isEqualTo(1_100); // Friday
    assertThat(config.baseRowsFor(LocalDate.of(2026, 11, 7))).isEqualTo(1_120); // Saturday
    assertThat(config.baseRowsFor(LocalDate.of(2026, 11, 8))).isEqualTo(1_040); // Sunday
    assertThat(config.baseRowsFor(LocalDate.of(2026, 12, 5))).isEqualTo(2_240); // Saturday, holidays
    assertThat(config.baseRowsFor(LocalDate.of(2026, 1, 12))).isEqualTo(675); // Monday, winter
    assertThat(config.baseRowsFor(LocalDate.of(2026, 7, 15))).isEqualTo(1_175); // Wednesday, summer
    double week = 0;
    for (int d = 0; d < 7; d++) {
      week += config.baseRowsFor(LocalDate.of(2026, 10, 5).plusDays(d));
    }
    assertThat(week).isEqualTo(7_000);
  }

  @Test
  void parsesOutputTargets() {
    S3Connection s3 = S3Connection.local(URI.create("http://127.0.0.1:9000"), "a", "b");
    assertThat(OutputTarget.parse("s3://payments-lake/dev/", s3))
        .isEqualTo(new S3Target("payments-lake", "dev", s3));
    assertThat(OutputTarget.parse("s3a://payments-lake", null))
        .isEqualTo(new S3Target("payments-lake", "", S3Connection.defaults()));
    assertThat(((S3Target) OutputTarget.parse("s3://b-1/x/y", s3)).key("raw/payments/f.csv"))
        .isEqualTo("x/y/raw/payments/f.csv");
    assertThat(OutputTarget.parse("s3://b-1/x/y", s3).uri()).isEqualTo("s3://b-1/x/y");
    assertThat(OutputTarget.parse("/tmp/lake", s3))
        .isEqualTo(new LocalDirectoryTarget(Path.of("/tmp/lake")));
    assertThat(OutputTarget.parse("file:///tmp/lake", s3))
        .isEqualTo(new LocalDirectoryTarget(Path.of("/tmp/lake")));
    assertThatThrownBy(() -> OutputTarget.parse("s3://", s3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("S3 bucket '' must be 3-63 characters of a-z, 0-9, '.' and '-' starting and ending with a letter or digit");
    assertThatThrownBy(() -> OutputTarget.parse(" ", s3))
        .hasMessage("Output location is empty; expected a directory or s3://bucket[/prefix]");
  }

  @Test
  void validatesS3Connections() {
    assertThat(new S3Connection(null, null, null, null, false).region()).isEqualTo("us-east-1");
    assertThatThrownBy(() -> new S3Connection(null, "us-east-1", "key", null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("S3 access key and secret key must be given together (got only the access key)");
    assertThatThrownBy(() -> new S3Connection(URI.create("ftp://host"), null, null, null, true))
        .hasMessage("S3 endpoint 'ftp://host' must be an http:// or https:// URL with a host");
    assertThatThrownBy(() -> new S3Connection(null, "US East", null, null, true))
        .hasMessage("S3 region 'US East' must be lower-case letters, digits and dashes, e.g. us-east-1");
  }
}
