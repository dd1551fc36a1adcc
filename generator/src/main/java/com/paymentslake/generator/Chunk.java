package com.paymentslake.generator;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One file of a run: a data file (a slice of a day's base rows) or a day's schema-drift file. A
 * chunk's content is a pure function of the config and the chunk, so chunks can be written in any
 * order by any thread, process or Spark executor ({@link ChunkWriter}).
 *
 * @param ingestDate the partition the file belongs to
 * @param dayIndex 0-based index of that date in the run
 * @param file 0-based data file number of the day; 0 for the drift file
 * @param drift whether this is the day's schema-drift file
 * @param fileName name inside the partition folder, e.g. {@code part-00003.csv}
 * @param path path relative to the lake root, e.g. {@code raw/payments/ingest_date=.../part-00003.csv}
 * @param baseRows base rows generated into the file (extra lines of duplicates and replays come on
 *     top)
 */
public record Chunk(LocalDate ingestDate, int dayIndex, int file, boolean drift, String fileName, String path,
    long baseRows) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Chunk {
    Objects.requireNonNull(ingestDate, "ingestDate");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(path, "path");
    if (dayIndex < 0 || file < 0 || baseRows < 0) {
      throw new IllegalArgumentException("Chunk " + path + " has a negative index or row count");
    }
  }
}
