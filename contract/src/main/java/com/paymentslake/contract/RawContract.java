package com.paymentslake.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The versioned raw payments contract ({@code contract/raw_payments.v1.csv}): the generator writes
 * it, bronze checks every file header against it and the tests read it.
 */
public final class RawContract {
  /** The contract version the generator writes and the jobs expect. */
  public static final int VERSION = 1;

  /** The columns of the contract file itself. */
  private static final String COLUMNS = "column,type,required,description";

  private static final String RESOURCE = "/contract/raw_payments.v" + VERSION + ".csv";
  private static final RawContract CURRENT = load(RESOURCE);

  private final int version;
  private final List<ContractColumn> columns;

  RawContract(int version, List<ContractColumn> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("A contract needs at least one column");
    }
    Set<String> seen = new HashSet<>();
    for (ContractColumn column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException("Column '" + column.name() + "' is listed twice");
      }
    }
    this.version = version;
    this.columns = List.copyOf(columns);
  }

  /** The contract in force. */
  public static RawContract current() {
    return CURRENT;
  }

  public int version() {
    return version;
  }

  public List<ContractColumn> columns() {
    return columns;
  }

  public int columnCount() {
    return columns.size();
  }

  public List<String> columnNames() {
    return columns.stream().map(ContractColumn::name).toList();
  }

  /** Zero-based position of a column. */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "Column '" + name + "' is not in raw contract v" + version + "; columns: " + columnNames());
  }

  public ContractColumn column(String name) {
    return columns.get(indexOf(name));
  }

  /** The CSV header line (without line terminator). */
  public String header() {
    return String.join(",", columnNames());
  }

  /**
   * Compares a file's header fields with the contract.
   *
   * @return empty when the header matches exactly; otherwise a human-readable description of the
   *     difference (missing, unexpected and moved columns)
   */
  public Optional<String> headerDifference(List<String> headerFields) {
    List<String> expected = columnNames();
    List<String> actual = headerFields.stream().map(String::strip).toList();
    if (expected.equals(actual)) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    List<String> missing = expected.stream().filter(name -> !actual.contains(name)).toList();
    List<String> unexpected = actual.stream().filter(name -> !expected.contains(name)).toList();
    if (!missing.isEmpty()) {
      parts.add("missing " + missing);
    }
    if (!unexpected.isEmpty()) {
      parts.add("unexpected " + unexpected);
    }
    List<String> moved = new ArrayList<>();
    for (int i = 0; i < actual.size(); i++) {
      String name = actual.get(i);
      int expectedIndex = expected.indexOf(name);
      if (expectedIndex >= 0 && expectedIndex != i) {
        moved.add(name + " at position " + (i + 1) + " (contract: " + (expectedIndex + 1) + ")");
      }
    }
    if (!moved.isEmpty()) {
      parts.add("moved " + moved);
    }
    if (parts.isEmpty()) {
      parts.add("duplicate columns " + actual);
    }
    return Optional.of(
        "header differs from raw contract v" + version + ": " + String.join("; ", parts));
  }

  static RawContract load(String resource) {
    return fromRows(ReferenceTable.readResource(RawContract.class, resource, COLUMNS));
  }

  static RawContract parse(BufferedReader reader, String source) throws IOException {
    return fromRows(ReferenceTable.read(reader, source, COLUMNS));
  }

  private static RawContract fromRows(List<ReferenceTable.Row> rows) {
    List<ContractColumn> columns = new ArrayList<>();
    for (ReferenceTable.Row row : rows) {
      columns.add(
          new ContractColumn(
              row.field(0), ColumnType.parse(row.field(1)), Boolean.parseBoolean(row.field(2)), row.field(3)));
    }
    return new RawContract(VERSION, columns);
  }
}
