package com.paymentslake.jobs.bronze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Raw files as text: plain {@code .csv} or gzip-compressed {@code .csv.gz} (the generator's
 * {@code --compression gzip}), decompressed by the codec Hadoop picks from the extension, as Spark,
 * Glue crawlers and Athena do.
 */
final class RawText {
  private RawText() {}

  /** Whether a file name is a raw data file bronze reads. */
  static boolean isRawDataFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".csv.gz");
  }

  /** A UTF-8 reader of the file's text, decompressed when its extension names a codec. */
  static BufferedReader open(FileSystem fs, Path path, Configuration configuration, int bufferSize)
      throws IOException {
    InputStream raw = fs.open(path);
    CompressionCodec codec = new CompressionCodecFactory(configuration).getCodec(path);
    InputStream in;
    try {
      in = codec == null ? raw : codec.createInputStream(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), bufferSize);
  }
}
