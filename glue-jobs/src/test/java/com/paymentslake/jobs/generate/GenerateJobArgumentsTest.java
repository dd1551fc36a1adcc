package com.paymentslake.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.TxnType;
import com.paymentslake.generator.Compression;
import com.paymentslake.generator.DefectRates;
import com.paymentslake.generator.GenerationMode;
import com.paymentslake.generator.GeneratorConfig;
import com.paymentslake.generator.Realism;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.JobFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GenerateJobArgumentsTest {
  /** "Today" of these tests: Tuesday 10 November 2026 (UTC). */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneOffset.UTC);
  private static final Map<String, String> NO_ENV = Map.of();

  private static GenerateConfig parse(String... args) {
    return GenerateJob.config(args, NO_ENV, CLOCK);
  }

  @Test
  void everyDefaultIsPinned() {
    GenerateConfig config = parse("--lake-root", "s3://lake/");
    GeneratorConfig generator = config.generator();

    assertThat(config.lakeRoot()).isEqualTo("s3://lake");
    assertThat(config.mode()).isEqualTo(GenerationMode.RANGE);
    assertThat(config.targetBytes()).isEqualTo(OptionalLong.empty());
    assertThat(generator.startDate()).isEqualTo(LocalDate.parse("2026-11-03"));
    assertThat(generator.days()).isEqualTo(7);
    assertThat(generator.rowsPerDay()).isEqualTo(100_000);
    assertThat(generator.seed()).isEqualTo(42);
    assertThat(generator.threads()).isEqualTo(1);
    assertThat(generator.rowsPerFile()).isEqualTo(1_000_000);
    assertThat(generator.compression()).isEqualTo(Compression.NONE);
    assertThat(generator.defects()).isEqualTo(DefectRates.defaults());
    assertThat(generator.panHashKey()).isEqualTo("payments-lake-local-demo-key-not-a-secret");
  }

  @Test
  void fraudRateReachesTheGenerator() {
    assertThat(parse("--lake-root", "s3://lake").generator().fraudRate()).isEqualTo(0.003);
    assertThat(parse("--lake-root", "s3://lake", "--fraud-rate", "0.0008").generator().fraudRate()).isEqualTo(0.0008);
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--fraud-rate", "0.5"))
        .hasMessageContaining("--fraud-rate is '0.5' but must be a fraction in [0, 0.1]");
  }

  @Test
  void realismSettingsReachTheGenerator() {
    Realism realism = parse("--lake-root", "s3://lake", "--type-mix", "REFUND=0.1", "--null-rate-mcc", "0.2",
        "--decline-rate", "0.08", "--weekday-weights", "1,1,1,1,1,1,1", "--season-weights", "holiday=1.5")
        .generator().realism();
    assertThat(realism.typeWeights()).containsEntry(TxnType.REFUND, 0.1).containsEntry(TxnType.PURCHASE, 0.85);
    assertThat(realism.mccNullRate()).isEqualTo(0.2);
    assertThat(realism.declineRate()).isEqualTo(0.08);
    assertThat(realism.weekdayWeights()).containsOnly(1.0);
    assertThat(realism.holidayWeight()).isEqualTo(1.5);
    assertThat(parse("--lake-root", "s3://lake").generator().realism()).isEqualTo(Realism.defaults());
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--season-weights", "spring=2"))
        .hasMessageContaining("--season-weights names 'spring'");
  }

  @Test
  void gzipRunsDefaultToBiggerFilesOfAboutTheSameStoredSize() {
    assertThat(parse("--lake-root", "s3://lake", "--compression", "gzip").generator().rowsPerFile()).isEqualTo(2_000_000);
    assertThat(GenerateConfig.defaultRowsPerFile(Compression.GZIP)).isEqualTo(2_000_000);
    assertThat(GenerateConfig.defaultRowsPerFile(Compression.NONE)).isEqualTo(1_000_000);
  }

  @Test
  void parsesTheGeneratorOptionsAsTheCommandLineDoes() {
    GenerateConfig config = parse(
        "--JOB_NAME", "payments-generate", "--JOB_RUN_ID", "jr_01", "--TempDir", "s3://tmp/", "--enable-metrics", "true",
        "--lake-root", "s3a://lake/dev/", "--start-date", "2026-11-01", "--days", "3", "--rows-per-day", "5_000",
        "--seed=-7", "--rows-per-file", "1000", "--compression", "GZIP", "--pan-hash-key", "a-key-of-twenty-chars",
        "--schema-drift-every", "2", "--rate-late-arrival", "0.02", "--no-defects");
    GeneratorConfig generator = config.generator();

    assertThat(config.lakeRoot()).isEqualTo("s3a://lake/dev");
    assertThat(generator.startDate()).isEqualTo(LocalDate.parse("2026-11-01"));
    assertThat(generator.days()).isEqualTo(3);
    assertThat(generator.rowsPerDay()).isEqualTo(5_000);
    assertThat(generator.seed()).isEqualTo(-7);
    assertThat(generator.rowsPerFile()).isEqualTo(1000);
    assertThat(generator.compression()).isEqualTo(Compression.GZIP);
    assertThat(generator.panHashKey()).isEqualTo("a-key-of-twenty-chars");
    assertThat(generator.defects())
        .isEqualTo(DefectRates.none().withRate(DefectKind.LATE_ARRIVAL, 0.02).withSchemaDriftEveryNthDay(2));
  }

  @Test
  void noDefectsTakesTrueOrFalseAsGlueArgumentsAlwaysHaveAValue() {
    assertThat(parse("--lake-root", "s3://lake", "--no-defects", "true").generator().defects().rowDefectRate()).isZero();
    assertThat(parse("--lake-root", "s3://lake", "--no-defects", "--seed", "3").generator().defects().rowDefectRate())
        .isZero();
    assertThat(parse("--lake-root", "s3://lake", "--no-defects", "false").generator().defects())
        .isEqualTo(DefectRates.defaults());
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--no-defects", "maybe"))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INVALID_ARGUMENT: job generate: argument --no-defects is 'maybe' but must be true or false");
  }

  @Test
  void modesAndTargetSizeComeFromTheGeneratorsParser() {
    GenerateConfig nightly = parse("--lake-root", "s3://lake", "--mode", "nightly");
    assertThat(nightly.mode()).isEqualTo(GenerationMode.NIGHTLY);
    assertThat(nightly.generator().startDate()).isEqualTo(LocalDate.parse("2026-11-03"));
    assertThat(nightly.generator().endDate()).isEqualTo(LocalDate.parse("2026-11-09"));

    // On Glue, which reserves --mode, the same setting goes by --generation-mode.
    GenerateConfig onGlue = parse("--lake-root", "s3://lake", "--generation-mode", "initial-load",
        "--start-date", "2024-01-01", "--end-date", "2024-01-31");
    assertThat(onGlue.mode()).isEqualTo(GenerationMode.INITIAL_LOAD);
    assertThat(onGlue.generator().days()).isEqualTo(31);
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--mode", "nightly", "--generation-mode", "nightly"))
        .hasMessage("INVALID_ARGUMENT: job generate: arguments --mode and --generation-mode name the same setting;"
            + " give one (on AWS Glue --generation-mode, as Glue reserves --mode)");

    GenerateConfig sized = parse("--lake-root", "s3://lake", "--days", "2", "--target-size", "20MB");
    assertThat(sized.targetBytes()).isEqualTo(OptionalLong.of(20_000_000));
    assertThat(sized.generator().rowsPerDay()).isBetween(20_000L, 60_000L);
  }

  @Test
  void theEnvironmentSuppliesThePanHashKeyWithoutEverEchoingIt() {
    GenerateConfig config =
        GenerateJob.config(new String[] {"--lake-root", "s3://lake"}, Map.of("LAKE_PAN_HASH_KEY", "key-from-the-environment"), CLOCK);
    assertThat(config.generator().panHashKey()).isEqualTo("key-from-the-environment");

    assertThatThrownBy(() -> GenerateJob.config(new String[] {"--lake-root", "s3://lake"},
        Map.of("LAKE_PAN_HASH_KEY", "short-secret"), CLOCK))
        .hasMessage("INVALID_ARGUMENT: job generate: $LAKE_PAN_HASH_KEY has 12 characters but must have at least 16")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void threadsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--threads", "8"))
        .isInstanceOf(JobFailure.class)
        .satisfies(e -> assertThat(((JobFailure) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessage("INVALID_ARGUMENT: job generate: argument --threads is not supported: parallelism is Spark's"
            + " (one task per file); size the job with Glue workers or spark.executor.instances and"
            + " spark.executor.cores; the output never depends on it");
    assertThatThrownBy(() -> parse("--threads=8", "--lake-root", "s3://lake"))
        .hasMessageStartingWith("INVALID_ARGUMENT: job generate: argument --threads is not supported");
  }

  @Test
  void theCommandLinesS3OptionsAreRefusedInFavourOfHadoopsConfiguration() {
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--endpoint", "http://127.0.0.1:9000"))
        .hasMessage("INVALID_ARGUMENT: job generate: argument --endpoint is not supported: the job reaches S3 through"
            + " Hadoop's FileSystem: set spark.hadoop.fs.s3a.* (or the platform's) configuration instead");
    assertThatThrownBy(() -> parse("--out", "s3://lake"))
        .hasMessage("INVALID_ARGUMENT: job generate: argument --out is not supported: the job writes to --lake-root");
  }

  @Test
  void anUnknownArgumentIsNamedWithTheAllowedOnes() {
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--colour", "blue"))
        .isInstanceOf(JobFailure.class)
        .hasMessageStartingWith("INVALID_ARGUMENT: job generate: unknown argument --colour; allowed: --lake-root"
            + " (required: lake root URI, e.g. s3://bucket[/prefix], s3a://bucket or file:///tmp/lake), --mode (optional:"
            + " Which ingest dates: range | initial-load | nightly")
        .hasMessageContaining("--rows-per-file (optional: Base rows per part file (job default 1000000, about 258 MB;"
            + " with --compression gzip 2000000, about 222 MB))")
        .hasMessageContaining("--no-defects (optional: true|false: Write clean data")
        .hasMessageContaining("--rate-exact-duplicate (optional: rate of EXACT_DUPLICATE, a fraction in [0, 1])")
        .hasMessageContaining("--rate-schema-drift (optional: rate of SCHEMA_DRIFT")
        .hasMessageNotContaining("--threads");
  }

  @Test
  void aMissingLakeRootIsNamed() {
    assertThatThrownBy(() -> parse("--days", "2"))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INVALID_ARGUMENT: job generate needs argument --lake-root");
  }

  @Test
  void generatorRulesAreReportedWithTheOptionAndTheRule() {
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--rows-per-file", "0"))
        .hasMessage("INVALID_ARGUMENT: job generate: Option --rows-per-file is 0 but must be an integer in [1, 100000000]");
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--mode", "nightly", "--days", "3"))
        .hasMessage("INVALID_ARGUMENT: job generate: Option --days cannot be used with --mode nightly, which always"
            + " generates the last 7 days (today UTC minus 7 .. yesterday)");
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--compression", "zstd"))
        .hasMessage("INVALID_ARGUMENT: job generate: Option --compression is 'zstd' but must be one of [none, gzip]");
    assertThatThrownBy(() -> parse("--lake-root", "s3://lake", "--rate-bad-currency", "2"))
        .hasMessage("INVALID_ARGUMENT: job generate: Option --rate-bad-currency is '2' but must be a fraction in [0, 1],"
            + " e.g. 0.001");
  }

  @Test
  void theLakeRootMustBeALocation() {
    assertThatThrownBy(() -> parse("--lake-root", "s3://"))
        .hasMessage("INVALID_ARGUMENT: job generate: lakeRoot 's3://' names no bucket but must be s3://bucket[/prefix]");
    assertThatThrownBy(() -> parse("--lake-root", "S3A:///raw"))
        .hasMessage("INVALID_ARGUMENT: job generate: lakeRoot 'S3A:///raw' names no bucket but must be s3a://bucket[/prefix]");
    assertThatThrownBy(() -> parse("--lake-root", "s3a://lake?versionId=3"))
        .hasMessage("INVALID_ARGUMENT: job generate: lakeRoot 's3a://lake?versionId=3' has a query or fragment but must"
            + " be a plain location such as s3://bucket/prefix");
    GeneratorConfig generator = parse("--lake-root", "s3://lake").generator();
    assertThatThrownBy(() -> new GenerateConfig(" ", generator, GenerationMode.RANGE, OptionalLong.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lakeRoot is empty but must be a URI such as s3://bucket or file:///tmp/lake");
    assertThat(new GenerateConfig("file:///tmp/lake/", generator, GenerationMode.RANGE, OptionalLong.empty()).lakeRoot())
        .isEqualTo("file:///tmp/lake");
    assertThat(new GenerateConfig("lake", generator.withThreads(8), GenerationMode.RANGE, OptionalLong.empty()).generator()
        .threads()).isEqualTo(1);
  }
}
