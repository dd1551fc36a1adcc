package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run wrote.
 *
 * @param dataLines data lines over all files (headers excluded; drift files included)
 * @param bytes bytes of the data files as written, i.e. compressed with {@link Compression#GZIP}
 *     (manifests excluded)
 * @param files data files written (drift files included, manifests excluded)
 * @param ingestDates the partitions, in order
 * @param defects injected lines per kind (every kind present, 0 when none), as in the manifests
 * @param elapsed wall-clock time of the run
 * @param workerCpu CPU time the worker threads spent writing files (JIT, GC and the calling thread
 *     excluded), or {@link Duration#ZERO} when the JVM cannot measure thread CPU time
 */
public record GenerationSummary(
    long dataLines,
    long bytes,
    int files,
    List<LocalDate> ingestDates,
    Map<DefectKind, Long> defects,
    Duration elapsed,
    Duration workerCpu) {

  public GenerationSummary {
    if (dataLines < 0 || bytes < 0 || files < 0) {
      throw new IllegalArgumentException("GenerationSummary has dataLines " + dataLines + ", bytes " + bytes
          + ", files " + files + " but each must be >= 0");
    }
    Objects.requireNonNull(defects, "defects");
    ingestDates = List.copyOf(ingestDates);
    defects = everyKind(defects);
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(workerCpu, "workerCpu");
  }

  /** Injected lines of all kinds. */
  public long defectLines() {
    return defects.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Counts per defect kind with every kind present (0 where absent), in kind order, unmodifiable. */
  public static Map<DefectKind, Long> everyKind(Map<DefectKind, Long> counts) {
    EnumMap<DefectKind, Long> all = new EnumMap<>(DefectKind.class);
    for (DefectKind kind : DefectKind.values()) {
      all.put(kind, 0L);
    }
    all.putAll(counts);
    return Collections.unmodifiableMap(all);
  }
}
