package com.paymentslake.local;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.TruthManifest;
import com.paymentslake.generator.GenerationListener;
import com.paymentslake.generator.GenerationSummary;
import com.paymentslake.generator.OutputTarget;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.generator.S3Connection;
import com.paymentslake.jobs.bronze.BronzeJob;
import com.paymentslake.jobs.bronze.BronzeResult;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.silver.SilverJob;
import com.paymentslake.jobs.silver.SilverResult;
import com.paymentslake.local.alerts.EmbeddedSmtpServer;
import com.paymentslake.local.alerts.LocalAlerts;
import com.paymentslake.local.alerts.LocalEventBus;
import com.paymentslake.local.alerts.ReceivedAlert;
import com.paymentslake.local.query.AthenaQueries;
import com.paymentslake.local.query.AthenaQuery;
import com.paymentslake.local.query.QueryResult;
import com.paymentslake.local.query.QueryRunner;
import com.paymentslake.local.workflow.ActionRun;
import com.paymentslake.local.workflow.MainClassJobRunner;
import com.paymentslake.local.workflow.RunHistory;
import com.paymentslake.local.workflow.WorkflowEngine;
import com.paymentslake.local.workflow.WorkflowListener;
import com.paymentslake.local.workflow.WorkflowRun;
import com.paymentslake.workflow.JobDefinition;
import com.paymentslake.workflow.Placeholders;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
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
 * {@code lake demo}: the local twin of the AWS deployment, end to end, with progress on the console.
 *
 * <p>S3Proxy on {@code <data-dir>/s3} with bucket {@value LocalLake#BUCKET}; the alerts twin
 * (EventBridge rules of the workflow definition, SNS email over SMTP to an embedded server unless
 * {@code LAKE_SMTP_HOST} names one); the generator writes the days through the S3 API; then one run
 * of the Glue workflow of {@code workflow/.../payments-lake.json}, started by its start trigger
 * with the generated ingest dates as run property: bronze job, crawlers, silver job, gold job, each
 * started by the definition's triggers. Then the run graph, the reconciliation of every raw line
 * (from the jobs' run summaries), the catalog, two sample queries, the alerts received, and where
 * each zone is on disk. S3Proxy, Spark and the SMTP server always stop at the end.
 *
 * <p>Part of the CLI: it prints to the console stream it is given.
 */
final class Demo {
  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

  private static final int MAX_RULES_SHOWN = 8;
  /** Alert address of the local run; on AWS the stack's AlertEmail parameter. */
  static final String LOCAL_ALERT_EMAIL = "data-oncall@payments-lake.local";
  static final String ALERT_EMAIL_ENV = "LAKE_ALERT_EMAIL";
  /** The run property carrying a run's ingest dates to every job. */
  static final String INGEST_DATES_PROPERTY = "ingest_dates";
  /** The queries the demo shows (files of athena-queries/). */
  static final List<String> SAMPLE_QUERIES = List.of("daily_volume_by_currency", "approval_rate_by_merchant");
  private static final int SAMPLE_ROWS = 8;

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
   * @throws JobFailure when an action of the workflow run fails or the reconciliation does not
   *     balance
   */
  void run() {
    Path dataDir = options.dataDir().toAbsolutePath().normalize();
    out.printf(
        Locale.ROOT,
        "payments-lake demo: %s from %s to %s, %,d base rows/day, seed %d; data in %s%n",
        plural(options.days(), "day"),
        options.startDate(),
        options.endDate(),
        options.rowsPerDay(),
        options.seed(),
        dataDir);
    options.failJob().ifPresent(job -> out.println("failure injected: job " + job + " will fail (--fail-job)"));
    LOG.info("demo starting with {}", options);
    try (LocalLake lake = LocalLake.start(dataDir, options.cores())) {
      progress(
          "S3Proxy (pid %d) listening on %s, objects under %s",
          lake.s3().pid(), lake.endpoint().endpoint(), lake.s3().basedir());
      progress("bucket %s ready: %s is %s", LocalLake.BUCKET, lake.s3Root(), lake.bucketDirectory());
      WorkflowDefinition workflow = WorkflowDefinitions.lake().resolve(placeholders(lake));
      try (LocalAlerts alerts = LocalAlerts.fromEnvironment(workflow, Map.of(), dataDir)) {
        alerts.embeddedSmtp().ifPresentOrElse(
            smtp -> progress("alerts: %s EventBridge rules -> SNS topic -> email via embedded SMTP on 127.0.0.1:%d"
                + " (messages saved under %s)", workflow.alertRules().size(), smtp.port(), smtp.alertsDir()),
            () -> progress("alerts: %s EventBridge rules -> SNS topic -> email via %s",
                workflow.alertRules().size(), alerts.topics().get(0).emailEndpoints()));

        GenerationSummary generated = generate(lake);
        SparkSession spark = lake.spark();
        progress("Spark %s started (%s), catalog in %s", spark.version(), lake.sparkSettings().master(),
            lake.catalogDirectory());

        WorkflowRun run = runWorkflow(lake, workflow, alerts, generated);
        out.println();
        run.describe().forEach(out::println);

        Optional<BronzeResult> bronze = lastJobRun(run, BronzeJob.NAME)
            .flatMap(id -> RunSummaries.bronze(spark, lake.layout(), id));
        Optional<SilverResult> silver = lastJobRun(run, SilverJob.JOB)
            .flatMap(id -> RunSummaries.silver(spark, lake.layout(), id));
        Optional<Reconciliation> reconciliation =
            bronze.map(b -> new Reconciliation(generated.dataLines(), generated.files(), b, silver));
        reconciliation.ifPresent(r -> printReconciliation(r, silver));
        printCatalog(lake);
        if (succeeded(run, jobNamed(workflow, "gold"))) {
          printSampleQueries(spark);
        }
        printAlerts(alerts);
        printWhereToLook(lake, silver, run);
        out.printf(Locale.ROOT, "%ndemo finished in %.1f s%n", elapsedSeconds());
        failIfUnsuccessful(run);
        if (reconciliation.isPresent() && !reconciliation.get().balanced()) {
          throw new JobFailure(
              ErrorCode.CONSERVATION_VIOLATED,
              "the demo's reconciliation does not balance (see the table above)");
        }
      }
    }
  }

  /** The local values of the definition's placeholders. */
  static Map<String, String> placeholders(LocalLake lake) {
    return Map.of(
        Placeholders.LAKE_ROOT, lake.lakeRoot(),
        Placeholders.LOGS_LOCATION, lake.logDirectory().resolve("lake.log").toString(),
        Placeholders.ALERT_EMAIL, Optional.ofNullable(System.getenv(ALERT_EMAIL_ENV)).filter(v -> !v.isBlank())
            .orElse(LOCAL_ALERT_EMAIL));
  }

  private WorkflowRun runWorkflow(
      LocalLake lake, WorkflowDefinition workflow, LocalAlerts alerts, GenerationSummary generated) {
    String ingestDates = generated.ingestDates().stream().map(LocalDate::toString).collect(Collectors.joining(","));
    WorkflowEngine engine =
        WorkflowEngine.builder(workflow)
            .jobRunner(MainClassJobRunner.forSpark(lake.spark(), options.failJob()))
            .crawlerRunner(new CatalogCrawlerRunner(lake))
            .eventSink(alerts::publish)
            .history(new RunHistory(lake.dataDir()))
            .listener(new WorkflowListener() {
              @Override
              public void runStarted(WorkflowRun run) {
                progress("workflow %s run %s started by trigger %s with run property %s=%s", run.name(),
                    run.workflowRunId(), workflow.startTrigger().name(), INGEST_DATES_PROPERTY, ingestDates);
              }

              @Override
              public void actionStarted(ActionRun action) {
                progress("  %-8s %s started (%s)", kind(action), action.name(), action.id());
              }

              @Override
              public void actionFinished(ActionRun action) {
                progress("  %-8s %s %s in %.1f s%s", kind(action), action.name(), action.state(),
                    action.duration().toMillis() / 1000.0,
                    action.errorMessage() == null ? "" : ": " + action.errorMessage().lines().findFirst().orElse(""));
              }
            })
            .build();
    return engine.startRun(Map.of(INGEST_DATES_PROPERTY, ingestDates));
  }

  private static String kind(ActionRun action) {
    return action.type().name().toLowerCase(Locale.ROOT);
  }

  /** The id of the job's last attempt in the run: the JOB_RUN_ID its summary is named after. */
  private static Optional<String> lastJobRun(WorkflowRun run, String jobSuffix) {
    return run.actionRuns().stream()
        .filter(a -> a.type() == WorkflowRun.NodeType.JOB && a.name().endsWith("-" + jobSuffix))
        .reduce((first, second) -> second)
        .map(ActionRun::id);
  }

  private static String jobNamed(WorkflowDefinition workflow, String suffix) {
    return workflow.jobs().stream().map(JobDefinition::name).filter(n -> n.endsWith("-" + suffix)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the workflow has no job named *-" + suffix));
  }

  private static boolean succeeded(WorkflowRun run, String jobName) {
    List<ActionRun> runs = run.jobRuns(jobName);
    return !runs.isEmpty() && "SUCCEEDED".equals(runs.get(runs.size() - 1).state());
  }

  /** A run with a failed, timed-out or stopped action, or an action that did not run, fails the demo. */
  private static void failIfUnsuccessful(WorkflowRun run) {
    WorkflowRun.Statistics stats = run.statistics();
    List<String> failures = run.actionRuns().stream()
        .filter(a -> !"SUCCEEDED".equals(a.state()) && a.errorMessage() != null)
        .map(a -> kind(a) + " " + a.name() + " " + a.state() + ": " + a.errorMessage().lines().findFirst().orElse(""))
        .toList();
    if (stats.succeededActions() != stats.totalActions() || !failures.isEmpty()) {
      throw new JobFailure(
          ErrorCode.WORKFLOW_RUN_FAILED,
          "workflow run " + run.workflowRunId() + ": " + stats.succeededActions() + " of " + stats.totalActions()
              + " actions succeeded" + (failures.isEmpty() ? "" : "; " + String.join("; ", failures)));
    }
  }

  private void printCatalog(LocalLake lake) {
    out.println();
    out.println("Catalog (local Glue Data Catalog twin: Hive metastore in " + lake.catalogDirectory() + ")");
    CatalogCrawlerRunner.describe(lake).forEach(line -> out.println("  " + line));
  }

  private void printSampleQueries(SparkSession spark) {
    for (String name : SAMPLE_QUERIES) {
      AthenaQuery query = AthenaQueries.resolve(name);
      out.println();
      out.println("Query " + name + ": " + query.title() + " (./lake query " + name + ")");
      QueryResult result = new QueryRunner(spark).run(query);
      QueryRunner.format(result, SAMPLE_ROWS).lines().forEach(line -> out.println("  " + line));
    }
  }

  private void printAlerts(LocalAlerts alerts) {
    out.println();
    List<ReceivedAlert> received = alerts.receivedAlerts();
    if (alerts.embeddedSmtp().isEmpty()) {
      out.println("Alerts: " + alerts.deliveries().size() + " email(s) sent to the configured SMTP server");
    } else if (received.isEmpty()) {
      out.println("Alerts: none (no job or crawler failed)");
    } else {
      out.println("Alerts received by email (" + received.size() + "):");
      received.forEach(alert -> out.println("  " + alert.subject() + "  [" + alert.emlFile() + "]"));
    }
    alerts.failedDeliveries().forEach(
        failed -> out.println("  alert NOT delivered to " + failed.endpoint() + ": " + failed.error()));
  }

  private GenerationSummary generate(LocalLake lake) {
    S3Endpoint endpoint = lake.endpoint();
    S3Connection connection =
        new S3Connection(endpoint.endpoint(), endpoint.region(), endpoint.accessKey(), endpoint.secretKey(), true);
    OutputTarget target = OutputTarget.parse(lake.s3Root(), connection);
    progress(
        "generating %s x %,d base rows, scaled by weekday and season (seed %d, %s) into %s ...",
        plural(options.days(), "day"), options.rowsPerDay(), options.seed(), plural(options.threads(), "thread"),
        target.uri());
    GenerationListener listener =
        new GenerationListener() {
          @Override
          public void fileWritten(LocalDate ingestDate, String fileName, long dataLines, long bytes) {
            Demo.this.progress(
                "  %s/%-24s %,10d lines %7.1f MB",
                LakeLayout.ingestPartition(ingestDate), fileName, dataLines, bytes / 1_048_576.0);
          }

          @Override
          public void partitionWritten(TruthManifest manifest) {
            Demo.this.progress(
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

  private void printWhereToLook(LocalLake lake, Optional<SilverResult> silver, WorkflowRun run) {
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
    where("gold", disk.path(LakeLayout.GOLD));
    where("catalog", lake.catalogDirectory().toString());
    where("run history", new RunHistory(lake.dataDir()).file(run.name(), run.workflowRunId()).toString());
    where("events", lake.dataDir().resolve(LocalEventBus.ARCHIVE).toString());
    where("alerts (.eml)", lake.dataDir().resolve(EmbeddedSmtpServer.ALERTS_DIR).toString());
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
