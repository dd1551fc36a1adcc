package com.paymentslake.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's yardstick of the machine's speed: a plain JVM loop that formats CSV rows of about
 * {@value #ROW_BYTES} bytes with a {@link StringBuilder} and writes them through a buffered UTF-8
 * writer to a file, the kind of loop the generator's throughput target is set against (on the 2-core
 * build machine this one ran at 2.1-2.7M rows per CPU second, 186 bytes a row). The fields are numbers
 * derived from the row number and fixed text: no random draws, no lookups, nothing kept. Shared
 * machines slow down by a third and more for minutes at a time, so the generator's figure is read
 * against this one, taken in the same minute.
 */
final class ReferenceLoop {
  /** The rows' length, about: {@link Result#bytes} gives what a run wrote. */
  static final int ROW_BYTES = 180;

  private ReferenceLoop() {}

  /** Rows per CPU second of the calling thread, and the bytes written. */
  record Result(double rowsPerCpuSecond, long bytes) {}

  /**
   * Writes {@code rows} rows to {@code file} (replacing it); null when the JVM does not measure
   * thread CPU time.
   */
  static Result run(Path file, long rows) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      return null;
    }
    long before = threads.getCurrentThreadCpuTime();
    write(file, rows);
    long cpuNanos = threads.getCurrentThreadCpuTime() - before;
    return new Result(cpuNanos > 0 ? rows / (cpuNanos / 1e9) : 0, Files.size(file));
  }

  /** The rows themselves: every field a function of the row number {@code i}. */
  static void write(Path file, long rows) throws IOException {
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      StringBuilder row = new StringBuilder(256);
      for (long i = 0; i < rows; i++) {
        long amount = i * 7_919 % 100_000;
        row.setLength(0);
        row.append('T').append(10_000_000_000L + i)
            .append(",2026-10-05T").append(10 + i % 14).append(':').append(10 + i % 50).append(':')
            .append(10 + i % 50).append("Z,U").append(10_000_000 + i % 70_000)
            .append(",M").append(1_000_000 + i % 18_000).append(",Shop ").append(i % 20)
            .append(",5411,PURCHASE,POS,").append(amount / 100).append('.').append(10 + amount % 90)
            .append(",EUR,APPROVED,00,VISA,400000,").append(1_000 + i % 9_000).append(',')
            .append(Long.toHexString(i * 0x9E37_79B9_7F4A_7C15L | 1L << 63))
            .append(Long.toHexString(i * 0xC2B2_AE3D_27D4_EB4FL | 1L << 63))
            .append(",DE,Berlin,52.5").append(100_000 + i % 900_000)
            .append(",13.4").append(100_000 + i % 900_000).append(",0\r\n");
        out.append(row);
      }
    }
  }
}
