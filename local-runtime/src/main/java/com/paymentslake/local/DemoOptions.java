package com.paymentslake.local;

import com.paymentslake.generator.GeneratorConfig;
import com.paymentslake.workflow.JobDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@code lake demo}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>rule</th></tr>
 *   <tr><td>--data-dir</td><td>./lake-data</td><td>a directory (created if absent); the lake's
 *       objects land under {@code s3/payments-lake}, logs under {@code logs}</td></tr>
 *   <tr><td>--days</td><td>7</td><td>[1, 3660] ingest dates</td></tr>
 *   <tr><td>--start-date</td><td>today (UTC) minus --days</td><td>YYYY-MM-DD, the first ingest date</td></tr>
 *   <tr><td>--rows-per-day</td><td>100000</td><td>[1, 1e9]</td></tr>
 *   <tr><td>--seed</td><td>42</td><td>any whole number</td></tr>
 *   <tr><td>--threads</td><td>2</td><td>[1, 256] generator threads (never change the data)</td></tr>
 *   <tr><td>--cores</td><td>2</td><td>[1, 256] Spark local cores</td></tr>
 *   <tr><td>--fail-job</td><td>none</td><td>a job of the workflow definition: its run fails (to see
 *       the alert email, the stopped chain and the non-zero exit)</td></tr>
 * </table>
 */
public record DemoOptions(
    Path dataDir, int days, LocalDate startDate, long rowsPerDay, long seed, int threads, int cores,
    Optional<String> failJob) {

  /** Options without a failure injected. */
  public DemoOptions(Path dataDir, int days, LocalDate startDate, long rowsPerDay, long seed, int threads, int cores) {
    this(dataDir, days, startDate, rowsPerDay, seed, threads, cores, Optional.empty());
  }

  public static final Path DEFAULT_DATA_DIR = Path.of("lake-data");
  public static final int DEFAULT_DAYS = GeneratorConfig.DEFAULT_DAYS;
  public static final long DEFAULT_ROWS_PER_DAY = GeneratorConfig.DEFAULT_ROWS_PER_DAY;
  public static final long DEFAULT_SEED = GeneratorConfig.DEFAULT_SEED;
  public static final int DEFAULT_THREADS = 2;
  public static final int DEFAULT_CORES = LocalSpark.DEFAULT_CORES;
  public static final int MAX_CORES = 256;

  static final List<String> OPTIONS =
      List.of("data-dir", "days", "start-date", "rows-per-day", "seed", "threads", "cores", "fail-job");

  public DemoOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(failJob, "failJob");
    requireIn("--days", days, 1, GeneratorConfig.MAX_DAYS);
    requireIn("--rows-per-day", rowsPerDay, 1, GeneratorConfig.MAX_ROWS_PER_DAY);
    requireIn("--threads", threads, 1, GeneratorConfig.MAX_THREADS);
    requireIn("--cores", cores, 1, MAX_CORES);
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("--data-dir is '" + dataDir + "' but that is a file, not a directory");
    }
  }

  /** The defaults of the table above, for the given clock's UTC date. */
  public static DemoOptions defaults(Clock clock) {
    return new DemoOptions(
        DEFAULT_DATA_DIR,
        DEFAULT_DAYS,
        LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)).minusDays(DEFAULT_DAYS),
        DEFAULT_ROWS_PER_DAY,
        DEFAULT_SEED,
        DEFAULT_THREADS,
        DEFAULT_CORES);
  }

  /**
   * Parses {@code lake demo} options.
   *
   * @throws UsageException naming the option and its rule
   */
  static DemoOptions parse(CommandLine line, Clock clock) {
    int days = line.value("days", DEFAULT_DAYS, Integer::parseInt, wholeNumberIn(1, GeneratorConfig.MAX_DAYS));
    LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    LocalDate startDate = line.value("start-date", today.minusDays(days), LocalDate::parse, "a date YYYY-MM-DD");
    Path dataDir = line.value("data-dir", DEFAULT_DATA_DIR, DemoOptions::path, "a directory path");
    long rowsPerDay =
        line.value("rows-per-day", DEFAULT_ROWS_PER_DAY, Long::parseLong,
            wholeNumberIn(1, GeneratorConfig.MAX_ROWS_PER_DAY));
    long seed = line.value("seed", DEFAULT_SEED, Long::parseLong, "a whole number (64-bit)");
    int threads = line.value("threads", DEFAULT_THREADS, Integer::parseInt, wholeNumberIn(1, GeneratorConfig.MAX_THREADS));
    int cores = line.value("cores", DEFAULT_CORES, Integer::parseInt, wholeNumberIn(1, MAX_CORES));
    List<String> jobs = WorkflowDefinitions.lake().jobs().stream().map(JobDefinition::name).toList();
    Optional<String> failJob =
        Optional.ofNullable(line.value("fail-job", null, DemoOptions::jobName, "one of the workflow's jobs " + jobs));
    failJob.filter(job -> !jobs.contains(job)).ifPresent(job -> {
      throw new UsageException("demo: --fail-job is '" + job + "' but the workflow's jobs are " + jobs);
    });
    try {
      return new DemoOptions(dataDir, days, startDate, rowsPerDay, seed, threads, cores, failJob);
    } catch (IllegalArgumentException e) {
      throw new UsageException("demo: " + e.getMessage());
    }
  }

  /** The generator's configuration for these options. */
  public GeneratorConfig generatorConfig() {
    return GeneratorConfig.defaults()
        .withStartDate(startDate)
        .withDays(days)
        .withRowsPerDay(rowsPerDay)
        .withSeed(seed)
        .withThreads(threads);
  }

  public LocalDate endDate() {
    return startDate.plusDays(days - 1L);
  }

  private static String jobName(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("blank job name");
    }
    return text.strip();
  }

  private static Path path(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("blank path");
    }
    return Path.of(text);
  }

  private static String wholeNumberIn(long min, long max) {
    return "a whole number in [" + min + ", " + max + "]";
  }

  private static void requireIn(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " is " + value + " but must be in [" + min + ", " + max + "]");
    }
  }
}
