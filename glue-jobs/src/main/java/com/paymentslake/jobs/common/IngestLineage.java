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
   * @param txnDates the txn_date partitions holding its typed rows (empty if every line was rejected)
   */
  public record Entry(LocalDate ingestDate, String bronzeRunId, List<LocalDate> txnDates) {
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
}
