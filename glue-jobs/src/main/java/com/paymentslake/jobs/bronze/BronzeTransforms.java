package com.paymentslake.jobs.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.PaymentSchemas;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The bronze merge, as pure Dataset transformations (no I/O).
 *
 * <p><b>Deterministic winner.</b> For each txn_id, among the incoming rows and the rows already in
 * the affected bronze partitions, the row that arrived last wins: greatest {@code ingest_date}, then
 * greatest {@code source_file}, then greatest {@code source_line}; on a tie (the same raw line loaded
 * again) the incoming row wins. A replay with a later status therefore replaces the earlier version,
 * wherever each one landed, and re-running a partition changes nothing.
 */
final class BronzeTransforms {
  static final String ORIGIN = "_origin";
  static final String OUTCOME = "_outcome";

  private static final String RANK = "_rank";
  private static final String HASH = "_content_hash";
  private static final String LINEAGE = "_lineage";
  private static final int INCOMING = 0;
  private static final int EXISTING = 1;

  private BronzeTransforms() {}

  /** Good lines of the parsed input, as bronze rows. */
  static Dataset<Row> goodLines(Dataset<Row> parsed) {
    return parsed.filter(col(ParsedLines.REJECT_REASON).isNull()).select(bronzeColumns());
  }

  /** Rejected lines of the parsed input, as audit/bronze_rejects rows. */
  static Dataset<Row> rejects(Dataset<Row> parsed, String runId) {
    return parsed
        .filter(col(ParsedLines.REJECT_REASON).isNotNull())
        .select(
            col("txn_id"),
            col(PaymentSchemas.SOURCE_FILE),
            col(PaymentSchemas.SOURCE_LINE),
            col(ParsedLines.RAW_LINE).as("raw_line"),
            col(ParsedLines.REJECT_REASON).as("reason"),
            col(ParsedLines.REJECT_DETAIL).as("detail"),
            lit(runId).as("run_id"),
            col(PaymentSchemas.INGEST_DATE));
  }

  /**
   * Labels every incoming and existing row with its {@link LineOutcome}. Both inputs have the bronze
   * schema; {@code existing} holds the bronze rows of the txn_date partitions the incoming rows touch.
   */
  static Dataset<Row> classify(Dataset<Row> incoming, Dataset<Row> existing) {
    Column content =
        sha2(to_json(struct(RawContract.current().columnNames().stream().map(name -> col(name)).toArray(Column[]::new))), 256);
    Column lineage =
        concat_ws("|", col(PaymentSchemas.INGEST_DATE).cast("string"), col(PaymentSchemas.SOURCE_FILE),
            col(PaymentSchemas.SOURCE_LINE).cast("string"));
    Dataset<Row> all =
        incoming.select(bronzeColumns()).withColumn(ORIGIN, lit(INCOMING))
            .unionByName(existing.select(bronzeColumns()).withColumn(ORIGIN, lit(EXISTING)))
            .withColumn(HASH, content)
            .withColumn(LINEAGE, lineage);

    WindowSpec byTxn = Window.partitionBy(col("txn_id"));
    WindowSpec lastArrivalFirst =
        byTxn.orderBy(
            col(PaymentSchemas.INGEST_DATE).desc(),
            col(PaymentSchemas.SOURCE_FILE).desc(),
            col(PaymentSchemas.SOURCE_LINE).desc(),
            col(ORIGIN).asc());
    Column existingOnly = col(ORIGIN).equalTo(EXISTING);

    Dataset<Row> ranked =
        all.withColumn(RANK, row_number().over(lastArrivalFirst))
            .withColumn("_winner_hash", first(col(HASH)).over(lastArrivalFirst))
            .withColumn("_has_existing", max(existingOnly.cast("int")).over(byTxn))
            .withColumn("_existing_hash", max(when(existingOnly, col(HASH))).over(byTxn))
            .withColumn("_existing_lineage", max(when(existingOnly, col(LINEAGE))).over(byTxn));

    Column won = col(RANK).equalTo(1);
    Column outcome =
        when(existingOnly.and(won), lit(LineOutcome.KEPT.name()))
            .when(existingOnly, lit(LineOutcome.REMOVED.name()))
            .when(won.and(col("_has_existing").equalTo(0)), lit(LineOutcome.INSERTED.name()))
            .when(
                won.and(col("_existing_lineage").equalTo(col(LINEAGE)))
                    .and(col("_existing_hash").equalTo(col(HASH))),
                lit(LineOutcome.ALREADY_LOADED.name()))
            .when(won, lit(LineOutcome.REPLACED_EXISTING.name()))
            .when(col(HASH).equalTo(col("_winner_hash")), lit(LineOutcome.DUPLICATE_DROPPED.name()))
            .otherwise(lit(LineOutcome.SUPERSEDED.name()));
    return ranked.withColumn(OUTCOME, outcome).drop(RANK, HASH, LINEAGE, "_winner_hash", "_has_existing",
        "_existing_hash", "_existing_lineage");
  }

  /** The rows bronze keeps after the merge, in the bronze schema. */
  static Dataset<Row> winners(Dataset<Row> classified) {
    return classified
        .filter(col(OUTCOME).isin(
            LineOutcome.KEPT.name(), LineOutcome.INSERTED.name(), LineOutcome.REPLACED_EXISTING.name(),
            LineOutcome.ALREADY_LOADED.name()))
        .select(bronzeColumns());
  }

  /** How many rows got each outcome (zero for absent outcomes). */
  static Map<LineOutcome, Long> outcomeCounts(Dataset<Row> classified) {
    Map<LineOutcome, Long> counts = new EnumMap<>(LineOutcome.class);
    for (LineOutcome outcome : LineOutcome.values()) {
      counts.put(outcome, 0L);
    }
    for (Row row : classified.groupBy(col(OUTCOME)).count().collectAsList()) {
      counts.put(LineOutcome.valueOf(row.getString(0)), row.getLong(1));
    }
    return counts;
  }

  static Column[] bronzeColumns() {
    return Arrays.stream(PaymentSchemas.bronze().fieldNames()).map(name -> col(name)).toArray(Column[]::new);
  }
}
