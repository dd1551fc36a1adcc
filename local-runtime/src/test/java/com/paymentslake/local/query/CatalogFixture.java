package com.paymentslake.local.query;

import com.paymentslake.crawlers.LocalCrawler;
import com.paymentslake.workflow.CrawlerDefinition;
import com.paymentslake.workflow.Placeholders;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Catalogs a lake the way the workflow does: every crawler of the lake's workflow definition, run
 * by the local crawler over the zones under the given root (one database per zone, table = last
 * folder of the zone path, Hive-style partition column typed {@code string}).
 */
final class CatalogFixture {
  private CatalogFixture() {}

  /** Runs the definition's crawlers over the zones under {@code lakeRoot}. */
  static void registerLakeTables(SparkSession spark, String lakeRoot) throws IOException {
    WorkflowDefinition workflow =
        WorkflowDefinitions.lake().resolve(Map.of(
            Placeholders.LAKE_ROOT, lakeRoot, Placeholders.LOGS_LOCATION, "test logs",
            Placeholders.ALERT_EMAIL, "test@payments-lake.local"));
    LocalCrawler crawler = new LocalCrawler(spark, Files.createTempDirectory("crawler-state"));
    for (CrawlerDefinition definition : workflow.crawlers()) {
      crawler.crawl(definition);
    }
  }
}
