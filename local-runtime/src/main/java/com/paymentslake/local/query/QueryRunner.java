package com.paymentslake.local.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.Seq;

/**
 * Runs Athena queries in a Spark session whose catalog holds the lake's tables (the local twin of
 * the Glue Data Catalog), translating them with {@link AthenaSql} first.
 *
 * <pre>{@code
 * QueryRunner runner = new QueryRunner(spark);
 * QueryResult result = runner.run(AthenaQueries.resolve("daily_volume_by_currency"));
 * String table = QueryRunner.format(result, 20);
 * }</pre>
 */
public final class QueryRunner {
  private static final Logger LOG = LoggerFactory.getLogger(QueryRunner.class);

  private final SparkSession spark;

  public QueryRunner(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  /** Translates and runs a query; every row is collected to the driver. */
  public QueryResult run(AthenaQuery query) {
    Objects.requireNonNull(query, "query");
    LOG.info("Running query {} ({})", query.name(), query.source());
    return runSql(query.sql());
  }

  /** Translates and runs Athena SQL text; every row is collected to the driver. */
  public QueryResult runSql(String athenaSql) {
    Dataset<Row> rows = spark.sql(AthenaSql.toSpark(athenaSql));
    List<List<Object>> values = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      List<Object> cells = new ArrayList<>(row.length());
      for (int i = 0; i < row.length(); i++) {
        cells.add(javaValue(row.get(i)));
      }
      values.add(cells);
    }
    return new QueryResult(Arrays.asList(rows.columns()), values);
  }

  /**
   * The result as an aligned text table: a header, a rule, at most {@code maxRows} rows, then
   * {@code ... N more rows} when some were left out, and {@code (N rows)}. Numbers are
   * right-aligned, other values left-aligned; null prints as {@code NULL}.
   */
  public static String format(QueryResult result, int maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows is set to " + maxRows + " but must be >= 0");
    }
    List<String> columns = result.columns();
    List<List<Object>> shown = result.rows().subList(0, Math.min(maxRows, result.rows().size()));
    int[] widths = new int[columns.size()];
    boolean[] numeric = new boolean[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = columns.get(c).length();
      numeric[c] = true;
    }
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> row : shown) {
      List<String> texts = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        Object value = row.get(c);
        String text = text(value);
        widths[c] = Math.max(widths[c], text.length());
        numeric[c] &= value == null || value instanceof Number;
        texts.add(text);
      }
      cells.add(texts);
    }
    StringBuilder out = new StringBuilder();
    List<String> rule = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      rule.add("-".repeat(widths[c]));
    }
    line(out, columns, widths, new boolean[columns.size()]);
    out.append(String.join("-+-", rule).stripTrailing()).append('\n');
    for (List<String> row : cells) {
      line(out, row, widths, numeric);
    }
    int hidden = result.rows().size() - shown.size();
    if (hidden > 0) {
      out.append("... ").append(hidden).append(hidden == 1 ? " more row" : " more rows").append('\n');
    }
    int total = result.rows().size();
    out.append('(').append(total).append(total == 1 ? " row)" : " rows)").append('\n');
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] rightAligned) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append(" | ");
      }
      String cell = cells.get(c);
      String padding = " ".repeat(widths[c] - cell.length());
      line.append(rightAligned[c] ? padding + cell : cell + padding);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String text(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return String.valueOf(value);
  }

  /** Spark's Scala collections as Java lists; everything else as collected. */
  private static Object javaValue(Object value) {
    if (value instanceof Seq<?> seq) {
      List<Object> list = new ArrayList<>();
      scala.collection.JavaConverters.seqAsJavaList(seq).forEach(item -> list.add(javaValue(item)));
      return list;
    }
    return value;
  }
}
