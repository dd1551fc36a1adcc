package com.paymentslake.jobs.common;

import com.paymentslake.contract.LakeLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;

/**
 * The Glue / spark-submit entry point of the jobs after bronze (silver, gold): take the running
 * SparkSession, parse the arguments with bronze's {@link IngestLineage} as the {@link TxnDateScope},
 * do nothing when the scope is empty, and let a failure propagate after logging it, so the driver
 * exits non-zero and the {@link JobFailure} message (which starts with its error code) becomes the
 * job run's error message.
 */
public final class ScopedJobMain {
  private ScopedJobMain() {}

  /**
   * @param job the job's name, for messages
   * @param log the job's logger
   * @param args the Glue-style arguments
   * @param parse the job's argument parser; empty means nothing in scope
   * @param body runs the job with its config
   */
  public static <C> void run(
      String job, Logger log, String[] args, BiFunction<String[], TxnDateScope, Optional<C>> parse,
      BiConsumer<SparkSession, C> body) {
    try {
      SparkSession spark = SparkSession.builder().getOrCreate();
      spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
      Optional<C> config = parse.apply(args, lakeLineage(spark));
      if (config.isEmpty()) {
        log.info("{}: bronze loaded no row for the given ingest dates; nothing to do", job);
        return;
      }
      body.accept(spark, config.get());
    } catch (JobFailure failure) {
      log.error("{} job failed: {}", job, failure.getMessage());
      throw failure;
    }
  }

  /** The scope backed by bronze's lineage records in the lake. */
  static TxnDateScope lakeLineage(SparkSession spark) {
    return new TxnDateScope() {
      @Override
      public List<LocalDate> txnDatesOf(
          LakeLayout lake, List<LocalDate> ingestDates) {
        return IngestLineage.txnDates(spark, lake, ingestDates);
      }

      @Override
      public List<LocalDate> ingestDatesOfWorkflowRun(
          LakeLayout lake, String workflowRunId) {
        return IngestLineage.ingestDatesOfWorkflowRun(spark, lake, workflowRunId);
      }
    };
  }

  /** A scope for parsing without a lake: {@code --ingest-dates} is then an error naming the job. */
  public static TxnDateScope withoutLineage(String job, String ingestDatesKey) {
    return (lake, ingestDates) -> {
      throw new JobFailure(
          ErrorCode.INVALID_ARGUMENT, "job " + job + ": --" + ingestDatesKey + " needs the lake's bronze lineage");
    };
  }
}
