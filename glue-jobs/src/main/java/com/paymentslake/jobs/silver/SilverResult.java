package com.paymentslake.jobs.silver;

import java.time.LocalDate;
import java.util.List;

/**
 * What a silver run did, counted on materialized data. Conservation: {@code bronzeRowsInScope =
 * silverRows + auditRows}.
 *
 * @param runId the run id
 * @param txnDates partitions validated
 * @param bronzeRowsInScope bronze rows read
 * @param silverRows rows that passed every row-level rule (written to silver)
 * @param auditRows rows that failed at least one row-level rule (written to audit/silver_rejects)
 * @param failedRowsByRule per rule id, how many rows failed it (a row may fail several)
 * @param dqSummaryPath where this run's DQ summary JSON was written
 */
public record SilverResult(
    String runId,
    List<LocalDate> txnDates,
    long bronzeRowsInScope,
    long silverRows,
    long auditRows,
    java.util.Map<String, Long> failedRowsByRule,
    String dqSummaryPath) {
  public SilverResult {
    txnDates = List.copyOf(txnDates);
    failedRowsByRule = java.util.Map.copyOf(failedRowsByRule);
  }
}
