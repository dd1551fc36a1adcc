package com.paymentslake.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.TruthManifest;
import com.paymentslake.generator.GenerationListener;
import com.paymentslake.generator.GeneratorConfig;
import com.paymentslake.generator.GeneratorOptions;
import com.paymentslake.generator.LocalDirectoryTarget;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.jobs.testing.SparkTestSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generation job on the shared {@code local[2]} session, checked against the single-process
 * generator ({@link PaymentGenerator#generate}) run with the same options: every file of the lake,
 * raw CSV and truth manifests, must be byte-identical.
 */
class GenerateJobTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  /**
   * Tuesday 17 to Thursday 19 November 2026: 2,760-2,940 base rows a day in files of 1,000 (three
   * per day), a drift file on the 18th (every 2nd day from the 2nd), replays at 3% so that some
   * (about a third) land in the next day's partition.
   */
  private static final Map<String, String> OPTIONS = options(
      "--start-date", "2026-11-17", "--days", "3", "--rows-per-day", "3000", "--rows-per-file", "1000",
      "--seed", "11", "--schema-drift-every", "2", "--rate-replay-later-status", "0.03");

  private static final LocalDate NOV_17 = LocalDate.parse("2026-11-17");
  private static final LocalDate NOV_18 = LocalDate.parse("2026-11-18");

  @TempDir Path dir;

  @Test
  void writesTheSameBytesAsTheSingleProcessGenerator() throws IOException {
    Path expected = singleProcess(OPTIONS, dir.resolve("expected"));
    Path lake = dir.resolve("lake");

    GenerateResult result = GenerateJob.run(SPARK, jobConfig(lake, OPTIONS));

    Map<String, byte[]> want = files(expected);
    assertScenarioIsTheOneDescribed(expected);
    assertSameFiles(files(lake), want);
    assertNoHiddenOrTemporaryFiles(lake);

    List<TruthManifest> manifests = manifests(expected);
    assertThat(result.lakeRoot()).isEqualTo("file:" + lake.toAbsolutePath());
    assertThat(result.ingestDates()).containsExactly(NOV_17, NOV_18, LocalDate.parse("2026-11-19"));
    assertThat(result.files()).isEqualTo(manifests.stream().mapToInt(m -> m.files().size()).sum());
    assertThat(result.dataLines()).isEqualTo(manifests.stream().mapToLong(TruthManifest::dataLines).sum());
    assertThat(result.bytes()).isEqualTo(manifests.stream().flatMap(m -> m.files().stream())
        .mapToLong(TruthManifest.FileEntry::bytes).sum());
    for (DefectKind kind : DefectKind.values()) {
      assertThat(result.defects().get(kind)).as(kind.name())
          .isEqualTo(manifests.stream().mapToLong(m -> m.defect(kind).count()).sum());
    }
    assertThat(result.staleFilesDeleted()).isEmpty();
  }

  @Test
  void inOneWavePerDateTheJobWritesTheSameBytes() throws IOException {
    // Replays carried into the next day cross wave boundaries: each wave's files are still complete.
    Path expected = singleProcess(OPTIONS, dir.resolve("expected"));
    Path lake = dir.resolve("lake");

    GenerateResult result = GenerateJob.run(SPARK, jobConfig(lake, OPTIONS), 1);

    assertSameFiles(files(lake), files(expected));
    assertNoHiddenOrTemporaryFiles(lake);
    assertThat(result.ingestDates()).hasSize(3);
    assertThat(result.dataLines()).isEqualTo(manifests(expected).stream().mapToLong(TruthManifest::dataLines).sum());
  }

  @Test
  void realismSettingsReachTheExecutorsAndTheManifests() throws IOException {
    Map<String, String> options = with(with(with(OPTIONS, "--type-mix", "REFUND=0.2"), "--null-rate-mcc", "0.3"),
        "--weekday-weights", "1,1,1,1,1,1,1");
    Path expected = singleProcess(options, dir.resolve("expected"));
    Path lake = dir.resolve("lake");

    GenerateJob.run(SPARK, jobConfig(lake, options));

    assertSameFiles(files(lake), files(expected));
    Map<String, byte[]> defaults = files(singleProcess(OPTIONS, dir.resolve("defaults")));
    assertThat(files(lake).get("raw/payments/ingest_date=2026-11-17/part-00000.csv"))
        .isNotEqualTo(defaults.get("raw/payments/ingest_date=2026-11-17/part-00000.csv"));
    for (TruthManifest manifest : manifests(lake)) {
      assertThat(manifest.settings()).containsEntry("null-rate-mcc", "0.3")
          .containsEntry("weekday-weights", "1,1,1,1,1,1,1");
      assertThat(manifest.settings().get("type-mix")).contains("REFUND=0.2");
    }
  }

  @Test
  void progressGivesRowsRateAndTimeLeft() {
    assertThat(GenerateJob.progress(250_000, 1_000_000, 5_000_000_000L))
        .isEqualTo("250,000 of 1,000,000 base rows (25.0%), 50,000 rows/s, about 15 s left");
    assertThat(GenerateJob.progress(0, 10, 0)).endsWith("0 rows/s, time left unknown");
  }

  @Test
  void gzipOutputIsByteIdenticalAndDecompressesToThePlainOutput() throws IOException {
    Map<String, String> gzip = with(OPTIONS, "--compression", "gzip");
    Path expected = singleProcess(gzip, dir.resolve("expected"));
    Path plain = singleProcess(OPTIONS, dir.resolve("plain"));
    Path lake = dir.resolve("lake");

    GenerateJob.run(SPARK, jobConfig(lake, gzip));

    // Compressed bytes compared as they are: the same zlib (this JVM's) gives the same bytes.
    Map<String, byte[]> written = files(lake);
    assertSameFiles(written, files(expected));
    Map<String, byte[]> plainFiles = files(plain);
    List<String> gzipped = written.keySet().stream().filter(name -> name.endsWith(".csv.gz")).toList();
    assertThat(gzipped).hasSize((int) plainFiles.keySet().stream().filter(name -> name.endsWith(".csv")).count());
    for (String name : gzipped) {
      String csv = name.substring(0, name.length() - ".gz".length());
      assertThat(gunzip(written.get(name))).as(name).isEqualTo(plainFiles.get(csv));
    }
    assertNoHiddenOrTemporaryFiles(lake);
  }

  @Test
  void reRunReplacesStalePartFilesAndLeavesForeignFilesAlone() throws IOException {
    Path lake = dir.resolve("lake");
    Map<String, String> first = with(with(OPTIONS, "--rows-per-file", "500"), "--compression", "gzip");
    GenerateJob.main(jobArgs(lake, first));
    Map<String, String> foreign = new TreeMap<>();
    foreign.put(rawFile(NOV_17, "notes.txt"), "kept: not a part file");
    foreign.put(rawFile(NOV_17, "_SUCCESS"), "");
    foreign.put(rawFile(NOV_18, "part-00000.parquet"), "kept: not CSV");
    foreign.put(rawFile(LocalDate.parse("2026-11-01"), "part-00099.csv"), "kept: a partition outside the run");
    foreign.put(LakeLayout.TRUTH_MANIFESTS + "/ingest_date=2026-11-17/README", "kept");
    for (Map.Entry<String, String> file : foreign.entrySet()) {
      Files.createDirectories(lake.resolve(file.getKey()).getParent());
      Files.writeString(lake.resolve(file.getKey()), file.getValue());
    }
    List<String> firstRunParts = new ArrayList<>();
    for (TruthManifest manifest : manifests(lake)) {
      manifest.files().forEach(f -> firstRunParts.add("file:" + lake.toAbsolutePath() + "/"
          + rawFile(manifest.date(), f.name())));
    }
    // Left by a killed attempt: removed by the next run of its partition.
    Path leftover = lake.resolve(rawFile(NOV_18, ".part-00001.csv.0badf00d.inprogress"));
    Files.writeString(leftover, "half a fi");

    GenerateResult second = GenerateJob.run(SPARK, jobConfig(lake, OPTIONS));

    assertThat(firstRunParts).hasSizeGreaterThan(second.files());
    assertThat(second.staleFilesDeleted()).containsExactlyInAnyOrderElementsOf(firstRunParts);
    Map<String, byte[]> written = files(lake);
    for (Map.Entry<String, String> file : foreign.entrySet()) {
      assertThat(written.remove(file.getKey())).as(file.getKey()).isEqualTo(file.getValue().getBytes());
    }
    assertSameFiles(written, files(singleProcess(OPTIONS, dir.resolve("expected"))));
    assertThat(leftover).doesNotExist();
    assertNoHiddenOrTemporaryFiles(lake);

    GenerateResult third = GenerateJob.run(SPARK, jobConfig(lake, OPTIONS));
    assertThat(third.staleFilesDeleted()).isEmpty();
    Map<String, byte[]> again = files(lake);
    foreign.keySet().forEach(again::remove);
    assertSameFiles(again, written);
  }

  @Test
  void aFailedTaskFailsTheJobBeforeAnyManifestAndLeavesNoPartialFile() throws IOException {
    Path lake = dir.resolve("lake");
    // A file where the 18th's partition folder must go: its tasks cannot create their files.
    Path blocked = lake.resolve(LakeLayout.RAW_PAYMENTS + "/ingest_date=2026-11-18");
    Files.createDirectories(blocked.getParent());
    Files.writeString(blocked, "not a folder");

    assertThatThrownBy(() -> GenerateJob.run(SPARK, jobConfig(lake, OPTIONS)))
        .hasMessageContaining("Cannot write file:" + blocked.toAbsolutePath() + "/part-0000");
    awaitNoRunningTasks();

    assertThat(lake.resolve(LakeLayout.TRUTH_MANIFESTS)).doesNotExist();
    assertThat(blocked).hasContent("not a folder");
    assertNoHiddenOrTemporaryFiles(lake);
    Map<String, byte[]> expected = files(singleProcess(OPTIONS, dir.resolve("expected")));
    Map<String, byte[]> written = files(lake);
    written.remove(lake.relativize(blocked).toString());
    assertThat(written).as("the other dates' files, each whole or absent").isNotEmpty();
    written.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));
  }

  /** The options produce what the tests claim: several files a day, a drift day, replays crossing days. */
  private static void assertScenarioIsTheOneDescribed(Path expected) throws IOException {
    List<TruthManifest> manifests = manifests(expected);
    assertThat(manifests).hasSize(3);
    for (TruthManifest manifest : manifests) {
      assertThat(manifest.files().stream().filter(f -> !f.schemaDrift())).as(manifest.ingestDate()).hasSize(3);
    }
    assertThat(manifests.get(1).files()).anyMatch(TruthManifest.FileEntry::schemaDrift);
    String nov17Ids = "T" + NOV_17.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
    assertThat(manifests.get(1).defect(DefectKind.REPLAY_LATER_STATUS).txnIds())
        .as("replays of the 17th's rows landing on the 18th")
        .anyMatch(id -> id.startsWith(nov17Ids));
  }

  private static Path singleProcess(Map<String, String> options, Path out) throws IOException {
    GeneratorConfig config = GeneratorOptions.parse(with(options, "--threads", "2"), Map.of(), CLOCK).config();
    new PaymentGenerator(config).generate(new LocalDirectoryTarget(out), GenerationListener.NONE);
    return out;
  }

  private static GenerateConfig jobConfig(Path lake, Map<String, String> options) {
    return GenerateJob.config(jobArgs(lake, options), Map.of(), CLOCK);
  }

  private static String[] jobArgs(Path lake, Map<String, String> options) {
    List<String> args = new ArrayList<>(List.of("--JOB_NAME", "payments-lake-generate", "--lake-root",
        lake.toUri().toString()));
    options.forEach((key, value) -> args.addAll(List.of(key, value)));
    return args.toArray(String[]::new);
  }

  private static Map<String, String> options(String... keysAndValues) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return options;
  }

  private static Map<String, String> with(Map<String, String> options, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(options);
    copy.put(key, value);
    return copy;
  }

  private static String rawFile(LocalDate date, String name) {
    return LakeLayout.RAW_PAYMENTS + "/" + LakeLayout.ingestPartition(date) + "/" + name;
  }

  /** Every regular file under a root, by '/'-separated relative path. */
  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
  }

  private static void assertNoHiddenOrTemporaryFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      assertThat(walk.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".") || name.endsWith(".inprogress") || name.endsWith(".crc"));
    }
  }

  private static List<TruthManifest> manifests(Path root) throws IOException {
    Path folder = root.resolve(LakeLayout.TRUTH_MANIFESTS);
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.getFileName().toString().equals("truth.json")).sorted().map(p -> {
        try {
          return TruthManifest.fromJson(Files.readString(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    }
  }

  private static byte[] gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  /** After a failed job Spark may still be finishing the tasks it could not stop. */
  private static void awaitNoRunningTasks() {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean running = Arrays.stream(SPARK.sparkContext().statusTracker().getExecutorInfos())
          .mapToInt(SparkExecutorInfo::numRunningTasks).sum() > 0;
      if (!running) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
