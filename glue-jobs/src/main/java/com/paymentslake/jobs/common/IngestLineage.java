package com.paymentslake.jobs.common;

import com.paymentslake.contract.LakeLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;

/**
 * Bronze's hand-off to the jobs after it: for each raw ingest date bronze loaded, the txn_date
 * partitions its rows went to ({@code audit/bronze_lineage/ingest_date=D/lineage.json}). A workflow
 * run knows only its ingest dates (a run property); silver and gold turn them into the txn_date
 * partitions to rebuild with {@link #txnDates}. Plain files in the lake, so this works the same on
 * Glue, EMR and the local twin.
 */
public final class IngestLineage {
  /**
   * One ingest date's record.
   *
   * @param ingestDate the raw ingest partition
   * @param bronzeRunId the bronze run that loaded it last
   * @param workflowRunId the Glue workflow run of that bronze run, or null outside a workflow
   * @param txnDates the txn_date partitions holding its typed rows (empty if every line was rejected)
   */
  public record Entry(LocalDate ingestDate, String bronzeRunId, String workflowRunId, List<LocalDate> txnDates) {
    public Entry {
      txnDates = txnDates == null ? List.of() : List.copyOf(new TreeSet<>(txnDates));
    }
  }

  private IngestLineage() {}

  /** Records (replaces) the lineage of one ingest date. */
  public static void write(SparkSession spark, LakeLayout lake, Entry entry) {
    JsonFiles.write(spark, lake.bronzeLineage(entry.ingestDate()), entry);
  }

  /**
   * The txn_date partitions holding the rows of these ingest dates, sorted, without repeats.
   *
   * @throws JobFailure INPUT_NOT_FOUND naming the first ingest date bronze has not loaded
   */
  public static List<LocalDate> txnDates(SparkSession spark, LakeLayout lake, List<LocalDate> ingestDates) {
    LakeFiles files = new LakeFiles(spark);
    TreeSet<LocalDate> txnDates = new TreeSet<>();
    for (LocalDate ingestDate : ingestDates) {
      String path = lake.bronzeLineage(ingestDate);
      if (!files.exists(path)) {
        throw new JobFailure(
            ErrorCode.INPUT_NOT_FOUND,
            "bronze has not loaded ingest_date " + ingestDate + " (no " + path + "); run the bronze job for it first");
      }
      txnDates.addAll(JsonFiles.read(spark, path, Entry.class).txnDates());
    }
    return List.copyOf(txnDates);
  }

  /** The raw ingest partitions that bronze has no lineage record of: the ones not loaded yet. */
  public static List<LocalDate> pendingIngestDates(SparkSession spark, LakeLayout lake) {
    LakeFiles files = new LakeFiles(spark);
    return partitionDates(spark, lake.rawPayments()).stream()
        .filter(date -> !files.exists(lake.bronzeLineage(date)))
        .toList();
  }

  /** The ingest dates bronze loaded in this Glue workflow run (per their lineage records). */
  public static List<LocalDate> ingestDatesOfWorkflowRun(SparkSession spark, LakeLayout lake, String workflowRunId) {
    LakeFiles files = new LakeFiles(spark);
    return partitionDates(spark, lake.path(LakeLayout.BRONZE_LINEAGE)).stream()
        .filter(date -> files.exists(lake.bronzeLineage(date)))
        .filter(date -> workflowRunId.equals(JsonFiles.read(spark, lake.bronzeLineage(date), Entry.class).workflowRunId()))
        .toList();
  }

  /** The dates of the {@code ingest_date=YYYY-MM-DD} folders directly under a path, sorted. */
  private static List<LocalDate> partitionDates(SparkSession spark, String path) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (String name : new LakeFiles(spark).childDirectories(path)) {
      if (name.startsWith("ingest_date=")) {
        try {
          dates.add(LocalDate.parse(name.substring("ingest_date=".length())));
        } catch (java.time.format.DateTimeParseException e) {
          // not a partition folder of ours
        }
      }
    }
    return List.copyOf(dates);
  }
}
