package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.TruthManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --target-size}: sizes, the rows per day they map to, and what a run then writes. */
class TargetSizeTest {
  /** What the data files of a {@code --target-size} run may differ from the target by. */
  static final double TOLERANCE = 0.01;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
  /** A Monday; the week after has no seasonal weight, so its weekday weights add up to exactly 7. */
  private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "30MB, 30000000", "30mb, 30000000", "1.5GiB, 1610612736", "2 KiB, 2048", "10GB, 10000000000",
      "1TB, 1000000000000", "1TiB, 1099511627776", "123, 123", "5B, 5", "0.5KB, 500", "1.0005KB, 1001",
  })
  void sizesTakeDecimalAndBinaryUnits(String text, long bytes) {
    assertThat(ByteSize.parse("--target-size", text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "10XB|must be a size such as 10GB, 512MB, 1.5GiB or a number of bytes (units B, KB, MB, GB, TB = powers of"
          + " 1000; KiB, MiB, GiB, TiB = powers of 1024)",
      "10 G|must be a size such as 10GB, 512MB, 1.5GiB or a number of bytes (units B, KB, MB, GB, TB = powers of"
          + " 1000; KiB, MiB, GiB, TiB = powers of 1024)",
      "-1GB|must be a size such as 10GB, 512MB, 1.5GiB or a number of bytes (units B, KB, MB, GB, TB = powers of"
          + " 1000; KiB, MiB, GiB, TiB = powers of 1024)",
      "0|must be between 1 byte and 9223372036854775807 bytes",
      "0.4B|must be between 1 byte and 9223372036854775807 bytes",
      "9999999TB|must be between 1 byte and 9223372036854775807 bytes",
  })
  void badSizesAreRejectedNamingTheOptionAndTheAcceptedForms(String text, String rule) {
    assertThatThrownBy(() -> ByteSize.parse("--target-size", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Option --target-size is '" + text + "' but " + rule);
    assertThatThrownBy(() -> GeneratorOptionsTest.parse("--target-size", text))
        .hasMessage("Option --target-size is '" + text + "' but " + rule);
  }

  @Test
  void tenGigabytesOverAWeekMapToTheRowsTheMeasuredBytesPerRowGive() throws IOException {
    GeneratorOptions.Parsed parsed = parse("--target-size", "10GB", "--start-date", MONDAY.toString());
    GeneratorConfig config = parsed.config();
    assertThat(parsed.targetBytes()).hasValue(10_000_000_000L);

    // Bytes per base row measured on a real file: one day of the same options, from its manifest.
    GeneratorConfig oneDay = config.withDays(1).withRowsPerDay(TargetSize.SAMPLE_ROWS);
    new PaymentGenerator(oneDay).generate(new LocalDirectoryTarget(temp), GenerationListener.NONE);
    TruthManifest manifest = manifest(temp, MONDAY);
    double perBaseRow = (double) manifest.files().get(0).bytes() / oneDay.baseRowsFor(MONDAY);
    double perDriftRow = perBaseRow / (1 + config.defects().rate(DefectKind.EXACT_DUPLICATE)
        + config.defects().rate(DefectKind.REPLAY_LATER_STATUS));

    // The week's weekday weights add up to 7; drift files come on the 2nd and 7th day.
    double driftRowsPerRow = 2 * config.defects().rate(DefectKind.SCHEMA_DRIFT);
    double expectedRows = 10e9 / (7 * perBaseRow + driftRowsPerRow * perDriftRow);
    assertThat((double) config.rowsPerDay()).isCloseTo(expectedRows, within(expectedRows * 1e-4));

    double predicted = 0;
    for (LocalDate date : config.ingestDates()) {
      predicted += config.baseRowsFor(date) * perBaseRow;
    }
    predicted += 2 * Math.round(config.defects().rate(DefectKind.SCHEMA_DRIFT) * config.rowsPerDay()) * perDriftRow;
    assertThat(predicted).isCloseTo(10e9, within(10e9 * 1e-4));
  }

  @Test
  void aThirtyMegabyteRunWritesThirtyMegabytesOfDataFiles() throws IOException {
    Path lake = temp.resolve("csv");
    String report = generate(lake, "--target-size", "30MB");

    long written = dataFileBytes(lake);
    assertThat((double) written).isCloseTo(30e6, within(30e6 * TOLERANCE));
    assertThat(manifestBytes(lake)).isEqualTo(written);
    assertThat(report).contains(String.format("  bytes       %,d (%s) of CSV%n", written, ByteSize.format(written)))
        .contains("base rows per average day (for --target-size 30.0 MB)");
  }

  @Test
  void withGzipTheTargetIsTheCompressedSize() throws IOException {
    Path lake = temp.resolve("gzip");
    String report = generate(lake, "--target-size", "30MB", "--compression", "gzip");

    long written = dataFileBytes(lake);
    assertThat((double) written).isCloseTo(30e6, within(30e6 * TOLERANCE));
    assertThat(manifestBytes(lake)).isEqualTo(written);
    assertThat(report).contains(String.format("  bytes       %,d (%s) of gzip-compressed CSV%n", written,
        ByteSize.format(written)));
    try (Stream<Path> files = Files.walk(lake.resolve(LakeLayout.RAW_PAYMENTS))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .isNotEmpty().allMatch(name -> name.endsWith(".csv.gz"));
    }
    // The same size compressed holds more rows than plain CSV.
    long plainRows = parse("--target-size", "30MB").config().rowsPerDay();
    long gzipRows = parse("--target-size", "30MB", "--compression", "gzip").config().rowsPerDay();
    assertThat(gzipRows).isGreaterThan(2 * plainRows);
  }

  @Test
  void aTargetNeedingMoreThanTheMaximumRowsPerDayIsRejected() {
    assertThatThrownBy(() -> parse("--target-size", "10TB", "--days", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Option --target-size is '10TB' but needs about ")
        .hasMessageMatching(".* base rows per average day over 1 day\\(s\\), more than the maximum "
            + String.format("%,d", GeneratorConfig.MAX_ROWS_PER_DAY)
            + " \\(about [0-9.]+ GB\\); give more days or a smaller size");
  }

  @Test
  void aTargetSmallerThanOneRowPerDayIsRejected() {
    assertThatThrownBy(() -> parse("--target-size", "1KB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("Option --target-size is '1KB' but must be at least [0-9.]+ KB: the smallest run over"
            + " these 7 day\\(s\\), 1 base row per average day, writes about that much");
  }

  @Test
  void rowsPerFileIsCheckedAgainstTheRowsTheTargetNeeds() {
    long rowsPerDay = parse("--target-size", "1TB").config().rowsPerDay();
    long busiest = Realism.defaults().maxBaseRows(rowsPerDay);
    long least = (busiest + GeneratorConfig.MAX_FILES_PER_DAY - 1) / GeneratorConfig.MAX_FILES_PER_DAY;

    assertThatThrownBy(() -> parse("--target-size", "1TB", "--rows-per-file", "10"))
        .hasMessage("Option --rows-per-file is 10 but must be at least " + least + " with --target-size ("
            + rowsPerDay + " rows per day) (the busiest day, " + busiest + " base rows, must fit in "
            + GeneratorConfig.MAX_FILES_PER_DAY + " files)");
  }

  @Test
  void theSameOptionsAlwaysGiveTheSameRowsPerDay() {
    assertThat(parse("--target-size", "2GB", "--seed", "5").config())
        .isEqualTo(parse("--target-size", "2GB", "--seed", "5").config());
    assertThat(parse("--target-size", "4GB").config().rowsPerDay())
        .isCloseTo(2 * parse("--target-size", "2GB").config().rowsPerDay(), within(2L));
  }

  private static GeneratorOptions.Parsed parse(String... args) {
    return GeneratorOptions.parse(GeneratorOptionsTest.values(args), Map.of(), CLOCK);
  }

  private String generate(Path lake, String... options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = Stream.concat(Stream.of("--out", lake.toString(), "--seed", "5", "--threads", "2"),
        Stream.of(options)).toArray(String[]::new);
    int exit = GeneratorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), CLOCK);
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static long dataFileBytes(Path lake) throws IOException {
    try (Stream<Path> files = Files.walk(lake.resolve(LakeLayout.RAW_PAYMENTS))) {
      long sum = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        sum += Files.size(file);
      }
      return sum;
    }
  }

  private static long manifestBytes(Path lake) throws IOException {
    long sum = 0;
    for (TruthManifest manifest : manifests(lake)) {
      sum += manifest.files().stream().mapToLong(TruthManifest.FileEntry::bytes).sum();
    }
    return sum;
  }

  static List<TruthManifest> manifests(Path lake) throws IOException {
    try (Stream<Path> files = Files.walk(lake.resolve(LakeLayout.TRUTH_MANIFESTS))) {
      List<Path> paths = files.filter(p -> p.getFileName().toString().equals("truth.json")).sorted().toList();
      List<TruthManifest> manifests = new java.util.ArrayList<>();
      for (Path path : paths) {
        manifests.add(TruthManifest.fromJson(Files.readString(path)));
      }
      return manifests;
    }
  }

  private static TruthManifest manifest(Path lake, LocalDate date) throws IOException {
    return TruthManifest.fromJson(Files.readString(
        lake.resolve(LakeLayout.TRUTH_MANIFESTS + "/ingest_date=" + date + "/truth.json")));
  }
}
