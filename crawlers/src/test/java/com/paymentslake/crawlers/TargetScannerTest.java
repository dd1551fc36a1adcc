package com.paymentslake.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.crawlers.TargetListing.DataFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing rules, on the local file system through Hadoop's API (no Spark). */
class TargetScannerTest {
  @TempDir Path root;

  private final TargetScanner scanner = new TargetScanner(new Configuration());

  @Test
  void listsHiveStylePartitionsIgnoringHiddenAndExcludedFiles() throws Exception {
    Lake.writeCsv(root.resolve("ingest_date=2026-11-20/part-00000.csv"), "a", "1");
    Lake.writeCsv(root.resolve("ingest_date=2026-11-20/part-drift-00001.csv"), "b", "2");
    Lake.writeCsv(root.resolve("ingest_date=2026-11-20/_SUCCESS"), "");
    Lake.writeCsv(root.resolve("ingest_date=2026-11-20/.part-00000.csv.crc"), "x");
    Lake.writeCsv(root.resolve("ingest_date=2026-11-21/part-00000.csv"), "a", "3");
    Lake.writeCsv(root.resolve("_temporary/0/part-00000.csv"), "a", "4");
    Lake.writeCsv(root.resolve("notes/readme.csv"), "a", "5");

    TargetListing listing =
        scanner.scan(Lake.uri(root), List.of("**/part-drift-*"), Set.of(), null);

    assertThat(listing.exists()).isTrue();
    assertThat(listing.location()).isEqualTo("file:" + root);
    assertThat(listing.partitionKeys()).containsExactly("ingest_date");
    assertThat(listing.folders())
        .extracting(DataFolder::relativePath)
        .containsExactly("ingest_date=2026-11-20", "ingest_date=2026-11-21");
    assertThat(listing.files())
        .extracting(f -> Path.of(f.path().substring("file:".length())))
        .containsExactly(
            root.resolve("ingest_date=2026-11-20/part-00000.csv"),
            root.resolve("ingest_date=2026-11-21/part-00000.csv"));
    assertThat(listing.warnings())
        .containsExactly("folder notes is not a Hive-style key=value partition folder: skipped");
  }

  @Test
  void seenFoldersAreNotListed() throws Exception {
    Lake.writeCsv(root.resolve("year=2026/month=10/part-00000.csv"), "a", "1");
    Lake.writeCsv(root.resolve("year=2026/month=11/part-00000.csv"), "a", "2");

    TargetListing listing =
        scanner.scan(Lake.uri(root), List.of(), Set.of("year=2026/month=10"), null);

    assertThat(listing.partitionKeys()).containsExactly("year", "month");
    assertThat(listing.folders())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.relativePath()).isEqualTo("year=2026/month=11");
              assertThat(f.values()).containsExactly("2026", "11");
            });
    assertThat(listing.seenFolders()).containsExactly("year=2026/month=10");
  }

  @Test
  void filesOutsideThePartitionLayoutAreSkippedWithAWarning() throws Exception {
    Lake.writeCsv(root.resolve("txn_date=2026-11-20/part-00000.csv"), "a", "1");
    Lake.writeCsv(root.resolve("stray.csv"), "a", "2");

    TargetListing listing = scanner.scan(Lake.uri(root), List.of(), Set.of(), null);

    assertThat(listing.folders())
        .extracting(DataFolder::relativePath)
        .containsExactly("txn_date=2026-11-20");
    assertThat(listing.warnings())
        .containsExactly(
            "file:"
                + root
                + " holds 1 data file(s) under partition keys [] but the table is partitioned by"
                + " [txn_date]: skipped");
  }

  @Test
  void missingTargetIsListedAsAbsent() throws Exception {
    TargetListing listing =
        scanner.scan(Lake.uri(root.resolve("nothing")), List.of(), Set.of(), null);

    assertThat(listing.exists()).isFalse();
    assertThat(listing.folders()).isEmpty();
  }

  @Test
  void partitionValuesAreUnescapedAsHiveEscapesThem() {
    assertThat(TargetScanner.valuesOf("ts=2026-11-20 10%3A00%3A00/country=US"))
        .containsExactly("2026-11-20 10:00:00", "US");
    assertThat(TargetScanner.unescape("100%")).isEqualTo("100%");
  }

  @Test
  void tablesAreNamedAfterTheTargetsLastFolder() {
    assertThat(LocalCrawler.tableName("", "s3a://payments-lake/silver/payments/"))
        .isEqualTo("payments");
    assertThat(LocalCrawler.tableName("gold_", "s3a://payments-lake/gold/merchant-daily"))
        .isEqualTo("gold_merchant_daily");
  }
}
