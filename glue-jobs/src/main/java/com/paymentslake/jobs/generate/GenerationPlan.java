package com.paymentslake.jobs.generate;

import com.paymentslake.generator.Chunk;
import com.paymentslake.generator.PaymentGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The pure decisions of a generation run, apart from any I/O: how the files are grouped into waves
 * and ordered as Spark tasks, which existing files of a partition are stale, and how temporary files
 * are named.
 */
final class GenerationPlan {
  /** Suffix of the hidden temporary files written before a rename ({@code .NAME.<token>.inprogress}). */
  static final String TEMPORARY_SUFFIX = ".inprogress";

  /** Biggest files first, then by path: no order of the input changes the order of the tasks. */
  static final Comparator<Chunk> TASK_ORDER =
      Comparator.comparingLong(Chunk::baseRows).reversed().thenComparing(Chunk::path);

  /**
   * Base rows per wave ({@link #waves}): at the default defect rates (2.4% of rows) about 770,000
   * defect ids, some 80 MB of driver memory, and about 8 GB of raw CSV, so a wave keeps a large
   * cluster busy.
   */
  static final long WAVE_ROWS = 32_000_000L;

  private GenerationPlan() {}

  /**
   * The run's chunk numbers grouped into waves: consecutive ingest dates whose base rows add up to at
   * most {@code waveRows} (a date with more is a wave of its own), each wave in task order ({@link
   * #taskOrder}).
   * The job runs one Spark job per wave and writes the wave's truth manifests before the next one
   * starts, so the driver holds one wave's defect ids, not the whole run's, and a long backfill
   * leaves complete partitions behind as it goes. Waves only affect scheduling, never a file's bytes.
   */
  static List<List<Integer>> waves(List<Chunk> chunks, long waveRows) {
    if (waveRows < 1) {
      throw new IllegalArgumentException("Rows per wave must be positive, got " + waveRows);
    }
    Map<LocalDate, List<Integer>> byDate = new LinkedHashMap<>();
    Map<LocalDate, Long> rowsByDate = new LinkedHashMap<>();
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      byDate.computeIfAbsent(chunk.ingestDate(), d -> new ArrayList<>()).add(i);
      rowsByDate.merge(chunk.ingestDate(), chunk.baseRows(), Long::sum);
    }
    List<List<Integer>> waves = new ArrayList<>();
    List<Integer> wave = new ArrayList<>();
    long rows = 0;
    for (Map.Entry<LocalDate, List<Integer>> date : byDate.entrySet()) {
      long dateRows = rowsByDate.get(date.getKey());
      if (!wave.isEmpty() && rows + dateRows > waveRows) {
        waves.add(ordered(chunks, wave));
        wave = new ArrayList<>();
        rows = 0;
      }
      wave.addAll(date.getValue());
      rows += dateRows;
    }
    if (!wave.isEmpty()) {
      waves.add(ordered(chunks, wave));
    }
    return waves;
  }

  private static List<Integer> ordered(List<Chunk> chunks, List<Integer> numbers) {
    return numbers.stream().sorted(Comparator.comparing(chunks::get, TASK_ORDER)).toList();
  }

  /**
   * The run's chunk numbers (positions in {@code chunks}) in task order: one Spark partition each,
   * the biggest file first. Spark starts tasks in partition order, so the small last file of each
   * day and the drift files fill the end of the run instead of a big file starting last and running
   * alone. The order only affects scheduling: a chunk's bytes never depend on it.
   */
  static List<Integer> taskOrder(List<Chunk> chunks) {
    return ordered(chunks, IntStream.range(0, chunks.size()).boxed().toList());
  }

  /**
   * Whether a file name is one the generator owns in a raw partition: {@code part-*.csv} or
   * {@code part-*.csv.gz} (the same rule as the single-process generator).
   */
  static boolean isPartFile(String name) {
    return PaymentGenerator.isPartFile(name);
  }

  /**
   * The files of a raw partition to delete after a run: part files that this run did not write
   * (leftovers of an earlier run with more files, or with the other compression). Other files are
   * never touched.
   *
   * @param existing names of the files in the partition folder
   * @param written names of the files this run wrote there
   */
  static List<String> staleParts(Collection<String> existing, Set<String> written) {
    return existing.stream().filter(GenerationPlan::isPartFile).filter(name -> !written.contains(name)).sorted().toList();
  }

  /**
   * A hidden temporary sibling name for a file written on a filesystem with atomic rename: hidden
   * (Spark and Hadoop readers skip names starting with '.'), and unique per writer, so a retried or
   * speculative task attempt never writes into another attempt's file.
   */
  static String temporaryName(String fileName) {
    return "." + fileName + "." + UUID.randomUUID().toString().substring(0, 8) + TEMPORARY_SUFFIX;
  }

  /** Whether a name is a temporary file of {@link #temporaryName} or of the single-process generator. */
  static boolean isTemporary(String name) {
    return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
  }
}
