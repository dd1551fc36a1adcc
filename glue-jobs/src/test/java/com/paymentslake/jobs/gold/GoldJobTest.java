package com.paymentslake.jobs.gold;

import static com.paymentslake.jobs.testing.PaymentFixtures.approvedPurchase;
import static com.paymentslake.jobs.testing.PaymentFixtures.declinedPurchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.gold.GoldJob.Measure;
import com.paymentslake.jobs.gold.GoldJob.Tally;
import com.paymentslake.jobs.silver.SilverConfig;
import com.paymentslake.jobs.silver.SilverJob;
import com.paymentslake.jobs.testing.PaymentFixtures;
import com.paymentslake.jobs.testing.PaymentFixtures.Payment;
import com.paymentslake.jobs.testing.SparkTestSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gold job end to end on a {@code file://} lake. Silver is made once by the real silver job
 * from bronze fixtures; each test copies it into its own lake.
 */
class GoldJobTest {
  private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");
  private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
  private static final LocalDate NOV_4 = LocalDate.parse("2026-11-04");
  private static final SparkSession SPARK = SparkTestSession.get();

  @TempDir static Path silverLake;
  @TempDir Path dir;

  /** Nov 2: 30 rows at 3 merchants in USD and EUR; Nov 3: 12 rows; Nov 4: 5 rows. */
  @BeforeAll
  static void makeSilverWithTheSilverJob() {
    List<Payment> payments = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Payment payment = (i % 10 == 9 ? declinedPurchase("N2-" + i) : approvedPurchase("N2-" + i))
          .withTxnTs("2026-11-02T" + (10 + i % 12) + ":00:00Z").withAmount((5 + i) + ".25")
          .withMerchant("M00000" + (i % 3), "Shop " + (i % 3)).withSource("payments-0001.csv", i + 2);
      payments.add(i % 3 == 2 ? payment.withCurrency("EUR") : payment);
    }
    for (int i = 0; i < 12; i++) {
      payments.add(approvedPurchase("N3-" + i).withTxnTs("2026-11-03T08:30:00Z").withAmount("1" + i + ".00")
          .withMerchant("M00000" + (i % 2), "Shop " + (i % 2)).withSource("payments-0002.csv", i + 2));
    }
    for (int i = 0; i < 5; i++) {
      payments.add(approvedPurchase("N4-" + i).withTxnTs("2026-11-04T20:00:00Z").withAmount("7.00")
          .withSource("payments-0003.csv", i + 2));
    }
    LakeLayout lake = new LakeLayout("file://" + silverLake.toAbsolutePath());
    PaymentFixtures.bronze(payments)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy(PaymentSchemas.TXN_DATE)
        .parquet(lake.bronzePayments());
    SilverJob.run(SPARK, new SilverConfig(lake, List.of(NOV_2, NOV_3, NOV_4), Optional.empty(), "silver-for-gold"));
  }

  @Test
  void aggregatesSilverIntoOneSortedFilePerPartitionAndReRunsWriteIdenticalFiles() throws IOException {
    LakeLayout lake = lakeWithSilver();

    GoldResult first = GoldJob.run(SPARK, new GoldConfig(lake, List.of(NOV_2, NOV_3), "gold-1"));

    assertThat(first.silverRowsInScope()).isEqualTo(30 + 12);
    assertThat(first.dailyTotalsRows()).isEqualTo(2 + 1);
    assertThat(first.merchantDailyRows()).isEqualTo(3 + 2);
    assertThat(first.emptyDates()).isEmpty();
    assertThat(first.summaryPath()).isEqualTo(lake.dqSummaries() + "/job=gold/gold-1.json");
    assertThat(txnCountByDate(lake.goldDailyTotals())).isEqualTo(Map.of("2026-11-02", 30L, "2026-11-03", 12L));
    assertThat(txnCountByDate(lake.goldMerchantDaily())).isEqualTo(Map.of("2026-11-02", 30L, "2026-11-03", 12L));
    Row usdNov2 =
        SPARK.read().parquet(lake.goldDailyTotals()).where("txn_date = '2026-11-02' AND currency = 'USD'").first();
    assertThat(usdNov2.<Long>getAs("txn_count")).isEqualTo(20);
    assertThat(usdNov2.<Long>getAs("declined_count")).isEqualTo(2); // N2-9 (merchant 0), N2-19 (merchant 1)
    assertThat(SPARK.read().parquet(lake.goldDailyTotals()).columns()).containsExactlyElementsOf(GoldTransforms.dailyTotalsColumns());
    assertThat(SPARK.read().parquet(lake.goldMerchantDaily()).columns()).containsExactlyElementsOf(GoldTransforms.merchantDailyColumns());

    JsonNode summary = summary(first.summaryPath());
    assertThat(summary.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(summary.get("job").asText()).isEqualTo("gold");
    assertThat(summary.get("counts").get("silver_rows_in_scope").asLong()).isEqualTo(42);
    assertThat(summary.get("counts").get("daily_totals").get("txn_count_written").asLong()).isEqualTo(42);
    assertThat(summary.get("counts").get("merchant_daily").get("rows_written").asLong()).isEqualTo(5);
    assertThat(summary.get("reconciliation").get("holds").asBoolean()).isTrue();
    assertThat(summary.get("reconciliation").get("written_counts_verified").asBoolean()).isTrue();

    List<Map.Entry<String, byte[]>> filesBefore = dataFiles(lake);
    assertThat(filesBefore)
        .as("one file per table and date")
        .extracting(Map.Entry::getKey)
        .containsExactly(
            "daily_totals/txn_date=2026-11-02", "daily_totals/txn_date=2026-11-03",
            "merchant_daily/txn_date=2026-11-02", "merchant_daily/txn_date=2026-11-03");

    GoldResult second = GoldJob.run(SPARK, new GoldConfig(lake, List.of(NOV_3, NOV_2), "gold-2"));

    assertThat(second.dailyTotalsRows()).isEqualTo(first.dailyTotalsRows());
    List<Map.Entry<String, byte[]>> filesAfter = dataFiles(lake);
    assertThat(filesAfter).extracting(Map.Entry::getKey).containsExactlyElementsOf(filesBefore.stream().map(Map.Entry::getKey).toList());
    for (int i = 0; i < filesBefore.size(); i++) {
      assertThat(filesAfter.get(i).getValue()).as("bytes of %s", filesAfter.get(i).getKey()).isEqualTo(filesBefore.get(i).getValue());
    }
  }

  @Test
  void anInScopeDateWithoutSilverRowsLosesItsGoldPartitionsAndOtherDatesStay() throws IOException {
    LakeLayout lake = lakeWithSilver();
    GoldJob.run(SPARK, new GoldConfig(lake, List.of(NOV_2, NOV_3, NOV_4), "gold-all"));
    List<Row> nov2Before = SPARK.read().parquet(lake.goldMerchantDaily()).where("txn_date = '2026-11-02'").collectAsList();
    // Silver removes a partition all of whose rows were audited.
    deleteTree(local(lake.silverPayments()).resolve(LakeLayout.txnPartition(NOV_3)));

    GoldResult result = GoldJob.run(SPARK, new GoldConfig(lake, List.of(NOV_3, NOV_4), "gold-again"));

    assertThat(result.silverRowsInScope()).isEqualTo(5);
    assertThat(result.emptyDates()).containsExactly(NOV_3);
    assertThat(local(lake.goldDailyTotals()).resolve("txn_date=2026-11-03")).doesNotExist();
    assertThat(local(lake.goldMerchantDaily()).resolve("txn_date=2026-11-03")).doesNotExist();
    assertThat(txnCountByDate(lake.goldDailyTotals())).isEqualTo(Map.of("2026-11-02", 30L, "2026-11-04", 5L));
    assertThat(txnCountByDate(lake.goldMerchantDaily())).isEqualTo(Map.of("2026-11-02", 30L, "2026-11-04", 5L));
    assertThat(SPARK.read().parquet(lake.goldMerchantDaily()).where("txn_date = '2026-11-02'").collectAsList())
        .containsExactlyInAnyOrderElementsOf(nov2Before);
    JsonNode summary = summary(result.summaryPath());
    assertThat(summary.get("outputs").get("removed_partitions").toString())
        .isEqualTo("[\"" + lake.goldDailyTotals() + "/txn_date=2026-11-03\",\"" + lake.goldMerchantDaily()
            + "/txn_date=2026-11-03\"]");
    assertThat(summary.get("counts").get("by_txn_date").toString())
        .isEqualTo("[{\"silver_rows\":0,\"txn_date\":\"2026-11-03\"},{\"silver_rows\":5,\"txn_date\":\"2026-11-04\"}]");
  }

  @Test
  void aScopeWithNoSilverAtAllWritesNothingAndSucceeds() throws IOException {
    LakeLayout lake = new LakeLayout("file://" + dir.toAbsolutePath());

    GoldResult result = GoldJob.run(SPARK, new GoldConfig(lake, List.of(NOV_2), "gold-empty"));

    assertThat(result.silverRowsInScope()).isZero();
    assertThat(result.emptyDates()).containsExactly(NOV_2);
    assertThat(local(lake.goldDailyTotals())).doesNotExist();
    assertThat(summary(result.summaryPath()).get("status").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void conservationComparesEachTablesTxnCountWithSilverRows() {
    Tally balanced = new Tally(new Measure(3, 42), new Measure(5, 42));
    Tally leaky = new Tally(new Measure(3, 42), new Measure(5, 41));

    assertThat(GoldJob.conservationFailure("r", "written", 42, balanced)).isEmpty();
    assertThat(GoldJob.conservationFailure("r", "written", 42, leaky))
        .get()
        .satisfies(failure -> assertThat(failure.code()).isEqualTo(ErrorCode.CONSERVATION_VIOLATED))
        .extracting(JobFailure::getMessage)
        .isEqualTo(
            "CONSERVATION_VIOLATED: gold run r: 42 silver rows in scope but the written sum(txn_count) is 42 in"
                + " daily_totals and 41 in merchant_daily");
  }

  @Test
  void parsesGlueArgumentsAndNamesWhatIsWrong() {
    GoldConfig config =
        GoldJob.config(
            new String[] {
              "--JOB_NAME", "payments-lake-gold", "--JOB_RUN_ID", "jr_42", "--lake-root", "s3://lake/",
              "--txn-dates", "2026-11-03, 2026-11-02"
            });

    assertThat(config.lake().root()).isEqualTo("s3://lake");
    assertThat(config.txnDates()).containsExactly(NOV_2, NOV_3);
    assertThat(config.runId()).isEqualTo("jr_42");
    assertThat(GoldJob.config(new String[] {"--lake-root", "s3://lake", "--txn-dates", "2026-11-02"}).runId())
        .matches("gold-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
    assertThatThrownBy(() -> GoldJob.config(new String[] {"--txn-dates", "2026-11-02"}))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INVALID_ARGUMENT: job gold needs argument --lake-root");
    assertThatThrownBy(() -> GoldJob.config(new String[] {"--lake-root", "s3://lake", "--txn-dates", "2026-11-02,11/03"}))
        .hasMessage(
            "INVALID_ARGUMENT: job gold: argument --txn-dates item 2 '11/03' is not an ISO date (yyyy-MM-dd);"
                + " expected e.g. 2026-11-01,2026-11-02");
    assertThatThrownBy(() -> GoldJob.config(new String[] {"--lake-root", "s3://lake", "--dates", "2026-11-02"}))
        .hasMessage(
            "INVALID_ARGUMENT: job gold: unknown argument --dates; allowed: --lake-root (required: lake root URI, e.g."
                + " s3://bucket or file:///tmp/lake), --txn-dates (required unless --ingest-dates: comma-separated"
                + " silver txn_date partitions, e.g. 2026-11-01,2026-11-02), --ingest-dates (instead of --txn-dates:"
                + " raw ingest dates; aggregates the txn_date partitions bronze loaded them into), --run-id (optional: run id; default Glue's JOB_RUN_ID,"
                + " else gold-<UTC time>-<random>)");
    assertThat(GoldJob.config(new String[] {"--lake-root", "s3://lake", "--ingest-dates", "2026-11-03"},
            (lake, ingestDates) -> List.of(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"))))
        .map(GoldConfig::txnDates)
        .contains(List.of(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")));
  }

  /** A fresh lake in this test's directory holding a copy of the silver zone. */
  private LakeLayout lakeWithSilver() throws IOException {
    LakeLayout source = new LakeLayout("file://" + silverLake.toAbsolutePath());
    LakeLayout lake = new LakeLayout("file://" + dir.toAbsolutePath());
    Path from = local(source.silverPayments());
    Path to = local(lake.silverPayments());
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return lake;
  }

  private static Map<String, Long> txnCountByDate(String table) {
    Map<String, Long> counts = new TreeMap<>();
    SPARK.read().parquet(table).groupBy("txn_date").sum("txn_count").collectAsList()
        .forEach(row -> counts.put(row.getDate(0).toString(), row.getLong(1)));
    return counts;
  }

  /** Parquet data files of both gold tables as (table/partition, bytes), in path order. */
  private static List<Map.Entry<String, byte[]>> dataFiles(LakeLayout lake) throws IOException {
    Path gold = local(lake.path(LakeLayout.GOLD));
    List<Map.Entry<String, byte[]>> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(gold)) {
      for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
        files.add(Map.entry(gold.relativize(path.getParent()).toString(), Files.readAllBytes(path)));
      }
    }
    return files;
  }

  private static JsonNode summary(String path) throws IOException {
    return new ObjectMapper().readTree(Files.readString(local(path)));
  }

  private static Path local(String uri) {
    return Path.of(URI.create(uri));
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
