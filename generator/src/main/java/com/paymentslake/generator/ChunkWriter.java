package com.paymentslake.generator;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes chunks of one run ({@link PaymentGenerator#chunks()}) to streams: the generator core that a
 * thread of {@link PaymentGenerator#generate}, a Spark executor or any other worker runs. A chunk's
 * bytes depend only on the config and the chunk. Not thread-safe: one writer per thread; writers of
 * the same {@link PaymentGenerator} share its read-only world and its card cache.
 */
public final class ChunkWriter {
  private final GeneratorConfig config;
  private final List<DayPlan> days;
  private final PartWriter writer;

  ChunkWriter(GeneratorConfig config, List<DayPlan> days, Population population) {
    this.config = config;
    this.days = days;
    this.writer = new PartWriter(
        new RowEngine(population, config.defects(), config.panHashKey(), config.fraudRate(), config.realism()));
  }

  /**
   * Writes the chunk's file content (header included, compressed as the config says) to {@code out}
   * and returns its line count, size and defects. Does not close {@code out}.
   *
   * @throws IllegalArgumentException when the chunk is not one of this run's
   */
  public ChunkResult write(Chunk chunk, OutputStream out) throws IOException {
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(out, "out");
    DayPlan day = dayOf(chunk);
    CountingStream counting = new CountingStream(out);
    OutputStream sink = config.compression().wrap(counting);
    DefectLog log = new DefectLog();
    PartWriter.Content content = chunk.drift()
        ? writer.writeDrift(day, sink, log)
        : writer.writeData(day, day.first ? null : days.get(day.index - 1), chunk.file(), sink, log);
    if (sink instanceof GZIPOutputStream gzip) {
      gzip.finish();
    }
    sink.flush();
    return new ChunkResult(chunk, content.dataLines(), counting.count, log);
  }

  private DayPlan dayOf(Chunk chunk) {
    if (chunk.dayIndex() >= days.size()) {
      throw new IllegalArgumentException("Chunk " + chunk.path() + " has day index " + chunk.dayIndex()
          + " but the run has " + days.size() + " day(s)");
    }
    DayPlan day = days.get(chunk.dayIndex());
    boolean known = chunk.drift()
        ? day.hasDrift() && chunk.fileName().equals(day.driftFileName())
        : chunk.file() < day.files && chunk.fileName().equals(day.dataFileName(chunk.file()));
    if (!day.date.equals(chunk.ingestDate()) || !known) {
      throw new IllegalArgumentException("Chunk " + chunk.path() + " is not a file of this run (ingest date "
          + day.date + " has " + day.files + " data file(s)" + (day.hasDrift() ? " and a drift file" : "") + ")");
    }
    return day;
  }

  /** Counts the bytes that reach the file, after compression. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void close() throws IOException {
      flush(); // the caller owns the file
    }
  }
}
