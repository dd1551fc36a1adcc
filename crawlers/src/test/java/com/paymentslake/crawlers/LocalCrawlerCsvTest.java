package com.paymentslake.crawlers;

import static com.paymentslake.crawlers.Lake.count;
import static com.paymentslake.crawlers.Lake.writeCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentslake.crawlers.CrawledTable.Action;
import com.paymentslake.crawlers.CrawledTable.Column;
import com.paymentslake.workflow.CrawlerDefinition;
import com.paymentslake.workflow.CrawlerDefinition.DeleteBehavior;
import com.paymentslake.workflow.CrawlerDefinition.RecrawlBehavior;
import com.paymentslake.workflow.CrawlerDefinition.S3Target;
import com.paymentslake.workflow.CrawlerDefinition.UpdateBehavior;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw zone: CSV with a header, partitioned by ingest date, crawled new folders only. */
class LocalCrawlerCsvTest {
  private static final String HEADER = "txn_id,txn_ts,merchant_name,amount,currency,is_fraud";
  private static final String DRIFT_HEADER = "txn_id,amount_minor,currency_code,schema_version";

  @TempDir Path work;

  private SparkSession spark;
  private LocalCrawler crawler;
  private Path raw;
  private String database;

  @BeforeEach
  void setUp() {
    spark = CatalogSession.get();
    crawler = new LocalCrawler(spark, work.resolve("state"));
    raw = work.resolve("lake/raw/payments");
    database = Lake.database("raw");
  }

  /** The lake's raw crawler: drift files excluded, new folders only, LOG/LOG. */
  private CrawlerDefinition rawCrawler(RecrawlBehavior recrawl, List<String> exclusions) {
    return Lake.crawler(
        "payments-lake-raw",
        database,
        UpdateBehavior.LOG,
        DeleteBehavior.LOG,
        recrawl,
        new S3Target(Lake.uri(raw), exclusions));
  }

  private void givenIngestDay(String date, String... lines) {
    String[] file = new String[lines.length + 1];
    file[0] = HEADER;
    System.arraycopy(lines, 0, file, 1, lines.length);
    writeCsv(raw.resolve("ingest_date=" + date).resolve("part-00000.csv"), file);
  }

  @Test
  void csvTargetBecomesATypedTableWhoseHeaderSparkSqlSkips() {
    givenIngestDay(
        "2026-11-20",
        "t-1,2026-11-20T08:15:00Z,Corner Grocery,12.50,EUR,0",
        "t-2,2026-11-20T19:02:11Z,\"Joe's \"\"Best\"\" Cafe, Ltd\",7.25,EUR,1",
        "t-3,2026-11-20T23:59:59Z,Fuel Stop,40,USD,0");

    CrawlResult result =
        crawler.crawl(rawCrawler(RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY, List.of()));

    CrawledTable table = result.table("payments");
    assertThat(table.action()).isEqualTo(Action.CREATED);
    assertThat(table.classification()).isEqualTo("csv");
    assertThat(table.columns())
        .containsExactly(
            new Column("txn_id", "string"),
            new Column("txn_ts", "string"),
            new Column("merchant_name", "string"),
            new Column("amount", "double"),
            new Column("currency", "string"),
            new Column("is_fraud", "bigint"));
    assertThat(table.partitionKeys()).containsExactly("ingest_date");
    String name = database + ".payments";
    assertThat(count("SELECT count(*) FROM " + name)).isEqualTo(3);
    assertThat(spark.sql("SELECT sum(amount) FROM " + name).first().getDouble(0)).isEqualTo(59.75);
    assertThat(count("SELECT sum(is_fraud) FROM " + name)).isEqualTo(1);
    assertThat(
            spark
                .sql("SELECT merchant_name FROM " + name + " WHERE txn_id = 't-2'")
                .first()
                .getString(0))
        .isEqualTo("Joe's \"Best\" Cafe, Ltd");
    assertThat(
            spark
                .sql("SHOW TBLPROPERTIES " + name + " ('skip.header.line.count')")
                .first()
                .getString(1))
        .isEqualTo("1");
  }

  @Test
  void exclusionsKeepDriftFilesOutOfTheCrawl() {
    givenIngestDay("2026-11-20", "t-1,2026-11-20T08:15:00Z,Corner Grocery,12.50,EUR,0");
    writeCsv(
        raw.resolve("ingest_date=2026-11-20/part-drift-00001.csv"), DRIFT_HEADER, "t-9,1250,EUR,2");

    CrawlResult excluded =
        crawler.crawl(rawCrawler(RecrawlBehavior.CRAWL_EVERYTHING, List.of("**/part-drift-*")));

    assertThat(excluded.warnings()).isEmpty();
    assertThat(excluded.table("payments").columns())
        .extracting(Column::name)
        .containsExactly("txn_id", "txn_ts", "merchant_name", "amount", "currency", "is_fraud");
    assertThat(
            spark
                .sql("SHOW TBLPROPERTIES " + database + ".payments ('objectCount')")
                .first()
                .getString(1))
        .isEqualTo("1");

    // The same folder without the exclusion: the crawler reads the drift file and says so.
    String other = Lake.database("raw_unexcluded");
    CrawlResult unexcluded =
        crawler.crawl(
            Lake.crawler(
                "payments-lake-raw-unexcluded",
                other,
                UpdateBehavior.LOG,
                DeleteBehavior.LOG,
                RecrawlBehavior.CRAWL_EVERYTHING,
                new S3Target(Lake.uri(raw), List.of())));
    assertThat(unexcluded.warnings())
        .singleElement()
        .asString()
        .contains(
            "part-drift-00001.csv has header ["
                + DRIFT_HEADER
                + "] unlike the table's header ["
                + HEADER
                + "]");
  }

  @Test
  void crawlNewFoldersOnlyReadsOnlyFoldersNoPreviousCrawlSaw() throws Exception {
    givenIngestDay("2026-11-20", "t-1,2026-11-20T08:15:00Z,Corner Grocery,12.50,EUR,0");
    CrawlerDefinition definition =
        rawCrawler(RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY, List.of("**/part-drift-*"));
    crawler.crawl(definition);
    // A folder seen by the first crawl changes: a re-read would fail on the Parquet file in it.
    Path stray = raw.resolve("ingest_date=2026-11-20/part-00001.parquet");
    Lake.writeBytes(stray, "not parquet, not csv either".getBytes(StandardCharsets.US_ASCII));
    givenIngestDay(
        "2026-11-21",
        "t-2,2026-11-21T09:00:00Z,Fuel Stop,40.00,USD,0",
        "t-3,2026-11-21T10:00:00Z,Book Shop,15.00,EUR,0");

    CrawlResult result = crawler.crawl(definition);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.partitionsCreated()).isEqualTo(1);
    assertThat(result.table("payments").partitionCount()).isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM " + database + ".payments WHERE ingest_date = '2026-11-21'"))
        .isEqualTo(2);
    var state = new ObjectMapper().readTree(work.resolve("state/payments-lake-raw.json").toFile());
    assertThat(state.get("seenFolders").get(Lake.uri(raw)))
        .extracting(n -> n.asText())
        .containsExactly("ingest_date=2026-11-20", "ingest_date=2026-11-21");

    // Crawling everything does read the changed folder.
    assertThatThrownBy(
            () ->
                crawler.crawl(
                    rawCrawler(RecrawlBehavior.CRAWL_EVERYTHING, List.of("**/part-drift-*"))))
        .isInstanceOf(CrawlerException.class)
        .hasMessage(
            "Crawler 'payments-lake-raw' failed on target "
                + Lake.uri(raw)
                + " (MIXED_FORMATS): file:"
                + stray
                + " is parquet but file:"
                + raw.resolve("ingest_date=2026-11-20/part-00000.csv")
                + " is csv; one table root must hold one format");
  }

  @Test
  void crawlNewFoldersOnlyReportsNewColumnsWithoutChangingTheTable() {
    givenIngestDay("2026-11-20", "t-1,2026-11-20T08:15:00Z,Corner Grocery,12.50,EUR,0");
    CrawlerDefinition definition = rawCrawler(RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY, List.of());
    crawler.crawl(definition);
    writeCsv(
        raw.resolve("ingest_date=2026-11-21/part-00000.csv"),
        HEADER + ",channel",
        "t-2,2026-11-21T09:00:00Z,Fuel Stop,40.00,USD,0,POS");

    CrawlResult result = crawler.crawl(definition);

    CrawledTable table = result.table("payments");
    assertThat(table.action()).isEqualTo(Action.UNCHANGED);
    assertThat(table.schemaChangeLogged()).isTrue();
    assertThat(table.logged())
        .containsExactly(
            "schema change not applied (CRAWL_NEW_FOLDERS_ONLY): new column channel string");
    assertThat(table.partitionsCreated()).isEqualTo(1);
    assertThat(spark.table(database + ".payments").columns()).doesNotContain("channel");
  }
}
