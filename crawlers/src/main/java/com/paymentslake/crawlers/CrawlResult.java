package com.paymentslake.crawlers;

import com.paymentslake.crawlers.CrawledTable.Action;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The outcome of one successful crawl, with the counters Glue reports for a crawl (tables and
 * partitions created, updated, deleted).
 *
 * @param crawlerName the crawler
 * @param tables one entry per table the crawl looked at, in target order
 * @param warnings things an operator should know that did not fail the crawl (missing or empty
 *     target, skipped folders, CSV files whose header differs from the table's...)
 * @param duration wall-clock time of the crawl
 */
public record CrawlResult(
    String crawlerName, List<CrawledTable> tables, List<String> warnings, Duration duration) {

  public CrawlResult {
    Objects.requireNonNull(crawlerName, "crawlerName");
    Objects.requireNonNull(duration, "duration");
    tables = List.copyOf(tables);
    warnings = List.copyOf(warnings);
  }

  public int tablesCreated() {
    return count(Action.CREATED);
  }

  /** Tables whose definition changed: columns added, recreated, or marked deprecated. */
  public int tablesUpdated() {
    return count(Action.UPDATED) + count(Action.RECREATED) + count(Action.DEPRECATED);
  }

  public int tablesDeleted() {
    return count(Action.DELETED);
  }

  public int partitionsCreated() {
    return sum(CrawledTable::partitionsCreated);
  }

  public int partitionsUpdated() {
    return sum(CrawledTable::partitionsUpdated);
  }

  public int partitionsDeleted() {
    return sum(CrawledTable::partitionsDeleted);
  }

  /** The entry of a table by name (without database), if the crawl looked at it. */
  public CrawledTable table(String name) {
    return tables.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Crawl of '" + crawlerName + "' has no table '" + name + "'"));
  }

  /** One line for logs and the demo's console. */
  public String summary() {
    return String.format(
        "crawler %s: tables +%d ~%d -%d, partitions +%d ~%d -%d, %d warning(s), %d ms",
        crawlerName,
        tablesCreated(),
        tablesUpdated(),
        tablesDeleted(),
        partitionsCreated(),
        partitionsUpdated(),
        partitionsDeleted(),
        warnings.size(),
        duration.toMillis());
  }

  private int count(Action action) {
    return (int) tables.stream().filter(t -> t.action() == action).count();
  }

  private int sum(ToIntFunction<CrawledTable> counter) {
    return tables.stream().mapToInt(counter).sum();
  }
}
