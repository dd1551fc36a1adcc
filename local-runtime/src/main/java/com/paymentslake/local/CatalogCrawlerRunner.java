package com.paymentslake.local;

import com.paymentslake.crawlers.CrawlResult;
import com.paymentslake.crawlers.LocalCatalog;
import com.paymentslake.crawlers.LocalCrawler;
import com.paymentslake.local.workflow.CrawlCounts;
import com.paymentslake.local.workflow.CrawlRequest;
import com.paymentslake.local.workflow.CrawlerRunner;
import com.paymentslake.workflow.CrawlerDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the workflow's crawler actions with the local crawler against the local catalog (Glue runs
 * its own crawlers on AWS). A crawl that throws ends FAILED with the crawler's message.
 */
final class CatalogCrawlerRunner implements CrawlerRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogCrawlerRunner.class);

  private final LocalCrawler crawler;

  CatalogCrawlerRunner(LocalLake lake) {
    this.crawler = new LocalCrawler(lake.spark(), lake.catalogDirectory().resolve("crawler-state"));
  }

  @Override
  public CrawlCounts crawl(CrawlRequest request) {
    CrawlResult result = crawler.crawl(request.crawler());
    LOG.info("{}", result.summary());
    result.warnings().forEach(warning -> LOG.warn("crawler {}: {}", request.crawlerName(), warning));
    return new CrawlCounts(result.tablesCreated(), result.tablesUpdated(), result.tablesDeleted(),
        result.partitionsCreated(), result.partitionsUpdated(), result.partitionsDeleted());
  }

  /** The lake's databases (those its crawlers fill), with tables, partitions and row counts. */
  static List<String> describe(LocalLake lake) {
    List<String> databases =
        WorkflowDefinitions.lake().crawlers().stream().map(CrawlerDefinition::databaseName).distinct().toList();
    return LocalCatalog.render(LocalCatalog.describe(lake.spark(), databases, true)).lines().toList();
  }
}
