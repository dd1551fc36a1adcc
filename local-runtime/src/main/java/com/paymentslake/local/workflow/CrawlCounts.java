package com.paymentslake.local.workflow;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What one crawl changed in the catalog: the counts a {@code Glue Crawler State Change} event
 * reports when a crawl succeeds.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record CrawlCounts(
    int tablesCreated,
    int tablesUpdated,
    int tablesDeleted,
    int partitionsCreated,
    int partitionsUpdated,
    int partitionsDeleted) {

  /** A crawl that changed nothing. */
  public static final CrawlCounts NONE = new CrawlCounts(0, 0, 0, 0, 0, 0);

  public CrawlCounts {
    requireCount("tablesCreated", tablesCreated);
    requireCount("tablesUpdated", tablesUpdated);
    requireCount("tablesDeleted", tablesDeleted);
    requireCount("partitionsCreated", partitionsCreated);
    requireCount("partitionsUpdated", partitionsUpdated);
    requireCount("partitionsDeleted", partitionsDeleted);
  }

  private static void requireCount(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("'" + name + "' is set to " + value + " but must be >= 0");
    }
  }
}
