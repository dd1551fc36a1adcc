package com.paymentslake.local.workflow;

/**
 * Runs one crawl of a Glue crawler for the {@link WorkflowEngine}, on the engine's thread. Returning
 * is SUCCEEDED (with what the crawl changed in the catalog); throwing is FAILED, the exception's
 * message becoming the crawl's error message (PAN-masked).
 */
@FunctionalInterface
public interface CrawlerRunner {
  /**
   * Crawls the crawler's targets into its database.
   *
   * @throws Exception when the crawl fails
   */
  CrawlCounts crawl(CrawlRequest request) throws Exception;
}
