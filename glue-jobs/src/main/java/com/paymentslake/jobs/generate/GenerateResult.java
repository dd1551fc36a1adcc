package com.paymentslake.jobs.generate;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.generator.GenerationSummary;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a generation run wrote.
 *
 * @param lakeRoot the qualified lake root written to
 * @param ingestDates the partitions, in order
 * @param files data files written (drift files included, manifests excluded)
 * @param dataLines data lines over all files (headers excluded), as in the truth manifests
 * @param bytes bytes of the data files as stored (compressed size for gzip)
 * @param defects injected lines per kind, every kind present, as in the truth manifests
 * @param staleFilesDeleted part files of earlier runs this run deleted, as full locations
 * @param elapsed wall-clock time of the run on the driver
 */
public record GenerateResult(
    String lakeRoot,
    List<LocalDate> ingestDates,
    int files,
    long dataLines,
    long bytes,
    Map<DefectKind, Long> defects,
    List<String> staleFilesDeleted,
    Duration elapsed) {

  public GenerateResult {
    Objects.requireNonNull(lakeRoot, "lakeRoot");
    Objects.requireNonNull(elapsed, "elapsed");
    ingestDates = List.copyOf(ingestDates);
    staleFilesDeleted = List.copyOf(staleFilesDeleted);
    defects = GenerationSummary.everyKind(defects);
  }

  /** Data lines per second of wall-clock time. */
  public double linesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : dataLines / seconds;
  }
}
