package com.paymentslake.local;

import com.paymentslake.generator.GeneratorCli;
import com.paymentslake.jobs.common.JobFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The {@code lake} command: {@code demo}, {@code query}, {@code generate}, {@code help}.
 *
 * <p>Exit status: 0 success, 1 the run failed (the message says why; details in the log), 2 the
 * command line is wrong.
 */
public final class LakeCli {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  /** System property with the directory of {@code lake.log}; the demo sets it to its data dir. */
  static final String LOG_DIR_PROPERTY = "lake.log.dir";

  static final String USAGE_TEXT =
      """
      usage: ./lake <command> [options]

      commands:
        demo       run the local twin of the AWS deployment end to end: S3Proxy (a real S3 API
                   server), the generator writing raw CSV through S3, then one run of the Glue
                   workflow (bronze, silver and gold jobs, crawlers into a local catalog, alert
                   rules -> email); prints the run graph, a reconciliation of every raw line, the
                   catalog, sample queries, alerts and where everything is on disk
        query      run an Athena query of athena-queries/ (NAME, or a .sql FILE) against the
                   catalog of an earlier demo; without NAME, list the queries
        generate   only generate raw payments and truth manifests into a directory or
                   s3://bucket[/prefix]; ./lake generate --help lists every option with its default
        synth      synthesize the AWS CDK app into cdk/cdk.out (CloudFormation templates of the
                   same definitions; needs node on PATH)
        bench generator
                   the generator's throughput benchmark in a JVM of its own: rows/s per core,
                   MB/s, wall and CPU seconds, peak RSS, a reference loop's rows/s per core
                   (./lake bench generator --help)
        help       show this text

      demo options:
        --data-dir DIR        where the lake lives (default ./lake-data): objects under
                              DIR/s3/payments-lake, logs under DIR/logs
        --days N              ingest dates to generate (default 7)
        --start-date DATE     first ingest date, YYYY-MM-DD (default: today UTC minus --days)
        --rows-per-day N      base rows per day (default 100000)
        --seed N              generator seed (default 42); same seed, same data
        --threads N           generator threads (default 2); never changes the data
        --cores N             Spark local cores (default 2)
        --fail-job JOB        make that workflow job fail (e.g. payments-lake-silver): the alert
                              email arrives, what depends on the job does not run, exit status 1

      query options: ./lake query [NAME|FILE] [--data-dir DIR (default ./lake-data)] [--max-rows N (default 50)]

      generate options (./lake generate --help for all of them and their defaults):
        --out DIR|s3://bucket[/prefix]   lake root to write to (required)
        --mode range|initial-load|nightly
                              range (default): --days dates from --start-date (or up to --end-date);
                              initial-load: --start-date (default 2020-01-01) to --end-date (default
                              today UTC minus 8); nightly: the last 7 days
        --rows-per-day N | --target-size SIZE
                              volume: base rows of an average day (default 100000), or the total size
                              of the data files, e.g. 10GB
        --threads N           worker threads (default: available processors); never changes the data
        --compression none|gzip, --seed N, --rows-per-file N, --fraud-rate FRACTION,
        --pan-hash-key KEY, --no-defects, --rate-<kind> FRACTION, --schema-drift-every N,
        the realism settings --type-mix TYPE=W,..., --null-rate-device-id, --null-rate-mcc,
        --null-rate-lat-lon, --decline-rate, --reversal-rate, --pending-rate FRACTION,
        --weekday-weights MON,...,SUN, --season-weights holiday=W,winter=W,summer=W,
        --progress auto|bar|lines, --quiet, and the S3 options --endpoint, --region, --access-key,
        --secret-key, --path-style

      environment: JAVA_HOME (a JDK 17), LAKE_HEAP (JVM heap of ./lake, default 4g),
                   LAKE_BENCH_HEAP (JVM heap of ./lake bench generator, default 256m),
                   LAKE_S3PROXY_JAR (S3Proxy jar), LAKE_SKIP_BUILD=1 (do not check the build),
                   LAKE_SMTP_HOST / _PORT / _FROM / _USER / _PASSWORD / _STARTTLS (send alerts to this
                   SMTP server instead of the embedded one), LAKE_ALERT_EMAIL (alert recipient)
      exit status: 0 ok, 1 the run failed, 2 bad command line
      """;

  private LakeCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** Runs the command line; never exits the JVM. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Clock.systemUTC());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    if (args.length == 0) {
      err.print(USAGE_TEXT);
      return USAGE;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "help", "--help", "-h" -> {
          out.print(USAGE_TEXT);
          return OK;
        }
        case "generate" -> {
          return GeneratorCli.run(rest.toArray(String[]::new), out, err, clock);
        }
        case "demo" -> {
          return demo(rest, out, err, clock);
        }
        case "query" -> {
          return query(rest, out, err);
        }
        default -> throw new UsageException(
            "unknown command '" + args[0] + "'; commands are demo, query, generate, help");
      }
    } catch (UsageException e) {
      err.println("lake " + e.getMessage());
      err.println("run './lake help' for usage");
      return USAGE;
    }
  }

  private static int demo(List<String> args, PrintStream out, PrintStream err, Clock clock) {
    CommandLine line = CommandLine.parse("demo", args, DemoOptions.OPTIONS);
    if (line.help()) {
      out.print(USAGE_TEXT);
      return OK;
    }
    DemoOptions options = DemoOptions.parse(line, clock);
    Path logs = options.dataDir().resolve("logs");
    try {
      Files.createDirectories(logs);
    } catch (IOException | SecurityException e) {
      throw new UsageException(
          "demo: --data-dir is '" + options.dataDir() + "' but " + logs + " cannot be created (" + e + ")");
    }
    logTo(logs);
    try {
      new Demo(options, out).run();
      return OK;
    } catch (JobFailure | S3ProxyException e) {
      return failed(err, e.getMessage(), e, options);
    } catch (Exception e) { // Spark may throw checked exceptions undeclared
      return failed(err, e.getClass().getSimpleName() + ": " + e.getMessage(), e, options);
    }
  }

  private static int query(List<String> args, PrintStream out, PrintStream err) {
    try {
      return QueryCommand.run(args, out);
    } catch (UsageException e) {
      throw e;
    } catch (Exception e) { // Spark's analysis errors and S3Proxy failures
      LoggerFactory.getLogger(LakeCli.class).error("query failed", e);
      err.println("lake query failed: " + e.getMessage());
      return FAILED;
    }
  }

  private static int failed(PrintStream err, String message, Exception e, DemoOptions options) {
    LoggerFactory.getLogger(LakeCli.class).error("demo failed: {}", message, e);
    err.println("lake demo failed: " + message);
    err.println("details: " + logDirectory(options).resolve("lake.log"));
    return FAILED;
  }

  private static Path logDirectory(DemoOptions options) {
    return Path.of(System.getProperty(LOG_DIR_PROPERTY, options.dataDir().resolve("logs").toString()))
        .toAbsolutePath()
        .normalize();
  }

  /**
   * Sends {@code lake.log} to the data directory, unless {@value #LOG_DIR_PROPERTY} was set
   * explicitly (tests, or {@code -Dlake.log.dir=...}).
   */
  static void logTo(Path logDir) {
    if (System.getProperty(LOG_DIR_PROPERTY) != null) {
      return;
    }
    System.setProperty(LOG_DIR_PROPERTY, logDir.toAbsolutePath().normalize().toString());
    if (LogManager.getContext(false) instanceof LoggerContext context) {
      context.reconfigure();
    }
  }
}
