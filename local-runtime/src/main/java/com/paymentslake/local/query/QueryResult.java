package com.paymentslake.local.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a query returned: column names and rows of Java values as Spark collects them (String,
 * Long, Integer, Double, BigDecimal, Boolean, java.sql.Date, java.sql.Timestamp, List, null).
 *
 * @param columns column names, in order
 * @param rows rows, each with one value per column
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    List<List<Object>> copies = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("A row has " + row.size() + " values but there are " + columns.size() + " columns");
      }
      copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = List.copyOf(copies);
  }

  /** The values of one column, by name. */
  public List<Object> column(String name) {
    int index = columns.indexOf(Objects.requireNonNull(name, "name"));
    if (index < 0) {
      throw new IllegalArgumentException("No column '" + name + "'; columns: " + columns);
    }
    return rows.stream().map(row -> row.get(index)).toList();
  }
}
