package com.paymentslake.cdk;

import com.paymentslake.queries.QueryHeader;
import java.util.Objects;

/**
 * One packaged {@code athena-queries/*.sql} file and its comment header ({@code -- Title:}, {@code
 * -- Question:}, {@code -- Reads:} with comma-separated {@code database.table} names; a comment line
 * indented by more spaces continues the previous key). The stack makes one named query of each.
 *
 * @param fileName the file name, e.g. {@code decline_reasons.sql}
 * @param sql the file's text, verbatim
 */
public record AthenaQueryFile(String fileName, String sql) {
  public AthenaQueryFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sql, "sql");
  }

  /** The header's Title: the named query's name. */
  public String title() {
    return required("Title");
  }

  /** The header's Question: the named query's description. */
  public String question() {
    return header("Question");
  }

  /** The database of the first table the header's Reads names: the named query's database. */
  public String database() {
    required("Reads");
    String firstTable = QueryHeader.tables(sql).get(0);
    int dot = firstTable.indexOf('.');
    if (dot <= 0) {
      throw new IllegalStateException(
          "query " + fileName + ": Reads names '" + firstTable + "' but must name database.table");
    }
    return firstTable.substring(0, dot);
  }

  private String required(String key) {
    String value = header(key);
    if (value.isEmpty()) {
      throw new IllegalStateException("query " + fileName + " has no '-- " + key + ":' header line");
    }
    return value;
  }

  private String header(String key) {
    return QueryHeader.value(sql, key);
  }
}
