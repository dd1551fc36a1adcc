package com.paymentslake.crawlers;

import java.util.List;
import java.util.Objects;

/**
 * What one crawl did to one table.
 *
 * @param database the catalog database
 * @param name the table name (the target's last folder, with the crawler's table prefix)
 * @param location the table root, a qualified Hadoop URI ({@code s3a://...}, {@code file:/...})
 * @param classification Glue's {@code classification}: {@code parquet} or {@code csv}
 * @param action what happened to the table definition
 * @param columns the data columns as found in the data (the catalog's, if the change was only
 *     logged), partition keys excluded
 * @param partitionKeys the Hive-style partition keys, outermost first; all typed {@code string}
 * @param partitionCount the partitions the catalog holds for the table after the crawl
 * @param partitionsCreated partitions registered by this crawl
 * @param partitionsUpdated partitions whose location this crawl changed
 * @param partitionsDeleted partitions this crawl dropped because their folder is gone
 * @param schemaChanges differences found between the data and the catalog's definition, applied or
 *     not
 * @param logged changes found but left out of the catalog because a policy says {@code LOG} (schema
 *     changes, vanished partitions or table, incompatible new folders)
 */
public record CrawledTable(
    String database,
    String name,
    String location,
    String classification,
    Action action,
    List<Column> columns,
    List<String> partitionKeys,
    int partitionCount,
    int partitionsCreated,
    int partitionsUpdated,
    int partitionsDeleted,
    List<String> schemaChanges,
    List<String> logged) {

  public CrawledTable {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    columns = List.copyOf(columns);
    partitionKeys = List.copyOf(partitionKeys);
    schemaChanges = List.copyOf(schemaChanges);
    logged = List.copyOf(logged);
  }

  /** {@code database.name}. */
  public String qualifiedName() {
    return database + "." + name;
  }

  /** True if the crawl found a schema change and, by policy, left the catalog as it was. */
  public boolean schemaChangeLogged() {
    return !schemaChanges.isEmpty() && action != Action.UPDATED && action != Action.RECREATED;
  }

  /** What a crawl did to a table definition. */
  public enum Action {
    /** The table did not exist and was created. */
    CREATED,
    /** New columns were added to the table definition. */
    UPDATED,
    /**
     * The data's schema was incompatible with the table (a column changed type or disappeared,
     * other partition keys, format or location): the definition was replaced and the partitions
     * registered again.
     */
    RECREATED,
    /** The definition was left as it was (partitions may still have been added or dropped). */
    UNCHANGED,
    /** The table's data is gone and the table was dropped ({@code DELETE_FROM_DATABASE}). */
    DELETED,
    /** The table's data is gone and the table was marked ({@code DEPRECATE_IN_DATABASE}). */
    DEPRECATED
  }

  /**
   * One column.
   *
   * @param name the column name, lower case as the catalog stores it
   * @param type the catalog type, e.g. {@code bigint}, {@code decimal(18,2)}, {@code string}
   */
  public record Column(String name, String type) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return name + " " + type;
    }
  }
}
