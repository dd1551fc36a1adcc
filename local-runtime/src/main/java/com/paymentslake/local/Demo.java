package com.paymentslake.local;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.TruthManifest;
import com.paymentslake.generator.GenerationListener;
import com.paymentslake.generator.GenerationSummary;
import com.paymentslake.generator.OutputTarget;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.generator.S3Connection;
import com.paymentslake.jobs.bronze.BronzeConfig;
import com.paymentslake.jobs.bronze.BronzeJob;
import com.paymentslake.jobs.bronze.BronzeResult;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.common.RunIds;
import com.paymentslake.jobs.silver.SilverConfig;
import com.paymentslake.jobs.silver.SilverJob;
import com.paymentslake.jobs.silver.SilverResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lake demo}: the whole pipeline on the local twin, with progress on the console.
 *
 * <p>S3Proxy on {@code <data-dir>/s3}; bucket {@value LocalLake#BUCKET}; the generator writes the
 * days through the S3 API; Spark runs the bronze job over every generated ingest date and the
 * silver job over the txn dates bronze rewrote; then the reconciliation of every raw line and where
 * each zone is on disk. Spark and S3Proxy always stop at the end.
 *
 * <p>Part of the CLI: it prints to the console stream it is given.
 */
final class Demo {
  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

  private static final int MAX_RULES_SHOWN = 8;

  private final DemoOptions options;
  private final PrintStream out;
  private final long startedNanos = System.nanoTime();

  Demo(DemoOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /**
   * Runs the demo.
   *
   * @throws JobFailure when a job fails or the reconciliation does not balance
   */
  void run() {
    Path dataDir = options.dataDir().toAbsolutePath().normalize();
    out.printf(
        Locale.ROOT,
        "payments-lake demo: %s from %s to %s, %,d rows/day, seed %d; data in %s%n",
        plural(options.days(), "day"),
        options.startDate(),
        options.endDate(),
        options.rowsPerDay(),
        options.seed(),
        dataDir);
    LOG.info("demo starting with {}", options);
    try (LocalLake lake = LocalLake.start(dataDir, options.cores())) {
      progress(
          "S3Proxy (pid %d) listening on %s, objects under %s",
          lake.s3().pid(), lake.endpoint().endpoint(), lake.s3().basedir());
      progress("bucket %s ready: %s is %s", LocalLake.BUCKET, lake.s3Root(), lake.bucketDirectory());

      GenerationSummary generated = generate(lake);

      SparkSession spark = lake.spark();
      progress("Spark %s started (%s)", spark.version(), lake.sparkSettings().master());

      BronzeConfig bronzeConfig = new BronzeConfig(lake.layout(), generated.ingestDates(), RunIds.newRunId("bronze"));
      progress("bronze %s: %s from %s ...", bronzeConfig.runId(),
          plural(bronzeConfig.ingestDates().size(), "ingest date"), lake.layout().rawPayments());
      BronzeResult bronze = BronzeJob.run(spark, bronzeConfig);
      progress(
          "bronze done: %s raw lines -> %s new rows, %s rejects, %s duplicates dropped, %s superseded; %s rewritten",
          count(bronze.rawLines()), count(bronze.inserted()), count(bronze.rejectRows()),
          count(bronze.duplicatesDropped()), count(bronze.supersededVersions()),
          plural(bronze.affectedTxnDates().size(), "txn date"));

      Optional<SilverResult> silver = Optional.empty();
      if (bronze.affectedTxnDates().isEmpty()) {
        progress("silver skipped: bronze rewrote no txn_date partition");
      } else {
        SilverConfig silverConfig =
            new SilverConfig(lake.layout(), bronze.affectedTxnDates(), Optional.empty(), RunIds.newRunId("silver"));
        progress("silver %s: %s (%s .. %s) ...", silverConfig.runId(), plural(silverConfig.txnDates().size(), "txn date"),
            silverConfig.txnDates().get(0), silverConfig.txnDates().get(silverConfig.txnDates().size() - 1));
        SilverResult result = SilverJob.run(spark, silverConfig);
        progress("silver done: %s bronze rows -> %s silver rows, %s audit rows",
            count(result.bronzeRowsInScope()), count(result.silverRows()), count(result.auditRows()));
        silver = Optional.of(result);
      }

      Reconciliation reconciliation =
          new Reconciliation(generated.dataLines(), generated.files(), bronze, silver);
      printReconciliation(reconciliation, silver);
      printWhereToLook(lake, silver);
      out.printf(Locale.ROOT, "%ndemo finished in %.1f s%n", elapsedSeconds());
      if (!reconciliation.balanced()) {
        throw new JobFailure(
            ErrorCode.CONSERVATION_VIOLATED,
            "the demo's reconciliation does not balance (see the table above)");
      }
    }
  }

  private GenerationSummary generate(LocalLake lake) {
    S3Endpoint endpoint = lake.endpoint();
    S3Connection connection =
        new S3Connection(endpoint.endpoint(), endpoint.region(), endpoint.accessKey(), endpoint.secretKey(), true);
    OutputTarget target = OutputTarget.parse(lake.s3Root(), connection);
    progress(
        "generating %s x %,d rows (seed %d, %s) into %s ...",
        plural(options.days(), "day"), options.rowsPerDay(), options.seed(), plural(options.threads(), "thread"),
        target.uri());
    GenerationListener listener =
        new GenerationListener() {
          @Override
          public void fileWritten(LocalDate ingestDate, String fileName, long dataLines, long bytes) {
            progress(
                "  %s/%-24s %,10d lines %7.1f MB",
                LakeLayout.ingestPartition(ingestDate), fileName, dataLines, bytes / 1_048_576.0);
          }

          @Override
          public void partitionWritten(TruthManifest manifest) {
            progress(
                "  %s complete: %s, %,d lines, truth manifest written",
                LakeLayout.ingestPartition(manifest.date()), plural(manifest.files().size(), "file"),
                manifest.dataLines());
          }
        };
    GenerationSummary summary;
    try {
      summary = new PaymentGenerator(options.generatorConfig()).generate(target, listener);
    } catch (IOException e) {
      throw new UncheckedIOException("generating into " + target.uri() + " failed: " + e.getMessage(), e);
    }
    progress(
        "generated %s lines in %s (%.1f MB) over %s in %.1f s",
        count(summary.dataLines()), plural(summary.files(), "file"), summary.bytes() / 1_048_576.0,
        plural(summary.ingestDates().size(), "ingest date"), summary.elapsed().toMillis() / 1000.0);
    progress("  defects injected (truth manifests): %s", defects(summary.defects()));
    return summary;
  }

  private void printReconciliation(Reconciliation reconciliation, Optional<SilverResult> silver) {
    out.println();
    out.println("Reconciliation (every raw line accounted for)");
    reconciliation.table().forEach(line -> out.println(line.isEmpty() ? "" : "  " + line));
    silver
        .filter(s -> !s.failedRowsByRule().isEmpty())
        .ifPresent(
            s -> {
              out.println();
              out.println("Silver rows failing each DQ rule (a row may fail several; all in the DQ summary)");
              List<Map.Entry<String, Long>> rules =
                  s.failedRowsByRule().entrySet().stream()
                      .sorted(
                          Map.Entry.<String, Long>comparingByValue()
                              .reversed()
                              .thenComparing(Map.Entry.comparingByKey()))
                      .toList();
              rules.stream()
                  .limit(MAX_RULES_SHOWN)
                  .forEach(e -> out.printf(Locale.ROOT, "  %-44s %14s%n", e.getKey(), count(e.getValue())));
              if (rules.size() > MAX_RULES_SHOWN) {
                out.printf(Locale.ROOT, "  ... and %d more rules%n", rules.size() - MAX_RULES_SHOWN);
              }
            });
  }

  private void printWhereToLook(LocalLake lake, Optional<SilverResult> silver) {
    LakeLayout disk = lake.diskLayout();
    out.println();
    out.println("Where to look (plain files: " + lake.s3Root() + "/KEY is " + lake.bucketDirectory() + "/KEY)");
    where("raw", disk.rawPayments());
    where("truth manifests", disk.path(LakeLayout.TRUTH_MANIFESTS));
    where("bronze", disk.bronzePayments());
    where("bronze rejects", disk.bronzeRejects());
    where("silver", disk.silverPayments());
    where("silver rejects", disk.silverRejects());
    where("dq summaries", disk.dqSummaries());
    silver.ifPresent(s -> where("  this run's", onDisk(lake, s.dqSummaryPath())));
    where("logs", lake.logDirectory() + " (lake.log, s3proxy.log)");
  }

  private void where(String label, String path) {
    out.printf(Locale.ROOT, "  %-16s %s%n", label, path);
  }

  /** {@code s3a://payments-lake/KEY} (or s3://) as the file S3Proxy keeps it in. */
  static String onDisk(LocalLake lake, String uri) {
    for (String root : new String[] {lake.lakeRoot(), lake.s3Root()}) {
      if (uri.startsWith(root + "/")) {
        return lake.bucketDirectory().resolve(uri.substring(root.length() + 1)).toString();
      }
    }
    return uri;
  }

  private static String defects(Map<DefectKind, Long> defects) {
    if (defects.isEmpty()) {
      return "none";
    }
    return defects.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + count(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String count(long value) {
    return Reconciliation.format(value);
  }

  private static String plural(long value, String noun) {
    return Reconciliation.plural(value, noun);
  }

  private double elapsedSeconds() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private void progress(String format, Object... args) {
    String line = String.format(Locale.ROOT, "[%6.1fs] ", elapsedSeconds()) + String.format(Locale.ROOT, format, args);
    synchronized (out) {
      out.println(line);
    }
    LOG.info("{}", line);
  }
}
