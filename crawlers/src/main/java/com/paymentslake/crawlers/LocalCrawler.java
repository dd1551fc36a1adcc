package com.paymentslake.crawlers;

import com.paymentslake.crawlers.CatalogTables.ExistingTable;
import com.paymentslake.crawlers.CatalogTables.TableDefinition;
import com.paymentslake.crawlers.CrawledTable.Action;
import com.paymentslake.crawlers.CrawledTable.Column;
import com.paymentslake.crawlers.CrawlerException.ErrorCode;
import com.paymentslake.crawlers.SchemaInference.Inferred;
import com.paymentslake.crawlers.TargetListing.DataFolder;
import com.paymentslake.workflow.CrawlerDefinition;
import com.paymentslake.workflow.CrawlerDefinition.DeleteBehavior;
import com.paymentslake.workflow.CrawlerDefinition.RecrawlBehavior;
import com.paymentslake.workflow.CrawlerDefinition.S3Target;
import com.paymentslake.workflow.CrawlerDefinition.UpdateBehavior;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local twin of an AWS Glue crawler over S3 targets: lists each target through the Hadoop
 * FileSystem API, infers its schema without scanning the data, and creates or updates the table and
 * its partitions in Spark's Hive metastore (the local Glue Data Catalog).
 *
 * <h2>Tables</h2>
 *
 * Each S3 target path is one table root, named after the path's last folder with the crawler's
 * table prefix (lower case, other characters than {@code [a-z0-9_]} replaced by {@code _}); see
 * {@link TargetScanner} for what is listed and {@link SchemaInference} for classification and
 * schema inference. Tables are external Spark data source tables ({@code USING parquet} or {@code
 * USING csv} with the header option) at the target location, with Glue's table properties: {@code
 * classification}, {@code UPDATED_BY_CRAWLER}, {@code CRAWL_RUN_ID}, {@code typeOfData}, {@code
 * compressionType}, {@code objectCount}, {@code sizeKey}, the crawler schema versions, and for CSV
 * {@code delimiter}, {@code skip.header.line.count}, {@code columnsOrdered}. No {@code
 * recordCount}: it would need a scan of CSV data.
 *
 * <h2>Partitions</h2>
 *
 * Hive-style {@code key=value} folders are partitions, each registered with its folder as location.
 * Partition keys are typed {@code string}, as Glue crawlers type Hive-style partition keys (a
 * crawler never infers {@code date} or {@code int} for them); queries compare them with string
 * literals ({@code txn_date = '2026-11-20'}).
 *
 * <h2>Policies</h2>
 *
 * <ul>
 *   <li>New tables and new partitions are always added, whatever the schema change policy (as
 *       Glue's {@code SchemaChangePolicy} documents).
 *   <li>{@code UpdateBehavior UPDATE_IN_DATABASE}: new columns are added to the table; an
 *       incompatible change (see {@link SchemaDiff}) drops the definition (never the data) and
 *       creates it again with all partitions. Partitions whose folder moved get the new location.
 *       {@code LOG}: the definition stays, the change is reported in {@link
 *       CrawledTable#schemaChanges()} and {@link CrawledTable#logged()}; while the data is
 *       incompatible no partition is added (they would not be readable with the old schema).
 *   <li>{@code DeleteBehavior} for partitions and tables whose folders vanished (a target that is
 *       missing or holds no data file is a vanished table): {@code DELETE_FROM_DATABASE} drops
 *       them; {@code LOG} keeps and reports them; {@code DEPRECATE_IN_DATABASE} sets the table
 *       property {@code DEPRECATED_BY_CRAWLER} (epoch millis, as Glue) and, for partitions, keeps
 *       and reports them as {@code LOG} does.
 *   <li>{@code RecrawlBehavior CRAWL_NEW_FOLDERS_ONLY}: the first crawl of a target (or one whose
 *       table is gone) is a full crawl; later crawls list only partition folders not seen by an
 *       earlier crawl of this crawler (folders already seen are neither listed nor read) and only
 *       add partitions. As in Glue, both behaviours are then {@code LOG}: no schema update, no new
 *       table, modified or deleted folders go unnoticed; new folders whose schema conflicts with
 *       the table are not added (reported, and retried next crawl), new columns are reported. The
 *       seen folders are kept in {@code <stateDirectory>/<crawler>.json} ({@link CrawlerState}),
 *       written after every successful crawl.
 *   <li>{@code CRAWL_EVERYTHING} lists and reads every folder each crawl.
 * </ul>
 *
 * <h2>Failures</h2>
 *
 * A missing or empty target is not a failure: Glue finishes such a crawl with no table and so does
 * this one, with a warning. A target that cannot be listed, a file that cannot be read in its
 * format (e.g. a corrupt Parquet footer), files whose schemas cannot be merged or mixed formats
 * under one table root fail the crawl with a {@link CrawlerException} naming the crawler, the
 * target and the cause; the state file is then left as it was.
 *
 * <p>Note for queries: crawler exclusions only steer the crawler. Spark here, like Athena on AWS,
 * reads every file of a partition folder except {@code _*} and {@code .*} files, so excluded files
 * inside a table's folders are still read by queries.
 */
public final class LocalCrawler {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCrawler.class);

  /** Table property Glue sets on a table whose data is gone ({@code DEPRECATE_IN_DATABASE}). */
  public static final String DEPRECATED_PROPERTY = "DEPRECATED_BY_CRAWLER";

  private final Path stateDirectory;
  private final CatalogTables catalog;
  private final TargetScanner scanner;
  private final SchemaInference inference;

  /**
   * @param spark a session with Hive support enabled (see {@link LocalCatalog#sparkConf(Path)})
   * @param stateDirectory where crawlers keep the folders they saw, one JSON file per crawler
   */
  public LocalCrawler(SparkSession spark, Path stateDirectory) {
    Objects.requireNonNull(spark, "spark");
    this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
    String catalogImplementation = spark.conf().get("spark.sql.catalogImplementation", "in-memory");
    if (!catalogImplementation.equals("hive")) {
      throw new IllegalArgumentException(
          "spark.sql.catalogImplementation is set to '"
              + catalogImplementation
              + "' but must be 'hive': crawlers write to the Hive metastore");
    }
    this.catalog = new CatalogTables(spark);
    this.scanner = new TargetScanner(spark.sparkContext().hadoopConfiguration());
    this.inference = new SchemaInference(spark);
  }

  /**
   * Crawls every S3 target of a crawler, in order.
   *
   * @throws CrawlerException if a target cannot be crawled; tables of earlier targets stay as
   *     crawled
   */
  public CrawlResult crawl(CrawlerDefinition crawler) {
    Policies policies = Policies.of(crawler);
    long started = System.nanoTime();
    String runId = UUID.randomUUID().toString();
    LOG.info("Crawler {} started (run {})", crawler.name(), runId);
    CrawlerState state = CrawlerState.load(stateDirectory, crawler.name());
    List<CrawledTable> tables = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try {
      catalog.createDatabaseIfMissing(crawler.databaseName());
    } catch (Exception e) {
      throw new CrawlerException(
          ErrorCode.CATALOG_FAILURE,
          crawler.name(),
          null,
          "cannot create database "
              + crawler.databaseName()
              + ": "
              + SchemaInference.rootMessage(e),
          e);
    }
    for (S3Target target : crawler.targets().s3Targets()) {
      TargetCrawl crawl =
          new TargetCrawl(crawler, policies, target, runId, state.seen(target.path()), warnings);
      try {
        crawl.run();
      } catch (CrawlerException e) {
        throw e;
      } catch (CrawlFailure e) {
        throw new CrawlerException(e.code(), crawler.name(), target.path(), e.getMessage(), e);
      } catch (IOException e) {
        throw new CrawlerException(
            ErrorCode.TARGET_UNREADABLE, crawler.name(), target.path(), String.valueOf(e), e);
      } catch (Exception e) {
        throw new CrawlerException(
            ErrorCode.CATALOG_FAILURE,
            crawler.name(),
            target.path(),
            SchemaInference.rootMessage(e),
            e);
      }
      crawl.table.ifPresent(tables::add);
      state = state.with(target.path(), crawl.seen);
    }
    state.save(stateDirectory);
    CrawlResult result =
        new CrawlResult(
            crawler.name(), tables, warnings, Duration.ofNanos(System.nanoTime() - started));
    LOG.info("{}", result.summary());
    warnings.forEach(w -> LOG.warn("Crawler {}: {}", crawler.name(), w));
    return result;
  }

  /** The table a target becomes: its last folder, with the prefix, as Glue names it. */
  static String tableName(String prefix, String targetPath) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(targetPath);
    String last =
        path.getName().isEmpty() ? String.valueOf(path.toUri().getAuthority()) : path.getName();
    return (prefix + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /** The behaviours in force: CRAWL_NEW_FOLDERS_ONLY forces LOG/LOG, as in Glue. */
  private record Policies(UpdateBehavior update, DeleteBehavior delete, boolean newFoldersOnly) {
    static Policies of(CrawlerDefinition crawler) {
      Objects.requireNonNull(crawler, "crawler");
      if (crawler.databaseName() == null || crawler.databaseName().isBlank()) {
        throw new IllegalArgumentException("Crawler '" + crawler.name() + "' has no DatabaseName");
      }
      boolean newFoldersOnly =
          crawler.recrawlPolicy() != null
              && crawler.recrawlPolicy().recrawlBehavior()
                  == RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY;
      UpdateBehavior update = UpdateBehavior.UPDATE_IN_DATABASE;
      DeleteBehavior delete = DeleteBehavior.DEPRECATE_IN_DATABASE;
      if (crawler.schemaChangePolicy() != null) {
        update = Objects.requireNonNullElse(crawler.schemaChangePolicy().updateBehavior(), update);
        delete = Objects.requireNonNullElse(crawler.schemaChangePolicy().deleteBehavior(), delete);
      }
      return newFoldersOnly
          ? new Policies(UpdateBehavior.LOG, DeleteBehavior.LOG, true)
          : new Policies(update, delete, false);
    }
  }

  /** One target's crawl: fills {@link #table} and {@link #seen}. */
  private final class TargetCrawl {
    private final CrawlerDefinition crawler;
    private final Policies policies;
    private final S3Target target;
    private final String runId;
    private final Set<String> previouslySeen;
    private final List<String> warnings;
    private final String database;
    private final String name;

    private Optional<CrawledTable> table = Optional.empty();
    private Set<String> seen = new TreeSet<>();
    private List<String> schemaChanges = List.of();

    TargetCrawl(
        CrawlerDefinition crawler,
        Policies policies,
        S3Target target,
        String runId,
        Set<String> previouslySeen,
        List<String> warnings) {
      this.crawler = crawler;
      this.policies = policies;
      this.target = target;
      this.runId = runId;
      this.previouslySeen = previouslySeen;
      this.warnings = warnings;
      this.database = crawler.databaseName();
      this.name = tableName(crawler.tablePrefix(), target.path());
    }

    void run() throws IOException {
      Optional<ExistingTable> existing = catalog.find(database, name);
      if (policies.newFoldersOnly() && previouslySeen != null && existing.isPresent()) {
        incremental(existing.get());
      } else {
        full(existing);
      }
    }

    private void full(Optional<ExistingTable> existing) throws IOException {
      TargetListing listing = scanner.scan(target.path(), target.exclusions(), Set.of(), null);
      warn(listing.warnings());
      if (listing.folders().isEmpty()) {
        vanished(listing, existing);
        return;
      }
      TableDefinition desired = definition(listing);
      Map<List<String>, String> found = partitions(listing);
      listing.folders().forEach(f -> seen.add(f.relativePath()));
      if (existing.isEmpty()) {
        catalog.create(desired);
        catalog.addPartitions(database, name, desired.partitionKeys(), found);
        catalog.refresh(database, name);
        LOG.info("Created {}.{} ({} partitions)", database, name, found.size());
        table =
            Optional.of(
                entry(
                    desired,
                    Action.CREATED,
                    desired.dataSchema(),
                    found.size(),
                    0,
                    0,
                    List.of(),
                    List.of()));
        return;
      }
      ExistingTable old = existing.get();
      SchemaDiff diff = SchemaDiff.between(old, desired, false);
      boolean update = policies.update() == UpdateBehavior.UPDATE_IN_DATABASE;
      List<String> logged = new ArrayList<>();
      if (diff.incompatible() && update) {
        recreate(old, desired, found, diff);
        return;
      }
      Action action = Action.UNCHANGED;
      StructType columns = old.dataSchema();
      int[] partitionCounts = {0, 0, 0};
      if (diff.incompatible()) {
        logged.add(
            "schema change not applied (UpdateBehavior LOG): "
                + String.join("; ", diff.describe()));
        logged.add("new partitions not registered: the data does not match the table's schema");
      } else {
        if (!diff.addedColumns().isEmpty()) {
          if (update) {
            catalog.addColumns(database, name, diff.addedColumns());
            action = Action.UPDATED;
            columns = desired.dataSchema();
            LOG.info("Updated {}.{}: {}", database, name, diff.describe());
          } else {
            logged.add(
                "schema change not applied (UpdateBehavior LOG): "
                    + String.join("; ", diff.describe()));
          }
        }
        partitionCounts = syncPartitions(desired.partitionKeys(), found, logged);
      }
      if (update) {
        catalog.setProperties(database, name, desired.properties());
        if (old.properties().containsKey(DEPRECATED_PROPERTY)) {
          catalog.unsetProperty(database, name, DEPRECATED_PROPERTY);
        }
      }
      catalog.refresh(database, name);
      table =
          Optional.of(
              entry(
                  desired,
                  action,
                  columns,
                  partitionCounts[0],
                  partitionCounts[1],
                  partitionCounts[2],
                  diff.describe(),
                  logged));
    }

    /** Replaces an incompatible definition; partitions already catalogued count as updated. */
    private void recreate(
        ExistingTable old,
        TableDefinition desired,
        Map<List<String>, String> found,
        SchemaDiff diff) {
      Map<List<String>, String> before =
          old.partitionKeys().equals(desired.partitionKeys())
              ? catalog.partitions(database, name, old.partitionKeys())
              : Map.of();
      int previousCount = catalog.partitionCount(database, name, old.partitionKeys());
      catalog.drop(database, name);
      catalog.create(desired);
      catalog.addPartitions(database, name, desired.partitionKeys(), found);
      catalog.refresh(database, name);
      int kept = (int) found.keySet().stream().filter(before::containsKey).count();
      LOG.info("Recreated {}.{}: {}", database, name, diff.describe());
      table =
          Optional.of(
              entry(
                  desired,
                  Action.RECREATED,
                  desired.dataSchema(),
                  found.size() - kept,
                  kept,
                  previousCount - kept,
                  diff.describe(),
                  List.of()));
    }

    /**
     * Adds new partitions, moves relocated ones and applies the delete behaviour to vanished ones.
     */
    private int[] syncPartitions(
        List<String> keys, Map<List<String>, String> found, List<String> logged) {
      if (keys.isEmpty()) {
        return new int[] {0, 0, 0};
      }
      Map<List<String>, String> before = catalog.partitions(database, name, keys);
      Map<List<String>, String> added = new LinkedHashMap<>();
      int moved = 0;
      for (Map.Entry<List<String>, String> partition : found.entrySet()) {
        String location = before.get(partition.getKey());
        if (location == null) {
          added.put(partition.getKey(), partition.getValue());
        } else if (!location.equals(partition.getValue())) {
          if (policies.update() == UpdateBehavior.UPDATE_IN_DATABASE) {
            catalog.setPartitionLocation(
                database, name, keys, partition.getKey(), partition.getValue());
            moved++;
          } else {
            logged.add(
                "partition "
                    + spec(keys, partition.getKey())
                    + " moved to "
                    + partition.getValue()
                    + ": not updated (UpdateBehavior LOG)");
          }
        }
      }
      catalog.addPartitions(database, name, keys, added);
      List<List<String>> gone =
          before.keySet().stream().filter(v -> !found.containsKey(v)).toList();
      if (policies.delete() == DeleteBehavior.DELETE_FROM_DATABASE) {
        catalog.dropPartitions(database, name, keys, gone);
      } else {
        gone.forEach(
            v ->
                logged.add(
                    "partition "
                        + spec(keys, v)
                        + ": folder gone, kept (DeleteBehavior "
                        + policies.delete()
                        + ")"));
      }
      int deleted = policies.delete() == DeleteBehavior.DELETE_FROM_DATABASE ? gone.size() : 0;
      return new int[] {added.size(), moved, deleted};
    }

    /**
     * The target is missing or empty: the delete behaviour applies to a table crawled there before.
     */
    private void vanished(TargetListing listing, Optional<ExistingTable> existing) {
      warnings.add(
          listing.exists()
              ? "target " + listing.location() + " holds no data files: no table"
              : "target " + listing.location() + " does not exist: no table");
      if (existing.isEmpty()) {
        return;
      }
      ExistingTable old = existing.get();
      if (!old.location().equals(listing.location())) {
        warnings.add(
            "table "
                + database
                + "."
                + name
                + " is at "
                + old.location()
                + ", not at the target: left alone");
        return;
      }
      List<String> logged = new ArrayList<>();
      Action action = Action.UNCHANGED;
      switch (policies.delete()) {
        case DELETE_FROM_DATABASE -> {
          catalog.drop(database, name);
          action = Action.DELETED;
        }
        case DEPRECATE_IN_DATABASE -> {
          catalog.setProperties(
              database,
              name,
              Map.of(DEPRECATED_PROPERTY, String.valueOf(System.currentTimeMillis())));
          action = Action.DEPRECATED;
        }
        case LOG -> logged.add("table data gone, table kept (DeleteBehavior LOG)");
      }
      int partitions =
          action == Action.DELETED
              ? 0
              : catalog.partitionCount(database, name, old.partitionKeys());
      table =
          Optional.of(
              new CrawledTable(
                  database,
                  name,
                  old.location(),
                  old.format() == null ? old.provider() : old.format().classification(),
                  action,
                  columns(old.dataSchema()),
                  old.partitionKeys(),
                  partitions,
                  0,
                  0,
                  0,
                  List.of(),
                  logged));
    }

    /**
     * CRAWL_NEW_FOLDERS_ONLY after a first crawl: only unseen partition folders, only additions.
     */
    private void incremental(ExistingTable old) throws IOException {
      seen.addAll(previouslySeen);
      List<String> logged = new ArrayList<>();
      int added = 0;
      if (!old.partitionKeys().isEmpty()) {
        TargetListing listing =
            scanner.scan(target.path(), target.exclusions(), previouslySeen, old.partitionKeys());
        warn(listing.warnings());
        if (!listing.exists()) {
          warnings.add("target " + listing.location() + " does not exist: nothing crawled");
        }
        if (!listing.folders().isEmpty()) {
          added = addNewFolders(old, listing, logged);
        }
      }
      catalog.refresh(database, name);
      table =
          Optional.of(
              new CrawledTable(
                  database,
                  name,
                  old.location(),
                  old.format() == null ? old.provider() : old.format().classification(),
                  Action.UNCHANGED,
                  columns(old.dataSchema()),
                  old.partitionKeys(),
                  catalog.partitionCount(database, name, old.partitionKeys()),
                  added,
                  0,
                  0,
                  schemaChanges,
                  logged));
    }

    private int addNewFolders(ExistingTable old, TargetListing listing, List<String> logged)
        throws IOException {
      List<String> folders = listing.folders().stream().map(DataFolder::relativePath).toList();
      Format format = inference.classify(listing.files());
      if (format != old.format()) {
        String message =
            "new folders "
                + folders
                + " hold "
                + format.classification()
                + " data but the table is "
                + old.provider()
                + ": not added";
        warnings.add(name + ": " + message);
        logged.add(message);
        return 0;
      }
      Inferred inferred = inference.infer(format, listing.files(), old.partitionKeys());
      warn(inferred.warnings());
      TableDefinition data =
          new TableDefinition(
              database,
              name,
              old.location(),
              format,
              inferred.dataSchema(),
              listing.partitionKeys(),
              Map.of());
      SchemaDiff diff = SchemaDiff.between(old, data, true);
      schemaChanges = diff.describe();
      if (diff.incompatible()) {
        String message =
            "new folders "
                + folders
                + " not added, their schema conflicts with the table: "
                + String.join("; ", diff.incompatibilities());
        warnings.add(name + ": " + message);
        logged.add(message);
        return 0;
      }
      if (!diff.addedColumns().isEmpty()) {
        logged.add(
            "schema change not applied (CRAWL_NEW_FOLDERS_ONLY): "
                + String.join("; ", diff.describe()));
      }
      Map<List<String>, String> before = catalog.partitions(database, name, old.partitionKeys());
      Map<List<String>, String> fresh = new LinkedHashMap<>();
      partitions(listing)
          .forEach(
              (values, location) -> {
                if (!before.containsKey(values)) {
                  fresh.put(values, location);
                }
              });
      catalog.addPartitions(database, name, old.partitionKeys(), fresh);
      seen.addAll(folders);
      LOG.info("Added {} new partition(s) to {}.{}", fresh.size(), database, name);
      return fresh.size();
    }

    private TableDefinition definition(TargetListing listing) throws IOException {
      Format format = inference.classify(listing.files());
      Inferred inferred = inference.infer(format, listing.files(), listing.partitionKeys());
      warn(inferred.warnings());
      return new TableDefinition(
          database,
          name,
          listing.location(),
          format,
          inferred.dataSchema(),
          listing.partitionKeys(),
          properties(format, listing));
    }

    private Map<String, String> properties(Format format, TargetListing listing) {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("classification", format.classification());
      properties.put("UPDATED_BY_CRAWLER", crawler.name());
      properties.put("CRAWL_RUN_ID", runId);
      properties.put("CrawlerSchemaSerializerVersion", "1.0");
      properties.put("CrawlerSchemaDeserializerVersion", "1.0");
      properties.put("typeOfData", "file");
      boolean gzip = listing.files().stream().anyMatch(f -> f.path().endsWith(".gz"));
      properties.put("compressionType", gzip ? "gzip" : "none");
      properties.put("objectCount", String.valueOf(listing.files().size()));
      properties.put("sizeKey", String.valueOf(listing.totalBytes()));
      if (format == Format.CSV) {
        properties.put("delimiter", ",");
        properties.put("skip.header.line.count", "1");
        properties.put("columnsOrdered", "true");
      }
      return properties;
    }

    private Map<List<String>, String> partitions(TargetListing listing) {
      Map<List<String>, String> partitions = new LinkedHashMap<>();
      if (!listing.partitionKeys().isEmpty()) {
        listing
            .folders()
            .forEach(
                f ->
                    partitions.put(
                        f.values(),
                        CatalogTables.normalize(
                            new org.apache.hadoop.fs.Path(f.location()).toUri())));
      }
      return partitions;
    }

    private CrawledTable entry(
        TableDefinition table,
        Action action,
        StructType columns,
        int created,
        int updated,
        int deleted,
        List<String> schemaChanges,
        List<String> logged) {
      return new CrawledTable(
          database,
          name,
          table.location(),
          table.format().classification(),
          action,
          columns(columns),
          table.partitionKeys(),
          catalog.partitionCount(database, name, table.partitionKeys()),
          created,
          updated,
          deleted,
          schemaChanges,
          logged);
    }

    private void warn(List<String> messages) {
      messages.forEach(m -> warnings.add(database + "." + name + ": " + m));
    }
  }

  private static List<Column> columns(StructType schema) {
    List<Column> columns = new ArrayList<>();
    for (var field : schema.fields()) {
      columns.add(new Column(field.name(), field.dataType().catalogString()));
    }
    return columns;
  }

  private static String spec(List<String> keys, List<String> values) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      pairs.add(keys.get(i) + "=" + values.get(i));
    }
    return String.join("/", pairs);
  }
}
