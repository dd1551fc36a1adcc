package com.paymentslake.jobs.generate;

import com.paymentslake.generator.Compression;
import com.paymentslake.generator.GenerationMode;
import com.paymentslake.generator.GeneratorConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Configuration of one generation run.
 *
 * @param lakeRoot where the raw files and truth manifests go: {@code s3://bucket[/prefix]} (Glue),
 *     {@code s3a://bucket[/prefix]}, {@code file:///dir}, {@code hdfs://...}, or a path, which
 *     Hadoop resolves against {@code fs.defaultFS} (the local disk in local mode); no trailing slash
 * @param generator what to generate; its {@code threads} is meaningless here (parallelism is Spark's:
 *     one task per file) and is normalized to 1, so equal runs share a cached generator per executor
 * @param mode how the ingest dates were chosen (for the log)
 * @param targetBytes the {@code --target-size} the rows per day were derived from, if any
 */
public record GenerateConfig(String lakeRoot, GeneratorConfig generator, GenerationMode mode, OptionalLong targetBytes) {
  /**
   * Default base rows per part file of uncompressed runs: about 258 MB of CSV (a line averages ~258
   * bytes with the default defects), in the 128-512 MB range that Spark, Athena and S3 read best.
   */
  public static final int DEFAULT_ROWS_PER_FILE = 1_000_000;

  /**
   * Default base rows per part file of gzip runs: gzip files hold about 111 bytes per base row, so
   * this gives about 222 MB files (about 516 MB of CSV once decompressed; gzip files are not
   * splittable, one reader task each).
   */
  public static final int DEFAULT_ROWS_PER_FILE_GZIP = 2_000_000;

  /** Schemes of object stores, where a file written by one PUT/upload is visible only when complete. */
  static final Set<String> OBJECT_STORE_SCHEMES = Set.of("s3", "s3a", "s3n", "gs");

  public GenerateConfig {
    Objects.requireNonNull(lakeRoot, "lakeRoot");
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(targetBytes, "targetBytes");
    lakeRoot = normalizedRoot(lakeRoot);
    generator = generator.withThreads(1);
  }

  /** The default {@code --rows-per-file} of the job for a compression. */
  public static int defaultRowsPerFile(Compression compression) {
    return compression == Compression.GZIP ? DEFAULT_ROWS_PER_FILE_GZIP : DEFAULT_ROWS_PER_FILE;
  }

  private static String normalizedRoot(String root) {
    String text = root.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("lakeRoot is empty but must be a URI such as s3://bucket or file:///tmp/lake");
    }
    while (text.length() > 1 && text.endsWith("/") && !text.endsWith("://")) {
      text = text.substring(0, text.length() - 1);
    }
    for (String scheme : OBJECT_STORE_SCHEMES) {
      String prefix = scheme + "://";
      if (text.regionMatches(true, 0, prefix, 0, prefix.length())
          && (text.length() == prefix.length() || text.charAt(prefix.length()) == '/')) {
        throw new IllegalArgumentException(
            "lakeRoot '" + root + "' names no bucket but must be " + scheme + "://bucket[/prefix]");
      }
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "lakeRoot '" + root + "' is not a valid URI (" + e.getReason() + "); expected e.g. s3://bucket/prefix", e);
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "lakeRoot '" + root + "' has a query or fragment but must be a plain location such as s3://bucket/prefix");
    }
    return text;
  }
}
