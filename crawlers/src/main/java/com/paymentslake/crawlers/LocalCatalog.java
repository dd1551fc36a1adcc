package com.paymentslake.crawlers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The local Glue Data Catalog: Spark's Hive metastore in an embedded Derby database under one
 * directory, so tables and partitions survive the JVM. Layout under {@code catalogDir}:
 *
 * <ul>
 *   <li>{@code metastore_db/}: the Derby database of the metastore;
 *   <li>{@code derby.log}: Derby's log ({@code derby.system.home} is {@code catalogDir});
 *   <li>{@code warehouse/}: Spark's warehouse (database folders only: crawled tables are external
 *       and live at their S3 location).
 * </ul>
 *
 * Embedded Derby admits one JVM at a time: two processes cannot share a catalog directory.
 */
public final class LocalCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCatalog.class);

  private LocalCatalog() {}

  /**
   * The Spark settings of a session over the catalog in {@code catalogDir}; apply {@link
   * #systemProperties(Path)} before the session's first catalog access, or use {@link
   * #configure(SparkSession.Builder, Path)} which does both.
   */
  public static Map<String, String> sparkConf(Path catalogDir) {
    Path dir = absolute(catalogDir);
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.catalogImplementation", "hive");
    conf.put("spark.sql.warehouse.dir", dir.resolve("warehouse").toUri().toString());
    conf.put(
        "spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + dir.resolve("metastore_db") + ";create=true");
    conf.put("spark.hadoop.datanucleus.schema.autoCreateAll", "true");
    conf.put("spark.hadoop.hive.metastore.schema.verification", "false");
    // Partitions of data source tables live in the metastore, each with its location (the crawler
    // registers them); this is Spark's default, pinned because the crawler depends on it.
    conf.put("spark.sql.hive.manageFilesourcePartitions", "true");
    return conf;
  }

  /**
   * JVM system properties Derby reads when it boots (once per JVM): {@code derby.system.home}, so
   * {@code derby.log} lands in {@code catalogDir} rather than the working directory.
   */
  public static Map<String, String> systemProperties(Path catalogDir) {
    Path dir = absolute(catalogDir);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("derby.system.home", dir.toString());
    properties.put("derby.stream.error.file", dir.resolve("derby.log").toString());
    return properties;
  }

  /**
   * Sets the {@link #systemProperties(Path)}, adds {@link #sparkConf(Path)} to a builder and
   * enables Hive support.
   */
  public static SparkSession.Builder configure(SparkSession.Builder builder, Path catalogDir) {
    systemProperties(catalogDir).forEach(System::setProperty);
    sparkConf(catalogDir).forEach(builder::config);
    return builder.enableHiveSupport();
  }

  /**
   * Every database with its tables, for printing.
   *
   * @param countRows run {@code SELECT count(*)} per table (scans CSV tables in full)
   */
  public static List<DatabaseSummary> describe(SparkSession spark, boolean countRows) {
    List<String> all =
        JavaConverters.seqAsJavaList(spark.sharedState().externalCatalog().listDatabases());
    List<DatabaseSummary> databases = new ArrayList<>();
    for (DatabaseSummary database : describe(spark, all, countRows)) {
      if (!database.tables().isEmpty() || !database.name().equals("default")) {
        databases.add(database);
      }
    }
    return databases;
  }

  /**
   * The named databases with their tables, in the order given; a database that does not exist is
   * listed without tables.
   *
   * @param countRows run {@code SELECT count(*)} per table (scans CSV tables in full)
   */
  public static List<DatabaseSummary> describe(
      SparkSession spark, List<String> databases, boolean countRows) {
    ExternalCatalog catalog = spark.sharedState().externalCatalog();
    List<DatabaseSummary> summaries = new ArrayList<>();
    for (String database : databases) {
      List<TableSummary> tables = new ArrayList<>();
      if (catalog.databaseExists(database)) {
        for (String table : JavaConverters.seqAsJavaList(catalog.listTables(database))) {
          tables.add(describe(spark, catalog, database, table, countRows));
        }
      }
      summaries.add(new DatabaseSummary(database, tables));
    }
    return summaries;
  }

  private static TableSummary describe(
      SparkSession spark,
      ExternalCatalog catalog,
      String database,
      String table,
      boolean countRows) {
    CatalogTable t = catalog.getTable(database, table);
    Map<String, String> properties = JavaConverters.mapAsJavaMap(t.properties());
    List<String> keys = JavaConverters.seqAsJavaList(t.partitionColumnNames());
    String location =
        t.storage().locationUri().isDefined()
            ? CatalogTables.normalize(t.storage().locationUri().get())
            : "";
    String classification =
        properties.getOrDefault(
            "classification", t.provider().isDefined() ? t.provider().get() : "unknown");
    int partitions =
        keys.isEmpty() ? 0 : catalog.listPartitionNames(database, table, Option.empty()).size();
    OptionalLong rows = OptionalLong.empty();
    if (countRows) {
      String name = CatalogTables.name(database, table);
      try {
        rows = OptionalLong.of(spark.sql("SELECT count(*) FROM " + name).first().getLong(0));
      } catch (Exception e) {
        LOG.warn("Cannot count the rows of {}: {}", name, SchemaInference.rootMessage(e));
      }
    }
    return new TableSummary(
        database,
        table,
        location,
        classification,
        keys,
        partitions,
        rows,
        properties.containsKey(LocalCrawler.DEPRECATED_PROPERTY));
  }

  /**
   * The catalog as text, one database per line followed by its tables, e.g.
   *
   * <pre>
   * payments_silver
   *   payments  parquet  txn_date  3 partitions  1200 rows  s3a://payments-lake/silver/payments
   * </pre>
   */
  public static String render(List<DatabaseSummary> databases) {
    StringBuilder text = new StringBuilder();
    for (DatabaseSummary database : databases) {
      text.append(database.name()).append('\n');
      if (database.tables().isEmpty()) {
        text.append("  (no tables)\n");
      }
      for (TableSummary table : database.tables()) {
        text.append("  ").append(table.line()).append('\n');
      }
    }
    return text.toString();
  }

  private static Path absolute(Path catalogDir) {
    return Objects.requireNonNull(catalogDir, "catalogDir").toAbsolutePath().normalize();
  }

  /** A database and its tables, by name. */
  public record DatabaseSummary(String name, List<TableSummary> tables) {
    public DatabaseSummary {
      Objects.requireNonNull(name, "name");
      tables = List.copyOf(tables);
    }
  }

  /**
   * One table of the catalog.
   *
   * @param location the table root
   * @param classification Glue's {@code classification} property (else the Spark provider)
   * @param partitionKeys the partition keys, outermost first
   * @param partitionCount partitions registered
   * @param rowCount {@code SELECT count(*)}, if counted and countable
   * @param deprecated true if a crawler marked the table {@code DEPRECATED_BY_CRAWLER}
   */
  public record TableSummary(
      String database,
      String name,
      String location,
      String classification,
      List<String> partitionKeys,
      int partitionCount,
      OptionalLong rowCount,
      boolean deprecated) {
    public TableSummary {
      Objects.requireNonNull(name, "name");
      partitionKeys = List.copyOf(partitionKeys);
      Objects.requireNonNull(rowCount, "rowCount");
    }

    /** The table on one line: name, classification, keys, partitions, rows, location. */
    public String line() {
      return String.join(
          "  ",
          name,
          classification,
          partitionKeys.isEmpty() ? "unpartitioned" : String.join("/", partitionKeys),
          partitionCount + " partitions",
          rowCount.isPresent() ? rowCount.getAsLong() + " rows" : "rows not counted",
          location + (deprecated ? "  DEPRECATED" : ""));
    }
  }
}
