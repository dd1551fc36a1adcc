package com.paymentslake.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * rounds run the same generation first so the measured rounds see JIT-compiled code; the figures
 * are those of the median measured round.
 *
 * <p>Exit codes: 0 done, 1 the output could not be written, 2 invalid arguments.
 */
public final class GeneratorBench {
  static final long DEFAULT_ROWS = 1_000_000;
  /**
   * Warm-up by default until the JIT is done: rounds run until two in a row compile for less than
   * {@value #JIT_QUIET_MILLIS} ms (C2 keeps compiling for several rounds on 2 cores, and the compiler
   * threads' CPU would otherwise count as the generator's), at least {@value #MIN_AUTO_WARMUP}, at
   * most {@value #MAX_AUTO_WARMUP} rounds.
   */
  static final int JIT_QUIET_MILLIS = 20;
  /** Measured rounds: the figures are the median round's, as this machine's speed drifts. */
  static final int DEFAULT_ROUNDS = 3;
  static final int MIN_AUTO_WARMUP = 2;
  /** Before a measured round: the JIT counts as quiet after two polls without compilation. */
  static final long QUIET_POLL_MILLIS = 50;
  static final long MAX_QUIET_WAIT_MILLIS = 5_000;
  /** Warm-up runs of the reference loop at most, until one compiles for less than {@value #JIT_QUIET_MILLIS} ms. */
  static final int MAX_REFERENCE_WARMUP = 5;
  static final int MAX_AUTO_WARMUP = 15;
  static final String START_DATE = "2026-10-05";
  static final int DAYS = 7;
  static final long MAX_ROWS = GeneratorConfig.MAX_ROWS_PER_DAY;
  /** Rows of the reference loop per measured round (fewer with a smaller --rows). */
  static final long REFERENCE_ROWS = 1_000_000;
  /** GC time above this share of the round's wall time is reported as a heap too small. */
  static final double GC_NOTE_SHARE = 0.05;
  /** ... and at least this many ms: in a short round one young collection is already 5% of it. */
  static final long GC_NOTE_MIN_MILLIS = 50;

  private static final List<String> FLAGS = List.of("--help", "--no-direct-io");
  private static final List<String> OPTIONS =
      List.of("--rows", "--threads", "--out", "--seed", "--warmup", "--rounds", "--compression", "--no-direct-io",
          "--help");

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
    int rounds;
    Compression compression;
    try {
      values = parse(args);
      if (values.containsKey("--help")) {
        out.print(help());
        return GeneratorCli.OK;
      }
      rows = GeneratorOptions.integer(values, "--rows", DEFAULT_ROWS, DAYS, MAX_ROWS);
      threads = (int) GeneratorOptions.integer(values, "--threads", GeneratorConfig.defaultThreads(), 1,
          GeneratorConfig.MAX_THREADS);
      seed = GeneratorOptions.integer(values, "--seed", GeneratorConfig.DEFAULT_SEED, Long.MIN_VALUE,
          Long.MAX_VALUE);
      String warmupText = values.getOrDefault("--warmup", "auto");
      warmup = warmupText.strip().equalsIgnoreCase("auto") ? -1
          : (int) GeneratorOptions.integer(values, "--warmup", 0, 0, 100);
      rounds = (int) GeneratorOptions.integer(values, "--rounds", DEFAULT_ROUNDS, 1, 50);
      compression = values.containsKey("--compression")
          ? Compression.parse(values.get("--compression")) : Compression.NONE;
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      err.println("Run with --help for the options and their defaults.");
      return GeneratorCli.USAGE;
    }
    GeneratorConfig config = config(rows, threads, seed).withCompression(compression);
    boolean directIo = !values.containsKey("--no-direct-io");
    String outOption = values.get("--out");
    try {
      Path dir = outOption == null ? Files.createTempDirectory("generator-bench")
          : Files.createDirectories(Path.of(outOption)); // like ./lake generate --out, a new folder is made
      try {
        measure(config, dir, rows, warmup, rounds, directIo, out);
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
        "  --out DIR       Folder to write to, made if missing; the last measured round is kept in DIR/lake"
            + " (default: a temporary directory, deleted after)",
        "  --seed N        Random seed (default " + GeneratorConfig.DEFAULT_SEED + ")",
        "  --warmup N|auto Warm-up rounds before the measured ones, 0-100, or auto: until two rounds in a",
        "                  row compile for less than " + JIT_QUIET_MILLIS + " ms (" + MIN_AUTO_WARMUP + "-"
            + MAX_AUTO_WARMUP + " rounds) (default auto)",
        "  --rounds N      Measured rounds, 1-50; the figures are the median round's (default " + DEFAULT_ROUNDS
            + ")",
        "  --compression none|gzip  Part files as .csv or .csv.gz (default none)",
        "  --no-direct-io  Write through the page cache instead of with direct I/O (default: direct I/O",
        "                  where the file system takes it)",
        "  --help          Print this help",
        "",
        "Reports: rows (data lines written), bytes, files, wall s, rows/s, CPU s of the whole process",
        "(JIT and GC included) and rows/s per core (rows / CPU s), worker CPU s (generator threads",
        "only) and rows/s per worker core, the CPU of the other threads by role (file writer, GC and VM",
        "thread, JIT compilers, other: Linux only), MB/s (bytes / wall s), JIT and GC ms, of the median",
        "round, the fastest round's rows/s per core, peak RSS (VmHWM). Before each measured round a",
        "plain StringBuilder loop writes up to " + REFERENCE_ROWS + " CSV rows of about " + ReferenceLoop.ROW_BYTES
            + " bytes to a file: its rows/s per core (median)",
        "is the machine's speed at the time, and the generator's figure is also given as a share of it.",
        "Exit codes: 0 done, 1 the output could not be written, 2 invalid arguments.",
        "");
  }

  private static void measure(GeneratorConfig config, Path dir, long rows, int warmup, int rounds,
      boolean directIo, PrintStream out) throws IOException {
    out.printf(Locale.ROOT, "Generator benchmark: %,d rows, %d thread(s), seed %d, %s warm-up, %d processor(s),"
            + " %s, %s, out %s%n",
        rows, config.threads(), config.seed(), warmup < 0 ? "auto" : warmup + " round(s) of", 
        Runtime.getRuntime().availableProcessors(), config.compression().optionValue(),
        directIo ? "direct I/O" : "page cache", dir);
    String cacheNote = cacheNote(config, Runtime.getRuntime().maxMemory());
    if (cacheNote != null) {
      out.println(cacheNote); // now, and again under the figures
    }
    int warmupRounds = warmup < 0 ? MAX_AUTO_WARMUP : warmup;
    int quietRounds = 0;
    for (int i = 1; i <= warmupRounds; i++) {
      // Each round writes a fresh folder, so no round pays for replacing the previous round's files.
      Path warmupDir = dir.resolve("warmup-" + i);
      // The previous round's population and world (promoted, tens of MB) go now, not after piling up
      // in the old generation over the warm-up rounds, which would raise the peak RSS.
      System.gc();
      long jitBefore = jitMillis();
      GenerationSummary summary = new PaymentGenerator(config)
          .generate(new LocalDirectoryTarget(warmupDir, directIo), GenerationListener.NONE);
      deleteTree(warmupDir);
      long jit = jitMillis() - jitBefore;
      out.printf(Locale.ROOT, "  warm-up %d: %,d rows in %.3f s, JIT %d ms%n", i, summary.dataLines(),
          summary.elapsed().toNanos() / 1e9, jit);
      quietRounds = jit >= 0 && jit < JIT_QUIET_MILLIS ? quietRounds + 1 : 0;
      if (warmup < 0 && i >= MIN_AUTO_WARMUP && quietRounds >= 2) {
        break;
      }
    }
    Path referenceFile = dir.resolve("reference.csv");
    long referenceRows = Math.min(rows, REFERENCE_ROWS);
    // The reference loop's warm-up: its code compiled before it is measured, and before a measured
    // round, whose process CPU would otherwise include the compiler threads' work on it.
    for (int i = 0; i < MAX_REFERENCE_WARMUP; i++) {
      long jitBefore = jitMillis();
      reference(referenceFile, referenceRows);
      awaitJitQuiet();
      if (jitBefore < 0 || jitMillis() - jitBefore < JIT_QUIET_MILLIS) {
        break;
      }
    }
    List<Measurement> measured = new ArrayList<>();
    List<ReferenceLoop.Result> references = new ArrayList<>();
    for (int i = 1; i <= rounds; i++) {
      ReferenceLoop.Result reference = reference(referenceFile, referenceRows);
      // The last round's files stay in DIR/lake; earlier ones are deleted like the warm-ups'.
      Path roundDir = i == rounds ? dir.resolve("lake") : dir.resolve("measured-" + i);
      Measurement m = measureOnce(config, roundDir, directIo);
      if (i < rounds) {
        deleteTree(roundDir);
      }
      out.printf(Locale.ROOT, "  round %d: cpu %.3f s (%,.0f rows/s/core), worker cpu %.3f s, wall %.3f s, JIT %s ms,"
              + " GC %d ms, reference loop %s rows/s/core%n", i, m.cpuSeconds(), m.rowsPerCore(), m.workerCpuSeconds(),
          m.wallSeconds(), m.jitMillis() < 0 ? "n/a" : m.jitMillis(), m.gcMillis(),
          reference == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", reference.rowsPerCpuSecond()));
      measured.add(m);
      if (reference != null) {
        references.add(reference);
      }
    }
    List<Measurement> byCpu = new ArrayList<>(measured);
    byCpu.sort(Comparator.comparingDouble(Measurement::cpuSeconds));
    Measurement m = byCpu.get(byCpu.size() / 2);
    GenerationSummary summary = m.summary();
    double wall = m.wallSeconds();
    double workerCpu = m.workerCpuSeconds();
    out.printf(Locale.ROOT, "Median of %d measured round(s), by process cpu:%n", rounds);
    out.printf(Locale.ROOT, "  rows               %,d%n", summary.dataLines());
    out.printf(Locale.ROOT, "  bytes              %,d (%.1f MB)%n", summary.bytes(), summary.bytes() / 1e6);
    out.printf(Locale.ROOT, "  files              %d%n", summary.files());
    out.printf(Locale.ROOT, "  wall s             %.3f%n", wall);
    out.printf(Locale.ROOT, "  rows/s             %,.0f%n", summary.dataLines() / wall);
    if (m.cpuSeconds() >= 0) {
      out.printf(Locale.ROOT, "  cpu s              %.3f (whole process: workers, JIT, GC)%n", m.cpuSeconds());
      out.printf(Locale.ROOT, "  rows/s/core        %,.0f (rows / process cpu s)%n", m.rowsPerCore());
      if (rounds > 1) {
        out.printf(Locale.ROOT, "  fastest round      %,.0f rows/s/core (%.3f cpu s)%n", byCpu.get(0).rowsPerCore(),
            byCpu.get(0).cpuSeconds());
      }
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
    if (!m.otherThreadsCpu().isEmpty()) {
      StringBuilder others = new StringBuilder();
      m.otherThreadsCpu().forEach((role, seconds) ->
          others.append(others.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", role, seconds)));
      out.printf(Locale.ROOT, "  other threads cpu s %s (per thread role, 10 ms ticks)%n", others);
    }
    if (!references.isEmpty()) {
      ReferenceLoop.Result median = references.stream()
          .sorted(Comparator.comparingDouble(ReferenceLoop.Result::rowsPerCpuSecond))
          .toList().get(references.size() / 2);
      double reference = median.rowsPerCpuSecond();
      out.printf(Locale.ROOT, "  reference loop     %,.0f rows/s/core (median over the rounds: a plain StringBuilder"
          + " loop writing %,d CSV rows of %.0f bytes to a file, the machine's speed at the time)%n", reference,
          referenceRows, (double) median.bytes() / referenceRows);
      if (m.cpuSeconds() > 0) {
        out.printf(Locale.ROOT, "  of reference       %.2f (rows/s/core / reference loop's)%n", m.rowsPerCore() / reference);
      }
    }
    out.printf(Locale.ROOT, "  MB/s               %.1f%n", summary.bytes() / 1e6 / wall);
    out.printf(Locale.ROOT, "  JIT ms             %s (compilation during the round)%n",
        m.jitMillis() < 0 ? "n/a" : m.jitMillis());
    out.printf(Locale.ROOT, "  GC ms              %d%n", m.gcMillis());
    out.printf(Locale.ROOT, "  peak RSS           %s (VmHWM, whole run)%n", peakRss());
    String heapNote = heapNote(m.gcMillis(), wall, Runtime.getRuntime().maxMemory());
    if (heapNote != null) {
      out.println(heapNote);
    }
    if (cacheNote != null) {
      out.println(cacheNote);
    }
  }

  /** The reference loop's rows/s per CPU second, its file deleted after. */
  private static ReferenceLoop.Result reference(Path file, long rows) throws IOException {
    try {
      return ReferenceLoop.run(file, rows);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * A note when garbage collection took more than {@link #GC_NOTE_SHARE} of the round and at least
   * {@link #GC_NOTE_MIN_MILLIS} ms: the round then measures the heap size more than the generator
   * (the card book of many rows fills a small heap); null otherwise.
   */
  static String heapNote(long gcMillis, double wallSeconds, long maxHeapBytes) {
    if (wallSeconds <= 0 || gcMillis < GC_NOTE_MIN_MILLIS || gcMillis <= GC_NOTE_SHARE * wallSeconds * 1000) {
      return null;
    }
    return String.format(Locale.ROOT, "Note: garbage collection took %.0f%% of the round's wall time: the heap"
        + " (-Xmx %d MB) is small for this many rows; give the JVM more (./lake bench: LAKE_BENCH_HEAP=%dm).",
        100 * gcMillis / (wallSeconds * 1000), maxHeapBytes >> 20, heapAbove(Math.max(2 * maxHeapBytes, 384L << 20)));
  }

  /**
   * A note when the heap is too small for the caches to hold the run's population ({@link
   * Population#fullCacheHeapBytes}): rows then recompute cards' HMACs and holders' traits, and the
   * figures measure the heap more than the generator; null otherwise.
   */
  static String cacheNote(GeneratorConfig config, long maxHeapBytes) {
    long wanted = Population.fullCacheHeapBytes(config);
    if (maxHeapBytes >= wanted) {
      return null;
    }
    return String.format(Locale.ROOT, "Note: the heap (-Xmx %d MB) is too small to cache the cards and traits of"
        + " this many rows' %,d card holders, so rows recompute them (slower, same data); the caches' full size needs"
        + " -Xmx %d MB (./lake bench: LAKE_BENCH_HEAP=%dm).",
        maxHeapBytes >> 20, Population.customers(config), wanted >> 20, heapAbove(wanted));
  }

  /**
   * An -Xmx in MB, a multiple of 256, above {@code bytes}: strictly above, as the JVM reports a
   * little less than its -Xmx as the maximum heap (a survivor space less).
   */
  static long heapAbove(long bytes) {
    return ((bytes >> 20) / 256 + 1) * 256;
  }

  /** CPU time of the whole process in nanoseconds, or -1 when the JVM does not expose it. */
  static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  /** One measured round: its summary, wall and CPU seconds, JIT and GC milliseconds. */
  private record Measurement(GenerationSummary summary, double wallSeconds, double cpuSeconds, long jitMillis,
      long gcMillis, Map<String, Double> otherThreadsCpu) {
    double workerCpuSeconds() {
      return summary.workerCpu().toNanos() / 1e9;
    }

    double rowsPerCore() {
      return cpuSeconds > 0 ? summary.dataLines() / cpuSeconds : 0;
    }
  }

  private static Measurement measureOnce(GeneratorConfig config, Path dir, boolean directIo) throws IOException {
    // As JMH does between iterations: earlier rounds' garbage is collected before, not during, the
    // round (a run of its own would not carry it).
    System.gc();
    awaitJitQuiet();
    long jitBefore = jitMillis();
    long gcBefore = gcMillis();
    ThreadCpu threadsBefore = ThreadCpu.snapshot();
    long cpuBefore = processCpuNanos();
    long started = System.nanoTime();
    GenerationSummary summary =
        new PaymentGenerator(config).generate(new LocalDirectoryTarget(dir, directIo), GenerationListener.NONE);
    long wallNanos = System.nanoTime() - started;
    long cpuNanos = processCpuNanos() - cpuBefore;
    ThreadCpu threadsAfter = threadsBefore == null ? null : ThreadCpu.snapshot();
    return new Measurement(summary, wallNanos / 1e9, cpuBefore >= 0 && cpuNanos >= 0 ? cpuNanos / 1e9 : -1,
        jitBefore < 0 ? -1 : jitMillis() - jitBefore, gcMillis() - gcBefore,
        threadsAfter == null ? Map.of() : threadsAfter.secondsSince(threadsBefore));
  }

  /**
   * Waits (at most {@value #MAX_QUIET_WAIT_MILLIS} ms) until the JIT has been idle for two polls of
   * {@value #QUIET_POLL_MILLIS} ms: the compiler threads compile in the background, so what the
   * previous round's reporting, clean-up and reference loop queued would otherwise be compiled, and
   * counted, during the next measured round. Idle means no compilation finished and, where /proc
   * shows it, the compiler threads used no CPU: a long compilation in progress finishes nothing for
   * a while, but its thread keeps using CPU.
   */
  private static void awaitJitQuiet() {
    long deadline = System.nanoTime() + MAX_QUIET_WAIT_MILLIS * 1_000_000L;
    int quietPolls = 0;
    long last = jitMillis();
    long lastTicks = jitTicks();
    while (last >= 0 && quietPolls < 2 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(QUIET_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long now = jitMillis();
      long ticks = jitTicks();
      quietPolls = now == last && ticks == lastTicks ? quietPolls + 1 : 0;
      last = now;
      lastTicks = ticks;
    }
  }

  /** CPU ticks of the JIT compiler threads so far, or 0 where /proc does not show them. */
  private static long jitTicks() {
    ThreadCpu threads = ThreadCpu.snapshot();
    return threads == null ? 0 : threads.roleTicks(ThreadCpu.JIT);
  }

  /** Total JIT compilation time so far, or -1 when the JVM does not report it. */
  static long jitMillis() {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }

  /** Total garbage collection time so far. */
  static long gcMillis() {
    long total = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
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
