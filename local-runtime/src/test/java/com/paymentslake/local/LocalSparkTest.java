package com.paymentslake.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class LocalSparkTest {
  private static final StructType PAYMENTS =
      new StructType()
          .add("txn_id", DataTypes.StringType)
          .add("amount", DataTypes.LongType)
          .add("txn_date", DataTypes.StringType);

  private final LocalLakeFixture lake = LocalLakeFixture.get();

  @Test
  void sparkWritesParquetThroughS3aAsPlainFilesInTheBucketDirectory() throws IOException {
    SparkSession spark = lake.spark();
    String path = lake.lakeRoot() + "/tests/spark/roundtrip";

    payments(spark, row("T1", 10, "2025-01-01"), row("T2", 20, "2025-01-02"))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("txn_date")
        .parquet(path);

    assertThat(spark.read().parquet(path).count()).isEqualTo(2);
    Path onDisk = lake.bucketDirectory().resolve("tests/spark/roundtrip");
    assertThat(parquetFiles(onDisk.resolve("txn_date=2025-01-01"))).isNotEmpty();
    assertThat(parquetFiles(onDisk.resolve("txn_date=2025-01-02"))).isNotEmpty();
    // Nothing half-written stays behind (dynamic overwrite stages under .spark-staging-*).
    try (Stream<Path> leftovers = Files.list(onDisk)) {
      assertThat(leftovers.map(file -> file.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".spark-staging") || name.equals("_temporary"));
    }
  }

  @Test
  void dynamicOverwriteReplacesOnlyThePartitionsWritten() {
    SparkSession spark = lake.spark();
    String path = lake.lakeRoot() + "/tests/spark/dynamic-overwrite";
    payments(spark, row("T1", 10, "2025-01-01"), row("T2", 20, "2025-01-02"))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("txn_date")
        .parquet(path);

    payments(spark, row("T3", 30, "2025-01-02"), row("T4", 40, "2025-01-02"))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("txn_date")
        .parquet(path);

    List<String> ids =
        spark.read().parquet(path).orderBy("txn_id").select("txn_id").as(Encoders.STRING()).collectAsList();
    assertThat(ids).containsExactly("T1", "T3", "T4");
  }

  @Test
  void sparkReadsCsvPutThroughTheSdkUnderS3aAndS3Schemes() {
    try (S3Client client = lake.s3().newClient()) {
      client.putObject(
          put -> put.bucket(LocalLake.BUCKET).key("tests/spark/csv/ingest_date=2025-01-01/part-00000.csv"),
          RequestBody.fromString("txn_id,amount\nT1,10.00\nT2,20.50\n"));
    }
    SparkSession spark = lake.spark();

    Dataset<Row> viaS3a = spark.read().option("header", "true").csv(lake.lakeRoot() + "/tests/spark/csv");
    Dataset<Row> viaS3 = spark.read().option("header", "true").csv("s3://payments-lake/tests/spark/csv");

    assertThat(viaS3a.count()).isEqualTo(2);
    assertThat(viaS3a.columns()).containsExactly("txn_id", "amount", "ingest_date");
    assertThat(viaS3.count()).isEqualTo(2);
  }

  @Test
  void theSessionIsTheLocalTwinsSession() {
    SparkSession spark = lake.spark();

    assertThat(spark.conf().get("spark.sql.sources.partitionOverwriteMode")).isEqualTo("dynamic");
    assertThat(spark.conf().get("spark.sql.session.timeZone")).isEqualTo("UTC");
    assertThat(spark.sparkContext().master()).isEqualTo("local[2]");
    assertThat(spark.sparkContext().hadoopConfiguration().get("fs.s3a.endpoint"))
        .isEqualTo(lake.endpoint().endpoint().toString());
  }

  @Test
  void settingsPinTheTwinsConfiguration() {
    S3Endpoint endpoint =
        new S3Endpoint(URI.create("http://127.0.0.1:9000"), "us-east-1", "access", "secret");
    Path dataDir = Path.of("/tmp/lake-data");

    Map<String, String> conf = new LocalSpark.Settings(3, dataDir, endpoint).sparkConf();

    assertThat(conf)
        .containsEntry("spark.master", "local[3]")
        .containsEntry("spark.ui.enabled", "false")
        .containsEntry("spark.driver.host", "127.0.0.1")
        .containsEntry("spark.driver.bindAddress", "127.0.0.1")
        .containsEntry("spark.sql.shuffle.partitions", "4")
        .containsEntry("spark.sql.session.timeZone", "UTC")
        .containsEntry("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .containsEntry("spark.local.dir", "/tmp/lake-data/spark/local")
        .containsEntry("spark.sql.inMemoryColumnarStorage.compressed", "false")
        .containsEntry("spark.sql.codegen.wholeStage", "false")
        .containsEntry("spark.sql.warehouse.dir", "file:///tmp/lake-data/catalog/warehouse")
        .containsEntry("spark.sql.catalogImplementation", "hive")
        .containsEntry("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000")
        .containsEntry("spark.hadoop.fs.s3a.path.style.access", "true")
        .containsEntry("spark.hadoop.fs.s3a.connection.ssl.enabled", "false")
        .containsEntry(
            "spark.hadoop.fs.s3a.aws.credentials.provider",
            "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider")
        .containsEntry("spark.hadoop.fs.s3a.access.key", "access")
        .containsEntry("spark.hadoop.fs.s3a.secret.key", "secret")
        .containsEntry("spark.hadoop.fs.s3a.buffer.dir", "/tmp/lake-data/spark/s3a-buffer")
        .containsEntry("spark.hadoop.fs.s3a.fast.upload", "true")
        .containsEntry("spark.hadoop.fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
    // The S3A committers reject dynamic partition overwrite: the classic committer stays.
    assertThat(conf.keySet())
        .noneMatch(key -> key.startsWith("spark.hadoop.fs.s3a.committer"))
        .doesNotContain("spark.sql.sources.commitProtocolClass", "spark.sql.parquet.output.committer.class");
  }

  @Test
  void settingsRejectNonPositiveCores() {
    S3Endpoint endpoint =
        new S3Endpoint(URI.create("http://127.0.0.1:9000"), "us-east-1", "access", "secret");

    assertThatThrownBy(() -> new LocalSpark.Settings(0, Path.of("x"), endpoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cores is set to 0 but must be >= 1");
  }

  @Test
  void refusesToHandOutTheRunningSessionForAnotherEndpoint() {
    String running = lake.spark().sparkContext().hadoopConfiguration().get("fs.s3a.endpoint");
    S3Endpoint other = new S3Endpoint(URI.create("http://127.0.0.1:1"), "us-east-1", "access", "secret");

    assertThatThrownBy(() -> LocalSpark.start(new LocalSpark.Settings(2, lake.dataDir(), other)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "a SparkSession for S3 endpoint " + running + " is already running in this JVM; cannot start one for"
                + " http://127.0.0.1:1 (one SparkSession per JVM: stop the other first)");
    assertThat(LocalSpark.start(lake.lake().sparkSettings())).isSameAs(lake.spark());
  }

  private static Dataset<Row> payments(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), PAYMENTS);
  }

  private static Row row(String txnId, long amount, String txnDate) {
    return RowFactory.create(txnId, amount, txnDate);
  }

  private static List<Path> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).toList();
    }
  }
}
