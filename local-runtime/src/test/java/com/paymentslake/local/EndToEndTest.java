package com.paymentslake.local;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sha2;
import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.DetectionStage;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.PanSafety;
import com.paymentslake.contract.TruthManifest;
import com.paymentslake.generator.GenerationListener;
import com.paymentslake.generator.GeneratorConfig;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.generator.S3Connection;
import com.paymentslake.generator.S3Target;
import com.paymentslake.jobs.bronze.BronzeConfig;
import com.paymentslake.jobs.bronze.BronzeJob;
import com.paymentslake.jobs.bronze.BronzeResult;
import com.paymentslake.jobs.silver.SilverConfig;
import com.paymentslake.jobs.silver.SilverJob;
import com.paymentslake.jobs.silver.SilverResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole local core, end to end, through a real S3 API (S3Proxy) and {@code s3a://}: generate
 * three dirty days, run bronze then silver, and measure what they caught against the generator's
 * truth manifests. Every expectation comes from the manifests, never from a previous run.
 */
class EndToEndTest {
  private static final String PREFIX = "e2e";
  private static final LocalDate START = LocalDate.of(2026, 11, 2);
  private static final int DAYS = 3;

  private static SparkSession spark;
  private static LakeLayout lake;
  private static List<TruthManifest> manifests;
  private static BronzeResult bronze;
  private static SilverResult silver;

  @BeforeAll
  static void generateAndRunBronzeThenSilver() throws IOException {
    LocalLakeFixture fixture = LocalLakeFixture.get();
    spark = fixture.spark();
    lake = new LakeLayout(fixture.lakeRoot() + "/" + PREFIX);
    GeneratorConfig config =
        GeneratorConfig.defaults().withStartDate(START).withDays(DAYS).withRowsPerDay(20_000).withSeed(7)
            .withThreads(2).withRowsPerFile(8_000);
    S3Endpoint endpoint = fixture.endpoint();
    S3Connection connection = S3Connection.local(endpoint.endpoint(), endpoint.accessKey(), endpoint.secretKey());
    new PaymentGenerator(config).generate(new S3Target(LocalLake.BUCKET, PREFIX, connection), GenerationListener.NONE);

    bronze = BronzeJob.run(spark, new BronzeConfig(lake, config.ingestDates(), "bronze-e2e"));
    silver = SilverJob.run(spark, new SilverConfig(lake, bronze.affectedTxnDates(), Optional.empty(), "silver-e2e"));
    manifests = config.ingestDates().stream().map(EndToEndTest::manifest).toList();
  }

  @Test
  void everyKindOfDefectIsPresentSoTheMeasuresBelowMeanSomething() {
    for (DefectKind kind : DefectKind.values()) {
      assertThat(defect(kind).size()).as("injected %s lines", kind).isPositive();
    }
  }

  @Test
  void bronzeRejectsExactlyTheLinesTheGeneratorBroke() {
    Set<String> expected = new HashSet<>();
    for (DefectKind kind : DefectKind.values()) {
      if (kind.stage() == DetectionStage.BRONZE_REJECT) {
        defect(kind).forEach(txnId -> expected.add(txnId + " " + rejectReason(kind)));
      }
    }
    List<String> rejected = read(lake.bronzeRejects()).select(concat_ws(" ", col("txn_id"), col("reason")))
        .collectAsList().stream().map(row -> row.getString(0)).toList();

    assertThat(rejected).doesNotHaveDuplicates();
    assertThat(new HashSet<>(rejected)).isEqualTo(expected);
    assertThat(read(lake.bronzeRejects()).filter(col("source_line").leq(1)).count()).isZero();
  }

  @Test
  void duplicatesAndReplaysAreDroppedAndTheReplayedStatusWins() {
    assertThat(bronze.duplicatesDropped()).isEqualTo(defect(DefectKind.EXACT_DUPLICATE).size());
    assertThat(bronze.supersededVersions() + bronze.replacedExisting())
        .isEqualTo(defect(DefectKind.REPLAY_LATER_STATUS).size());

    Map<String, String> finalStatus = new HashMap<>();
    manifests.forEach(m -> finalStatus.putAll(m.defect(DefectKind.REPLAY_LATER_STATUS).detail()));
    Map<String, String> silverStatus = new HashMap<>();
    read(lake.silverPayments()).filter(col("txn_id").isin(finalStatus.keySet().toArray())).select("txn_id", "status")
        .collectAsList().forEach(row -> silverStatus.put(row.getString(0), row.getString(1)));
    assertThat(silverStatus).isEqualTo(finalStatus);
  }

  @Test
  void everyRowBreakingARuleIsAuditedWithThatRuleAndNoCleanRowIs() {
    Map<String, String> expectedColumn = new HashMap<>();
    for (TruthManifest manifest : manifests) {
      manifest.defect(DefectKind.NON_POSITIVE_AMOUNT).txnIds().forEach(id -> expectedColumn.put(id, "amount"));
      manifest.defect(DefectKind.BAD_CURRENCY).txnIds().forEach(id -> expectedColumn.put(id, "currency"));
      manifest.defect(DefectKind.UNKNOWN_STATUS).txnIds().forEach(id -> expectedColumn.put(id, "status"));
      manifest.defect(DefectKind.FUTURE_TIMESTAMP).txnIds().forEach(id -> expectedColumn.put(id, "arrival_lag_days"));
      expectedColumn.putAll(manifest.defect(DefectKind.MISSING_REQUIRED_FIELD).detail());
    }
    assertThat(expectedColumn).hasSize(Arrays.stream(DefectKind.values())
        .filter(kind -> kind.stage() == DetectionStage.SILVER_AUDIT).mapToInt(kind -> defect(kind).size()).sum());

    Map<String, List<String>> audited = new HashMap<>();
    for (Row row : read(lake.silverRejects()).select("txn_id", "failed_rules").collectAsList()) {
      audited.put(row.getString(0), row.getList(1));
    }

    assertThat(audited.keySet()).as("audited txn_ids (precision and recall)").isEqualTo(expectedColumn.keySet());
    expectedColumn.forEach((txnId, column) -> assertThat(audited.get(txnId))
        .as("rules failed by %s", txnId)
        .anySatisfy(rule -> assertThat(rule).contains("\"" + column + "\"")));
  }

  @Test
  void lateArrivalsLandInSilverUnderTheirOwnEarlierTxnDate() {
    Map<String, LocalDate> ingestDateOf = new HashMap<>();
    manifests.forEach(m -> m.defect(DefectKind.LATE_ARRIVAL).txnIds().forEach(id -> ingestDateOf.put(id, m.date())));
    List<Row> rows = read(lake.silverPayments()).filter(col("txn_id").isin(ingestDateOf.keySet().toArray()))
        .select("txn_id", "txn_date").collectAsList();

    assertThat(rows).hasSize(ingestDateOf.size());
    assertThat(rows).allSatisfy(row ->
        assertThat(row.getDate(1).toLocalDate()).isBefore(ingestDateOf.get(row.getString(0))));
  }

  @Test
  void rowsReconcileAcrossZonesCountedByReadingTheZones() {
    long rawLines = read(lake.rawPayments(), "text").count() - countRawFiles();
    long manifestLines = manifests.stream().mapToLong(TruthManifest::dataLines).sum();
    long bronzeRows = read(lake.bronzePayments()).count();
    long rejects = read(lake.bronzeRejects()).count();
    long silverRows = read(lake.silverPayments()).count();
    long auditRows = read(lake.silverRejects()).count();
    long dedupLines = defect(DefectKind.EXACT_DUPLICATE).size() + defect(DefectKind.REPLAY_LATER_STATUS).size();

    assertThat(rawLines).isEqualTo(manifestLines);
    assertThat(bronzeRows + rejects + dedupLines).isEqualTo(rawLines);
    assertThat(silverRows + auditRows).isEqualTo(bronzeRows);
    assertThat(bronze.rawLines()).isEqualTo(rawLines);
    assertThat(silver.silverRows()).isEqualTo(silverRows);
    assertThat(silver.auditRows()).isEqualTo(auditRows);
  }

  @Test
  void silverHasOneRowPerTxnIdAndNoFullCardNumberIsStoredAnywhere() {
    Dataset<Row> silverRows = read(lake.silverPayments());
    assertThat(silverRows.groupBy("txn_id").agg(count("*").as("n")).filter(col("n").gt(1)).count()).isZero();

    for (String zone : List.of(lake.bronzePayments(), lake.silverPayments(), lake.bronzeRejects(), lake.silverRejects())) {
      Dataset<Row> rows = read(zone);
      Column everything = concat_ws("|", Arrays.stream(rows.columns()).map(name -> col(name).cast("string")).toArray(Column[]::new));
      assertThat(rows.select(everything).collectAsList())
          .as("rows of %s", zone)
          .allSatisfy(row -> assertThat(PanSafety.isSafe(row.getString(0))).isTrue());
    }
  }

  @Test
  void rerunningBronzeAndSilverOnTheSamePartitionsYieldsIdenticalSilver() {
    String before = contentHash(read(lake.silverPayments()));
    long rowsBefore = read(lake.silverPayments()).count();

    BronzeResult again = BronzeJob.run(spark, new BronzeConfig(lake, bronze.ingestDates(), "bronze-e2e-again"));
    SilverJob.run(spark, new SilverConfig(lake, again.affectedTxnDates(), Optional.empty(), "silver-e2e-again"));

    assertThat(again.inserted()).isZero();
    assertThat(again.bronzeRowsAfter()).isEqualTo(again.bronzeRowsBefore());
    assertThat(read(lake.silverPayments()).count()).isEqualTo(rowsBefore);
    assertThat(contentHash(read(lake.silverPayments()))).isEqualTo(before);
  }

  private static String contentHash(Dataset<Row> rows) {
    Column row = concat_ws("|", Arrays.stream(rows.columns()).sorted().map(name -> col(name).cast("string")).toArray(Column[]::new));
    List<String> hashes = new ArrayList<>(rows.select(sha2(row, 256)).collectAsList().stream().map(r -> r.getString(0)).toList());
    hashes.sort(null);
    return Integer.toHexString(hashes.hashCode()) + "/" + hashes.size();
  }

  private static String rejectReason(DefectKind kind) {
    return switch (kind) {
      case TOO_FEW_COLUMNS, TOO_MANY_COLUMNS -> "COLUMN_COUNT";
      case UNBALANCED_QUOTE -> "UNBALANCED_QUOTE";
      case NON_NUMERIC_AMOUNT -> "TYPE_CAST";
      case SCHEMA_DRIFT -> "SCHEMA_DRIFT";
      default -> throw new IllegalArgumentException(kind + " is not a bronze reject");
    };
  }

  private static List<String> defect(DefectKind kind) {
    return manifests.stream().flatMap(m -> m.defect(kind).txnIds().stream()).toList();
  }

  private static Dataset<Row> read(String path) {
    return read(path, "parquet");
  }

  private static Dataset<Row> read(String path, String format) {
    return spark.read().format(format).load(path);
  }

  private static long countRawFiles() {
    try {
      Path raw = new Path(lake.rawPayments());
      var files = raw.getFileSystem(spark.sparkContext().hadoopConfiguration()).listFiles(raw, true);
      long count = 0;
      while (files.hasNext()) {
        if (files.next().getPath().getName().endsWith(".csv")) {
          count++;
        }
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TruthManifest manifest(LocalDate date) {
    Path path = new Path(lake.truthManifest(date));
    try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path)) {
      return TruthManifest.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
