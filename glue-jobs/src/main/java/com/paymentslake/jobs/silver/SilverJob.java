package com.paymentslake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;

import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.JobArguments;
import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.common.LakeFiles;
import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.common.RunIds;
import com.paymentslake.jobs.common.ScopedJobMain;
import com.paymentslake.jobs.common.TxnDateScope;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The silver job: validates bronze payments of some txn_date partitions with the DQDL ruleset,
 * publishes the rows that pass to silver (curated) and the rows that fail to the audit zone (with
 * the rules they failed), and writes a DQ summary per run.
 *
 * <p>Run order: read bronze, prepare, validate (Deequ's DQDL engine), count on cached data, check
 * conservation ({@code bronze rows in scope = silver rows + audit rows}), decide the dataset-level
 * rules. When a blocking rule fails, the summary is written and the job fails with {@code
 * DQ_BLOCKING_RULE_FAILED} without touching silver or audit. Otherwise the in-scope partitions of
 * silver and audit are replaced (dynamic partition overwrite; an in-scope partition left with no
 * rows is removed), re-counted, and the summary is written.
 *
 * <h2>Arguments (Glue style, {@code --key value})</h2>
 *
 * <table>
 *   <caption>Silver job arguments</caption>
 *   <tr><th>key</th><th>required</th><th>meaning</th></tr>
 *   <tr><td>--lake-root</td><td>yes</td><td>lake root URI, e.g. {@code s3://bucket} or {@code file:///tmp/lake}</td></tr>
 *   <tr><td>--txn-dates</td><td>yes</td><td>comma-separated ISO dates of the bronze partitions to promote</td></tr>
 *   <tr><td>--rules-path</td><td>no</td><td>DQDL file to use instead of the packaged {@code dq-rules/silver_payments.dqdl}</td></tr>
 *   <tr><td>--run-id</td><td>no</td><td>run id; default Glue's {@code JOB_RUN_ID}, else {@code silver-<UTC time>-<random>}</td></tr>
 * </table>
 *
 * <p>Arguments Glue adds itself (JOB_NAME, JOB_RUN_ID, TempDir, enable-*, ...) are accepted.
 */
public final class SilverJob {
  public static final String JOB = "silver";
  static final String LAKE_ROOT = "lake-root";
  static final String TXN_DATES = "txn-dates";
  static final String INGEST_DATES = "ingest-dates";
  static final String RULES_PATH = "rules-path";
  static final String RUN_ID = "run-id";

  /** The job's own arguments, with the help text shown when one is wrong. */
  static final Map<String, String> ARGUMENTS = arguments();

  private static final Logger LOG = LoggerFactory.getLogger(SilverJob.class);
  private static final String CONSERVATION = "bronze_rows_in_scope = silver_rows + audit_rows";

  private SilverJob() {}

  /**
   * Glue / spark-submit entry point. A failure is logged and rethrown: the driver exits non-zero
   * and the {@link JobFailure} message (which starts with its error code) becomes the Glue job run's
   * error message.
   */
  public static void main(String[] args) {
    ScopedJobMain.run(JOB, LOG, args, SilverJob::config, (spark, config) -> {
      SilverResult result = run(spark, config);
          LOG.info(
              "Silver run {} succeeded: {} silver rows, {} audit rows; summary {}",
              result.runId(), result.silverRows(), result.auditRows(), result.dqSummaryPath());
    });
  }

  /** Parses arguments that name txn dates (for tests and tools; --ingest-dates needs the lake). */
  static SilverConfig config(String[] args) {
    return config(args, ScopedJobMain.withoutLineage(JOB, INGEST_DATES)).orElseThrow();
  }

  /**
   * Parses Glue-style arguments into a config. The scope is {@code --txn-dates}, or {@code
   * --ingest-dates} turned into the txn dates bronze wrote their rows to; empty when those ingest
   * dates have no typed row. The run id is --run-id, else Glue's JOB_RUN_ID, else {@code
   * silver-<yyyyMMdd'T'HHmmss'Z'>-<8 hex digits>} ({@link RunIds}).
   *
   * @throws JobFailure INVALID_ARGUMENT naming the key and the problem
   */
  static Optional<SilverConfig> config(String[] args, TxnDateScope lineage) {
    JobArguments arguments = JobArguments.parse(JOB, args, ARGUMENTS);
    LakeLayout lake = new LakeLayout(arguments.required(LAKE_ROOT));
    List<LocalDate> dates = TxnDateScope.resolve(JOB, arguments, TXN_DATES, INGEST_DATES, lake, lineage);
    if (dates.isEmpty()) {
      return Optional.empty();
    }
    String runId = RunIds.from(arguments, JOB);
    try {
      return Optional.of(new SilverConfig(lake, dates, arguments.optional(RULES_PATH), runId));
    } catch (IllegalArgumentException e) {
      throw new JobFailure(ErrorCode.INVALID_ARGUMENT, "job " + JOB + ": " + e.getMessage(), e);
    }
  }

  /** Validates and promotes the configured bronze partitions; see the class comment. */
  public static SilverResult run(SparkSession spark, SilverConfig config) {
    Instant started = Instant.now();
    LakeFiles files = new LakeFiles(spark);
    LakeLayout lake = config.lake();
    String summaryPath = lake.dqSummaries() + "/job=" + JOB + "/" + config.runId() + ".json";
    LOG.info("Silver run {}: txn dates {}, lake {}", config.runId(), config.txnDates(), lake.root());

    SilverRuleset ruleset = loadRuleset(files, config.rulesPath());
    LOG.info("Silver run {}: ruleset {} ({} rules, sha256 {})", config.runId(), ruleset.source(), ruleset.rules().size(), ruleset.sha256());
    Dataset<Row> bronze = readBronze(spark, files, lake, config.txnDates());

    Dataset<Row> prepared = SilverTransforms.prepare(bronze).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> validated = null;
    try {
      long bronzeRows = prepared.count();
      LOG.info("Silver run {}: {} bronze rows in scope", config.runId(), bronzeRows);
      SilverValidation.Result validation = SilverValidation.validate(prepared, ruleset);
      validated = validation.rows().persist(StorageLevel.MEMORY_AND_DISK());
      Tally tally = tally(validated, config.txnDates());
      LOG.info(
          "Silver run {}: {} rows pass every rule, {} fail at least one", config.runId(), tally.silverRows(), tally.auditRows());
      List<RuleVerdicts.RuleResult> verdicts =
          RuleVerdicts.evaluate(ruleset, validation.deequOutcomes(), tally.failingRowsByRule(), tally.rows());
      Report report = new Report(config, ruleset, started, summaryPath, verdicts, spark.version());

      Optional<JobFailure> unbalanced = conservationFailure(config.runId(), bronzeRows, tally.silverRows(), tally.auditRows());
      if (unbalanced.isPresent()) {
        files.writeText(summaryPath, report.failed(unbalanced.get(), bronzeRows, tally, null, null).toJson());
        throw unbalanced.get();
      }
      List<RuleVerdicts.RuleResult> failedRules = verdicts.stream().filter(rule -> rule.blocking() && !rule.passed()).toList();
      if (!failedRules.isEmpty()) {
        JobFailure blocked = blockingFailure(config, failedRules, summaryPath);
        files.writeText(summaryPath, report.failed(blocked, bronzeRows, tally, null, null).toJson());
        LOG.error("Silver run {}: {}", config.runId(), blocked.getMessage());
        throw blocked;
      }

      writePartitions(SilverTransforms.curate(SilverTransforms.passed(validated)), tally.silverRows(), lake.silverPayments());
      writePartitions(SilverTransforms.audit(SilverTransforms.failed(validated), config.runId()), tally.auditRows(), lake.silverRejects());
      removeEmptiedPartitions(files, lake.silverPayments(), tally.silverByDate());
      removeEmptiedPartitions(files, lake.silverRejects(), tally.auditByDate());
      long silverWritten = countWritten(spark, files, lake.silverPayments(), config.txnDates());
      long auditWritten = countWritten(spark, files, lake.silverRejects(), config.txnDates());
      LOG.info("Silver run {}: wrote {} silver rows and {} audit rows", config.runId(), silverWritten, auditWritten);

      if (silverWritten != tally.silverRows() || auditWritten != tally.auditRows()) {
        JobFailure mismatch =
            new JobFailure(
                ErrorCode.CONSERVATION_VIOLATED,
                "silver run " + config.runId() + ": the written partitions hold " + silverWritten + " silver and "
                    + auditWritten + " audit rows but the run produced " + tally.silverRows() + " and " + tally.auditRows());
        files.writeText(summaryPath, report.failed(mismatch, bronzeRows, tally, silverWritten, auditWritten).toJson());
        throw mismatch;
      }
      files.writeText(summaryPath, report.succeeded(bronzeRows, tally, silverWritten, auditWritten).toJson());
      LOG.info("Silver run {} succeeded; DQ summary {}", config.runId(), summaryPath);
      return new SilverResult(
          config.runId(), config.txnDates(), bronzeRows, tally.silverRows(), tally.auditRows(), tally.failingRowsByRule(), summaryPath);
    } finally {
      if (validated != null) {
        validated.unpersist();
      }
      prepared.unpersist();
    }
  }

  /**
   * The CONSERVATION_VIOLATED failure when {@code bronzeRows != silverRows + auditRows}, else empty.
   */
  static Optional<JobFailure> conservationFailure(String runId, long bronzeRows, long silverRows, long auditRows) {
    if (bronzeRows == silverRows + auditRows) {
      return Optional.empty();
    }
    return Optional.of(
        new JobFailure(
            ErrorCode.CONSERVATION_VIOLATED,
            "silver run " + runId + ": " + bronzeRows + " bronze rows in scope but " + silverRows + " silver rows + "
                + auditRows + " audit rows = " + (silverRows + auditRows)));
  }

  static JobFailure blockingFailure(SilverConfig config, List<RuleVerdicts.RuleResult> failedRules, String summaryPath) {
    String rules = failedRules.stream().map(RuleVerdicts.RuleResult::describe).collect(Collectors.joining("; "));
    return new JobFailure(
        ErrorCode.DQ_BLOCKING_RULE_FAILED,
        "silver run " + config.runId() + " for txn dates " + config.txnDates() + ": " + failedRules.size()
            + " blocking rule(s) failed: " + rules + ". Silver and audit were not written (previous outputs unchanged); "
            + "DQ summary " + summaryPath);
  }

  private static SilverRuleset loadRuleset(LakeFiles files, Optional<String> rulesPath) {
    if (rulesPath.isEmpty()) {
      return SilverRuleset.packaged();
    }
    String path = rulesPath.get();
    if (!files.exists(path)) {
      throw new JobFailure(ErrorCode.INVALID_RULESET, "ruleset " + path + " (--" + RULES_PATH + ") does not exist");
    }
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    String name = fileName.endsWith(".dqdl") ? fileName.substring(0, fileName.length() - ".dqdl".length()) : fileName;
    return SilverRuleset.parse(name, path, files.readText(path));
  }

  private static Dataset<Row> readBronze(SparkSession spark, LakeFiles files, LakeLayout lake, List<LocalDate> dates) {
    List<String> paths = new ArrayList<>();
    for (LocalDate date : dates) {
      String path = lake.bronzePayments() + "/" + LakeLayout.txnPartition(date);
      if (!files.exists(path)) {
        throw new JobFailure(
            ErrorCode.INPUT_NOT_FOUND,
            "bronze partition " + path + " does not exist (txn_date " + date + " requested by --" + TXN_DATES + ")");
      }
      paths.add(path);
    }
    Dataset<Row> bronze =
        spark.read().schema(PaymentSchemas.bronze()).option("basePath", lake.bronzePayments()).parquet(paths.toArray(String[]::new));
    return bronze.select(SilverTransforms.bronzeColumns().stream().map(bronze::col).toArray(org.apache.spark.sql.Column[]::new));
  }

  /** Counts on the cached validated rows: per txn_date and outcome, and per failed rule. */
  private static Tally tally(Dataset<Row> validated, List<LocalDate> dates) {
    Map<LocalDate, Long> silverByDate = new LinkedHashMap<>();
    Map<LocalDate, Long> auditByDate = new LinkedHashMap<>();
    for (LocalDate date : dates) {
      silverByDate.put(date, 0L);
      auditByDate.put(date, 0L);
    }
    List<Row> byDate =
        validated
            .groupBy(col(PaymentSchemas.TXN_DATE), size(col(SilverTransforms.FAILED_RULE_IDS)).equalTo(0).as("passed"))
            .count()
            .collectAsList();
    for (Row row : byDate) {
      LocalDate date = row.getDate(0).toLocalDate();
      Map<LocalDate, Long> target = row.getBoolean(1) ? silverByDate : auditByDate;
      target.merge(date, row.getLong(2), Long::sum);
    }
    Map<String, Long> failingRowsByRule = new HashMap<>();
    validated
        .select(explode(col(SilverTransforms.FAILED_RULE_IDS)).as("rule_id"))
        .groupBy("rule_id")
        .count()
        .collectAsList()
        .forEach(row -> failingRowsByRule.put(row.getString(0), row.getLong(1)));
    return new Tally(silverByDate, auditByDate, failingRowsByRule);
  }

  private static void writePartitions(Dataset<Row> rows, long rowCount, String table) {
    if (rowCount == 0) {
      return;
    }
    // One file per txn_date, rows ordered by txn_id: a re-run over the same bronze writes
    // byte-identical Parquet, and partitions do not fragment into many small files.
    rows.repartition(col(PaymentSchemas.TXN_DATE))
        .sortWithinPartitions(col(PaymentSchemas.TXN_DATE), col("txn_id"))
        .write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .option("compression", "snappy")
        .partitionBy(PaymentSchemas.TXN_DATE)
        .parquet(table);
  }

  /** Dynamic overwrite only replaces partitions that get rows: remove in-scope ones that got none. */
  private static void removeEmptiedPartitions(LakeFiles files, String table, Map<LocalDate, Long> rowsByDate) {
    rowsByDate.forEach((date, rows) -> {
      if (rows == 0 && files.deleteRecursively(table + "/" + LakeLayout.txnPartition(date))) {
        LOG.info("Removed {}/{}: no rows in this run", table, LakeLayout.txnPartition(date));
      }
    });
  }

  private static long countWritten(SparkSession spark, LakeFiles files, String table, List<LocalDate> dates) {
    String[] paths =
        dates.stream()
            .map(date -> table + "/" + LakeLayout.txnPartition(date))
            .filter(files::exists)
            .toArray(String[]::new);
    return paths.length == 0 ? 0 : spark.read().option("basePath", table).parquet(paths).count();
  }

  private static Map<String, String> arguments() {
    Map<String, String> arguments = new LinkedHashMap<>();
    arguments.put(LAKE_ROOT, "required: lake root URI, e.g. s3://bucket or file:///tmp/lake");
    arguments.put(TXN_DATES, "required unless --ingest-dates: comma-separated bronze txn_date partitions, e.g. 2026-11-01,2026-11-02");
    arguments.put(INGEST_DATES, "instead of --txn-dates: raw ingest dates; validates the txn_date partitions bronze loaded them into");
    arguments.put(RULES_PATH, "optional: DQDL ruleset path; default the packaged " + SilverRuleset.PACKAGED_RESOURCE);
    arguments.put(RUN_ID, "optional: run id; default Glue's JOB_RUN_ID, else silver-<UTC time>-<random>");
    return java.util.Collections.unmodifiableMap(arguments);
  }

  static String artifactVersion(String groupId, String artifactId) {
    String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = SilverJob.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Materialized counts of one run. */
  private record Tally(
      Map<LocalDate, Long> silverByDate, Map<LocalDate, Long> auditByDate, Map<String, Long> failingRowsByRule) {
    long silverRows() {
      return silverByDate.values().stream().mapToLong(Long::longValue).sum();
    }

    long auditRows() {
      return auditByDate.values().stream().mapToLong(Long::longValue).sum();
    }

    long rows() {
      return silverRows() + auditRows();
    }
  }

  /** Builds the run's DQ summary. */
  private record Report(
      SilverConfig config,
      SilverRuleset ruleset,
      Instant started,
      String summaryPath,
      List<RuleVerdicts.RuleResult> verdicts,
      String sparkVersion) {

    DqSummary succeeded(long bronzeRows, Tally tally, long silverWritten, long auditWritten) {
      return summary(DqSummary.SUCCEEDED, null, bronzeRows, tally, silverWritten, auditWritten, true);
    }

    DqSummary failed(JobFailure failure, long bronzeRows, Tally tally, Long silverWritten, Long auditWritten) {
      return summary(
          DqSummary.FAILED, new DqSummary.Failure(failure.code().name(), failure.getMessage()), bronzeRows, tally,
          silverWritten, auditWritten, silverWritten != null);
    }

    private DqSummary summary(
        String status,
        DqSummary.Failure failure,
        long bronzeRows,
        Tally tally,
        Long silverWritten,
        Long auditWritten,
        boolean written) {
      List<DqSummary.DateCounts> byDate =
          config.txnDates().stream()
              .map(date -> new DqSummary.DateCounts(date.toString(), tally.silverByDate().get(date), tally.auditByDate().get(date)))
              .toList();
      Boolean writtenVerified =
          silverWritten == null ? null : silverWritten == tally.silverRows() && auditWritten == tally.auditRows();
      LakeLayout lake = config.lake();
      return new DqSummary(
          config.runId(),
          JOB,
          config.txnDates().stream().map(LocalDate::toString).toList(),
          started.toString(),
          Instant.now().toString(),
          status,
          failure,
          new DqSummary.Ruleset(ruleset.name(), ruleset.source(), ruleset.sha256()),
          verdicts,
          new DqSummary.Counts(bronzeRows, tally.silverRows(), tally.auditRows(), silverWritten, auditWritten, byDate),
          new DqSummary.Reconciliation(CONSERVATION, bronzeRows == tally.silverRows() + tally.auditRows(), writtenVerified),
          new DqSummary.Versions(
              sparkVersion,
              artifactVersion("com.amazon.deequ", "deequ"),
              artifactVersion("software.amazon.glue", "dqdl"),
              ruleset.name(),
              RawContract.VERSION,
              Currencies.TABLE_VERSION),
          new DqSummary.Outputs(lake.silverPayments(), lake.silverRejects(), written));
    }
  }
}
