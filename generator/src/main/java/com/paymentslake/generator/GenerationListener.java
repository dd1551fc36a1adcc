package com.paymentslake.generator;

import com.paymentslake.contract.TruthManifest;
import java.time.LocalDate;

/**
 * Progress callbacks of {@link PaymentGenerator#generate}. Called from the generating thread (never
 * concurrently), in a deterministic order: per ingest date, its files in name order, then the
 * partition's manifest.
 */
@FunctionalInterface
public interface GenerationListener {
  /** Ignores every event. */
  GenerationListener NONE = (date, file, lines, bytes) -> {};

  /**
   * A data file was written and is visible under its final name.
   *
   * @param ingestDate the partition
   * @param fileName file name inside the partition folder
   * @param dataLines lines after the header
   * @param bytes file size
   */
  void fileWritten(LocalDate ingestDate, String fileName, long dataLines, long bytes);

  /** A partition is complete: all its files and then its truth manifest were written. */
  default void partitionWritten(TruthManifest manifest) {}

  /**
   * Progress of the whole run: after each data file is complete, and about once per {@link
   * PaymentGenerator#PROGRESS_INTERVAL} while waiting for a file that takes longer. Listeners that
   * draw something throttle it themselves.
   *
   * @param linesDone data lines of the files written so far
   * @param linesExpected data lines the run will write, estimated from the base rows and defect rates
   */
  default void progress(long linesDone, long linesExpected) {}
}
