package com.paymentslake.local.query;

import com.paymentslake.queries.QueryHeader;
import java.util.List;
import java.util.Objects;

/**
 * One Athena (Trino) SQL query and what its comment header says about it.
 *
 * <p>Header convention of {@code athena-queries/*.sql}: leading {@code --} comment lines with the
 * keys {@code Title:}, {@code Question:} and {@code Reads:} (comma-separated catalog tables); a line
 * starting with {@code --} and more spaces continues the previous key.
 *
 * @param name the file name without {@code .sql}
 * @param source where the text was read from (a classpath resource or a file path)
 * @param sql the query text, as written for Athena
 */
public record AthenaQuery(String name, String source, String sql) {
  public AthenaQuery {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sql, "sql");
  }

  /** The header's Title, or the name when there is none. */
  public String title() {
    String title = header("Title");
    return title.isEmpty() ? name : title;
  }

  /** The header's Question, or empty. */
  public String question() {
    return header("Question");
  }

  /** The catalog tables the header says the query reads, e.g. {@code payments_gold.daily_totals}. */
  public List<String> tables() {
    return QueryHeader.tables(sql);
  }

  /** The Spark SQL of this query ({@link AthenaSql#toSpark}). */
  public String sparkSql() {
    return AthenaSql.toSpark(sql);
  }

  private String header(String key) {
    return QueryHeader.value(sql, key);
  }
}
