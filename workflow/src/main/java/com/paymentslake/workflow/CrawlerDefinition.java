package com.paymentslake.workflow;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A Glue crawler ({@code AWS::Glue::Crawler}) over S3 targets. Each S3 target path is one table
 * root: the table is named after the path's last folder (with {@link #tablePrefix()}), and
 * Hive-style {@code key=value} folders below it are its partitions.
 *
 * @param name the crawler name
 * @param description what it catalogs
 * @param databaseName the catalog database its tables go to
 * @param tablePrefix prefix of the tables it creates ("" for none)
 * @param targets what it crawls
 * @param schemaChangePolicy what to do when a table's schema changed or its data disappeared
 * @param recrawlPolicy crawl everything or only folders added since the last crawl
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record CrawlerDefinition(
    String name,
    String description,
    String databaseName,
    String tablePrefix,
    Targets targets,
    SchemaChangePolicy schemaChangePolicy,
    RecrawlPolicy recrawlPolicy) {

  public CrawlerDefinition {
    tablePrefix = tablePrefix == null ? "" : tablePrefix;
  }

  /** Glue's {@code Targets}; only S3 targets are used. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record Targets(List<S3Target> s3Targets) {
    public Targets {
      s3Targets = s3Targets == null ? List.of() : List.copyOf(s3Targets);
    }
  }

  /**
   * One S3 target.
   *
   * @param path the table root, e.g. {@code ${LakeRoot}/silver/payments/}
   * @param exclusions glob patterns (relative to the path) of keys to skip
   */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record S3Target(String path, List<String> exclusions) {
    public S3Target {
      exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }
  }

  /** Glue's {@code SchemaChangePolicy}. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record SchemaChangePolicy(UpdateBehavior updateBehavior, DeleteBehavior deleteBehavior) {}

  /** What a crawler does with a table whose schema changed. */
  public enum UpdateBehavior {
    /** Update the table in the catalog. */
    UPDATE_IN_DATABASE,
    /** Keep the catalog as it is and log the change. */
    LOG
  }

  /** What a crawler does with a table or partition whose data is gone. */
  public enum DeleteBehavior {
    LOG,
    DELETE_FROM_DATABASE,
    DEPRECATE_IN_DATABASE
  }

  /** Glue's {@code RecrawlPolicy}. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record RecrawlPolicy(RecrawlBehavior recrawlBehavior) {}

  /** Which folders a crawl looks at. */
  public enum RecrawlBehavior {
    CRAWL_EVERYTHING,
    /** Only folders added since the last crawl (Glue requires schema change policy LOG/LOG). */
    CRAWL_NEW_FOLDERS_ONLY
  }
}
