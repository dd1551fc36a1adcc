package com.paymentslake.crawlers;

import static com.paymentslake.workflow.CrawlerDefinition.DeleteBehavior.DELETE_FROM_DATABASE;
import static com.paymentslake.workflow.CrawlerDefinition.UpdateBehavior.UPDATE_IN_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.crawlers.LocalCatalog.DatabaseSummary;
import com.paymentslake.crawlers.LocalCatalog.TableSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCatalogTest {
  @TempDir Path work;

  @Test
  void sparkConfPutsMetastoreAndWarehouseUnderTheCatalogDirectory() {
    Path dir = Path.of("/data/catalog");

    assertThat(LocalCatalog.sparkConf(dir))
        .isEqualTo(
            Map.of(
                "spark.sql.catalogImplementation", "hive",
                "spark.sql.warehouse.dir", "file:///data/catalog/warehouse",
                "spark.hadoop.javax.jdo.option.ConnectionURL",
                    "jdbc:derby:;databaseName=/data/catalog/metastore_db;create=true",
                "spark.hadoop.datanucleus.schema.autoCreateAll", "true",
                "spark.hadoop.hive.metastore.schema.verification", "false",
                "spark.sql.hive.manageFilesourcePartitions", "true"));
    assertThat(LocalCatalog.systemProperties(dir))
        .isEqualTo(
            Map.of(
                "derby.system.home", "/data/catalog",
                "derby.stream.error.file", "/data/catalog/derby.log"));
  }

  @Test
  void theSessionsMetastoreAndDerbyLogLiveInTheCatalogDirectory() {
    Path dir = CatalogSession.catalogDir();
    CatalogSession.get().sql("CREATE DATABASE IF NOT EXISTS catalog_probe");

    assertThat(dir.resolve("metastore_db")).isDirectory();
    assertThat(dir.resolve("derby.log")).isRegularFile();
    assertThat(dir.resolve("warehouse/catalog_probe.db")).isDirectory();
  }

  @Test
  void describeListsEachCrawledTableWithClassificationPartitionsAndRows() {
    Path gold = work.resolve("lake/gold/daily_totals");
    Lake.writeParquet(gold.resolve("txn_date=2026-11-20"), Lake.payments("a", 3));
    Lake.writeParquet(gold.resolve("txn_date=2026-11-21"), Lake.payments("b", 4));
    String database = Lake.database("gold");
    new LocalCrawler(CatalogSession.get(), work.resolve("state"))
        .crawl(
            Lake.everything(
                "payments-lake-gold", database, UPDATE_IN_DATABASE, DELETE_FROM_DATABASE, gold));

    List<DatabaseSummary> catalog =
        LocalCatalog.describe(CatalogSession.get(), List.of(database), true);

    assertThat(catalog).hasSize(1);
    DatabaseSummary db = catalog.get(0);
    assertThat(db.tables()).hasSize(1);
    TableSummary table = db.tables().get(0);
    assertThat(table.name()).isEqualTo("daily_totals");
    assertThat(table.location()).isEqualTo("file:" + gold);
    assertThat(table.classification()).isEqualTo("parquet");
    assertThat(table.partitionKeys()).containsExactly("txn_date");
    assertThat(table.partitionCount()).isEqualTo(2);
    assertThat(table.rowCount()).hasValue(7);
    assertThat(LocalCatalog.render(catalog))
        .isEqualTo(
            database
                + "\n  daily_totals  parquet  txn_date  2 partitions  7 rows  file:"
                + gold
                + "\n");
    assertThat(LocalCatalog.describe(CatalogSession.get(), false))
        .filteredOn(d -> d.name().equals(database))
        .singleElement()
        .satisfies(d -> assertThat(d.tables().get(0).rowCount()).isEmpty());
  }

  @Test
  void catalogFilesStayInsideTheCatalogDirectory() {
    assertThat(Files.exists(Path.of("derby.log"))).isFalse();
    assertThat(Files.exists(Path.of("metastore_db"))).isFalse();
  }
}
