package com.paymentslake.crawlers;

import com.paymentslake.crawlers.CatalogTables.ExistingTable;
import com.paymentslake.crawlers.CatalogTables.TableDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;

/**
 * How the data found by a crawl differs from a table's catalog definition.
 *
 * <p>Added columns are a compatible change (a table can be widened in place). Everything else is
 * incompatible: a column that changed type or vanished, other partition keys, another format or
 * location, and for CSV (read by position) columns that moved.
 *
 * @param incompatibilities one line per incompatible difference
 * @param addedColumns columns the data has and the table lacks, in data order
 */
record SchemaDiff(List<String> incompatibilities, List<StructField> addedColumns) {

  SchemaDiff {
    incompatibilities = List.copyOf(incompatibilities);
    addedColumns = List.copyOf(addedColumns);
  }

  /**
   * @param newFoldersOnly the data is only the new folders of an incremental crawl: columns they
   *     lack are not a change, and the location is the table's by construction
   */
  static SchemaDiff between(ExistingTable table, TableDefinition data, boolean newFoldersOnly) {
    List<String> incompatible = new ArrayList<>();
    if (!newFoldersOnly && !table.location().equals(data.location())) {
      incompatible.add("location " + table.location() + " -> " + data.location());
    }
    if (table.format() != data.format()) {
      incompatible.add("format " + table.provider() + " -> " + data.format().classification());
    }
    if (!table.partitionKeys().equals(data.partitionKeys())) {
      incompatible.add("partition keys " + table.partitionKeys() + " -> " + data.partitionKeys());
    }
    Map<String, StructField> found = byName(data.dataSchema().fields());
    Map<String, StructField> catalogued = byName(table.dataSchema().fields());
    catalogued.forEach(
        (name, column) -> {
          StructField now = found.get(name);
          if (now == null) {
            if (!newFoldersOnly) {
              incompatible.add("column " + name + " is gone");
            }
          } else if (!now.dataType().catalogString().equals(column.dataType().catalogString())) {
            incompatible.add(
                "column "
                    + name
                    + " changed type "
                    + column.dataType().catalogString()
                    + " -> "
                    + now.dataType().catalogString());
          }
        });
    List<StructField> added =
        found.values().stream().filter(f -> !catalogued.containsKey(f.name())).toList();
    if (data.format() == Format.CSV && table.format() == Format.CSV) {
      List<String> before = List.copyOf(catalogued.keySet());
      List<String> now = List.copyOf(found.keySet());
      int common = Math.min(before.size(), now.size());
      if (!before.subList(0, common).equals(now.subList(0, common))) {
        incompatible.add("CSV columns moved: " + before + " -> " + now);
      }
    }
    return new SchemaDiff(incompatible, added);
  }

  boolean incompatible() {
    return !incompatibilities.isEmpty();
  }

  boolean none() {
    return incompatibilities.isEmpty() && addedColumns.isEmpty();
  }

  /** One line per difference, for the crawl result and the log. */
  List<String> describe() {
    List<String> lines = new ArrayList<>(incompatibilities);
    for (StructField column : addedColumns) {
      lines.add("new column " + column.name() + " " + column.dataType().catalogString());
    }
    return lines;
  }

  private static Map<String, StructField> byName(StructField[] fields) {
    Map<String, StructField> map = new LinkedHashMap<>();
    Arrays.stream(fields).forEach(f -> map.put(f.name().toLowerCase(java.util.Locale.ROOT), f));
    return map;
  }
}
