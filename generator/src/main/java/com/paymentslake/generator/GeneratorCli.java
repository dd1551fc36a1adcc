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
import java.time.Clock;
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
  public static final String PAN_HASH_KEY_ENV = GeneratorOptions.PAN_HASH_KEY_ENV;

  static final int OK = 0;
  static final int IO_FAILURE = 1;
  static final int USAGE = 2;

  /** Where and how to write: the options of this command besides {@link GeneratorOptions}. */
  private static final List<String[]> TARGET_OPTIONS = List.of(
      new String[] {"--out DIR|s3://bucket[/prefix]", "Lake root to write to (required)"},
      new String[] {"--endpoint URL", "S3 endpoint override, e.g. http://127.0.0.1:9000 (default: AWS)"},
      new String[] {"--region REGION", "S3 region (default " + S3Connection.DEFAULT_REGION + ")"},
      new String[] {"--access-key KEY", "S3 access key (default: the AWS default credentials chain)"},
      new String[] {"--secret-key KEY", "S3 secret key, with --access-key"},
      new String[] {"--path-style", "S3 path-style addressing (default: virtual-hosted)"},
      new String[] {"--quiet", "No progress bar (default: a progress bar on stderr for runs of 2M+ lines)"},
      new String[] {"--help", "Print this help"});
  private static final List<String> TARGET_FLAGS =
      List.of("--help", "--path-style", "--quiet");

  private GeneratorCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code instead of exiting. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv(), Clock.systemUTC());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, env, Clock.systemUTC());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    Invocation invocation;
    try {
      Map<String, String> values = parse(args);
      if (values.containsKey("--help")) {
        out.print(help());
        return OK;
      }
      invocation = invocation(values, env, clock);
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
        .append("What to generate:\n");
    for (String[] option : GeneratorOptions.helpLines()) {
      text.append(String.format(Locale.ROOT, "  %-34s %s%n", option[0], option[1]));
    }
    text.append("\nWhere to write:\n");
    for (String[] option : TARGET_OPTIONS) {
      text.append(String.format(Locale.ROOT, "  %-34s %s%n", option[0], option[1]));
    }
    text.append("\nExit codes: 0 done, 1 the output could not be written, 2 invalid arguments.\n");
    return text.toString();
  }

  private static Map<String, String> parse(String[] args) {
    List<String> flags = new ArrayList<>(TARGET_FLAGS);
    flags.addAll(GeneratorOptions.FLAGS);
    return CliOptions.parse(args, name -> GeneratorOptions.isOption(name) || isTargetOption(name), flags, allowed());
  }

  private static boolean isTargetOption(String name) {
    return TARGET_OPTIONS.stream().anyMatch(o -> o[0].split(" ")[0].equals(name));
  }

  private static String allowed() {
    List<String> names = new ArrayList<>();
    names.add("--out");
    names.addAll(GeneratorOptions.allowedNames());
    TARGET_OPTIONS.stream().map(o -> o[0].split(" ")[0]).filter(n -> !n.equals("--out")).forEach(names::add);
    return String.join(", ", names);
  }

  private record Invocation(GeneratorOptions.Parsed parsed, OutputTarget target, boolean quiet) {
    GeneratorConfig config() {
      return parsed.config();
    }
  }

  private static Invocation invocation(Map<String, String> values, Map<String, String> env, Clock clock) {
    String out = values.get("--out");
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("Missing required option --out (a directory or s3://bucket[/prefix])");
    }
    Map<String, String> what = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (GeneratorOptions.isOption(name)) {
        what.put(name, value);
      }
    });
    S3Connection s3 = connection(values);
    OutputTarget target = OutputTarget.parse(out, s3);
    GeneratorOptions.Parsed parsed = GeneratorOptions.parse(what, env, clock);
    return new Invocation(parsed, target, values.containsKey("--quiet"));
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

  static String rateOption(DefectKind kind) {
    return GeneratorOptions.rateOption(kind);
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
}
