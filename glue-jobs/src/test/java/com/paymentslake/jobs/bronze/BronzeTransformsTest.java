package com.paymentslake.jobs.bronze;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.testing.SparkTestSession;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class BronzeTransformsTest {
  private static final SparkSession SPARK = SparkTestSession.get();
  private static final LocalDate DAY1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 11, 2);

  @Test
  void exactDuplicateIsDroppedAndOneRowKept() {
    Dataset<Row> incoming = bronze(
        row(RawLines.purchase("T1"), DAY1, 2),
        row(RawLines.purchase("T1"), DAY1, 3),
        row(RawLines.purchase("T2"), DAY1, 4));

    Dataset<Row> classified = BronzeTransforms.classify(incoming, empty());

    assertThat(BronzeTransforms.outcomeCounts(classified))
        .containsEntry(LineOutcome.INSERTED, 2L)
        .containsEntry(LineOutcome.DUPLICATE_DROPPED, 1L);
    assertThat(BronzeTransforms.winners(classified).count()).isEqualTo(2);
  }

  @Test
  void laterReplayWinsOverThePendingOriginal() {
    Dataset<Row> incoming = bronze(
        row(RawLines.purchase("T1").with("status", "PENDING").with("response_code", null), DAY1, 2),
        row(RawLines.purchase("T1").with("status", "APPROVED"), DAY1, 9));

    Dataset<Row> classified = BronzeTransforms.classify(incoming, empty());

    assertThat(BronzeTransforms.outcomeCounts(classified))
        .containsEntry(LineOutcome.INSERTED, 1L)
        .containsEntry(LineOutcome.SUPERSEDED, 1L);
    assertThat(statuses(BronzeTransforms.winners(classified))).containsExactly("T1=APPROVED");
  }

  @Test
  void replayArrivingInALaterPartitionReplacesTheExistingRow() {
    Dataset<Row> existing = bronze(row(RawLines.purchase("T1").with("status", "PENDING"), DAY1, 2));
    Dataset<Row> incoming = bronze(row(RawLines.purchase("T1").with("status", "DECLINED"), DAY2, 5));

    Dataset<Row> classified = BronzeTransforms.classify(incoming, existing);

    assertThat(BronzeTransforms.outcomeCounts(classified))
        .containsEntry(LineOutcome.REPLACED_EXISTING, 1L)
        .containsEntry(LineOutcome.REMOVED, 1L);
    assertThat(statuses(BronzeTransforms.winners(classified))).containsExactly("T1=DECLINED");
  }

  @Test
  void rerunningTheSameLinesChangesNothing() {
    Dataset<Row> lines = bronze(row(RawLines.purchase("T1"), DAY1, 2), row(RawLines.purchase("T2"), DAY1, 3));

    Dataset<Row> classified = BronzeTransforms.classify(lines, lines);

    assertThat(BronzeTransforms.outcomeCounts(classified))
        .containsEntry(LineOutcome.ALREADY_LOADED, 2L)
        .containsEntry(LineOutcome.REMOVED, 2L)
        .containsEntry(LineOutcome.INSERTED, 0L);
    assertThat(BronzeTransforms.winners(classified).count()).isEqualTo(2);
  }

  @Test
  void replayingAnOlderPartitionNeverUndoesALaterVersion() {
    Dataset<Row> existing = bronze(row(RawLines.purchase("T1").with("status", "APPROVED"), DAY2, 5));
    Dataset<Row> incoming = bronze(row(RawLines.purchase("T1").with("status", "PENDING"), DAY1, 2));

    Dataset<Row> classified = BronzeTransforms.classify(incoming, existing);

    assertThat(BronzeTransforms.outcomeCounts(classified))
        .containsEntry(LineOutcome.KEPT, 1L)
        .containsEntry(LineOutcome.SUPERSEDED, 1L);
    assertThat(statuses(BronzeTransforms.winners(classified))).containsExactly("T1=APPROVED");
  }

  private static List<String> statuses(Dataset<Row> rows) {
    return rows.orderBy(col("txn_id")).collectAsList().stream()
        .map(r -> r.getString(r.fieldIndex("txn_id")) + "=" + r.getString(r.fieldIndex("status"))).toList();
  }

  static Row row(RawLines line, LocalDate ingestDate, long sourceLine) {
    RawRecordTyper.Values typed = (RawRecordTyper.Values) RawRecordTyper.type(line.line());
    List<Object> values = new ArrayList<>(Arrays.asList(typed.values()));
    values.add(Date.valueOf(ingestDate));
    values.add("raw/payments/ingest_date=" + ingestDate + "/part-00000.csv");
    values.add(sourceLine);
    values.add(Date.valueOf(typed.txnDate()));
    return RowFactory.create(values.toArray());
  }

  static Dataset<Row> bronze(Row... rows) {
    return SPARK.createDataFrame(List.of(rows), PaymentSchemas.bronze());
  }

  private static Dataset<Row> empty() {
    return SPARK.createDataFrame(List.of(), PaymentSchemas.bronze());
  }

  static Map<LineOutcome, Long> counts(Dataset<Row> classified) {
    return BronzeTransforms.outcomeCounts(classified);
  }
}
