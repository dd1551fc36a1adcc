/**
 * Local twin of AWS Glue crawlers over S3 targets.
 *
 * <p>{@link com.paymentslake.crawlers.LocalCrawler} runs one {@link
 * com.paymentslake.workflow.CrawlerDefinition} against any Hadoop FileSystem ({@code s3a://}
 * locally, {@code file:} in tests) and writes the tables and partitions it finds to Spark's Hive
 * metastore, the local stand-in for the Glue Data Catalog. {@link
 * com.paymentslake.crawlers.LocalCatalog} holds the Spark settings of that persistent catalog and
 * describes it for printing.
 */
package com.paymentslake.crawlers;
