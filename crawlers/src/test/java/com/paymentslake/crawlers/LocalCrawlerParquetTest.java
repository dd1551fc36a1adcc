package com.paymentslake.crawlers;

import static com.paymentslake.crawlers.Lake.count;
import static com.paymentslake.crawlers.Lake.everything;
import static com.paymentslake.crawlers.Lake.payment;
import static com.paymentslake.crawlers.Lake.payments;
import static com.paymentslake.crawlers.Lake.writeParquet;
import static com.paymentslake.workflow.CrawlerDefinition.DeleteBehavior.DELETE_FROM_DATABASE;
import static com.paymentslake.workflow.CrawlerDefinition.DeleteBehavior.DEPRECATE_IN_DATABASE;
import static com.paymentslake.workflow.CrawlerDefinition.DeleteBehavior.LOG;
import static com.paymentslake.workflow.CrawlerDefinition.UpdateBehavior.UPDATE_IN_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.crawlers.CrawledTable.Action;
import com.paymentslake.crawlers.CrawledTable.Column;
import com.paymentslake.workflow.CrawlerDefinition;
import com.paymentslake.workflow.CrawlerDefinition.UpdateBehavior;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCrawlerParquetTest {
  private static final List<Column> PAYMENT_COLUMNS =
      List.of(
          new Column("txn_id", "string"),
          new Column("merchant_id", "string"),
          new Column("amount", "decimal(18,2)"),
          new Column("currency", "string"),
          new Column("is_fraud", "int"));

  @TempDir Path work;

  private SparkSession spark;
  private LocalCrawler crawler;
  private Path silver;
  private String database;

  @BeforeEach
  void setUp() {
    spark = CatalogSession.get();
    crawler = new LocalCrawler(spark, work.resolve("state"));
    silver = work.resolve("lake/silver/payments");
    database = Lake.database("silver");
  }

  private CrawlerDefinition silverCrawler(
      UpdateBehavior update, CrawlerDefinition.DeleteBehavior delete) {
    return everything("payments-lake-silver", database, update, delete, silver);
  }

  private void givenTwoDaysOfSilver() {
    writeParquet(silver.resolve("txn_date=2026-11-20"), payments("a", 3));
    writeParquet(silver.resolve("txn_date=2026-11-21"), payments("b", 2));
  }

  @Test
  void crawlCreatesAnExternalPartitionedParquetTableThatSparkSqlCounts() throws Exception {
    givenTwoDaysOfSilver();

    CrawlResult result = crawler.crawl(silverCrawler(UPDATE_IN_DATABASE, DELETE_FROM_DATABASE));

    assertThat(result.crawlerName()).isEqualTo("payments-lake-silver");
    assertThat(result.tablesCreated()).isEqualTo(1);
    assertThat(result.partitionsCreated()).isEqualTo(2);
    assertThat(result.warnings()).isEmpty();
    CrawledTable table = result.table("payments");
    assertThat(table.action()).isEqualTo(Action.CREATED);
    assertThat(table.classification()).isEqualTo("parquet");
    assertThat(table.location()).isEqualTo("file:" + silver);
    assertThat(table.columns()).containsExactlyElementsOf(PAYMENT_COLUMNS);
    assertThat(table.partitionKeys()).containsExactly("txn_date");
    assertThat(table.partitionCount()).isEqualTo(2);

    String name = database + ".payments";
    assertThat(count("SELECT count(*) FROM " + name)).isEqualTo(5);
    assertThat(count("SELECT count(*) FROM " + name + " WHERE txn_date = '2026-11-21'"))
        .isEqualTo(2);
    assertThat(spark.table(name).schema().apply("txn_date").dataType())
        .isEqualTo(DataTypes.StringType);
    assertThat(spark.catalog().getTable(database, "payments").tableType()).isEqualTo("EXTERNAL");
    assertThat(properties(name))
        .containsEntry("classification", "parquet")
        .containsEntry("UPDATED_BY_CRAWLER", "payments-lake-silver")
        .containsEntry("objectCount", "2");
  }

  @Test
  void secondCrawlAddsExactlyTheNewPartitionFolder() {
    givenTwoDaysOfSilver();
    CrawlerDefinition definition = silverCrawler(UPDATE_IN_DATABASE, DELETE_FROM_DATABASE);
    crawler.crawl(definition);
    writeParquet(silver.resolve("txn_date=2026-11-22"), payments("c", 4));

    CrawlResult result = crawler.crawl(definition);

    assertThat(result.tablesCreated()).isZero();
    assertThat(result.tablesUpdated()).isZero();
    assertThat(result.partitionsCreated()).isEqualTo(1);
    assertThat(result.partitionsUpdated()).isZero();
    assertThat(result.partitionsDeleted()).isZero();
    assertThat(result.table("payments").partitionCount()).isEqualTo(3);
    assertThat(count("SELECT count(*) FROM " + database + ".payments")).isEqualTo(9);
  }

  @Test
  void updateInDatabaseAddsANewColumnToTheTable() {
    givenTwoDaysOfSilver();
    CrawlerDefinition definition = silverCrawler(UPDATE_IN_DATABASE, DELETE_FROM_DATABASE);
    crawler.crawl(definition);
    writeParquet(
        silver.resolve("txn_date=2026-11-22"),
        Lake.PAYMENT_WITH_CHANNEL,
        List.of(withChannel("c-1", "ECOM")));

    CrawlResult result = crawler.crawl(definition);

    CrawledTable table = result.table("payments");
    assertThat(table.action()).isEqualTo(Action.UPDATED);
    assertThat(result.tablesUpdated()).isEqualTo(1);
    assertThat(table.schemaChanges()).containsExactly("new column channel string");
    assertThat(table.schemaChangeLogged()).isFalse();
    assertThat(table.columns()).endsWith(new Column("channel", "string"));
    List<Row> channels =
        spark
            .sql(
                "SELECT txn_date, channel FROM "
                    + database
                    + ".payments WHERE txn_id IN ('a-1', 'c-1') ORDER BY txn_id")
            .collectAsList();
    assertThat(channels)
        .containsExactly(
            RowFactory.create("2026-11-20", null), RowFactory.create("2026-11-22", "ECOM"));
  }

  @Test
  void logLeavesTheSchemaAsItIsAndReportsTheChange() {
    givenTwoDaysOfSilver();
    CrawlerDefinition definition = silverCrawler(UpdateBehavior.LOG, LOG);
    crawler.crawl(definition);
    writeParquet(
        silver.resolve("txn_date=2026-11-22"),
        Lake.PAYMENT_WITH_CHANNEL,
        List.of(withChannel("c-1", "ECOM")));

    CrawlResult result = crawler.crawl(definition);

    CrawledTable table = result.table("payments");
    assertThat(table.action()).isEqualTo(Action.UNCHANGED);
    assertThat(table.schemaChangeLogged()).isTrue();
    assertThat(table.schemaChanges()).containsExactly("new column channel string");
    assertThat(table.logged())
        .containsExactly(
            "schema change not applied (UpdateBehavior LOG): new column channel string");
    assertThat(table.columns()).containsExactlyElementsOf(PAYMENT_COLUMNS);
    assertThat(spark.table(database + ".payments").columns()).doesNotContain("channel");
    // New partitions are added whatever the update behaviour, as in Glue.
    assertThat(result.partitionsCreated()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM " + database + ".payments")).isEqualTo(6);
  }

  @Test
  void incompatibleChangeRecreatesTheTableAndRegistersItsPartitionsAgain() {
    givenTwoDaysOfSilver();
    CrawlerDefinition definition = silverCrawler(UPDATE_IN_DATABASE, DELETE_FROM_DATABASE);
    crawler.crawl(definition);
    StructType amountAsText =
        new StructType().add("txn_id", DataTypes.StringType).add("amount", DataTypes.StringType);
    writeParquet(
        silver.resolve("txn_date=2026-11-20"),
        amountAsText,
        List.of(RowFactory.create("a-1", "1.50")));
    writeParquet(
        silver.resolve("txn_date=2026-11-21"),
        amountAsText,
        List.of(RowFactory.create("b-1", "2.50")));

    CrawlResult result = crawler.crawl(definition);

    CrawledTable table = result.table("payments");
    assertThat(table.action()).isEqualTo(Action.RECREATED);
    assertThat(table.columns())
        .containsExactly(new Column("txn_id", "string"), new Column("amount", "string"));
    assertThat(table.schemaChanges())
        .contains("column amount changed type decimal(18,2) -> string", "column currency is gone");
    assertThat(table.partitionsUpdated()).isEqualTo(2);
    assertThat(table.partitionCount()).isEqualTo(2);
    assertThat(
            spark
                .sql("SELECT amount FROM " + database + ".payments WHERE txn_id = 'b-1'")
                .first()
                .getString(0))
        .isEqualTo("2.50");
  }

  @Test
  void vanishedPartitionIsDroppedWithDeleteFromDatabase() {
    givenTwoDaysOfSilver();
    CrawlerDefinition definition = silverCrawler(UPDATE_IN_DATABASE, DELETE_FROM_DATABASE);
    crawler.crawl(definition);
    Lake.deleteRecursively(silver.resolve("txn_date=2026-11-20"));

    CrawlResult result = crawler.crawl(definition);

    assertThat(result.partitionsDeleted()).isEqualTo(1);
    assertThat(result.table("payments").partitionCount()).isEqualTo(1);
    assertThat(
            spark
                .sql("SHOW PARTITIONS " + database + ".payments")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactly("txn_date=2026-11-21");
    assertThat(count("SELECT count(*) FROM " + database + ".payments")).isEqualTo(2);
  }

  @Test
  void vanishedPartitionIsKeptAndReportedWithLog() {
    givenTwoDaysOfSilver();
    CrawlerDefinition definition = silverCrawler(UPDATE_IN_DATABASE, LOG);
    crawler.crawl(definition);
    Lake.deleteRecursively(silver.resolve("txn_date=2026-11-20"));

    CrawlResult result = crawler.crawl(definition);

    assertThat(result.partitionsDeleted()).isZero();
    CrawledTable table = result.table("payments");
    assertThat(table.partitionCount()).isEqualTo(2);
    assertThat(table.logged())
        .containsExactly("partition txn_date=2026-11-20: folder gone, kept (DeleteBehavior LOG)");
  }

  @Test
  void vanishedTableIsMarkedDeprecatedWithDeprecateInDatabase() {
    givenTwoDaysOfSilver();
    CrawlerDefinition definition = silverCrawler(UPDATE_IN_DATABASE, DEPRECATE_IN_DATABASE);
    crawler.crawl(definition);
    Lake.deleteRecursively(silver);

    CrawlResult result = crawler.crawl(definition);

    assertThat(result.table("payments").action()).isEqualTo(Action.DEPRECATED);
    assertThat(result.tablesUpdated()).isEqualTo(1);
    assertThat(result.warnings())
        .containsExactly("target file:" + silver + " does not exist: no table");
    assertThat(properties(database + ".payments")).containsKey(LocalCrawler.DEPRECATED_PROPERTY);
  }

  @Test
  void missingTargetIsAnEmptyCrawlWithAWarningNotAFailure() {
    CrawlResult result = crawler.crawl(silverCrawler(UPDATE_IN_DATABASE, DELETE_FROM_DATABASE));

    assertThat(result.tables()).isEmpty();
    assertThat(result.tablesCreated()).isZero();
    assertThat(result.warnings())
        .containsExactly("target file:" + silver + " does not exist: no table");
    assertThat(spark.catalog().databaseExists(database)).isTrue();
  }

  @Test
  void corruptParquetFileFailsTheCrawlNamingCrawlerTargetAndFile() {
    givenTwoDaysOfSilver();
    Path corrupt = silver.resolve("txn_date=2026-11-21/part-00001-corrupt.snappy.parquet");
    Lake.writeBytes(corrupt, "PAR1 this is not a parquet file".getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> crawler.crawl(silverCrawler(UPDATE_IN_DATABASE, DELETE_FROM_DATABASE)))
        .isInstanceOfSatisfying(
            CrawlerException.class,
            e -> {
              assertThat(e.code()).isEqualTo(CrawlerException.ErrorCode.CORRUPT_FILE);
              assertThat(e.crawlerName()).isEqualTo("payments-lake-silver");
              assertThat(e.target()).isEqualTo(Lake.uri(silver));
            })
        .hasMessageStartingWith(
            "Crawler 'payments-lake-silver' failed on target "
                + Lake.uri(silver)
                + " (CORRUPT_FILE): cannot read the Parquet schema: ")
        .hasMessageContaining(corrupt.getFileName().toString());
    assertThat(spark.catalog().tableExists(database, "payments")).isFalse();
  }

  @Test
  void filesWhoseSchemasCannotBeMergedFailTheCrawl() {
    writeParquet(silver.resolve("txn_date=2026-11-20"), payments("a", 1));
    StructType amountAsText =
        new StructType().add("txn_id", DataTypes.StringType).add("amount", DataTypes.StringType);
    writeParquet(
        silver.resolve("txn_date=2026-11-21"),
        amountAsText,
        List.of(RowFactory.create("b-1", "2.50")));

    assertThatThrownBy(() -> crawler.crawl(silverCrawler(UPDATE_IN_DATABASE, DELETE_FROM_DATABASE)))
        .isInstanceOfSatisfying(
            CrawlerException.class,
            e -> assertThat(e.code()).isEqualTo(CrawlerException.ErrorCode.INCOMPATIBLE_SCHEMA))
        .hasMessageStartingWith(
            "Crawler 'payments-lake-silver' failed on target "
                + Lake.uri(silver)
                + " (INCOMPATIBLE_SCHEMA): cannot read the Parquet schema: ");
  }

  private static Row withChannel(String txnId, String channel) {
    Row p = payment(txnId, "m-9", "9.99", "EUR", 0);
    return RowFactory.create(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), channel);
  }

  private Map<String, String> properties(String table) {
    Map<String, String> properties = new java.util.HashMap<>();
    spark
        .sql("SHOW TBLPROPERTIES " + table)
        .collectAsList()
        .forEach(r -> properties.put(r.getString(0), r.getString(1)));
    return properties;
  }
}
