package com.paymentslake.jobs.testing;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: {@code local[2]}, UI off, loopback only, UTC, few shuffle
 * partitions. Starting Spark costs seconds; every test class shares this session.
 */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      Path work = Path.of("target", "spark-test").toAbsolutePath();
      session =
          SparkSession.builder()
              .appName("payments-lake-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
              .config("spark.sql.warehouse.dir", work.resolve("warehouse").toString())
              .config("spark.local.dir", work.resolve("local").toString())
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
