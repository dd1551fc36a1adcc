package com.paymentslake.jobs.bronze;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.IngestLineage;
import com.paymentslake.jobs.common.JobArguments;
import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.testing.SparkTestSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BronzeJobTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final LocalDate DAY1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 11, 2);

  @TempDir Path dir;

  @Test
  void promotesGoodLinesAndAuditsEveryOtherLineWithFileLineAndReason() throws IOException {
    writeRaw(DAY1, "part-00000.csv", RawContract.current().header(),
        RawLines.purchase("T1").line(),
        RawLines.purchase("T2").with("amount", "12.3O").line(),
        "T3,\"Corner Grocer,5411",
        RawLines.purchase("T1").line(),
        RawLines.purchase("T4").with("card_bin", "4111111111111111").line());
    writeRaw(DAY1, "part-drift-00000.csv", driftedHeader(), RawLines.purchase("T5").line(), RawLines.purchase("T6").line());

    BronzeResult result = BronzeJob.run(SPARK, config(DAY1));

    assertThat(result.rawFiles()).isEqualTo(2);
    assertThat(result.rawLines()).isEqualTo(7);
    assertThat(result.driftFiles()).isEqualTo(1);
    assertThat(result.driftLines()).isEqualTo(2);
    assertThat(result.rejectedLines()).isEqualTo(2);
    assertThat(result.duplicatesDropped()).isEqualTo(1);
    assertThat(result.inserted()).isEqualTo(2);
    assertThat(result.bronzeRowsAfter()).isEqualTo(2);
    assertThat(result.affectedTxnDates()).containsExactly(DAY1);

    assertThat(bronze().select("txn_id").orderBy("txn_id").collectAsList()).map(r -> r.getString(0))
        .containsExactly("T1", "T4");
    List<String> rejects = rejects().orderBy(col("source_file"), col("source_line")).collectAsList().stream()
        .map(r -> r.getAs("txn_id") + "@" + r.getAs("source_file") + ":" + r.getAs("source_line") + " " + r.getAs("reason"))
        .toList();
    assertThat(rejects).containsExactly(
        "T2@raw/payments/ingest_date=2026-11-01/part-00000.csv:3 TYPE_CAST",
        "T3@raw/payments/ingest_date=2026-11-01/part-00000.csv:4 UNBALANCED_QUOTE",
        "T5@raw/payments/ingest_date=2026-11-01/part-drift-00000.csv:2 SCHEMA_DRIFT",
        "T6@raw/payments/ingest_date=2026-11-01/part-drift-00000.csv:3 SCHEMA_DRIFT");
    assertThat(rejects().filter(col("reason").equalTo("SCHEMA_DRIFT")).select("detail").first().getString(0))
        .isEqualTo("header differs from raw contract v1: moved [currency at position 9 (contract: 10),"
            + " amount at position 10 (contract: 9)]");
    assertThat(rejects().filter(col("run_id").notEqual("bronze-test")).count()).isZero();
  }

  @Test
  void gzipRawFilesAreReadLikePlainOnesWithTheirOwnNamesInTheAuditZone() throws IOException {
    writeRawGzip(DAY1, "part-00000.csv.gz", RawContract.current().header(),
        RawLines.purchase("T1").line(),
        RawLines.purchase("T2").with("amount", "12.3O").line(),
        RawLines.purchase("T1").line());
    writeRawGzip(DAY1, "part-drift-00000.csv.gz", driftedHeader(), RawLines.purchase("T5").line());
    writeRaw(DAY1, "part-00001.csv", RawContract.current().header(), RawLines.purchase("T7").line());

    BronzeResult result = BronzeJob.run(SPARK, config(DAY1));

    assertThat(result.rawFiles()).isEqualTo(3);
    assertThat(result.rawLines()).isEqualTo(5);
    assertThat(result.driftLines()).isEqualTo(1);
    assertThat(result.rejectedLines()).isEqualTo(1);
    assertThat(result.duplicatesDropped()).isEqualTo(1);
    assertThat(bronze().select("txn_id").orderBy("txn_id").collectAsList()).map(r -> r.getString(0))
        .containsExactly("T1", "T7");
    assertThat(rejects().orderBy(col("source_file")).collectAsList()).map(r -> r.getAs("source_file") + " " + r.getAs("reason"))
        .containsExactly(
            "raw/payments/ingest_date=2026-11-01/part-00000.csv.gz TYPE_CAST",
            "raw/payments/ingest_date=2026-11-01/part-drift-00000.csv.gz SCHEMA_DRIFT");
  }

  @Test
  void noFullCardNumberReachesBronzeOrTheAuditZone() throws IOException {
    writeRaw(DAY1, "part-00000.csv", RawContract.current().header(),
        RawLines.purchase("T1").with("device_id", "4111111111111111").line(),
        RawLines.purchase("T2").with("amount", "4111111111111111x").line());

    BronzeJob.run(SPARK, config(DAY1));

    assertThat(rejects().select("raw_line", "detail").collectAsList())
        .allSatisfy(row -> assertThat(row.getString(0) + row.getString(1)).doesNotContain("4111111111111111"));
    assertThat(rejects().select("raw_line").first().getString(0)).contains("411111******1111x");
  }

  @Test
  void rerunningTheSamePartitionLeavesBronzeAndRejectsUnchanged() throws IOException {
    writeRaw(DAY1, "part-00000.csv", RawContract.current().header(),
        RawLines.purchase("T1").line(), RawLines.purchase("T2").line(), RawLines.purchase("T2").line(), "T3,broken");
    BronzeJob.run(SPARK, config(DAY1));
    List<Row> bronzeBefore = bronze().orderBy("txn_id").collectAsList();

    BronzeResult again = BronzeJob.run(SPARK, config(DAY1));

    assertThat(again.inserted()).isZero();
    assertThat(again.alreadyLoaded()).isEqualTo(2);
    assertThat(again.duplicatesDropped()).isEqualTo(1);
    assertThat(again.bronzeRowsBefore()).isEqualTo(2);
    assertThat(again.bronzeRowsAfter()).isEqualTo(2);
    assertThat(bronze().orderBy("txn_id").collectAsList()).isEqualTo(bronzeBefore);
    assertThat(rejects().count()).isEqualTo(1);
  }

  @Test
  void replayInTheNextIngestPartitionReplacesTheEarlierVersionInItsTxnDate() throws IOException {
    writeRaw(DAY1, "part-00000.csv", RawContract.current().header(),
        RawLines.purchase("T1").with("status", "PENDING").with("response_code", null).line(),
        RawLines.purchase("T2").line());
    writeRaw(DAY2, "part-00000.csv", RawContract.current().header(),
        RawLines.purchase("T1").with("status", "APPROVED").line(),
        RawLines.purchase("T9").with("txn_ts", "2026-11-02T09:00:00Z").line());
    BronzeJob.run(SPARK, config(DAY1));

    BronzeResult second = BronzeJob.run(SPARK, config(DAY2));

    assertThat(second.replacedExisting()).isEqualTo(1);
    assertThat(second.inserted()).isEqualTo(1);
    assertThat(second.affectedTxnDates()).containsExactly(DAY1, DAY2);
    assertThat(bronze().filter(col("txn_id").equalTo("T1")).select("status", "ingest_date").collectAsList())
        .map(r -> r.getString(0) + " from " + r.getDate(1))
        .containsExactly("APPROVED from 2026-11-02");
    assertThat(bronze().count()).isEqualTo(3);
    // The hand-off to silver and gold: each ingest date's rows live in these txn_date partitions.
    LakeLayout lake = new LakeLayout(dir.toUri().toString());
    assertThat(IngestLineage.txnDates(SPARK, lake, List.of(DAY1))).containsExactly(DAY1);
    assertThat(IngestLineage.txnDates(SPARK, lake, List.of(DAY2))).containsExactly(DAY1, DAY2);
    assertThatThrownBy(() -> IngestLineage.txnDates(SPARK, lake, List.of(DAY2.plusDays(1))))
        .isInstanceOf(JobFailure.class)
        .hasMessageStartingWith("INPUT_NOT_FOUND: bronze has not loaded ingest_date 2026-11-03");
  }

  @Test
  void aWorkflowRunLoadsTheNewPartitionsAndTheJobsAfterBronzeFindThemByWorkflowRunId() throws IOException {
    writeRaw(DAY1, "part-00000.csv", RawContract.current().header(), RawLines.purchase("T1").line());
    writeRaw(DAY2, "part-00000.csv", RawContract.current().header(),
        RawLines.purchase("T9").with("txn_ts", "2026-11-02T09:00:00Z").line());
    BronzeJob.run(SPARK, config(DAY1));
    LakeLayout lake = lake();
    assertThat(IngestLineage.pendingIngestDates(SPARK, lake)).containsExactly(DAY2);

    // As Glue starts it from a workflow: no --ingest-dates, only Glue's own run arguments.
    BronzeJob.main(new String[] {"--JOB_NAME", "payments-lake-bronze", "--JOB_RUN_ID", "jr_b",
        "--WORKFLOW_NAME", "payments-lake", "--WORKFLOW_RUN_ID", "wr_1", "--lake-root", lake.root()});

    assertThat(IngestLineage.pendingIngestDates(SPARK, lake)).isEmpty();
    assertThat(IngestLineage.ingestDatesOfWorkflowRun(SPARK, lake, "wr_1")).containsExactly(DAY2);
    assertThat(IngestLineage.ingestDatesOfWorkflowRun(SPARK, lake, "wr_other")).isEmpty();
    assertThat(bronze().select("txn_id").orderBy("txn_id").collectAsList()).map(r -> r.getString(0))
        .containsExactly("T1", "T9");
    // Nothing new: the next workflow run's bronze does nothing and succeeds.
    BronzeJob.main(new String[] {"--WORKFLOW_RUN_ID", "wr_2", "--lake-root", lake.root()});
    assertThat(IngestLineage.ingestDatesOfWorkflowRun(SPARK, lake, "wr_2")).isEmpty();
  }

  @Test
  void missingIngestPartitionFailsNamingThePath() {
    assertThatThrownBy(() -> BronzeJob.run(SPARK, config(DAY2)))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INPUT_NOT_FOUND: raw ingest partition " + lake().rawPartition(DAY2) + " does not exist");
  }

  @Test
  void argumentsAreParsedGlueStyleAndValidated() {
    BronzeConfig config = BronzeJob.config(JobArguments.parse("bronze",
        new String[] {"--JOB_NAME", "payments-bronze", "--JOB_RUN_ID", "jr_1", "--lake-root", "s3://b",
            "--ingest-dates", "2026-11-02,2026-11-01", "--enable-metrics", "true"}, BronzeJob.ARGUMENTS));

    assertThat(config.ingestDates()).containsExactly(DAY1, DAY2);
    assertThat(config.runId()).isEqualTo("jr_1");
    assertThatThrownBy(() -> BronzeJob.config(JobArguments.parse("bronze",
            new String[] {"--lake-root", "s3://b", "--ingest-dates", "2026-11-31"}, BronzeJob.ARGUMENTS)))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INVALID_ARGUMENT: job bronze: argument --ingest-dates item 1 '2026-11-31' is not an ISO date"
            + " (yyyy-MM-dd); expected e.g. 2026-11-01,2026-11-02");
    assertThatThrownBy(() -> JobArguments.parse("bronze", new String[] {"--ingest-date", "x"}, BronzeJob.ARGUMENTS))
        .isInstanceOf(JobFailure.class)
        .hasMessageStartingWith("INVALID_ARGUMENT: job bronze: unknown argument --ingest-date; allowed: --lake-root (");
  }

  private LakeLayout lake() {
    return new LakeLayout(dir.toUri().toString());
  }

  private BronzeConfig config(LocalDate date) {
    return new BronzeConfig(lake(), List.of(date), "bronze-test");
  }

  private Dataset<Row> bronze() {
    return SPARK.read().parquet(lake().bronzePayments());
  }

  private Dataset<Row> rejects() {
    return SPARK.read().parquet(lake().bronzeRejects());
  }

  private void writeRaw(LocalDate date, String name, String... lines) throws IOException {
    Path partition = dir.resolve(LakeLayout.RAW_PAYMENTS).resolve(LakeLayout.ingestPartition(date));
    Files.createDirectories(partition);
    Files.writeString(partition.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
  }

  private void writeRawGzip(LocalDate date, String name, String... lines) throws IOException {
    Path partition = dir.resolve(LakeLayout.RAW_PAYMENTS).resolve(LakeLayout.ingestPartition(date));
    Files.createDirectories(partition);
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(partition.resolve(name)))) {
      out.write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String driftedHeader() {
    List<String> names = new ArrayList<>(RawContract.current().columnNames());
    Collections.swap(names, names.indexOf("amount"), names.indexOf("currency"));
    return String.join(",", names);
  }
}
