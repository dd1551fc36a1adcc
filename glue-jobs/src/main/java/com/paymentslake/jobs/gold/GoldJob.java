package com.paymentslake.jobs.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.IngestLineage;
import com.paymentslake.jobs.common.JobArguments;
import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.common.JsonFiles;
import com.paymentslake.jobs.common.LakeFiles;
import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.common.RunIds;
import com.paymentslake.jobs.common.ScopedJobMain;
import com.paymentslake.jobs.common.TxnDateScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gold job: aggregates the silver rows of some txn_date partitions into the business tables
 * {@code gold/daily_totals} (txn_date x currency) and {@code gold/merchant_daily} (txn_date x
 * merchant), with additive measures only ({@link GoldTransforms} defines each one).
 *
 * <p>Run order: read the in-scope silver partitions, count them per date on cached data, aggregate
 * (cached), check conservation ({@code silver rows in scope = sum(txn_count)} of each table) before
 * writing, replace the in-scope partitions of both tables (dynamic partition overwrite, one sorted
 * Snappy Parquet file per partition, so a re-run writes identical data), remove the gold partitions
 * of in-scope dates that have no silver rows (a missing silver partition counts as no rows: silver
 * removes a partition all of whose rows were audited), check conservation again on what was written,
 * and write a JSON run summary to {@code audit/dq_summary/job=gold/<run id>.json}. A failed check
 * raises {@code CONSERVATION_VIOLATED} after writing the summary; a failure before writing leaves
 * the previous gold partitions as they were.
 *
 * <h2>Arguments (Glue style, {@code --key value})</h2>
 *
 * <table>
 *   <caption>Gold job arguments</caption>
 *   <tr><th>key</th><th>required</th><th>meaning</th></tr>
 *   <tr><td>--lake-root</td><td>yes</td><td>lake root URI, e.g. {@code s3://bucket} or {@code file:///tmp/lake}</td></tr>
 *   <tr><td>--txn-dates</td><td>one of the two</td><td>comma-separated ISO dates of the silver partitions to aggregate</td></tr>
 *   <tr><td>--ingest-dates</td><td>one of the two</td><td>raw ingest dates: the txn_date partitions bronze loaded them into ({@link IngestLineage})</td></tr>
 *   <tr><td>--run-id</td><td>no</td><td>run id; default Glue's {@code JOB_RUN_ID}, else {@code gold-<UTC time>-<random>}</td></tr>
 * </table>
 *
 * <p>Arguments Glue adds itself (JOB_NAME, JOB_RUN_ID, TempDir, enable-*, ...) are accepted.
 */
public final class GoldJob {
  static final String JOB = "gold";
  static final String LAKE_ROOT = "lake-root";
  static final String TXN_DATES = "txn-dates";
  static final String INGEST_DATES = "ingest-dates";
  static final String RUN_ID = "run-id";

  /** The job's own arguments, with the help text shown when one is wrong. */
  static final Map<String, String> ARGUMENTS = arguments();

  static final String CONSERVATION =
      "silver_rows_in_scope = sum(daily_totals.txn_count) = sum(merchant_daily.txn_count)";

  private static final Logger LOG = LoggerFactory.getLogger(GoldJob.class);

  private GoldJob() {}

  /**
   * Glue / spark-submit entry point. A failure is logged and rethrown: the driver exits non-zero
   * and the {@link JobFailure} message (which starts with its error code) becomes the Glue job run's
   * error message.
   */
  public static void main(String[] args) {
    ScopedJobMain.run(JOB, LOG, args, GoldJob::config, (spark, config) -> {
      GoldResult result = run(spark, config);
          LOG.info(
              "Gold run {} succeeded: {} silver rows, {} daily_totals rows, {} merchant_daily rows; summary {}",
              result.runId(), result.silverRowsInScope(), result.dailyTotalsRows(), result.merchantDailyRows(),
              result.summaryPath());
    });
  }

  /** Parses arguments that name txn dates (for tests and tools; --ingest-dates needs the lake). */
  static GoldConfig config(String[] args) {
    return config(args, ScopedJobMain.withoutLineage(JOB, INGEST_DATES)).orElseThrow();
  }

  /**
   * Parses Glue-style arguments into a config. The scope is {@code --txn-dates}, or {@code
   * --ingest-dates} turned into the txn dates bronze wrote their rows to (empty when those ingest
   * dates have no typed row). The run id is --run-id, else Glue's JOB_RUN_ID, else {@code
   * gold-<yyyyMMdd'T'HHmmss'Z'>-<8 hex digits>}.
   *
   * @throws JobFailure INVALID_ARGUMENT naming the key and the problem
   */
  static Optional<GoldConfig> config(String[] args, TxnDateScope lineage) {
    JobArguments arguments = JobArguments.parse(JOB, args, ARGUMENTS);
    LakeLayout lake = new LakeLayout(arguments.required(LAKE_ROOT));
    List<LocalDate> dates = TxnDateScope.resolve(JOB, arguments, TXN_DATES, INGEST_DATES, lake, lineage);
    if (dates.isEmpty()) {
      return Optional.empty();
    }
    String runId = RunIds.from(arguments, JOB);
    try {
      return Optional.of(new GoldConfig(lake, dates, runId));
    } catch (IllegalArgumentException e) {
      throw new JobFailure(ErrorCode.INVALID_ARGUMENT, "job " + JOB + ": " + e.getMessage(), e);
    }
  }

  /** Aggregates the configured silver partitions into gold; see the class comment. */
  public static GoldResult run(SparkSession spark, GoldConfig config) {
    Report report = new Report(config, Instant.now(), spark.version());
    LakeLayout lake = config.lake();
    LOG.info("Gold run {}: txn dates {}, lake {}", config.runId(), config.txnDates(), lake.root());

    Dataset<Row> silver = readSilver(spark, lake, config.txnDates()).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> dailyTotals = null;
    Dataset<Row> merchantDaily = null;
    try {
      Map<LocalDate, Long> silverByDate = countByDate(silver, config.txnDates());
      long silverRows = silverByDate.values().stream().mapToLong(Long::longValue).sum();
      List<LocalDate> emptyDates = silverByDate.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
      LOG.info("Gold run {}: {} silver rows in scope; dates without rows: {}", config.runId(), silverRows, emptyDates);

      dailyTotals = GoldTransforms.dailyTotals(silver).persist(StorageLevel.MEMORY_AND_DISK());
      merchantDaily = GoldTransforms.merchantDaily(silver).persist(StorageLevel.MEMORY_AND_DISK());
      Tally computed = new Tally(measure(dailyTotals), measure(merchantDaily));
      Optional<JobFailure> unbalanced = conservationFailure(config.runId(), "computed", silverRows, computed);
      if (unbalanced.isPresent()) {
        report.write(spark, report.failed(unbalanced.get(), silverByDate, computed, null, List.of()));
        throw unbalanced.get();
      }

      writePartitions(dailyTotals, computed.dailyTotals().rows(), lake.goldDailyTotals(), GoldTransforms.CURRENCY);
      writePartitions(merchantDaily, computed.merchantDaily().rows(), lake.goldMerchantDaily(), GoldTransforms.MERCHANT_ID);
      List<String> removed = new ArrayList<>();
      for (LocalDate date : emptyDates) {
        for (String table : List.of(lake.goldDailyTotals(), lake.goldMerchantDaily())) {
          String partition = table + "/" + LakeLayout.txnPartition(date);
          if (new LakeFiles(spark).deleteRecursively(partition)) {
            LOG.info("Gold run {}: removed {} (no silver rows for {})", config.runId(), partition, date);
            removed.add(partition);
          }
        }
      }

      Tally written =
          new Tally(
              measureWritten(spark, lake.goldDailyTotals(), config.txnDates()),
              measureWritten(spark, lake.goldMerchantDaily(), config.txnDates()));
      Optional<JobFailure> mismatch = conservationFailure(config.runId(), "written", silverRows, written);
      if (mismatch.isEmpty() && !written.equals(computed)) {
        mismatch =
            Optional.of(
                new JobFailure(
                    ErrorCode.CONSERVATION_VIOLATED,
                    "gold run " + config.runId() + ": the written partitions hold " + written.describe()
                        + " but the run computed " + computed.describe()));
      }
      if (mismatch.isPresent()) {
        report.write(spark, report.failed(mismatch.get(), silverByDate, computed, written, removed));
        throw mismatch.get();
      }
      report.write(spark, report.succeeded(silverByDate, computed, written, removed));
      LOG.info(
          "Gold run {} succeeded: wrote {}; summary {}", config.runId(), written.describe(), report.summaryPath());
      return new GoldResult(
          config.runId(), config.txnDates(), silverRows, written.dailyTotals().rows(), written.merchantDaily().rows(),
          emptyDates, report.summaryPath());
    } finally {
      if (merchantDaily != null) {
        merchantDaily.unpersist();
      }
      if (dailyTotals != null) {
        dailyTotals.unpersist();
      }
      silver.unpersist();
    }
  }

  /**
   * The CONSERVATION_VIOLATED failure when the sum of txn_count of either table differs from the
   * silver rows in scope, else empty.
   *
   * @param stage {@code computed} (before writing) or {@code written} (re-counted after writing)
   */
  static Optional<JobFailure> conservationFailure(String runId, String stage, long silverRows, Tally tally) {
    if (tally.dailyTotals().txnCount() == silverRows && tally.merchantDaily().txnCount() == silverRows) {
      return Optional.empty();
    }
    return Optional.of(
        new JobFailure(
            ErrorCode.CONSERVATION_VIOLATED,
            "gold run " + runId + ": " + silverRows + " silver rows in scope but the " + stage + " sum(txn_count) is "
                + tally.dailyTotals().txnCount() + " in daily_totals and " + tally.merchantDaily().txnCount()
                + " in merchant_daily"));
  }

  private static Dataset<Row> readSilver(SparkSession spark, LakeLayout lake, List<LocalDate> dates) {
    String[] paths =
        dates.stream()
            .map(date -> lake.silverPayments() + "/" + LakeLayout.txnPartition(date))
            .filter(new LakeFiles(spark)::exists)
            .toArray(String[]::new);
    if (paths.length == 0) {
      return spark.createDataFrame(List.of(), GoldTransforms.silverInput());
    }
    return spark.read().schema(GoldTransforms.silverInput()).option("basePath", lake.silverPayments()).parquet(paths);
  }

  private static Map<LocalDate, Long> countByDate(Dataset<Row> silver, List<LocalDate> dates) {
    Map<LocalDate, Long> byDate = new LinkedHashMap<>();
    dates.forEach(date -> byDate.put(date, 0L));
    for (Row row : silver.groupBy(PaymentSchemas.TXN_DATE).count().collectAsList()) {
      byDate.put(row.getDate(0).toLocalDate(), row.getLong(1));
    }
    return byDate;
  }

  private static void writePartitions(Dataset<Row> rows, long rowCount, String table, String key) {
    if (rowCount == 0) {
      return;
    }
    // One file per txn_date, rows ordered by their key: a re-run over the same silver writes the
    // same Parquet, and partitions do not fragment into many small files.
    rows.repartition(col(PaymentSchemas.TXN_DATE))
        .sortWithinPartitions(col(PaymentSchemas.TXN_DATE), col(key))
        .write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .option("compression", "snappy")
        .partitionBy(PaymentSchemas.TXN_DATE)
        .parquet(table);
  }

  private static Measure measure(Dataset<Row> gold) {
    Row row = gold.agg(count(lit(1)), coalesce(sum(col(GoldTransforms.TXN_COUNT)), lit(0L))).first();
    return new Measure(row.getLong(0), row.getLong(1));
  }

  private static Measure measureWritten(SparkSession spark, String table, List<LocalDate> dates) {
    String[] paths =
        dates.stream()
            .map(date -> table + "/" + LakeLayout.txnPartition(date))
            .filter(new LakeFiles(spark)::exists)
            .toArray(String[]::new);
    return paths.length == 0 ? new Measure(0, 0) : measure(spark.read().option("basePath", table).parquet(paths));
  }

  private static Map<String, String> arguments() {
    Map<String, String> arguments = new LinkedHashMap<>();
    arguments.put(LAKE_ROOT, "required: lake root URI, e.g. s3://bucket or file:///tmp/lake");
    arguments.put(TXN_DATES, "required unless --ingest-dates: comma-separated silver txn_date partitions, e.g. 2026-11-01,2026-11-02");
    arguments.put(INGEST_DATES, "instead of --txn-dates: raw ingest dates; aggregates the txn_date partitions bronze loaded them into");
    arguments.put(RUN_ID, "optional: run id; default Glue's JOB_RUN_ID, else gold-<UTC time>-<random>");
    return Collections.unmodifiableMap(arguments);
  }

  /** Rows of one gold table and the sum of their txn_count. */
  record Measure(long rows, long txnCount) {}

  /** Measures of both gold tables, computed before writing or re-counted after. */
  record Tally(Measure dailyTotals, Measure merchantDaily) {
    String describe() {
      return dailyTotals.rows() + " daily_totals rows (sum txn_count " + dailyTotals.txnCount() + ") and "
          + merchantDaily.rows() + " merchant_daily rows (sum txn_count " + merchantDaily.txnCount() + ")";
    }
  }

  /** Builds and writes the run summary (snake_case JSON, one file per run). */
  private record Report(GoldConfig config, Instant started, String sparkVersion) {
    String summaryPath() {
      return config.lake().dqSummaries() + "/job=" + JOB + "/" + config.runId() + ".json";
    }

    void write(SparkSession spark, Map<String, Object> summary) {
      JsonFiles.write(spark, summaryPath(), summary);
    }

    Map<String, Object> succeeded(Map<LocalDate, Long> silverByDate, Tally computed, Tally written, List<String> removed) {
      return summary("SUCCEEDED", null, silverByDate, computed, written, removed);
    }

    Map<String, Object> failed(
        JobFailure failure, Map<LocalDate, Long> silverByDate, Tally computed, Tally written, List<String> removed) {
      Map<String, Object> cause = new LinkedHashMap<>();
      cause.put("code", failure.code().name());
      cause.put("message", failure.getMessage());
      return summary("FAILED", cause, silverByDate, computed, written, removed);
    }

    private Map<String, Object> summary(
        String status,
        Map<String, Object> failure,
        Map<LocalDate, Long> silverByDate,
        Tally computed,
        Tally written,
        List<String> removed) {
      long silverRows = silverByDate.values().stream().mapToLong(Long::longValue).sum();
      List<Map<String, Object>> byDate = new ArrayList<>();
      silverByDate.forEach((date, rows) -> byDate.add(Map.of("txn_date", date.toString(), "silver_rows", rows)));
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("silver_rows_in_scope", silverRows);
      counts.put("by_txn_date", byDate);
      counts.put("daily_totals", tableCounts(computed.dailyTotals(), written == null ? null : written.dailyTotals()));
      counts.put("merchant_daily", tableCounts(computed.merchantDaily(), written == null ? null : written.merchantDaily()));

      Map<String, Object> reconciliation = new LinkedHashMap<>();
      reconciliation.put("equation", CONSERVATION);
      reconciliation.put("holds", conservationFailure(config.runId(), "computed", silverRows, computed).isEmpty());
      reconciliation.put(
          "written_counts_verified",
          written == null ? null : written.equals(computed) && conservationFailure(config.runId(), "written", silverRows, written).isEmpty());

      LakeLayout lake = config.lake();
      Map<String, Object> outputs = new LinkedHashMap<>();
      outputs.put("daily_totals", lake.goldDailyTotals());
      outputs.put("merchant_daily", lake.goldMerchantDaily());
      outputs.put("written", written != null);
      outputs.put("removed_partitions", List.copyOf(removed));

      Map<String, Object> versions = new LinkedHashMap<>();
      versions.put("spark", sparkVersion);
      versions.put("contract", RawContract.VERSION);
      versions.put("currencies_table", Currencies.TABLE_VERSION);

      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("run_id", config.runId());
      summary.put("job", JOB);
      summary.put("txn_dates", config.txnDates().stream().map(LocalDate::toString).toList());
      summary.put("started", started.toString());
      summary.put("finished", Instant.now().toString());
      summary.put("status", status);
      summary.put("failure", failure);
      summary.put("counts", counts);
      summary.put("reconciliation", reconciliation);
      summary.put("outputs", outputs);
      summary.put("versions", versions);
      return summary;
    }

    private static Map<String, Object> tableCounts(Measure computed, Measure written) {
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("rows", computed.rows());
      counts.put("txn_count", computed.txnCount());
      counts.put("rows_written", written == null ? null : written.rows());
      counts.put("txn_count_written", written == null ? null : written.txnCount());
      return counts;
    }
  }
}
