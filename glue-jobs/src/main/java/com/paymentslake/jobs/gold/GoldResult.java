package com.paymentslake.jobs.gold;

import java.time.LocalDate;
import java.util.List;

/**
 * What a gold run did, counted on materialized data. Conservation: the sum of txn_count written to
 * each gold table for the in-scope dates equals {@code silverRowsInScope}.
 *
 * @param runId the run id
 * @param txnDates partitions aggregated
 * @param silverRowsInScope silver rows read
 * @param dailyTotalsRows rows written to gold/daily_totals (txn_date x currency)
 * @param merchantDailyRows rows written to gold/merchant_daily (txn_date x merchant)
 * @param emptyDates in-scope dates without silver rows: their gold partitions were removed
 * @param summaryPath where this run's JSON summary was written
 */
public record GoldResult(
    String runId,
    List<LocalDate> txnDates,
    long silverRowsInScope,
    long dailyTotalsRows,
    long merchantDailyRows,
    List<LocalDate> emptyDates,
    String summaryPath) {
  public GoldResult {
    txnDates = List.copyOf(txnDates);
    emptyDates = List.copyOf(emptyDates);
  }
}
