package com.paymentslake.local;

import com.paymentslake.contract.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The one local lake of a test JVM: one S3Proxy child serving bucket {@value LocalLake#BUCKET}
 * and one Spark session reaching it through {@code s3a://}. Every test class shares it (Spark
 * allows one session per JVM and takes seconds to start); tests write under their own prefixes.
 *
 * <p>The data directory is {@code target/local-lake-fixture/jvm-<pid>}; it is kept after the run
 * for inspection and removed by the next test JVM. Spark and S3Proxy stop when the JVM exits.
 *
 * <pre>{@code
 * LocalLakeFixture lake = LocalLakeFixture.get();
 * lake.spark().read().parquet(lake.layout().silverPayments());
 * Path onDisk = lake.bucketDirectory().resolve("silver/payments");
 * }</pre>
 */
public final class LocalLakeFixture {
  private static final Path ROOT = Path.of("target", "local-lake-fixture").toAbsolutePath();

  private static LocalLakeFixture instance;

  private final LocalLake lake;

  private LocalLakeFixture(LocalLake lake) {
    this.lake = lake;
  }

  /** The JVM's local lake, started on first use. */
  public static synchronized LocalLakeFixture get() {
    if (instance == null) {
      removeDirectoriesOfFinishedJvms();
      Path dataDir = ROOT.resolve("jvm-" + ProcessHandle.current().pid());
      LocalLake lake = LocalLake.start(dataDir, LocalSpark.DEFAULT_CORES);
      instance = new LocalLakeFixture(lake);
      Runtime.getRuntime().addShutdownHook(new Thread(lake::close, "local-lake-fixture-stop"));
    }
    return instance;
  }

  public LocalLake lake() {
    return lake;
  }

  public S3ProxyServer s3() {
    return lake.s3();
  }

  public S3Endpoint endpoint() {
    return lake.endpoint();
  }

  public SparkSession spark() {
    return lake.spark();
  }

  /** {@code s3a://payments-lake}. */
  public String lakeRoot() {
    return lake.lakeRoot();
  }

  public LakeLayout layout() {
    return lake.layout();
  }

  public Path dataDir() {
    return lake.dataDir();
  }

  /** The bucket's objects as plain files. */
  public Path bucketDirectory() {
    return lake.bucketDirectory();
  }

  private static void removeDirectoriesOfFinishedJvms() {
    if (!Files.isDirectory(ROOT)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(ROOT)) {
      dirs.filter(dir -> dir.getFileName().toString().startsWith("jvm-"))
          .filter(dir -> !jvmAlive(dir.getFileName().toString().substring(4)))
          .forEach(LocalLakeFixture::deleteRecursively);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean jvmAlive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
