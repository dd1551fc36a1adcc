package com.paymentslake.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.jobs.bronze.BronzeJob;
import com.paymentslake.jobs.bronze.BronzeResult;
import com.paymentslake.jobs.common.JsonFiles;
import com.paymentslake.jobs.common.LakeFiles;
import com.paymentslake.jobs.silver.SilverJob;
import com.paymentslake.jobs.silver.SilverResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Reads what a job run did from the run summary it wrote to {@code audit/dq_summary/job=<job>/<run
 * id>.json}. The workflow starts jobs through their Glue entry points, which return nothing: the
 * summaries in the lake are the record, locally as on AWS.
 */
final class RunSummaries {
  private RunSummaries() {}

  static String path(LakeLayout lake, String job, String runId) {
    return lake.dqSummaries() + "/job=" + job + "/" + runId + ".json";
  }

  /** The bronze run's result, if that run wrote its summary (it does so only on success). */
  static Optional<BronzeResult> bronze(SparkSession spark, LakeLayout lake, String runId) {
    return read(spark, path(lake, BronzeJob.NAME, runId))
        .map(summary -> JsonFiles.convert(summary.get("result"), BronzeResult.class));
  }

  /** The silver run's result, if that run succeeded. */
  static Optional<SilverResult> silver(SparkSession spark, LakeLayout lake, String runId) {
    String path = path(lake, SilverJob.JOB, runId);
    return read(spark, path)
        .filter(summary -> "SUCCEEDED".equals(summary.path("status").asText()))
        .map(summary -> {
          JsonNode counts = summary.get("counts");
          List<LocalDate> txnDates = new ArrayList<>();
          summary.get("txn_dates").forEach(date -> txnDates.add(LocalDate.parse(date.asText())));
          Map<String, Long> failing = new LinkedHashMap<>();
          summary.get("rules").forEach(rule -> {
            long rows = rule.path("failing_rows").asLong(0);
            if (rows > 0) {
              failing.put(rule.get("id").asText(), rows);
            }
          });
          return new SilverResult(summary.get("run_id").asText(), txnDates, counts.get("bronze_rows_in_scope").asLong(),
              counts.get("silver_rows").asLong(), counts.get("audit_rows").asLong(), failing, path);
        });
  }

  private static Optional<JsonNode> read(SparkSession spark, String path) {
    return new LakeFiles(spark).exists(path) ? Optional.of(JsonFiles.readTree(spark, path)) : Optional.empty();
  }
}
