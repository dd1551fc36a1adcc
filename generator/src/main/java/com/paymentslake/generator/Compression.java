package com.paymentslake.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * How raw part files are compressed. Readers (Spark, Hadoop, the bronze job, Athena) pick the codec
 * from the file extension.
 */
public enum Compression {
  /** Plain CSV, {@code part-NNNNN.csv}. */
  NONE(".csv"),
  /**
   * Gzip, {@code part-NNNNN.csv.gz}, at {@link Deflater#BEST_SPEED}: files shrink to about a third
   * at roughly 60-100 MB/s of input per core. The decompressed bytes are identical to the
   * uncompressed output; the compressed bytes are identical for the same zlib build.
   */
  GZIP(".csv.gz");

  private final String extension;

  Compression(String extension) {
    this.extension = extension;
  }

  /** The file name ending, {@code .csv} or {@code .csv.gz}. */
  public String extension() {
    return extension;
  }

  /** The option value: {@code none} or {@code gzip}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code none} or {@code gzip} (any case). */
  public static Compression parse(String text) {
    for (Compression compression : values()) {
      if (compression.optionValue().equalsIgnoreCase(text.strip())) {
        return compression;
      }
    }
    throw new IllegalArgumentException("Compression is '" + text + "' but must be one of "
        + Arrays.stream(values()).map(Compression::optionValue).toList());
  }

  /** Wraps the file's stream; closing or finishing the result must not close {@code out}. */
  OutputStream wrap(OutputStream out) throws IOException {
    if (this == NONE) {
      return out;
    }
    return new GZIPOutputStream(new NonClosing(out), 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }

  /** Lets {@link GZIPOutputStream#close()} finish the member without closing the file. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
