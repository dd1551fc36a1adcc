package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.TruthManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code generate} command: {@code java -cp ... com.paymentslake.generator.GeneratorCli --out
 * DIR|s3://bucket/prefix [options]}. Run with {@code --help} for the options and their defaults.
 *
 * <p>Exit codes: 0 success, 1 the output could not be written, 2 invalid arguments.
 */
public final class GeneratorCli {
  /** Environment variable holding the PAN hash key (overridden by {@code --pan-hash-key}). */
  public static final String PAN_HASH_KEY_ENV = "LAKE_PAN_HASH_KEY";

  static final int OK = 0;
  static final int IO_FAILURE = 1;
  static final int USAGE = 2;

  private static final String RATE_PREFIX = "--rate-";
  private static final List<String> FLAGS = List.of("--help", "--no-defects", "--path-style");
  /** Each option: usage and description (with its default). */
  private static final List<String[]> OPTIONS = options();

  private GeneratorCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code instead of exiting. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    Invocation invocation;
    try {
      Map<String, String> values = parse(args);
      if (values.containsKey("--help")) {
        out.print(help());
        return OK;
      }
      invocation = invocation(values, env);
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      err.println("Run with --help for the options and their defaults.");
      return USAGE;
    }
    try {
      generate(invocation, out, err);
      return OK;
    } catch (IOException | UncheckedIOException e) {
      String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      err.println("Error: generation failed: " + message);
      return IO_FAILURE;
    } catch (RuntimeException e) {
      err.println("Error: generation failed unexpectedly: " + e);
      e.printStackTrace(err);
      return IO_FAILURE;
    }
  }

  /** The help text: every option with its default. */
  static String help() {
    StringBuilder text = new StringBuilder();
    text.append("Usage: GeneratorCli --out DIR|s3://bucket[/prefix] [options]\n\n")
        .append("Writes raw card payments (raw contract v1, CSV) and a truth manifest per ingest date:\n")
        .append("  ").append(LakeLayout.RAW_PAYMENTS).append("/ingest_date=YYYY-MM-DD/part-NNNNN.csv\n")
        .append("  ").append(LakeLayout.TRUTH_MANIFESTS).append("/ingest_date=YYYY-MM-DD/truth.json\n")
        .append("The same options and seed always give byte-identical files, whatever --threads.\n\n")
        .append("Options:\n");
    for (String[] option : OPTIONS) {
      text.append(String.format(Locale.ROOT, "  %-34s %s%n", option[0], option[1]));
    }
    text.append(String.format(Locale.ROOT, "  %-34s %s%n", RATE_PREFIX + "<kind> FRACTION",
        "Rate of one defect kind (fraction of base rows; for schema-drift the drift file size"));
    text.append(String.format(Locale.ROOT, "  %-34s %s%n", "",
        "as a fraction of --rows-per-day). Kinds and defaults:"));
    DefectRates defaults = DefectRates.defaults();
    for (DefectKind kind : DefectKind.values()) {
      text.append(String.format(Locale.ROOT, "  %-34s %s%n", "", rateOption(kind) + " (default "
          + plain(defaults.rate(kind)) + ")"));
    }
    text.append("\nExit codes: 0 done, 1 the output could not be written, 2 invalid arguments.\n");
    return text.toString();
  }

  private static List<String[]> options() {
    List<String[]> list = new ArrayList<>();
    list.add(new String[] {"--out DIR|s3://bucket[/prefix]", "Lake root to write to (required)"});
    list.add(new String[] {"--days N", "Ingest dates to generate, 1-" + GeneratorConfig.MAX_DAYS
        + " (default " + GeneratorConfig.DEFAULT_DAYS + ")"});
    list.add(new String[] {"--start-date YYYY-MM-DD", "First ingest date (default: today UTC minus --days)"});
    list.add(new String[] {"--rows-per-day N", "Base rows of an average day, scaled by weekday and season"
        + " weights (default " + GeneratorConfig.DEFAULT_ROWS_PER_DAY + ")"});
    list.add(new String[] {"--seed N", "Random seed (default " + GeneratorConfig.DEFAULT_SEED + ")"});
    list.add(new String[] {"--threads N", "Worker threads, 1-" + GeneratorConfig.MAX_THREADS
        + " (default: available processors); never changes the output"});
    list.add(new String[] {"--rows-per-file N", "Base rows per part file (default "
        + GeneratorConfig.DEFAULT_ROWS_PER_FILE + ")"});
    list.add(new String[] {"--pan-hash-key KEY", "HMAC-SHA256 key of hash_pan, at least "
        + GeneratorConfig.MIN_PAN_HASH_KEY_LENGTH + " characters (default: $" + PAN_HASH_KEY_ENV
        + ", else the public local-demo key)"});
    list.add(new String[] {"--no-defects", "Write clean data: every defect rate 0 and no drift file"
        + " (explicit --rate-* options still apply)"});
    list.add(new String[] {"--schema-drift-every N", "Drift file every N-th day from the 2nd, 0 = never"
        + " (default " + DefectRates.DEFAULT_SCHEMA_DRIFT_EVERY_NTH_DAY + ")"});
    list.add(new String[] {"--endpoint URL", "S3 endpoint override, e.g. http://127.0.0.1:9000"
        + " (default: AWS)"});
    list.add(new String[] {"--region REGION", "S3 region (default " + S3Connection.DEFAULT_REGION + ")"});
    list.add(new String[] {"--access-key KEY", "S3 access key (default: the AWS default credentials chain)"});
    list.add(new String[] {"--secret-key KEY", "S3 secret key, with --access-key"});
    list.add(new String[] {"--path-style", "S3 path-style addressing (default: virtual-hosted)"});
    list.add(new String[] {"--help", "Print this help"});
    return List.copyOf(list);
  }

  private static Map<String, String> parse(String[] args) {
    return CliOptions.parse(args, GeneratorCli::known, FLAGS, allowed());
  }

  private static boolean known(String name) {
    if (name.startsWith(RATE_PREFIX)) {
      return kindOf(name) != null;
    }
    for (String[] option : OPTIONS) {
      if (option[0].split(" ")[0].equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String allowed() {
    List<String> names = new ArrayList<>();
    for (String[] option : OPTIONS) {
      names.add(option[0].split(" ")[0]);
    }
    names.add(RATE_PREFIX + "<kind> with kind one of "
        + java.util.Arrays.stream(DefectKind.values()).map(GeneratorCli::kindSuffix).toList());
    return String.join(", ", names);
  }

  private record Invocation(GeneratorConfig config, OutputTarget target) {}

  private static Invocation invocation(Map<String, String> values, Map<String, String> env) {
    String out = values.get("--out");
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("Missing required option --out (a directory or s3://bucket[/prefix])");
    }
    int days = (int) integer(values, "--days", GeneratorConfig.DEFAULT_DAYS, 1, GeneratorConfig.MAX_DAYS);
    LocalDate start;
    String startText = values.get("--start-date");
    if (startText == null) {
      start = LocalDate.now(ZoneOffset.UTC).minusDays(days);
    } else {
      try {
        start = LocalDate.parse(startText);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "Option --start-date is '" + startText + "' but must be a date YYYY-MM-DD, e.g. 2026-11-01");
      }
    }
    long rowsPerDay = integer(values, "--rows-per-day", GeneratorConfig.DEFAULT_ROWS_PER_DAY, 1,
        GeneratorConfig.MAX_ROWS_PER_DAY);
    long seed = integer(values, "--seed", GeneratorConfig.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
    int threads = (int) integer(values, "--threads", Runtime.getRuntime().availableProcessors(), 1,
        GeneratorConfig.MAX_THREADS);
    int rowsPerFile = (int) integer(values, "--rows-per-file", GeneratorConfig.DEFAULT_ROWS_PER_FILE, 1,
        GeneratorConfig.MAX_ROWS_PER_FILE);
    long busiestDay = DailyVolume.maxBaseRows(rowsPerDay);
    long minRowsPerFile = (busiestDay + GeneratorConfig.MAX_FILES_PER_DAY - 1) / GeneratorConfig.MAX_FILES_PER_DAY;
    if (rowsPerFile < minRowsPerFile) {
      throw new IllegalArgumentException("Option --rows-per-file is " + rowsPerFile + " but must be at least "
          + minRowsPerFile + " with --rows-per-day " + rowsPerDay + " (the busiest day, " + busiestDay
          + " base rows, must fit in " + GeneratorConfig.MAX_FILES_PER_DAY + " files)");
    }

    String key = values.get("--pan-hash-key");
    if (key == null) {
      key = env.get(PAN_HASH_KEY_ENV);
    }
    if (key == null || key.isEmpty()) {
      key = GeneratorConfig.DEMO_PAN_HASH_KEY;
    }
    if (key.length() < GeneratorConfig.MIN_PAN_HASH_KEY_LENGTH) {
      String source = values.containsKey("--pan-hash-key") ? "Option --pan-hash-key" : "$" + PAN_HASH_KEY_ENV;
      throw new IllegalArgumentException(source + " has " + key.length()
          + " characters but must have at least " + GeneratorConfig.MIN_PAN_HASH_KEY_LENGTH);
    }

    DefectRates defects = values.containsKey("--no-defects") ? DefectRates.none() : DefectRates.defaults();
    if (values.containsKey("--schema-drift-every")) {
      defects = defects.withSchemaDriftEveryNthDay(
          (int) integer(values, "--schema-drift-every", 0, 0, GeneratorConfig.MAX_DAYS));
    }
    Map<DefectKind, Double> rates = new java.util.EnumMap<>(defects.rates());
    for (Map.Entry<String, String> entry : values.entrySet()) {
      if (entry.getKey().startsWith(RATE_PREFIX)) {
        rates.put(kindOf(entry.getKey()), fraction(entry.getKey(), entry.getValue()));
      }
    }
    java.math.BigDecimal rowLevel = java.math.BigDecimal.ZERO;
    for (Map.Entry<DefectKind, Double> entry : rates.entrySet()) {
      if (entry.getKey() != DefectKind.SCHEMA_DRIFT) {
        rowLevel = rowLevel.add(java.math.BigDecimal.valueOf(entry.getValue()));
      }
    }
    if (rowLevel.compareTo(java.math.BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("The row defect rates (--rate-* options and defaults) add up to "
          + rowLevel.stripTrailingZeros().toPlainString() + " but must add up to at most 1");
    }
    defects = new DefectRates(rates, defects.schemaDriftEveryNthDay());

    S3Connection s3 = connection(values);
    OutputTarget target = OutputTarget.parse(out, s3);
    GeneratorConfig config =
        new GeneratorConfig(start, days, rowsPerDay, seed, threads, rowsPerFile, defects, key);
    return new Invocation(config, target);
  }

  private static S3Connection connection(Map<String, String> values) {
    URI endpoint = null;
    String endpointText = values.get("--endpoint");
    if (endpointText != null) {
      try {
        endpoint = new URI(endpointText);
      } catch (URISyntaxException e) {
        endpoint = null;
      }
      if (endpoint == null || endpoint.getHost() == null
          || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
        throw new IllegalArgumentException("Option --endpoint is '" + endpointText
            + "' but must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:9000");
      }
    }
    String accessKey = values.get("--access-key");
    String secretKey = values.get("--secret-key");
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException("Options --access-key and --secret-key must be given together");
    }
    String region = values.get("--region");
    if (region != null && !region.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("Option --region is '" + region
          + "' but must be lower-case letters, digits and dashes, e.g. us-east-1");
    }
    return new S3Connection(endpoint, region, accessKey, secretKey, values.containsKey("--path-style"));
  }

  private static long integer(Map<String, String> values, String option, long fallback, long min, long max) {
    String text = values.get(option);
    if (text == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Option " + option + " is '" + text + "' but must be an integer in " + range(min, max));
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "Option " + option + " is " + value + " but must be an integer in " + range(min, max));
    }
    return value;
  }

  private static double fraction(String option, String text) {
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(
          "Option " + option + " is '" + text + "' but must be a fraction in [0, 1], e.g. 0.001");
    }
    return value;
  }

  private static String range(long min, long max) {
    if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
      return "[" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]";
    }
    return "[" + min + ", " + max + "]";
  }

  static String rateOption(DefectKind kind) {
    return RATE_PREFIX + kindSuffix(kind);
  }

  private static String kindSuffix(DefectKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static DefectKind kindOf(String option) {
    for (DefectKind kind : DefectKind.values()) {
      if (rateOption(kind).equals(option)) {
        return kind;
      }
    }
    return null;
  }

  /** Runs expected to write fewer lines get no progress line. */
  static final long PROGRESS_MIN_LINES = 2_000_000;
  /** At most one progress line per this many nanoseconds. */
  static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

  private static void generate(Invocation invocation, PrintStream out, PrintStream err) throws IOException {
    GeneratorConfig config = invocation.config();
    out.printf(Locale.ROOT, "Generating %d day(s) from %s, %,d base rows per average day, seed %d, %d thread(s) -> %s%n",
        config.days(), config.startDate(), config.rowsPerDay(), config.seed(), config.threads(),
        invocation.target().uri());
    long started = System.nanoTime();
    GenerationListener progress = new GenerationListener() {
      private long rows;

      private long lastProgress = System.nanoTime();

      @Override
      public void fileWritten(LocalDate ingestDate, String fileName, long dataLines, long bytes) {}

      @Override
      public void progress(long linesDone, long linesExpected) {
        long now = System.nanoTime();
        if (linesExpected < PROGRESS_MIN_LINES || now - lastProgress < PROGRESS_EVERY_NANOS || linesDone == 0) {
          return;
        }
        lastProgress = now;
        err.println(progressLine(linesDone, linesExpected, (now - started) / 1e9));
      }

      @Override
      public void partitionWritten(TruthManifest manifest) {
        long bytes = manifest.files().stream().mapToLong(TruthManifest.FileEntry::bytes).sum();
        rows += manifest.dataLines();
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        out.printf(Locale.ROOT, "  ingest_date=%s  %,d rows  %.1f MB  %d file(s)  (%,.0f rows/s so far)%n",
            manifest.ingestDate(), manifest.dataLines(), bytes / 1e6, manifest.files().size(), rows / seconds);
      }
    };
    GenerationSummary summary = new PaymentGenerator(config).generate(invocation.target(), progress);
    Duration elapsed = summary.elapsed();
    double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
    out.printf(Locale.ROOT, "Done: %,d rows, %,d bytes (%.1f MB), %d files, %d manifests in %.2f s (%,.0f rows/s)%n",
        summary.dataLines(), summary.bytes(), summary.bytes() / 1e6, summary.files(),
        summary.ingestDates().size(), seconds, summary.dataLines() / seconds);
    out.println("Injected defects (lines, as listed in the truth manifests):");
    for (DefectKind kind : DefectKind.values()) {
      out.printf(Locale.ROOT, "  %-24s %,10d  (%s)%n", kind, summary.defects().get(kind),
          kind.stage().name().toLowerCase(Locale.ROOT));
    }
  }

  /** E.g. {@code progress: 12,500,000 of ~70,000,000 lines (18%), 1,234,567 lines/s, ETA 47 s}. */
  static String progressLine(long linesDone, long linesExpected, double seconds) {
    double rate = linesDone / Math.max(seconds, 1e-9);
    long left = Math.max(0, linesExpected - linesDone);
    return String.format(Locale.ROOT, "progress: %,d of ~%,d lines (%d%%), %,.0f lines/s, ETA %.0f s", linesDone,
        linesExpected, Math.min(100, linesDone * 100 / Math.max(1, linesExpected)), rate, left / Math.max(rate, 1e-9));
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
