package com.paymentslake.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.generator.GenerationMode;
import com.paymentslake.generator.GeneratorConfig;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LakeCliTest {
  private static final Clock NOV_22 = Clock.fixed(Instant.parse("2026-11-22T10:15:00Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LakeCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        NOV_22);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertThat(run("help")).isEqualTo(LakeCli.OK);

    assertThat(out()).startsWith("usage: ./lake <command> [options]").contains("--rows-per-day N");
    assertThat(err()).isEmpty();
  }

  @Test
  void demoHelpPrintsUsageWithoutStartingAnything() {
    assertThat(run("demo", "--help")).isEqualTo(LakeCli.OK);

    assertThat(out()).contains("demo options:");
  }

  @Test
  void noCommandPrintsUsageAsAnError() {
    assertThat(run()).isEqualTo(LakeCli.USAGE);

    assertThat(err()).startsWith("usage: ./lake");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("deploy")).isEqualTo(LakeCli.USAGE);

    assertThat(err())
        .isEqualTo(
            "lake unknown command 'deploy'; commands are demo, query, generate, help\nrun './lake help' for usage\n");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--days|0|demo: --days is 0 but must be in [1, 3660]",
        "--days|abc|demo: --days is 'abc' but must be a whole number in [1, 3660]",
        "--days|3661|demo: --days is 3661 but must be in [1, 3660]",
        "--rows-per-day|0|demo: --rows-per-day is 0 but must be in [1, 1000000000]",
        "--rows-per-day|1e5|demo: --rows-per-day is '1e5' but must be a whole number in [1, 1000000000]",
        "--seed|forty-two|demo: --seed is 'forty-two' but must be a whole number (64-bit)",
        "--threads|0|demo: --threads is 0 but must be in [1, 256]",
        "--cores|-1|demo: --cores is -1 but must be in [1, 256]",
        "--start-date|2026-13-01|demo: --start-date is '2026-13-01' but must be a date YYYY-MM-DD",
        "--start-date|22/11/2026|demo: --start-date is '22/11/2026' but must be a date YYYY-MM-DD",
        "--data-dir|' '|demo: --data-dir is ' ' but must be a directory path",
      })
  void demoRejectsABadOptionValueNamingTheOptionAndTheRule(String option, String value, String message) {
    assertThat(run("demo", option, value)).isEqualTo(LakeCli.USAGE);

    assertThat(err()).isEqualTo("lake " + message + "\nrun './lake help' for usage\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void demoRejectsAnUnknownOption() {
    assertThat(run("demo", "--rows", "10")).isEqualTo(LakeCli.USAGE);

    assertThat(err())
        .startsWith(
            "lake demo: unknown option --rows; allowed: --data-dir, --days, --start-date, --rows-per-day,"
                + " --seed, --threads, --cores, --fail-job\n");
  }

  @Test
  void demoRejectsAnOptionWithoutValueOrGivenTwice() {
    assertThat(run("demo", "--days")).isEqualTo(LakeCli.USAGE);
    assertThat(run("demo", "--days", "--seed", "1")).isEqualTo(LakeCli.USAGE);
    assertThat(run("demo", "--days", "1", "--days=2")).isEqualTo(LakeCli.USAGE);
    assertThat(run("demo", "days", "1")).isEqualTo(LakeCli.USAGE);

    assertThat(err().lines().filter(line -> line.startsWith("lake ")).toList())
        .containsExactly(
            "lake demo: option --days needs a value",
            "lake demo: option --days needs a value",
            "lake demo: option --days is given twice",
            "lake demo: unexpected argument 'days'; options are --KEY VALUE, one of --data-dir, --days,"
                + " --start-date, --rows-per-day, --seed, --threads, --cores, --fail-job");
  }

  @Test
  void demoRejectsADataDirThatIsAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("lake-data"), "not a directory");

    assertThat(run("demo", "--data-dir", file.toString())).isEqualTo(LakeCli.USAGE);

    assertThat(err()).startsWith("lake demo: --data-dir is '" + file + "' but that is a file, not a directory\n");
  }

  @Test
  void generateDelegatesToTheGeneratorsCommand(@TempDir Path lake) {
    int exit =
        run("generate", "--out", lake.toString(), "--days", "1", "--start-date", "2026-11-02", "--rows-per-day", "50");

    assertThat(exit).as("stderr: %s", err()).isEqualTo(LakeCli.OK);
    assertThat(lake.resolve("raw/payments/ingest_date=2026-11-02")).isDirectory();
    assertThat(lake.resolve("manifests/payments/ingest_date=2026-11-02/truth.json")).isRegularFile();
  }

  @Test
  void helpListsEveryGenerateOptionAndPointsToGeneratesOwnHelp() {
    assertThat(run("generate", "--help")).isEqualTo(LakeCli.OK);
    List<String> generateOptions = out().lines()
        .filter(line -> line.startsWith("  --"))
        .map(line -> line.strip().split("\\s+")[0])
        .toList();
    out.reset();

    assertThat(run("help")).isEqualTo(LakeCli.OK);

    assertThat(generateOptions).contains("--out", "--mode", "--target-size", "--end-date", "--compression", "--quiet");
    assertThat(out()).contains("./lake generate --help lists every option with its default");
    assertThat(out()).contains(generateOptions);
    assertThat(out())
        .contains("--mode range|initial-load|nightly")
        .contains("--start-date (default " + GenerationMode.DEFAULT_INITIAL_LOAD_START + ")")
        .contains("today UTC minus " + GenerationMode.INITIAL_LOAD_END_DAYS_AGO)
        .contains("the last " + GenerationMode.NIGHTLY_DAYS + " days")
        .contains("(default " + GeneratorConfig.DEFAULT_ROWS_PER_DAY + ")");
  }

  @Test
  void generateHelpIsTheGeneratorsHelp() {
    assertThat(run("generate", "--help")).isEqualTo(LakeCli.OK);

    assertThat(out()).startsWith("Usage: ./lake generate --out DIR|s3://bucket[/prefix] [options]\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void generateWritesTheSameFilesWithOneOrTwoThreads(@TempDir Path dir) throws IOException {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    String[] options = {"--days", "2", "--start-date", "2026-11-19", "--rows-per-day", "3000", "--rows-per-file",
        "1000", "--seed", "3"};

    assertThat(run(generate(one, "--threads", "1", options))).as("stderr: %s", err()).isEqualTo(LakeCli.OK);
    assertThat(run(generate(two, "--threads", "2", options))).as("stderr: %s", err()).isEqualTo(LakeCli.OK);

    Map<String, byte[]> first = files(one);
    Map<String, byte[]> second = files(two);
    assertThat(first.keySet())
        .hasSizeGreaterThan(6) // several files per day, a drift file and two manifests
        .anyMatch(name -> name.endsWith("part-drift-00000.csv"))
        .anyMatch(name -> name.endsWith("truth.json"));
    assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
    first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void generateNightlyWritesTheLastSevenDays(@TempDir Path lake) throws IOException {
    assertThat(run(generate(lake, "--mode", "nightly", "--rows-per-day", "50"))).as("stderr: %s", err())
        .isEqualTo(LakeCli.OK);

    LocalDate today = LocalDate.now(NOV_22);
    assertThat(partitions(lake, "raw/payments")).containsExactlyElementsOf(dates(today.minusDays(7), today.minusDays(1)));
    assertThat(partitions(lake, "manifests/payments"))
        .containsExactlyElementsOf(dates(today.minusDays(7), today.minusDays(1)));
  }

  @Test
  void generateInitialLoadRunsFromTheStartDateToTheDayBeforeTheNightlyWindow(@TempDir Path lake) throws IOException {
    assertThat(run(generate(lake, "--mode", "initial-load", "--start-date", "2026-11-10", "--rows-per-day", "50")))
        .as("stderr: %s", err())
        .isEqualTo(LakeCli.OK);

    LocalDate today = LocalDate.now(NOV_22);
    assertThat(partitions(lake, "raw/payments"))
        .containsExactlyElementsOf(dates(LocalDate.of(2026, 11, 10), today.minusDays(8)));
  }

  private static String[] generate(Path out, String option, String value, String... more) {
    List<String> args = new ArrayList<>(List.of("generate", "--out", out.toString(), option, value));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static List<String> dates(LocalDate first, LocalDate last) {
    return first.datesUntil(last.plusDays(1)).map(date -> "ingest_date=" + date).toList();
  }

  private static List<String> partitions(Path lake, String zone) throws IOException {
    try (Stream<Path> dirs = Files.list(lake.resolve(zone))) {
      return dirs.map(dir -> dir.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path path : all.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }

  @Test
  void generateUsageErrorsKeepTheGeneratorsExitStatus() {
    assertThat(run("generate", "--days", "0")).isEqualTo(LakeCli.USAGE);

    assertThat(err()).startsWith("Error: ");
  }

  @Test
  void demoRejectsADataDirThatCannotBeCreated(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    Path below = file.resolve("lake-data");

    assertThat(run("demo", "--data-dir", below.toString())).isEqualTo(LakeCli.USAGE);

    assertThat(err())
        .startsWith("lake demo: --data-dir is '" + below + "' but " + below.resolve("logs") + " cannot be created (");
  }

  @Test
  void aDemoThatCannotRunExitsWithOneAndSaysWhy(@TempDir Path dataDir) {
    Path missing = dataDir.resolve("no-such-s3proxy.jar");
    String before = System.setProperty(S3ProxyServer.JAR_PROPERTY, missing.toString());
    try {
      assertThat(run("demo", "--data-dir", dataDir.toString(), "--days", "1")).isEqualTo(LakeCli.FAILED);
    } finally {
      if (before == null) {
        System.clearProperty(S3ProxyServer.JAR_PROPERTY);
      } else {
        System.setProperty(S3ProxyServer.JAR_PROPERTY, before);
      }
    }

    assertThat(err())
        .startsWith(
            "lake demo failed: system property lake.s3proxy.jar is '" + missing + "' but that file does not exist.")
        .contains("\ndetails: ");
    assertThat(out()).startsWith("payments-lake demo: 1 day from 2026-11-21 to 2026-11-21");
  }

  @Test
  void demoDefaultsEndYesterdayInUtc() {
    DemoOptions options = DemoOptions.parse(CommandLine.parse("demo", List.of(), DemoOptions.OPTIONS), NOV_22);

    assertThat(options)
        .isEqualTo(new DemoOptions(Path.of("lake-data"), 7, LocalDate.parse("2026-11-15"), 100_000, 42, 2, 2))
        .isEqualTo(DemoOptions.defaults(NOV_22));
    assertThat(options.endDate()).isEqualTo(LocalDate.parse("2026-11-21"));
  }

  @Test
  void demoOptionsAcceptBothSpellingsAndDeriveTheStartFromDays() {
    DemoOptions options =
        DemoOptions.parse(
            CommandLine.parse(
                "demo",
                List.of("--days=2", "--rows-per-day", "20000", "--seed", "7", "--data-dir", "/tmp/d1", "--cores", "1"),
                DemoOptions.OPTIONS),
            NOV_22);

    assertThat(options)
        .isEqualTo(new DemoOptions(Path.of("/tmp/d1"), 2, LocalDate.parse("2026-11-20"), 20_000, 7, 2, 1));
    assertThat(options.generatorConfig().startDate()).isEqualTo(LocalDate.parse("2026-11-20"));
    assertThat(options.generatorConfig().days()).isEqualTo(2);
    assertThat(options.generatorConfig().rowsPerDay()).isEqualTo(20_000);
    assertThat(options.generatorConfig().seed()).isEqualTo(7);
    assertThat(options.generatorConfig().threads()).isEqualTo(2);
  }

  @Test
  void failJobMustNameAJobOfTheWorkflow() {
    DemoOptions options = DemoOptions.parse(
        CommandLine.parse("demo", List.of("--fail-job", "payments-lake-silver"), DemoOptions.OPTIONS), NOV_22);
    assertThat(options.failJob()).contains("payments-lake-silver");

    assertThat(run("demo", "--fail-job", "silver")).isEqualTo(LakeCli.USAGE);
    assertThat(err()).startsWith("lake demo: --fail-job is 'silver' but the workflow's jobs are"
        + " [payments-lake-bronze, payments-lake-silver, payments-lake-gold]\n");
  }

  @Test
  void queryListsThePackagedQueriesAndNamesAnUnknownOne() {
    assertThat(run("query")).isEqualTo(LakeCli.OK);
    assertThat(out()).startsWith("packaged queries (./lake query NAME):\n").contains("  daily_volume_by_currency ");

    assertThat(run("query", "no_such_query")).isEqualTo(LakeCli.USAGE);
    assertThat(err()).startsWith("lake query: Unknown query 'no_such_query'; packaged queries: ");
  }

  @Test
  void queryNeedsTheCatalogOfAnEarlierDemo(@org.junit.jupiter.api.io.TempDir Path empty) {
    assertThat(run("query", "daily_volume_by_currency", "--data-dir", empty.toString())).isEqualTo(LakeCli.USAGE);
    assertThat(err()).startsWith("lake query: no local catalog under " + empty.toAbsolutePath());
  }
}
