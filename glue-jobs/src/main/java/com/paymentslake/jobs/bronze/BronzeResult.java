package com.paymentslake.jobs.bronze;

import java.time.LocalDate;
import java.util.List;

/**
 * What a bronze run did, counted on materialized data.
 *
 * <p>Conservation: {@code rawLines = rejectedLines + driftLines + inserted + replacedExisting +
 * alreadyLoaded + duplicatesDropped + supersededVersions}, and the bronze partitions it rewrote
 * hold {@code rowsBefore - replacedExisting + inserted + replacedExisting} rows, i.e. {@code
 * rowsBefore + inserted}.
 *
 * @param runId the run id
 * @param ingestDates raw partitions read
 * @param rawFiles data files read
 * @param rawLines data lines read (headers excluded)
 * @param driftFiles files quarantined whole because their header differs from the contract
 * @param driftLines data lines of those files (also in audit/bronze_rejects with reason SCHEMA_DRIFT)
 * @param rejectedLines lines that could not be parsed or typed (audit/bronze_rejects)
 * @param duplicatesDropped extra copies identical to the row kept
 * @param supersededVersions earlier versions of a txn_id replaced by a later one
 * @param inserted txn_ids new to bronze
 * @param replacedExisting txn_ids already in bronze whose row this run replaced with a later version
 * @param alreadyLoaded lines already in bronze from an earlier run of the same raw file
 * @param affectedTxnDates txn_date partitions this run rewrote
 * @param bronzeRowsBefore rows in those partitions before the run
 * @param bronzeRowsAfter rows in those partitions after the run (counted on what was written)
 */
public record BronzeResult(
    String runId,
    List<LocalDate> ingestDates,
    int rawFiles,
    long rawLines,
    int driftFiles,
    long driftLines,
    long rejectedLines,
    long duplicatesDropped,
    long supersededVersions,
    long inserted,
    long replacedExisting,
    long alreadyLoaded,
    List<LocalDate> affectedTxnDates,
    long bronzeRowsBefore,
    long bronzeRowsAfter) {
  public BronzeResult {
    ingestDates = List.copyOf(ingestDates);
    affectedTxnDates = List.copyOf(affectedTxnDates);
  }

  /** Lines written to audit/bronze_rejects by this run (parse failures plus drifted files). */
  public long rejectRows() {
    return rejectedLines + driftLines;
  }
}
