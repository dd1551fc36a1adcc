package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.TruthManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The {@code generate} command ({@code ./lake generate}, or {@code java -cp ...
 * com.paymentslake.generator.GeneratorCli}): {@code --out DIR|s3://bucket/prefix [options]}. Run
 * with {@code --help} for the options and their defaults.
 *
 * <p>Prints what it generates, one line per ingest date, and a summary (rows, bytes, files,
 * manifests, time, rows/s, MB/s, defects by kind) on stdout; progress of long runs on stderr (see
 * {@link ProgressBar}).
 *
 * <p>Exit codes: 0 success, 1 the output could not be written, 2 invalid arguments.
 */
public final class GeneratorCli {
  /** Environment variable holding the PAN hash key (overridden by {@code --pan-hash-key}). */
  public static final String PAN_HASH_KEY_ENV = GeneratorOptions.PAN_HASH_KEY_ENV;

  static final int OK = 0;
  static final int IO_FAILURE = 1;
  static final int USAGE = 2;

  /** {@code --progress auto}: a bar on a terminal, else lines. */
  static final String PROGRESS_AUTO = "auto";

  /** Where to write: the options of this command besides {@link GeneratorOptions}. */
  private static final List<String[]> TARGET_OPTIONS = List.of(
      new String[] {"--out DIR|s3://bucket[/prefix]", "Lake root to write to, a directory (or file: URI) or"
          + " s3://bucket[/prefix] (s3a:// too) (required)"},
      new String[] {"--endpoint URL", "S3 endpoint override, e.g. http://127.0.0.1:9000 (default: AWS)"},
      new String[] {"--region REGION", "S3 region (default " + S3Connection.DEFAULT_REGION + ")"},
      new String[] {"--access-key KEY", "S3 access key, with --secret-key (default: the AWS default credentials"
          + " chain)"},
      new String[] {"--secret-key KEY", "S3 secret key, with --access-key (default: the AWS default credentials"
          + " chain)"},
      new String[] {"--path-style", "S3 path-style addressing, for local S3 servers (default: off,"
          + " virtual-hosted)"});
  /** How to report: progress and output. */
  private static final List<String[]> REPORT_OPTIONS = List.of(
      new String[] {"--progress auto|bar|lines", "Progress on stderr (percent, rows/s, ETA) for runs of "
          + String.format(Locale.ROOT, "%,d", ProgressBar.MIN_LINES) + "+ rows: bar = one line redrawn in place,"
          + " lines = a line every " + ProgressBar.LINE_EVERY.toSeconds() + " s (default auto: bar when the"
          + " console is a terminal, else lines)"},
      new String[] {"--quiet", "No progress and no line per ingest date, only the summary (default: off)"},
      new String[] {"--help", "Print this help and exit"});
  private static final List<String> FLAGS = List.of("--help", "--path-style", "--quiet");

  private static final int HELP_WIDTH = 100;
  private static final int USAGE_COLUMN = 32;

  private GeneratorCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code instead of exiting. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Clock.systemUTC());
  }

  /** Runs the command with "today" taken from {@code clock} (UTC); returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    return run(args, out, err, System.getenv(), clock, Terminal.detect());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, env, Clock.systemUTC(), Terminal.detect());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    return run(args, out, err, env, clock, Terminal.detect());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
      Terminal terminal) {
    Invocation invocation;
    try {
      Map<String, String> values = parse(args);
      if (values.containsKey("--help")) {
        out.print(help());
        return OK;
      }
      invocation = invocation(values, env, clock, terminal);
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      err.println("Run with --help for the options and their defaults.");
      return USAGE;
    }
    try {
      generate(invocation, out, err, terminal);
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

  /**
   * What the process runs in: whether stderr is (likely) a terminal, the run size from which progress
   * is shown, and the clock progress is measured with.
   */
  record Terminal(boolean console, long progressMinLines, LongSupplier nanoTime) {
    Terminal {
      Objects.requireNonNull(nanoTime, "nanoTime");
      if (progressMinLines < 0) {
        throw new IllegalArgumentException("'progressMinLines' is " + progressMinLines + " but must be >= 0");
      }
    }

    /** A bar when the JVM has a console (stdin and stdout are a terminal), progress from 2M lines. */
    static Terminal detect() {
      return new Terminal(System.console() != null, ProgressBar.MIN_LINES, System::nanoTime);
    }
  }

  /** The help text: every option with its default. */
  static String help() {
    StringBuilder text = new StringBuilder();
    text.append("Usage: ./lake generate --out DIR|s3://bucket[/prefix] [options]\n")
        .append("   or: java -cp ... ").append(GeneratorCli.class.getName())
        .append(" --out DIR|s3://bucket[/prefix] [options]\n\n")
        .append("Writes raw card payments (raw contract v1, CSV) and a truth manifest per ingest date:\n")
        .append("  ").append(LakeLayout.RAW_PAYMENTS).append("/ingest_date=YYYY-MM-DD/part-NNNNN.csv[.gz]\n")
        .append("  ").append(LakeLayout.TRUTH_MANIFESTS).append("/ingest_date=YYYY-MM-DD/truth.json\n")
        .append("The same options and seed always give byte-identical files, whatever --threads.\n")
        .append("Options take --name value or --name=value. Today means the current date in UTC.\n\n")
        .append("What to generate:\n");
    appendOptions(text, GeneratorOptions.helpLines());
    text.append("\nWhere to write:\n");
    appendOptions(text, TARGET_OPTIONS);
    text.append("\nReporting:\n");
    appendOptions(text, REPORT_OPTIONS);
    text.append("\nExit codes: 0 done, 1 the output could not be written, 2 invalid arguments.\n");
    return text.toString();
  }

  private static void appendOptions(StringBuilder text, List<String[]> options) {
    String indent = " ".repeat(USAGE_COLUMN);
    for (String[] option : options) {
      String usage = option[0];
      List<String> lines = wrap(option[1], HELP_WIDTH - USAGE_COLUMN);
      if (usage.isEmpty()) {
        lines.forEach(line -> text.append(indent).append(line).append('\n'));
        continue;
      }
      String head = "  " + usage;
      if (head.length() < USAGE_COLUMN) {
        text.append(head).append(" ".repeat(USAGE_COLUMN - head.length())).append(lines.get(0)).append('\n');
        lines = lines.subList(1, lines.size());
      } else {
        text.append(head).append('\n');
      }
      lines.forEach(line -> text.append(indent).append(line).append('\n'));
    }
  }

  private static List<String> wrap(String description, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : description.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** Every option name of the command (the {@code --rate-<kind>} options summarized as one). */
  static List<String> optionNames() {
    List<String> names = new ArrayList<>();
    names.add("--out");
    names.addAll(GeneratorOptions.allowedNames());
    for (List<String[]> options : List.of(TARGET_OPTIONS, REPORT_OPTIONS)) {
      options.stream().map(o -> o[0].split(" ")[0]).filter(n -> !n.equals("--out")).forEach(names::add);
    }
    return names;
  }

  private static Map<String, String> parse(String[] args) {
    List<String> flags = new ArrayList<>(FLAGS);
    flags.addAll(GeneratorOptions.FLAGS);
    return CliOptions.parse(args, name -> GeneratorOptions.isOption(name) || isOwnOption(name), flags,
        String.join(", ", optionNames()));
  }

  private static boolean isOwnOption(String name) {
    return TARGET_OPTIONS.stream().anyMatch(o -> o[0].split(" ")[0].equals(name))
        || REPORT_OPTIONS.stream().anyMatch(o -> o[0].split(" ")[0].equals(name));
  }

  private record Invocation(GeneratorOptions.Parsed parsed, OutputTarget target, ProgressBar.Style progress,
      boolean quiet) {
    GeneratorConfig config() {
      return parsed.config();
    }
  }

  private static Invocation invocation(Map<String, String> values, Map<String, String> env, Clock clock,
      Terminal terminal) {
    String out = values.get("--out");
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("Missing required option --out (a directory or s3://bucket[/prefix])");
    }
    Map<String, String> what = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (GeneratorOptions.isOption(name)) {
        what.put(name, value);
      }
    });
    OutputTarget target = OutputTarget.parse(out, connection(values));
    ProgressBar.Style progress = progressStyle(values, terminal);
    GeneratorOptions.Parsed parsed = GeneratorOptions.parse(what, env, clock);
    return new Invocation(parsed, target, progress, values.containsKey("--quiet"));
  }

  private static ProgressBar.Style progressStyle(Map<String, String> values, Terminal terminal) {
    String text = values.get("--progress");
    if (values.containsKey("--quiet")) {
      if (text != null) {
        throw new IllegalArgumentException("Options --quiet and --progress cannot be used together");
      }
      return ProgressBar.Style.OFF;
    }
    if (text == null || text.strip().equalsIgnoreCase(PROGRESS_AUTO)) {
      return terminal.console() ? ProgressBar.Style.BAR : ProgressBar.Style.LINES;
    }
    for (ProgressBar.Style style : List.of(ProgressBar.Style.BAR, ProgressBar.Style.LINES)) {
      if (style.optionValue().equalsIgnoreCase(text.strip())) {
        return style;
      }
    }
    throw new IllegalArgumentException("Option --progress is '" + text + "' but must be one of "
        + Arrays.asList(PROGRESS_AUTO, ProgressBar.Style.BAR.optionValue(), ProgressBar.Style.LINES.optionValue())
        + " (--quiet turns progress off)");
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

  private static void generate(Invocation invocation, PrintStream out, PrintStream err, Terminal terminal)
      throws IOException {
    GeneratorConfig config = invocation.config();
    PaymentGenerator generator = new PaymentGenerator(config);
    long expected = generator.expectedLines();
    out.println(plan(invocation.parsed(), expected, invocation.target().uri()));
    ProgressBar bar = new ProgressBar(err, invocation.progress(), expected, terminal.progressMinLines(),
        terminal.nanoTime());
    long started = terminal.nanoTime().getAsLong();
    int[] driftFiles = {0};
    GenerationListener listener = new GenerationListener() {
      private long rows;

      @Override
      public void fileWritten(LocalDate ingestDate, String fileName, long dataLines, long bytes) {}

      @Override
      public void progress(long linesDone, long linesExpected) {
        bar.update(linesDone);
      }

      @Override
      public void partitionWritten(TruthManifest manifest) {
        rows += manifest.dataLines();
        driftFiles[0] += (int) manifest.files().stream().filter(TruthManifest.FileEntry::schemaDrift).count();
        if (invocation.quiet()) {
          return;
        }
        long bytes = manifest.files().stream().mapToLong(TruthManifest.FileEntry::bytes).sum();
        double seconds = Math.max(1e-9, (terminal.nanoTime().getAsLong() - started) / 1e9);
        bar.clear();
        out.printf(Locale.ROOT, "  ingest_date=%s  %,d rows  %.1f MB  %d file(s)  (%,.0f rows/s so far)%n",
            manifest.ingestDate(), manifest.dataLines(), bytes / 1e6, manifest.files().size(), rows / seconds);
        out.flush();
        bar.redraw();
      }
    };
    GenerationSummary summary;
    try {
      summary = generator.generate(invocation.target(), listener);
    } finally {
      bar.finish();
    }
    out.print(summary(summary, config.compression(), driftFiles[0]));
  }

  /** The first line: what the run generates. */
  static String plan(GeneratorOptions.Parsed parsed, long expectedLines, String target) {
    GeneratorConfig config = parsed.config();
    String volume = String.format(Locale.ROOT, "%,d base rows per average day", config.rowsPerDay());
    if (parsed.targetBytes().isPresent()) {
      volume += " (for --target-size " + ByteSize.format(parsed.targetBytes().getAsLong()) + ")";
    }
    return String.format(Locale.ROOT, "Generating %s %s .. %s (%d day(s)): %s, about %,d rows, seed %d,"
            + " %d thread(s), %s -> %s",
        parsed.mode().optionValue(), config.startDate(), config.endDate(), config.days(), volume, expectedLines,
        config.seed(), config.threads(), config.compression() == Compression.NONE ? "csv" : "csv.gz", target);
  }

  /**
   * The summary at the end of a run: rows, bytes, files and manifests, time, rows/s, MB/s, and the
   * injected defect lines per kind with the pipeline stage that must catch them.
   */
  static String summary(GenerationSummary summary, Compression compression, int driftFiles) {
    double seconds = Math.max(1e-9, summary.elapsed().toNanos() / 1e9);
    StringBuilder text = new StringBuilder("Summary\n");
    text.append(String.format(Locale.ROOT, "  rows        %,d data lines (headers excluded)%n", summary.dataLines()));
    text.append(String.format(Locale.ROOT, "  bytes       %,d (%s) %s%n", summary.bytes(),
        ByteSize.format(summary.bytes()), compression == Compression.NONE ? "of CSV" : "of gzip-compressed CSV"));
    text.append(String.format(Locale.ROOT, "  files       %,d data files (%,d schema-drift), %,d truth manifests%n",
        summary.files(), driftFiles, summary.ingestDates().size()));
    text.append(String.format(Locale.ROOT, "  time        %.2f s, %,.0f rows/s, %.1f MB/s%n", seconds,
        summary.dataLines() / seconds, summary.bytes() / 1e6 / seconds));
    long defects = summary.defectLines();
    text.append(String.format(Locale.ROOT, "  defects     %,d lines (%.2f%% of rows), per kind as listed in the"
        + " truth manifests:%n", defects, summary.dataLines() == 0 ? 0.0 : defects * 100.0 / summary.dataLines()));
    for (DefectKind kind : DefectKind.values()) {
      text.append(String.format(Locale.ROOT, "    %-24s %,12d  %s%n", kind, summary.defects().get(kind),
          kind.stage().name().toLowerCase(Locale.ROOT)));
    }
    return text.toString();
  }
}
