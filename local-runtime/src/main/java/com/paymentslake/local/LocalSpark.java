package com.paymentslake.local;

import com.paymentslake.crawlers.LocalCatalog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * The SparkSession of the local twin: Spark local mode reading and writing {@code s3a://} through
 * the local S3 API server, configured like a Glue 5 job where it matters (UTC, dynamic partition
 * overwrite, the classic file output committer).
 *
 * <p>All scratch space (Spark's local dir, the warehouse, S3A upload buffers) lives under {@code
 * <data-dir>/spark}, so a run leaves nothing in the working directory.
 */
public final class LocalSpark {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSpark.class);

  /** Default number of local cores ({@code local[2]}), as on a small CI machine. */
  public static final int DEFAULT_CORES = 2;

  private LocalSpark() {}

  /**
   * The local twin's settings.
   *
   * @param cores task slots ({@code local[cores]})
   * @param dataDir the run's data directory; scratch space goes to {@code dataDir/spark}
   * @param s3 the S3 endpoint {@code s3a://} (and {@code s3://}) paths resolve against
   */
  public record Settings(int cores, Path dataDir, S3Endpoint s3) {
    public Settings {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(s3, "s3");
      if (cores < 1) {
        throw new IllegalArgumentException("cores is set to " + cores + " but must be >= 1");
      }
      dataDir = dataDir.toAbsolutePath().normalize();
    }

    public String master() {
      return "local[" + cores + "]";
    }

    /** Every Spark and Hadoop property the session is built with, in a stable order. */
    public Map<String, String> sparkConf() {
      Path spark = dataDir.resolve("spark");
      Map<String, String> conf = new LinkedHashMap<>();
      conf.put("spark.app.name", "payments-lake-local");
      conf.put("spark.master", master());
      conf.put("spark.ui.enabled", "false");
      conf.put("spark.driver.host", "127.0.0.1");
      conf.put("spark.driver.bindAddress", "127.0.0.1");
      conf.put("spark.sql.shuffle.partitions", "4");
      conf.put("spark.default.parallelism", String.valueOf(Math.max(2, cores)));
      conf.put("spark.sql.session.timeZone", "UTC");
      // The jobs rewrite only the partitions they touch (idempotent re-runs).
      conf.put("spark.sql.sources.partitionOverwriteMode", "dynamic");
      conf.put("spark.local.dir", spark.resolve("local").toString());
      // The jobs cache what they use twice (bronze: the parsed and the classified lines). Compressing
      // the cached columns builds a dictionary of boxed values per column and batch: about 16% of the
      // executors' CPU in a profiled demo, to save memory a local run can spare (the cache spills to
      // disk when it runs short). Demo runs, this setting against Spark's default, alternating:
      // 2 days (435,693 lines) 148-157 s against 164-168 s; 3 days (657,407) 154-162 s against 187-191.
      conf.put("spark.sql.inMemoryColumnarStorage.compressed", "false");
      // Whole-stage code generation fuses a stage's operators into one generated method; silver's
      // two largest (about 5 KB of bytecode each) took the JIT compiler 4.5-10 s per compilation.
      // In a run this short the compiling costs more than the fused code saves: JIT compiler threads
      // used 40% of a profiled demo's CPU. Operators still generate code for their expressions.
      // Alternating demo runs, off against on: 2 days 131-138 s against 147-152 s (silver 45-48 s
      // against 61 s); 7 days (1,411,539 lines) 218 s against 241 s. Glue keeps Spark's default.
      conf.put("spark.sql.codegen.wholeStage", "false");

      // S3A against the local S3 API server, as Glue reaches S3.
      String s3a = "spark.hadoop.fs.s3a.";
      conf.put(s3a + "endpoint", s3.endpoint().toString());
      conf.put(s3a + "endpoint.region", s3.region());
      conf.put(s3a + "path.style.access", "true");
      conf.put(s3a + "connection.ssl.enabled", String.valueOf(!s3.plainHttp()));
      conf.put(s3a + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
      conf.put(s3a + "access.key", s3.accessKey());
      conf.put(s3a + "secret.key", s3.secretKey());
      conf.put(s3a + "buffer.dir", spark.resolve("s3a-buffer").toString());
      conf.put(s3a + "fast.upload", "true");
      conf.put(s3a + "fast.upload.buffer", "disk");
      // Every client of this bucket is S3A 3.3+: keep directory markers rather than deleting the
      // parents' markers after each file written (one request less per file; AWS's recommendation).
      conf.put(s3a + "directory.marker.retention", "keep");
      // Change detection by ETag, as on S3. S3Proxy keeps an object's ETag in an extended attribute
      // of its file; a file copied into the bucket directory by hand has none, so a missing ETag
      // must not fail the read.
      conf.put(s3a + "change.detection.source", "etag");
      conf.put(s3a + "change.detection.mode", "server");
      conf.put(s3a + "change.detection.version.required", "false");
      // Fewer SDK-level retries than the default 20: a local server that stops answering is gone.
      conf.put(s3a + "attempts.maximum", "5");
      // Glue jobs address S3 as s3://; locally that scheme is served by S3A too.
      conf.put("spark.hadoop.fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
      // Output commit: deliberately NOT the S3A magic/directory committers (fs.s3a.committer.name,
      // PathOutputCommitProtocol): they reject partitionOverwriteMode=dynamic, which the jobs rely
      // on. The classic FileOutputCommitter (algorithm v1, task and job commit by rename) keeps
      // half-written output invisible; on a local S3Proxy a rename is a cheap file copy.
      conf.put("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "1");
      // The Glue Data Catalog twin: Spark's Hive metastore on embedded Derby, kept in the data dir
      // so the catalog outlives the run (./lake query reads it later). Crawlers fill it.
      conf.putAll(LocalCatalog.sparkConf(catalogDir()));
      return conf;
    }

    /** Where the local catalog (Derby metastore, warehouse, crawler state) lives. */
    public Path catalogDir() {
      return dataDir.resolve("catalog");
    }
  }

  /**
   * Starts the session with the twin's settings, or returns the JVM's running one if it reaches the
   * same S3 endpoint.
   *
   * @throws IllegalStateException if this JVM already runs a session for another endpoint (Spark
   *     allows one per JVM; silently reusing it would send every read and write elsewhere)
   */
  public static SparkSession start(Settings settings) {
    Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined()) {
      String endpoint = running.get().sparkContext().hadoopConfiguration().get("fs.s3a.endpoint");
      if (!settings.s3().endpoint().toString().equals(endpoint)) {
        throw new IllegalStateException(
            "a SparkSession for S3 endpoint " + endpoint + " is already running in this JVM; cannot start one"
                + " for " + settings.s3().endpoint() + " (one SparkSession per JVM: stop the other first)");
      }
    }
    LocalCatalog.systemProperties(settings.catalogDir()).forEach(System::setProperty);
    SparkSession.Builder builder = SparkSession.builder();
    settings.sparkConf().forEach(builder::config);
    long started = System.nanoTime();
    SparkSession session = builder.getOrCreate();
    LOG.info(
        "Spark {} {} started in {} ms against {}",
        session.version(),
        settings.master(),
        (System.nanoTime() - started) / 1_000_000,
        settings.s3().endpoint());
    return session;
  }
}
