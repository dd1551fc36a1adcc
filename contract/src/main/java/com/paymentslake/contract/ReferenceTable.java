package com.paymentslake.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's small comma-separated reference tables (the raw contract, the currency table, the
 * generator's city table): one row per line, blank lines and {@code #} comments skipped, every row
 * checked for its number of fields. The last field takes the rest of the line, so it may hold
 * commas (e.g. a description).
 */
public final class ReferenceTable {
  /**
   * One data row.
   *
   * @param source the table's name, for messages
   * @param lineNumber the physical line number (1-based)
   * @param fields the stripped fields
   */
  public record Row(String source, int lineNumber, List<String> fields) {
    public String field(int index) {
      return fields.get(index);
    }

    /** An error about this row, naming the table and line. */
    public IllegalArgumentException error(String problem) {
      return new IllegalArgumentException(source + " line " + lineNumber + ": " + problem);
    }
  }

  private ReferenceTable() {}

  /**
   * Reads a table from the classpath.
   *
   * @param anchor class whose loader holds the resource
   * @param resource absolute resource name
   * @param columns the expected columns, e.g. {@code "code,minor_units,usd_per_unit"}
   * @throws IllegalStateException if the resource is missing
   * @throws IllegalArgumentException naming the line if a row is malformed
   */
  public static List<Row> readResource(Class<?> anchor, String resource, String columns) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Reference table " + resource + " is not on the classpath");
      }
      return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource, columns);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** Reads a table from text; see {@link #readResource}. */
  public static List<Row> read(BufferedReader reader, String source, String columns) throws IOException {
    int width = columns.split(",").length;
    List<Row> rows = new ArrayList<>();
    String line;
    int lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(",", width);
      if (fields.length != width) {
        throw new IllegalArgumentException(
            source + " line " + lineNumber + ": expected " + columns + " but got '" + line + "'");
      }
      List<String> stripped = new ArrayList<>(width);
      for (String field : fields) {
        stripped.add(field.strip());
      }
      rows.add(new Row(source, lineNumber, List.copyOf(stripped)));
    }
    return rows;
  }
}
