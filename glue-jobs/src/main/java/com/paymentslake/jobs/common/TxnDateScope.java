package com.paymentslake.jobs.common;

import com.paymentslake.contract.LakeLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How a job after bronze learns which txn_date partitions to rebuild: named directly ({@code
 * --txn-dates}); as raw ingest dates ({@code --ingest-dates}) looked up in bronze's {@link
 * IngestLineage}; or, in a Glue workflow run without either, the ingest dates bronze loaded in the
 * same workflow run ({@code --WORKFLOW_RUN_ID}, which Glue passes to every job a workflow starts).
 */
@FunctionalInterface
public interface TxnDateScope {
  /** The txn dates holding the rows of these ingest dates. */
  List<LocalDate> txnDatesOf(LakeLayout lake, List<LocalDate> ingestDates);

  /** The ingest dates bronze loaded in a workflow run; only the lake-backed scope knows them. */
  default List<LocalDate> ingestDatesOfWorkflowRun(LakeLayout lake, String workflowRunId) {
    throw new JobFailure(ErrorCode.INVALID_ARGUMENT, "the ingest dates of workflow run " + workflowRunId
        + " need the lake's bronze lineage");
  }

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
    Optional<String> workflowRun = arguments.optional("WORKFLOW_RUN_ID");
    if (!byTxnDate && !byIngestDate && workflowRun.isPresent()) {
      return lineage.txnDatesOf(lake, lineage.ingestDatesOfWorkflowRun(lake, workflowRun.get()));
    }
    if (byTxnDate == byIngestDate) {
      throw new JobFailure(
          ErrorCode.INVALID_ARGUMENT,
          "job " + job + " needs exactly one of --" + txnDatesKey + " and --" + ingestDatesKey
              + (byTxnDate ? " (both given)" : " (neither given, and no --WORKFLOW_RUN_ID to look up)"));
    }
    if (byTxnDate) {
      return JobDates.parse(job, txnDatesKey, arguments.required(txnDatesKey));
    }
    return lineage.txnDatesOf(lake, JobDates.parse(job, ingestDatesKey, arguments.required(ingestDatesKey)));
  }
}
