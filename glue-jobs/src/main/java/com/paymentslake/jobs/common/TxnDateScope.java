package com.paymentslake.jobs.common;

import com.paymentslake.contract.LakeLayout;
import java.time.LocalDate;
import java.util.List;

/**
 * How a job after bronze learns which txn_date partitions to rebuild: named directly ({@code
 * --txn-dates}), or as the raw ingest dates of a workflow run ({@code --ingest-dates}) looked up in
 * bronze's {@link IngestLineage}.
 */
@FunctionalInterface
public interface TxnDateScope {
  /** The txn dates holding the rows of these ingest dates. */
  List<LocalDate> txnDatesOf(LakeLayout lake, List<LocalDate> ingestDates);

  /**
   * Resolves a job's scope from exactly one of its two date arguments.
   *
   * @throws JobFailure INVALID_ARGUMENT when neither or both are given, or a date is malformed
   */
  static List<LocalDate> resolve(
      String job, JobArguments arguments, String txnDatesKey, String ingestDatesKey, LakeLayout lake,
      TxnDateScope lineage) {
    boolean byTxnDate = arguments.optional(txnDatesKey).isPresent();
    boolean byIngestDate = arguments.optional(ingestDatesKey).isPresent();
    if (byTxnDate == byIngestDate) {
      throw new JobFailure(
          ErrorCode.INVALID_ARGUMENT,
          "job " + job + " needs exactly one of --" + txnDatesKey + " and --" + ingestDatesKey
              + (byTxnDate ? " (both given)" : " (neither given)"));
    }
    if (byTxnDate) {
      return JobDates.parse(job, txnDatesKey, arguments.required(txnDatesKey));
    }
    return lineage.txnDatesOf(lake, JobDates.parse(job, ingestDatesKey, arguments.required(ingestDatesKey)));
  }
}
