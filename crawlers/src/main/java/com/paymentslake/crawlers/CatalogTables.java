package com.paymentslake.crawlers;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTablePartition;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The crawler's view of Spark's Hive metastore, the local Glue Data Catalog: reads through Spark's
 * external catalog, writes with Spark SQL DDL so that Spark's own caches stay right.
 *
 * <p>Tables are Spark data source tables over their target location ({@code CREATE TABLE ... USING
 * parquet|csv ... LOCATION}, external: dropping one never deletes data) with every partition
 * registered with its folder, so Spark SQL reads exactly the catalogued partitions, CSV with its
 * header line skipped.
 */
final class CatalogTables {
  private final SparkSession spark;

  CatalogTables(SparkSession spark) {
    this.spark = spark;
  }

  /** A table as the catalog holds it. */
  record ExistingTable(
      String location,
      Format format,
      String provider,
      StructType dataSchema,
      List<String> partitionKeys,
      Map<String, String> properties) {}

  /** A table as a crawl wants it. */
  record TableDefinition(
      String database,
      String name,
      String location,
      Format format,
      StructType dataSchema,
      List<String> partitionKeys,
      Map<String, String> properties) {}

  private ExternalCatalog external() {
    return spark.sharedState().externalCatalog();
  }

  void createDatabaseIfMissing(String database) {
    if (!external().databaseExists(database)) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + quote(database));
    }
  }

  Optional<ExistingTable> find(String database, String table) {
    if (!external().databaseExists(database) || !external().tableExists(database, table)) {
      return Optional.empty();
    }
    CatalogTable t = external().getTable(database, table);
    String location =
        t.storage().locationUri().isDefined() ? normalize(t.storage().locationUri().get()) : "";
    String provider = t.provider().isDefined() ? t.provider().get() : "";
    return Optional.of(
        new ExistingTable(
            location,
            Format.ofProvider(provider),
            provider,
            t.dataSchema(),
            JavaConverters.seqAsJavaList(t.partitionColumnNames()),
            JavaConverters.mapAsJavaMap(t.properties())));
  }

  /** The table's partitions: the values in key order -> the qualified location. */
  Map<List<String>, String> partitions(String database, String table, List<String> keys) {
    Map<List<String>, String> partitions = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return partitions;
    }
    for (CatalogTablePartition p :
        JavaConverters.seqAsJavaList(external().listPartitions(database, table, Option.empty()))) {
      Map<String, String> spec = JavaConverters.mapAsJavaMap(p.spec());
      List<String> values = keys.stream().map(spec::get).toList();
      partitions.put(values, normalize(p.location()));
    }
    return partitions;
  }

  int partitionCount(String database, String table, List<String> keys) {
    return keys.isEmpty()
        ? 0
        : external().listPartitionNames(database, table, Option.empty()).size();
  }

  void create(TableDefinition table) {
    StringBuilder ddl =
        new StringBuilder("CREATE TABLE ").append(name(table.database(), table.name()));
    List<String> columns = new ArrayList<>();
    for (StructField field : table.dataSchema().fields()) {
      columns.add(quote(field.name()) + " " + field.dataType().sql());
    }
    for (String key : table.partitionKeys()) {
      columns.add(quote(key) + " STRING");
    }
    ddl.append(" (").append(String.join(", ", columns)).append(")");
    ddl.append(" USING ").append(table.format().classification());
    if (table.format() == Format.CSV) {
      Map<String, String> options = new LinkedHashMap<>(SchemaInference.CSV_OPTIONS);
      options.put("header", "true");
      ddl.append(" OPTIONS (").append(keyValues(options)).append(")");
    }
    if (!table.partitionKeys().isEmpty()) {
      ddl.append(" PARTITIONED BY (")
          .append(
              table.partitionKeys().stream()
                  .map(CatalogTables::quote)
                  .collect(Collectors.joining(", ")))
          .append(")");
    }
    ddl.append(" LOCATION ").append(literal(table.location()));
    ddl.append(" TBLPROPERTIES (").append(keyValues(table.properties())).append(")");
    spark.sql(ddl.toString());
  }

  void addColumns(String database, String table, List<StructField> columns) {
    String list =
        columns.stream()
            .map(f -> quote(f.name()) + " " + f.dataType().sql())
            .collect(Collectors.joining(", "));
    spark.sql("ALTER TABLE " + name(database, table) + " ADD COLUMNS (" + list + ")");
  }

  void setProperties(String database, String table, Map<String, String> properties) {
    spark.sql(
        "ALTER TABLE "
            + name(database, table)
            + " SET TBLPROPERTIES ("
            + keyValues(properties)
            + ")");
  }

  void unsetProperty(String database, String table, String key) {
    spark.sql(
        "ALTER TABLE "
            + name(database, table)
            + " UNSET TBLPROPERTIES IF EXISTS ("
            + literal(key)
            + ")");
  }

  void drop(String database, String table) {
    spark.sql("DROP TABLE IF EXISTS " + name(database, table));
  }

  /** Registers partitions (values in key order -> location) in one statement. */
  void addPartitions(
      String database, String table, List<String> keys, Map<List<String>, String> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    StringBuilder ddl =
        new StringBuilder("ALTER TABLE ")
            .append(name(database, table))
            .append(" ADD IF NOT EXISTS");
    partitions.forEach(
        (values, location) ->
            ddl.append(' ')
                .append(spec(keys, values))
                .append(" LOCATION ")
                .append(literal(location)));
    spark.sql(ddl.toString());
  }

  void setPartitionLocation(
      String database, String table, List<String> keys, List<String> values, String location) {
    spark.sql(
        "ALTER TABLE "
            + name(database, table)
            + " "
            + spec(keys, values)
            + " SET LOCATION "
            + literal(location));
  }

  void dropPartitions(
      String database, String table, List<String> keys, List<List<String>> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    String specs = partitions.stream().map(v -> spec(keys, v)).collect(Collectors.joining(", "));
    spark.sql("ALTER TABLE " + name(database, table) + " DROP IF EXISTS " + specs);
  }

  /** Drops Spark's cached relation and file listings of the table after its partitions changed. */
  void refresh(String database, String table) {
    spark.catalog().refreshTable(database + "." + table);
  }

  private static String spec(List<String> keys, List<String> values) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      pairs.add(quote(keys.get(i)) + " = " + literal(values.get(i)));
    }
    return "PARTITION (" + String.join(", ", pairs) + ")";
  }

  private static String keyValues(Map<String, String> properties) {
    return properties.entrySet().stream()
        .map(e -> literal(e.getKey()) + " = " + literal(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  static String name(String database, String table) {
    return quote(database) + "." + quote(table);
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** A Spark SQL string literal (backslash escapes are on by default). */
  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A location as a qualified URI string without trailing slash, comparable across sources. */
  static String normalize(URI location) {
    return TargetScanner.withoutTrailingSlash(new Path(location).toString());
  }
}
