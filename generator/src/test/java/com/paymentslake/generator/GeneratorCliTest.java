package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.TruthManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneratorCliTest {
  private static final String[] SMALL = {"--days", "2", "--start-date", "2026-06-01", "--rows-per-day", "3000",
      "--rows-per-file", "1000", "--seed", "9"};
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
  /** No console, progress from the usual size: what tests and CI see. */
  private static final GeneratorCli.Terminal LOG = new GeneratorCli.Terminal(false, ProgressBar.MIN_LINES,
      System::nanoTime);

  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpDocumentsEveryOptionWithItsDefault() {
    assertThat(run("--help")).isZero();
    Map<String, String> help = helpEntries(out());

    assertThat(help.keySet()).as("every option of the parser")
        .containsExactlyInAnyOrderElementsOf(GeneratorCli.optionNames().stream()
            .map(name -> name.startsWith("--rate-<kind>") ? "--rate-<kind>" : name).toList());
    help.forEach((name, text) -> {
      if (!name.equals("--help")) {
        assertThat(text).as(name).containsAnyOf("(default", "(required)");
      }
    });
    assertThat(help.get("--out")).contains("(required)");
    assertThat(help.get("--mode")).contains("range | initial-load | nightly (default range)",
        "--start-date (default " + GenerationMode.DEFAULT_INITIAL_LOAD_START + ")",
        "--end-date (default today UTC minus " + GenerationMode.INITIAL_LOAD_END_DAYS_AGO + ")",
        "the last " + GenerationMode.NIGHTLY_DAYS + " days (today UTC minus " + GenerationMode.NIGHTLY_DAYS
            + " .. yesterday)");
    assertThat(help.get("--days")).contains("1-" + GeneratorConfig.MAX_DAYS,
        "(default " + GeneratorConfig.DEFAULT_DAYS + ")");
    assertThat(help.get("--start-date")).contains("(default: range: today UTC minus --days",
        "initial-load: " + GenerationMode.DEFAULT_INITIAL_LOAD_START);
    assertThat(help.get("--end-date")).contains("today UTC minus " + GenerationMode.INITIAL_LOAD_END_DAYS_AGO);
    assertThat(help.get("--rows-per-day")).contains("(default " + GeneratorConfig.DEFAULT_ROWS_PER_DAY + ")",
        "1-" + GeneratorConfig.MAX_ROWS_PER_DAY, "not with --target-size");
    assertThat(help.get("--target-size")).contains("10GB", "(default: none, --rows-per-day applies)");
    assertThat(help.get("--seed")).contains("(default " + GeneratorConfig.DEFAULT_SEED + ")");
    assertThat(help.get("--threads")).contains("1-" + GeneratorConfig.MAX_THREADS,
        "(default: the available processors, here " + GeneratorConfig.defaultThreads() + ")",
        "never changes the output");
    assertThat(help.get("--rows-per-file")).contains("(default " + GeneratorConfig.DEFAULT_ROWS_PER_FILE);
    assertThat(help.get("--compression")).contains("none|gzip", "(default none)");
    assertThat(help.get("--pan-hash-key")).contains("$" + GeneratorCli.PAN_HASH_KEY_ENV, "local-demo key");
    assertThat(help.get("--no-defects")).contains("(default: off");
    assertThat(help.get("--schema-drift-every"))
        .contains("(default " + DefectRates.DEFAULT_SCHEMA_DRIFT_EVERY_NTH_DAY + ")");
    for (DefectKind kind : DefectKind.values()) {
      assertThat(help.get("--rate-<kind>")).contains(GeneratorCli.rateOption(kind) + " (default "
          + BigDecimal.valueOf(DefectRates.defaults().rate(kind)).stripTrailingZeros().toPlainString() + ")");
    }
    assertThat(help.get("--region")).contains("(default " + S3Connection.DEFAULT_REGION + ")");
    assertThat(help.get("--progress")).contains("auto|bar|lines", "(default auto",
        String.format(Locale.ROOT, "%,d", ProgressBar.MIN_LINES) + "+ rows");
    assertThat(help.get("--quiet")).contains("(default: off)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--days|0|Option --days is 0 but must be an integer in [1, 3660]",
      "--days|seven|Option --days is 'seven' but must be an integer in [1, 3660]",
      "--threads|0|Option --threads is 0 but must be an integer in [1, 256]",
      "--rows-per-day|-5|Option --rows-per-day is -5 but must be an integer in [1, 1000000000]",
      "--rows-per-file|0|Option --rows-per-file is 0 but must be an integer in [1, 100000000]",
      "--start-date|2026-13-01|Option --start-date is '2026-13-01' but must be a date YYYY-MM-DD, e.g. 2026-11-01",
      "--seed|x|Option --seed is 'x' but must be an integer in [-9223372036854775808, 9223372036854775807]",
      "--pan-hash-key|short|Option --pan-hash-key has 5 characters but must have at least 16",
      "--rate-bad-currency|2|Option --rate-bad-currency is '2' but must be a fraction in [0, 1], e.g. 0.001",
      "--schema-drift-every|-1|Option --schema-drift-every is -1 but must be an integer in [0, 3660]",
      "--endpoint|ftp://host|Option --endpoint is 'ftp://host' but must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:9000",
      "--region|US|Option --region is 'US' but must be lower-case letters, digits and dashes, e.g. us-east-1",
      "--mode|hourly|Option --mode is 'hourly' but must be one of [range, initial-load, nightly]",
      "--compression|bz2|Option --compression is 'bz2' but must be one of [none, gzip]",
      "--target-size|10 parsecs|Option --target-size is '10 parsecs' but must be a size such as 10GB, 512MB, 1.5GiB or a number of bytes (units B, KB, MB, GB, TB = powers of 1000; KiB, MiB, GiB, TiB = powers of 1024)",
      "--progress|fancy|Option --progress is 'fancy' but must be one of [auto, bar, lines] (--quiet turns progress off)",
  })
  void badValuesExitWith2AndNameTheOptionAndTheRule(String option, String value, String message) {
    assertThat(run("--out", temp.toString(), option, value)).isEqualTo(2);
    assertThat(err()).isEqualTo("Error: " + message + System.lineSeparator()
        + "Run with --help for the options and their defaults." + System.lineSeparator());
    assertThat(out()).isEmpty();
    assertThat(temp.resolve(LakeLayout.RAW_PAYMENTS)).doesNotExist();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--days 1|Missing required option --out (a directory or s3://bucket[/prefix])",
      "--out|Option --out needs a value",
      "--out --days 2|Option --out needs a value but is followed by the option --days",
      "--out OUT --access-key key|Options --access-key and --secret-key must be given together",
      "--out OUT --rows-per-day 1000000 --rows-per-file 10|Option --rows-per-file is 10 but must be at least 23 with"
          + " --rows-per-day 1000000 (the busiest day, 2240000 base rows, must fit in 100000 files)",
      "--out OUT --days 1 --days 2|Option --days is given more than once",
      "--out OUT --quiet=yes|Option --quiet takes no value",
      "--out OUT --quiet --progress bar|Options --quiet and --progress cannot be used together",
      "--out OUT --rate-late-arrival 0.6 --rate-exact-duplicate=0.6|The row defect rates (--rate-* options and"
          + " defaults) add up to 1.2091 but must add up to at most 1",
      "--out OUT --rows-per-day 5 --target-size 1GB|Options --rows-per-day and --target-size cannot be used"
          + " together: --target-size sets the rows per day",
      "--out OUT --mode nightly --days 3|Option --days cannot be used with --mode nightly, which always generates"
          + " the last 7 days (today UTC minus 7 .. yesterday)",
  })
  void usageErrorsExitWith2(String args, String message) {
    String[] argv = args.replace("OUT", temp.toString()).split(" ");
    assertThat(run(argv)).isEqualTo(2);
    assertThat(err()).isEqualTo("Error: " + message + System.lineSeparator()
        + "Run with --help for the options and their defaults." + System.lineSeparator());
  }

  @Test
  void unknownOptionsListTheAllowedOnes() {
    assertThat(run("--out", temp.toString(), "--colour", "red")).isEqualTo(2);
    assertThat(err()).startsWith("Error: Unknown option '--colour'; allowed: " + String.join(", ",
        GeneratorCli.optionNames()) + System.lineSeparator());
    assertThat(err()).contains("--out, --mode, --days, --start-date, --end-date, --rows-per-day, --target-size,")
        .contains("--rate-<kind> with kind one of [exact-duplicate, replay-later-status,")
        .contains("--path-style, --progress, --quiet, --help");
  }

  @Test
  void unwritableOutputExitsWith1() throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "x");
    assertThat(run(args("--out", file.resolve("lake").toString()))).isEqualTo(1);
    assertThat(err()).startsWith("Error: generation failed: Cannot create lake root directory " + file.resolve("lake"));
  }

  @Test
  void generatesTheSameBytesWithOneOrFourThreads() throws IOException {
    Path one = temp.resolve("one");
    Path four = temp.resolve("four");
    assertThat(run(args("--out", one.toString(), "--threads", "1"))).isZero();
    assertThat(run(args("--out", four.toString(), "--threads=4"))).isZero();

    Map<String, byte[]> a = PaymentGeneratorTest.files(one);
    Map<String, byte[]> b = PaymentGeneratorTest.files(four);
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    assertThat(err()).isEmpty();
  }

  @Test
  void reportsThePlanEachIngestDateAndASummaryThatMatchesTheTruthManifests() throws IOException {
    Path lake = temp.resolve("lake");
    assertThat(run(args("--out", lake.toString(), "--threads", "2"))).isZero();

    List<TruthManifest> manifests = TargetSizeTest.manifests(lake);
    assertThat(manifests).extracting(TruthManifest::ingestDate).containsExactly("2026-06-01", "2026-06-02");
    GeneratorConfig config = GeneratorOptions.parse(GeneratorOptionsTest.values(SMALL), Map.of(), CLOCK).config();
    long rows = manifests.stream().mapToLong(TruthManifest::dataLines).sum();
    long bytes = manifests.stream().flatMap(m -> m.files().stream()).mapToLong(TruthManifest.FileEntry::bytes).sum();
    long files = manifests.stream().mapToLong(m -> m.files().size()).sum();
    long drift = manifests.stream().flatMap(m -> m.files().stream()).filter(TruthManifest.FileEntry::schemaDrift)
        .count();
    assertThat(bytes).isEqualTo(onDisk(lake.resolve(LakeLayout.RAW_PAYMENTS)));
    assertThat(drift).isEqualTo(1);

    List<String> lines = out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.format(Locale.ROOT, "Generating range 2026-06-01 .. 2026-06-02"
            + " (2 day(s)): 3,000 base rows per average day, about %,d rows, seed 9, 2 thread(s), csv -> %s",
        new PaymentGenerator(config).expectedLines(), lake.toUri().toString().replaceAll("/$", "")));
    for (int i = 0; i < manifests.size(); i++) {
      TruthManifest m = manifests.get(i);
      long partitionBytes = m.files().stream().mapToLong(TruthManifest.FileEntry::bytes).sum();
      assertThat(lines.get(1 + i)).startsWith(String.format(Locale.ROOT, "  ingest_date=%s  %,d rows  %.1f MB  %d"
          + " file(s)  (", m.ingestDate(), m.dataLines(), partitionBytes / 1e6, m.files().size()));
    }
    List<String> summary = lines.subList(1 + manifests.size(), lines.size());
    long defects = 0;
    List<String> kinds = new ArrayList<>();
    for (DefectKind kind : DefectKind.values()) {
      long count = manifests.stream().mapToLong(m -> m.defect(kind).count()).sum();
      defects += count;
      kinds.add(String.format(Locale.ROOT, "    %-24s %,12d  %s", kind, count,
          kind.stage().name().toLowerCase(Locale.ROOT)));
    }
    assertThat(summary.get(0)).isEqualTo("Summary");
    assertThat(summary.get(1)).isEqualTo(String.format(Locale.ROOT, "  rows        %,d data lines (headers excluded)",
        rows));
    assertThat(summary.get(2)).isEqualTo(String.format(Locale.ROOT, "  bytes       %,d (%.1f MB) of CSV", bytes,
        bytes / 1e6));
    assertThat(summary.get(3)).isEqualTo(String.format(Locale.ROOT,
        "  files       %d data files (%d schema-drift), %d truth manifests", files, drift, manifests.size()));
    assertThat(summary.get(4)).matches("  time        \\d+\\.\\d\\d s, [\\d,]+ rows/s, \\d+\\.\\d MB/s");
    assertThat(summary.get(5)).isEqualTo(String.format(Locale.ROOT, "  defects     %,d lines (%.2f%% of rows), per"
        + " kind as listed in the truth manifests:", defects, defects * 100.0 / rows));
    assertThat(summary.subList(6, summary.size())).containsExactlyElementsOf(kinds);
    assertThat(defects).isPositive();
  }

  @Test
  void quietPrintsOnlyThePlanAndTheSummary() {
    assertThat(run(args("--out", temp.toString(), "--quiet"))).isZero();
    assertThat(out()).doesNotContain("ingest_date=").startsWith("Generating ").contains("\nSummary\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void runsBelowTheThresholdShowNoProgress() {
    assertThat(run(args("--out", temp.toString(), "--progress", "bar"))).isZero();
    assertThat(err()).isEmpty();
  }

  @Test
  void onATerminalTheBarIsDrawnOnStderrAndWipedBeforeEachLineOnStdout() {
    GeneratorCli.Terminal terminal = new GeneratorCli.Terminal(true, 0, System::nanoTime);
    assertThat(run(terminal, args("--out", temp.toString()))).isZero();

    String bar = err();
    assertThat(bar).startsWith("\r[").contains(" rows/s  ETA ").doesNotContain("\n");
    assertThat(bar).matches("(?s).*\r +\r$"); // wiped at the end
    assertThat(out()).doesNotContain("\r").contains("ingest_date=2026-06-02");
  }

  @Test
  void withoutATerminalProgressIsPlainLinesEveryFewSeconds() {
    AtomicLong now = new AtomicLong();
    // Every look at the clock moves it on by the line interval, so every update prints one line.
    GeneratorCli.Terminal log = new GeneratorCli.Terminal(false, 0,
        () -> now.addAndGet(ProgressBar.LINE_EVERY.toNanos()));
    assertThat(run(log, args("--out", temp.toString()))).isZero();

    List<String> lines = err().lines().toList();
    assertThat(lines).isNotEmpty().allMatch(line -> line.matches(
        "progress: [\\d,]+ of ~[\\d,]+ rows \\(\\d+%\\), [\\d,]+ rows/s, ETA .+"));
    assertThat(err()).doesNotContain("\r");
  }

  @Test
  void progressOptionForcesTheStyle() {
    AtomicLong now = new AtomicLong();
    GeneratorCli.Terminal console = new GeneratorCli.Terminal(true, 0,
        () -> now.addAndGet(ProgressBar.LINE_EVERY.toNanos()));
    assertThat(run(console, args("--out", temp.resolve("a").toString(), "--progress", "lines"))).isZero();
    assertThat(err()).startsWith("progress: ").doesNotContain("\r");
    err.reset();
    GeneratorCli.Terminal file = new GeneratorCli.Terminal(false, 0, System::nanoTime);
    assertThat(run(file, args("--out", temp.resolve("b").toString(), "--progress", "bar"))).isZero();
    assertThat(err()).startsWith("\r[");
  }

  @Test
  void noDefectsWritesCleanDataAndRatesCanBeSetOneByOne() throws IOException {
    assertThat(run(args("--out", temp.resolve("clean").toString(), "--no-defects"))).isZero();
    for (String date : List.of("2026-06-01", "2026-06-02")) {
      assertThat(manifest(temp.resolve("clean"), date).defects().values())
          .allMatch(entry -> entry.count() == 0);
    }
    assertThat(run(args("--out", temp.resolve("some").toString(), "--no-defects", "--rate-unknown-status", "0.1")))
        .isZero();
    TruthManifest manifest = manifest(temp.resolve("some"), "2026-06-01");
    assertThat(manifest.defect(DefectKind.UNKNOWN_STATUS).count()).isBetween(200L, 450L);
    assertThat(manifest.defect(DefectKind.EXACT_DUPLICATE).count()).isZero();
  }

  @Test
  void gzipWritesCompressedPartFilesWithTheSameLines() throws IOException {
    Path plain = temp.resolve("plain");
    Path gzip = temp.resolve("gzip");
    assertThat(run(args("--out", plain.toString()))).isZero();
    assertThat(run(args("--out", gzip.toString(), "--compression", "gzip"))).isZero();

    Map<String, byte[]> csv = PaymentGeneratorTest.files(plain.resolve(LakeLayout.RAW_PAYMENTS));
    Map<String, byte[]> gz = PaymentGeneratorTest.files(gzip.resolve(LakeLayout.RAW_PAYMENTS));
    assertThat(gz.keySet()).containsExactlyElementsOf(csv.keySet().stream().map(name -> name + ".gz").toList());
    for (Map.Entry<String, byte[]> file : csv.entrySet()) {
      try (var in = new java.util.zip.GZIPInputStream(
          new java.io.ByteArrayInputStream(gz.get(file.getKey() + ".gz")))) {
        assertThat(in.readAllBytes()).as(file.getKey()).isEqualTo(file.getValue());
      }
    }
    assertThat(out()).contains("of gzip-compressed CSV");
  }

  @Test
  void panHashKeyComesFromTheOptionElseTheEnvironment() throws IOException {
    String key = "an-environment-key-1234";
    Path fromEnv = temp.resolve("env");
    Path fromOption = temp.resolve("option");
    Path fromDefault = temp.resolve("default");
    assertThat(GeneratorCli.run(args("--out", fromEnv.toString(), "--days", "1"), stream(out), stream(err),
        Map.of(GeneratorCli.PAN_HASH_KEY_ENV, key))).isZero();
    assertThat(GeneratorCli.run(args("--out", fromOption.toString(), "--pan-hash-key", key), stream(out), stream(err),
        Map.of(GeneratorCli.PAN_HASH_KEY_ENV, "ignored-because-the-option-wins"))).isZero();
    assertThat(GeneratorCli.run(args("--out", fromDefault.toString()), stream(out), stream(err), Map.of())).isZero();
    String file = LakeLayout.RAW_PAYMENTS + "/ingest_date=2026-06-01/part-00000.csv";
    byte[] env = Files.readAllBytes(fromEnv.resolve(file));
    assertThat(Files.readAllBytes(fromOption.resolve(file))).isEqualTo(env);
    assertThat(Files.readAllBytes(fromDefault.resolve(file))).isNotEqualTo(env);
  }

  /**
   * The help's option entries: name to its whole text (the continuation lines of the description
   * included). An entry starts with two spaces and {@code --}.
   */
  private static Map<String, String> helpEntries(String help) {
    Map<String, String> entries = new LinkedHashMap<>();
    String current = null;
    for (String line : help.lines().toList()) {
      if (line.startsWith("  --")) {
        current = line.strip().split("\\s+")[0];
        entries.put(current, line.strip());
      } else if (current != null && line.startsWith("      ")) {
        entries.merge(current, line.strip(), (a, b) -> a + " " + b);
      } else {
        current = null;
      }
    }
    return entries;
  }

  private static long onDisk(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      long sum = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        sum += Files.size(file);
      }
      return sum;
    }
  }

  private static TruthManifest manifest(Path root, String date) throws IOException {
    return TruthManifest.fromJson(Files.readString(
        root.resolve(LakeLayout.TRUTH_MANIFESTS + "/ingest_date=" + date + "/truth.json")));
  }

  private static String[] args(String... extra) {
    List<String> all = new ArrayList<>(List.of(SMALL));
    List<String> more = List.of(extra);
    for (int i = 0; i < more.size(); i++) {
      String option = more.get(i).split("=")[0];
      int existing = all.indexOf(option);
      if (existing >= 0 && !more.get(i).contains("=") && i + 1 < more.size()) {
        all.set(existing + 1, more.get(++i));
      } else {
        all.add(more.get(i));
      }
    }
    return all.toArray(new String[0]);
  }

  private int run(String... args) {
    return run(LOG, args);
  }

  private int run(GeneratorCli.Terminal terminal, String... args) {
    return GeneratorCli.run(args, stream(out), stream(err), Map.of(), CLOCK, terminal);
  }

  private static PrintStream stream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
