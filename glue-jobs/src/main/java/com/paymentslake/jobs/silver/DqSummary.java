package com.paymentslake.jobs.silver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Objects;

/**
 * The data-quality summary of one silver run, written as JSON (snake_case keys) to {@code
 * audit/dq_summary/job=silver/<run id>.json}: one file per run, never rewritten.
 *
 * @param runId the run id
 * @param job always {@code silver}
 * @param txnDates partitions in scope (ISO dates)
 * @param started when the run started (ISO-8601 UTC)
 * @param finished when the summary was written (ISO-8601 UTC)
 * @param status {@code SUCCEEDED} or {@code FAILED}
 * @param failure why the run failed, or null
 * @param ruleset which rules judged the run
 * @param rules every rule's verdict, in ruleset order
 * @param counts row counts, on materialized data
 * @param reconciliation the conservation check
 * @param versions engine and reference-data versions
 * @param outputs where silver and audit rows go, and whether this run wrote them
 */
record DqSummary(
    String runId,
    String job,
    List<String> txnDates,
    String started,
    String finished,
    String status,
    Failure failure,
    Ruleset ruleset,
    List<RuleVerdicts.RuleResult> rules,
    Counts counts,
    Reconciliation reconciliation,
    Versions versions,
    Outputs outputs) {
  static final String SUCCEEDED = "SUCCEEDED";
  static final String FAILED = "FAILED";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  DqSummary {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    if (!SUCCEEDED.equals(status) && !FAILED.equals(status)) {
      throw new IllegalArgumentException("Status '" + status + "' must be SUCCEEDED or FAILED");
    }
    if (FAILED.equals(status) != (failure != null)) {
      throw new IllegalArgumentException("Status " + status + " but failure is " + failure);
    }
    txnDates = List.copyOf(txnDates);
    rules = List.copyOf(rules);
  }

  /**
   * Why a run failed.
   *
   * @param code the {@link com.paymentslake.jobs.common.ErrorCode} name
   * @param message the failure message
   */
  record Failure(String code, String message) {}

  /**
   * @param name ruleset name (file name without .dqdl)
   * @param source where it was read from
   * @param sha256 SHA-256 of its text
   */
  record Ruleset(String name, String source, String sha256) {}

  /**
   * @param bronzeRowsInScope bronze rows read
   * @param silverRows rows that passed every rule
   * @param auditRows rows that failed at least one rule
   * @param silverRowsWritten rows found in the in-scope silver partitions after writing, or null
   *     when nothing was written
   * @param auditRowsWritten rows found in the in-scope audit partitions after writing, or null
   * @param byTxnDate the same split per txn_date
   */
  record Counts(
      long bronzeRowsInScope,
      long silverRows,
      long auditRows,
      Long silverRowsWritten,
      Long auditRowsWritten,
      List<DateCounts> byTxnDate) {
    Counts {
      byTxnDate = List.copyOf(byTxnDate);
    }
  }

  /**
   * @param txnDate the partition
   * @param silverRows rows of that date that passed
   * @param auditRows rows of that date that failed
   */
  record DateCounts(String txnDate, long silverRows, long auditRows) {}

  /**
   * @param equation the conservation law checked
   * @param holds whether it held on materialized counts
   * @param writtenCountsVerified whether re-counting the written partitions matched, or null when
   *     nothing was written
   */
  record Reconciliation(String equation, boolean holds, Boolean writtenCountsVerified) {}

  /**
   * @param spark Spark version the run used
   * @param deequ Deequ version
   * @param dqdl DQDL parser version
   * @param ruleset ruleset name
   * @param contract raw contract version
   * @param currenciesTable reference currency table version (amount_usd rates)
   */
  record Versions(String spark, String deequ, String dqdl, String ruleset, int contract, String currenciesTable) {}

  /**
   * @param silver silver table root
   * @param audit audit table root
   * @param written whether this run replaced the in-scope partitions
   */
  record Outputs(String silver, String audit, boolean written) {}

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize the DQ summary of run " + runId, e);
    }
  }

  /** Parses a summary written by {@link #toJson()}, for readers and tests. */
  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a DQ summary: " + e.getOriginalMessage(), e);
    }
  }
}
