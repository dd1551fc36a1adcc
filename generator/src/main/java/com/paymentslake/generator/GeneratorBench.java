package com.paymentslake.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The generator benchmark ({@code ./lake bench generator}): writes about {@code --rows} raw
 * payment lines with the default defects to a local directory and prints the rows, bytes, files,
 * wall and CPU seconds, rows/s, rows/s per core (rows / process CPU seconds), MB/s and peak RSS.
 *
 * <p>The rows are spread over one week from Monday {@value #START_DATE} (a month without seasonal
 * weight), so {@code rowsPerDay = ceil(rows / 7)}; lines written include the extra lines of the
 * defects (duplicates, replays) and the schema-drift files, about 1% more than {@code --rows}. Warm-up
 * rounds run the same generation first so the measured round sees JIT-compiled code.
 *
 * <p>Exit codes: 0 done, 1 the output could not be written, 2 invalid arguments.
 */
public final class GeneratorBench {
  static final long DEFAULT_ROWS = 1_000_000;
  /** Two rounds: on a busy 2-core machine C2 is still compiling the hot loop during the first. */
  static final int DEFAULT_WARMUP = 2;
  static final String START_DATE = "2026-10-05";
  static final int DAYS = 7;
  static final long MAX_ROWS = GeneratorConfig.MAX_ROWS_PER_DAY;

  private static final List<String> FLAGS = List.of("--help");
  private static final List<String> OPTIONS =
      List.of("--rows", "--threads", "--out", "--seed", "--warmup", "--help");

  private GeneratorBench() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the benchmark; returns the exit code instead of exiting. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> values;
    long rows;
    int threads;
    long seed;
    int warmup;
    try {
      values = parse(args);
      if (values.containsKey("--help")) {
        out.print(help());
        return GeneratorCli.OK;
      }
      rows = integer(values, "--rows", DEFAULT_ROWS, DAYS, MAX_ROWS);
      threads = (int) integer(values, "--threads", Runtime.getRuntime().availableProcessors(), 1,
          GeneratorConfig.MAX_THREADS);
      seed = integer(values, "--seed", GeneratorConfig.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
      warmup = (int) integer(values, "--warmup", DEFAULT_WARMUP, 0, 100);
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      err.println("Run with --help for the options and their defaults.");
      return GeneratorCli.USAGE;
    }
    GeneratorConfig config = config(rows, threads, seed);
    String outOption = values.get("--out");
    try {
      Path dir = outOption == null ? Files.createTempDirectory("generator-bench") : Path.of(outOption);
      try {
        measure(config, dir, rows, warmup, out);
      } finally {
        if (outOption == null) {
          deleteTree(dir);
        }
      }
      return GeneratorCli.OK;
    } catch (IOException | UncheckedIOException e) {
      String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      err.println("Error: benchmark failed: " + message);
      return GeneratorCli.IO_FAILURE;
    }
  }

  /** One week from {@link #START_DATE} with {@code ceil(rows / 7)} base rows per average day. */
  static GeneratorConfig config(long rows, int threads, long seed) {
    return GeneratorConfig.defaults()
        .withStartDate(LocalDate.parse(START_DATE))
        .withDays(DAYS)
        .withRowsPerDay((rows + DAYS - 1) / DAYS)
        .withThreads(threads)
        .withSeed(seed);
  }

  static String help() {
    return String.join("\n",
        "Usage: GeneratorBench [options]",
        "",
        "Generates raw payments (default defects, CSV) to a local directory and reports throughput.",
        "Rows are spread over the 7 days from " + START_DATE + "; warm-up rounds run first.",
        "",
        "Options:",
        "  --rows N        Base rows to generate, " + DAYS + "-" + MAX_ROWS + " (default " + DEFAULT_ROWS + ")",
        "  --threads N     Worker threads, 1-" + GeneratorConfig.MAX_THREADS
            + " (default: available processors, here " + Runtime.getRuntime().availableProcessors() + ")",
        "  --out DIR       Folder to write to; the measured round is kept in DIR/lake (default: a"
            + " temporary directory, deleted after)",
        "  --seed N        Random seed (default " + GeneratorConfig.DEFAULT_SEED + ")",
        "  --warmup N      Warm-up rounds before the measured one, 0-100 (default " + DEFAULT_WARMUP + ")",
        "  --help          Print this help",
        "",
        "Reports: rows (data lines written), bytes, files, wall s, rows/s, CPU s of the whole process",
        "(JIT and GC included) and rows/s per core (rows / CPU s), worker CPU s (generator threads",
        "only) and rows/s per worker core, MB/s (bytes / wall s), peak RSS (VmHWM).",
        "Exit codes: 0 done, 1 the output could not be written, 2 invalid arguments.",
        "");
  }

  private static void measure(GeneratorConfig config, Path dir, long rows, int warmup, PrintStream out)
      throws IOException {
    out.printf(Locale.ROOT, "Generator benchmark: %,d rows, %d thread(s), seed %d, %d warm-up round(s), %d"
            + " processor(s), out %s%n",
        rows, config.threads(), config.seed(), warmup, Runtime.getRuntime().availableProcessors(), dir);
    for (int i = 1; i <= warmup; i++) {
      // Each round writes a fresh folder, so no round pays for replacing the previous round's files.
      Path warmupDir = dir.resolve("warmup-" + i);
      GenerationSummary summary =
          new PaymentGenerator(config).generate(new LocalDirectoryTarget(warmupDir), GenerationListener.NONE);
      deleteTree(warmupDir);
      out.printf(Locale.ROOT, "  warm-up %d: %,d rows in %.3f s%n", i, summary.dataLines(),
          summary.elapsed().toNanos() / 1e9);
    }
    long cpuBefore = processCpuNanos();
    long started = System.nanoTime();
    GenerationSummary summary =
        new PaymentGenerator(config).generate(new LocalDirectoryTarget(dir.resolve("lake")), GenerationListener.NONE);
    long wallNanos = System.nanoTime() - started;
    long cpuNanos = processCpuNanos() - cpuBefore;

    double wall = wallNanos / 1e9;
    double workerCpu = summary.workerCpu().toNanos() / 1e9;
    out.printf(Locale.ROOT, "  rows               %,d%n", summary.dataLines());
    out.printf(Locale.ROOT, "  bytes              %,d (%.1f MB)%n", summary.bytes(), summary.bytes() / 1e6);
    out.printf(Locale.ROOT, "  files              %d%n", summary.files());
    out.printf(Locale.ROOT, "  wall s             %.3f%n", wall);
    out.printf(Locale.ROOT, "  rows/s             %,.0f%n", summary.dataLines() / wall);
    if (cpuBefore >= 0 && cpuNanos >= 0) {
      double cpu = cpuNanos / 1e9;
      out.printf(Locale.ROOT, "  cpu s              %.3f (whole process: workers, JIT, GC)%n", cpu);
      out.printf(Locale.ROOT, "  rows/s/core        %,.0f (rows / process cpu s)%n", summary.dataLines() / Math.max(cpu, 1e-9));
    } else {
      out.printf(Locale.ROOT, "  cpu s              n/a%n");
      out.printf(Locale.ROOT, "  rows/s/core        n/a%n");
    }
    if (workerCpu > 0) {
      out.printf(Locale.ROOT, "  worker cpu s       %.3f (generator threads only)%n", workerCpu);
      out.printf(Locale.ROOT, "  rows/s/worker core %,.0f (rows / worker cpu s)%n", summary.dataLines() / workerCpu);
    } else {
      out.printf(Locale.ROOT, "  worker cpu s       n/a%n");
    }
    out.printf(Locale.ROOT, "  MB/s               %.1f%n", summary.bytes() / 1e6 / wall);
    out.printf(Locale.ROOT, "  peak RSS           %s (VmHWM, whole run)%n", peakRss());
  }

  /** CPU time of the whole process in nanoseconds, or -1 when the JVM does not expose it. */
  static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  /** Peak resident set size from {@code VmHWM} of {@code /proc/self/status}, or "n/a". */
  static String peakRss() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return "n/a";
    }
    try (Stream<String> lines = Files.lines(status)) {
      return lines.filter(line -> line.startsWith("VmHWM:"))
          .map(line -> line.substring("VmHWM:".length()).strip().split("\\s+"))
          .filter(parts -> parts.length == 2 && parts[1].equals("kB"))
          .map(parts -> String.format(Locale.ROOT, "%.1f MB", Long.parseLong(parts[0]) / 1024.0))
          .findFirst()
          .orElse("n/a");
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static Map<String, String> parse(String[] args) {
    return CliOptions.parse(args, OPTIONS::contains, FLAGS, String.join(", ", OPTIONS));
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
          "Option " + option + " is '" + text + "' but must be an integer in [" + min + ", " + max + "]");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "Option " + option + " is " + value + " but must be an integer in [" + min + ", " + max + "]");
    }
    return value;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
