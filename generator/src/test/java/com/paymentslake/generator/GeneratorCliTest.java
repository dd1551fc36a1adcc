package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.TruthManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneratorCliTest {
  private static final String[] SMALL = {"--days", "2", "--start-date", "2026-06-01", "--rows-per-day", "3000",
      "--rows-per-file", "1000", "--seed", "9"};

  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpDocumentsEveryOptionWithItsDefault() {
    assertThat(run("--help")).isZero();
    String help = out();
    assertThat(help)
        .contains("--out DIR|s3://bucket[/prefix]", "(required)")
        .contains("--days N", "(default 7)")
        .contains("--start-date YYYY-MM-DD", "(default: today UTC minus --days")
        .contains("--rows-per-day N", "(default 100000)")
        .contains("--seed N", "(default 42)")
        .contains("--threads N", "(default: available processors)")
        .contains("--rows-per-file N", "(default 250000")
        .contains("--pan-hash-key KEY", "$LAKE_PAN_HASH_KEY", "local-demo key")
        .contains("--no-defects", "--schema-drift-every N", "(default 5)")
        .contains("--endpoint URL", "--region REGION", "(default us-east-1)", "--access-key KEY",
            "--secret-key KEY", "--path-style");
    for (DefectKind kind : DefectKind.values()) {
      assertThat(help).contains(GeneratorCli.rateOption(kind) + " (default "
          + java.math.BigDecimal.valueOf(DefectRates.defaults().rate(kind)).stripTrailingZeros().toPlainString() + ")");
    }
    assertThat(help).contains("--rate-exact-duplicate (default 0.005)");
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
  })
  void badValuesExitWith2AndNameTheOptionAndTheRule(String option, String value, String message) {
    assertThat(run("--out", temp.toString(), option, value)).isEqualTo(2);
    assertThat(err()).startsWith("Error: " + message + System.lineSeparator());
    assertThat(temp.resolve(LakeLayout.RAW_PAYMENTS)).doesNotExist();
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(run("--days", "1")).isEqualTo(2);
    assertThat(err()).contains("Error: Missing required option --out (a directory or s3://bucket[/prefix])");
    err.reset();
    assertThat(run("--out", temp.toString(), "--colour", "red")).isEqualTo(2);
    assertThat(err()).contains("Error: Unknown option '--colour'; allowed: --out, --mode, --days, --start-date,")
        .contains("--rate-<kind> with kind one of [exact-duplicate, replay-later-status,");
    err.reset();
    assertThat(run("--out", temp.toString(), "--access-key", "key")).isEqualTo(2);
    assertThat(err()).contains("Error: Options --access-key and --secret-key must be given together");
    err.reset();
    assertThat(run("--out", temp.toString(), "--rows-per-day", "1000000", "--rows-per-file", "10")).isEqualTo(2);
    assertThat(err()).contains("Error: Option --rows-per-file is 10 but must be at least 23 with --rows-per-day"
        + " 1000000 (the busiest day, 2240000 base rows, must fit in 100000 files)");
    err.reset();
    assertThat(run("--out")).isEqualTo(2);
    assertThat(err()).contains("Error: Option --out needs a value");
    err.reset();
    assertThat(run("--out", temp.toString(), "--days", "1", "--days", "2")).isEqualTo(2);
    assertThat(err()).contains("Error: Option --days is given more than once");
    err.reset();
    assertThat(run("--out", temp.toString(), "--rate-late-arrival", "0.6", "--rate-exact-duplicate=0.6")).isEqualTo(2);
    assertThat(err()).contains("Error: The row defect rates (--rate-* options and defaults) add up to 1.2091 but must add up to at most 1");
  }

  @Test
  void unwritableOutputExitsWith1() throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "x");
    assertThat(run(args("--out", file.resolve("lake").toString()))).isEqualTo(1);
    assertThat(err()).startsWith("Error: generation failed: Cannot create lake root directory " + file.resolve("lake"));
  }

  @Test
  void generatesTheSameBytesWithOneOrFourThreadsAndReportsProgress() throws IOException {
    Path one = temp.resolve("one");
    Path four = temp.resolve("four");
    assertThat(run(args("--out", one.toString(), "--threads", "1"))).isZero();
    String report = out();
    assertThat(run(args("--out", four.toString(), "--threads=4"))).isZero();

    Map<String, byte[]> a = PaymentGeneratorTest.files(one);
    Map<String, byte[]> b = PaymentGeneratorTest.files(four);
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));

    TruthManifest first = manifest(one, "2026-06-01");
    TruthManifest second = manifest(one, "2026-06-02");
    assertThat(report)
        .contains("ingest_date=2026-06-01  " + String.format("%,d", first.dataLines()) + " rows")
        .contains("ingest_date=2026-06-02  " + String.format("%,d", second.dataLines()) + " rows")
        .contains("Done: " + String.format("%,d", first.dataLines() + second.dataLines()) + " rows")
        .contains("SCHEMA_DRIFT", "EXACT_DUPLICATE", "rows/s");
    assertThat(err()).isEmpty();
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
    return GeneratorCli.run(args, stream(out), stream(err), Map.of());
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

  @Test
  void progressLineShowsLinesRateAndEta() {
    assertThat(GeneratorCli.progressLine(2_500_000, 10_000_000, 2.0))
        .isEqualTo("progress: 2,500,000 of ~10,000,000 lines (25%), 1,250,000 lines/s, ETA 6 s");
  }
}
