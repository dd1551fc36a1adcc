package com.paymentslake.local;

import com.paymentslake.contract.LakeLayout;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local twin of the AWS lake for one data directory: the bucket {@value #BUCKET} served by
 * S3Proxy from {@code <data-dir>/s3/payments-lake}, and a Spark local session that reaches it as
 * {@code s3a://payments-lake}, as Glue jobs reach the real bucket.
 *
 * <p>Layout of the data directory: {@code s3/} (objects as plain files), {@code logs/} ({@code
 * s3proxy.log}, {@code lake.log}), {@code spark/} (scratch), {@code run/} (S3Proxy settings).
 *
 * <p>Spark starts on the first call of {@link #spark()} (it takes seconds; plain S3 work does not
 * need it). {@link #close()} stops Spark, then S3Proxy.
 */
public final class LocalLake implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalLake.class);

  /** The lake's bucket, locally and (by default) in AWS. */
  public static final String BUCKET = "payments-lake";

  private final Path dataDir;
  private final int cores;
  private final S3ProxyServer s3;
  private SparkSession spark;

  private LocalLake(Path dataDir, int cores, S3ProxyServer s3) {
    this.dataDir = dataDir;
    this.cores = cores;
    this.s3 = s3;
  }

  /**
   * Starts S3Proxy on {@code dataDir} and creates the lake bucket if absent. Existing objects
   * (an earlier run's lake) are kept.
   *
   * @param cores Spark task slots for {@link #spark()}
   */
  public static LocalLake start(Path dataDir, int cores) {
    Objects.requireNonNull(dataDir, "dataDir");
    if (cores < 1) {
      throw new IllegalArgumentException("cores is set to " + cores + " but must be >= 1");
    }
    Path root = dataDir.toAbsolutePath().normalize();
    S3ProxyServer s3 = S3ProxyServer.start(root);
    try {
      s3.createBucketIfAbsent(BUCKET);
    } catch (RuntimeException e) {
      s3.close();
      throw e;
    }
    return new LocalLake(root, cores, s3);
  }

  public Path dataDir() {
    return dataDir;
  }

  public S3ProxyServer s3() {
    return s3;
  }

  public S3Endpoint endpoint() {
    return s3.endpoint();
  }

  /** {@code s3a://payments-lake}: the root the jobs get, as in AWS. */
  public String lakeRoot() {
    return "s3a://" + BUCKET;
  }

  /** {@code s3://payments-lake}: the same bucket as the generator and AWS tools name it. */
  public String s3Root() {
    return "s3://" + BUCKET;
  }

  public LakeLayout layout() {
    return new LakeLayout(lakeRoot());
  }

  /** The bucket's directory on disk: each object of the lake is a plain file below it. */
  public Path bucketDirectory() {
    return s3.bucketDirectory(BUCKET);
  }

  /** The same zone layout over the bucket's directory on disk, for showing where things are. */
  public LakeLayout diskLayout() {
    return new LakeLayout(bucketDirectory().toString());
  }

  /** The local Glue Data Catalog twin (Hive metastore on Derby) and the crawlers' state. */
  public Path catalogDirectory() {
    return sparkSettings().catalogDir();
  }

  public Path logDirectory() {
    return dataDir.resolve("logs");
  }

  public LocalSpark.Settings sparkSettings() {
    return new LocalSpark.Settings(cores, dataDir, s3.endpoint());
  }

  /** The Spark session, started on first use. */
  public synchronized SparkSession spark() {
    if (spark == null) {
      spark = LocalSpark.start(sparkSettings());
    }
    return spark;
  }

  public synchronized boolean sparkStarted() {
    return spark != null;
  }

  @Override
  public synchronized void close() {
    try {
      if (spark != null) {
        LOG.info("stopping Spark");
        spark.stop();
        spark = null;
      }
    } finally {
      s3.close();
    }
  }
}
