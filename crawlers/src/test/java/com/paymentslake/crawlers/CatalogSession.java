package com.paymentslake.crawlers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM, with Hive support over a fresh Derby catalog under {@code
 * target/}: {@code local[2]}, UI off, loopback only, UTC, few shuffle partitions. Starting Spark
 * and the metastore costs seconds; every test class shares this session and uses its own databases.
 */
final class CatalogSession {
  private static SparkSession session;
  private static Path catalogDir;

  private CatalogSession() {}

  static synchronized SparkSession get() {
    if (session == null) {
      try {
        Path target = Files.createDirectories(Path.of("target", "crawler-tests").toAbsolutePath());
        catalogDir = Files.createTempDirectory(target, "catalog-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      SparkSession.Builder builder =
          SparkSession.builder()
              .appName("lake-crawlers-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.local.dir", catalogDir.resolve("spark-local").toString());
      session = LocalCatalog.configure(builder, catalogDir).getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
    }
    return session;
  }

  static synchronized Path catalogDir() {
    get();
    return catalogDir;
  }
}
