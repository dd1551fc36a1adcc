package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.RawContract;
import com.paymentslake.contract.TruthManifest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Generates raw card payments into a lake root: per ingest date, the part files {@code
 * raw/payments/ingest_date=YYYY-MM-DD/part-NNNNN.csv} (plus {@code part-drift-00000.csv} on drift
 * days) and then the truth manifest {@code manifests/payments/ingest_date=YYYY-MM-DD/truth.json}.
 *
 * <p><b>Determinism.</b> Every row is a pure function of (seed, ingest date, row index) computed with
 * the project's own SplitMix64, and files are cut by {@code rowsPerFile} only: the same config
 * gives byte-identical files and manifests whatever {@code threads} and machine. txn_ids are
 * {@code T<yyyyMMdd>-<10-digit row index of the day>} ({@code T<yyyyMMdd>-X<index>} in drift files),
 * unique across days and files.
 *
 * <p><b>Parallelism.</b> {@code threads} workers write the run's {@link Chunk}s (one per file)
 * concurrently with {@link ChunkWriter}s; a partition's manifest is written once all its files are.
 * Other runtimes (the Spark generation job) distribute the same chunks and call {@link
 * #manifest(LocalDate, Collection)} with their results. Each file becomes visible atomically (rename, or
 * completed S3 upload); part files of an earlier run that this run does not rewrite are deleted.
 */
public final class PaymentGenerator {
  /**
   * Recorded in every truth manifest; it changes whenever the same config gives other data (1.1.0:
   * fewer draws per row, see the generator README).
   */
  public static final String VERSION = "1.1.0";

  /** How often {@link GenerationListener#progress} is called. */
  public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
  /** Worker threads are named this plus a number. */
  static final String WORKER_THREAD_PREFIX = "payment-generator-";

  private final GeneratorConfig config;
  private final List<DayPlan> days;
  private final List<Chunk> chunks;
  /** What the manifests record of the config ({@link GeneratorOptions#settings}). */
  private final Map<String, String> settings;
  private Population population;

  public PaymentGenerator(GeneratorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    List<DayPlan> plans = new ArrayList<>();
    List<Chunk> all = new ArrayList<>();
    for (int i = 0; i < config.days(); i++) {
      DayPlan day = new DayPlan(config, i);
      plans.add(day);
      String folder = rawFolder(day.date);
      for (int f = 0; f < day.files; f++) {
        String name = day.dataFileName(f);
        all.add(new Chunk(day.date, i, f, false, name, folder + "/" + name, day.fileEnd(f) - day.fileStart(f)));
      }
      if (day.hasDrift()) {
        String name = day.driftFileName();
        all.add(new Chunk(day.date, i, 0, true, name, folder + "/" + name, day.driftRows));
      }
    }
    this.days = List.copyOf(plans);
    this.chunks = List.copyOf(all);
    this.settings = GeneratorOptions.settings(config);
  }

  public GeneratorConfig config() {
    return config;
  }

  /**
   * Every file of the run, in a fixed order: per ingest date, its data files in number order, then
   * its drift file (on drift days).
   */
  public List<Chunk> chunks() {
    return chunks;
  }

  /** The chunks of one ingest date of the run. */
  public List<Chunk> chunks(LocalDate ingestDate) {
    return chunks.stream().filter(c -> c.ingestDate().equals(ingestDate)).toList();
  }

  /**
   * A new writer of this run's chunks, for one thread. The first call builds the run's world (cities,
   * merchants) and card cache, which all writers of this generator share.
   */
  public ChunkWriter chunkWriter() {
    return new ChunkWriter(config, days, population());
  }

  private synchronized Population population() {
    if (population == null) {
      population = new Population(config);
    }
    return population;
  }

  /**
   * The truth manifest of one ingest date from the results of all of its chunks (in any order).
   *
   * @throws IllegalArgumentException when a chunk of the date is missing, repeated or foreign
   */
  public TruthManifest manifest(LocalDate ingestDate, Collection<ChunkResult> results) {
    List<Chunk> expected = chunks(ingestDate);
    if (expected.isEmpty()) {
      throw new IllegalArgumentException("Ingest date " + ingestDate + " is not in the run " + config.startDate()
          + ".." + config.endDate());
    }
    Map<String, ChunkResult> byPath = new TreeMap<>();
    for (ChunkResult result : results) {
      if (!expected.contains(result.chunk())) {
        throw new IllegalArgumentException("Chunk " + result.chunk().path() + " is not a file of ingest date "
            + ingestDate + " in this run");
      }
      if (byPath.put(result.chunk().path(), result) != null) {
        throw new IllegalArgumentException("Chunk " + result.chunk().path() + " has more than one result");
      }
    }
    List<String> missing = expected.stream().map(Chunk::path).filter(p -> !byPath.containsKey(p)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Ingest date " + ingestDate + " lacks the results of " + missing);
    }
    DefectLog log = new DefectLog();
    List<TruthManifest.FileEntry> entries = new ArrayList<>();
    long lines = 0;
    for (Chunk chunk : expected) {
      ChunkResult result = byPath.get(chunk.path());
      log.addAll(result.defects());
      entries.add(result.fileEntry());
      lines += result.dataLines();
    }
    return new TruthManifest(RawContract.VERSION, VERSION, config.seed(), ingestDate.toString(), entries, lines,
        log.entries(), settings);
  }

  /**
   * Whether a file name is one the generator owns in a raw partition, {@code part-*.csv} or {@code
   * part-*.csv.gz}: a re-run deletes those it did not write again, and leaves every other file alone.
   */
  public static boolean isPartFile(String name) {
    if (!name.startsWith("part-")) {
      return false;
    }
    for (Compression compression : Compression.values()) {
      if (name.endsWith(compression.extension())) {
        return true;
      }
    }
    return false;
  }

  /** Where the raw files of an ingest date go, relative to the lake root. */
  public static String rawFolder(LocalDate ingestDate) {
    return LakeLayout.RAW_PAYMENTS + "/" + LakeLayout.ingestPartition(ingestDate);
  }

  /** Where the truth manifest of an ingest date goes, relative to the lake root. */
  public static String manifestPath(LocalDate ingestDate) {
    return LakeLayout.TRUTH_MANIFESTS + "/" + LakeLayout.ingestPartition(ingestDate) + "/truth.json";
  }

  /**
   * Writes all partitions of the config to the target.
   *
   * @throws IOException when a file cannot be written; files already completed stay in place, the
   *     failed file is never visible, and the failed partition gets no manifest
   */
  public GenerationSummary generate(OutputTarget target, GenerationListener listener) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(listener, "listener");
    long started = System.nanoTime();
    long dataLines = 0;
    long bytes = 0;
    int files = 0;
    Map<DefectKind, Long> defects = new EnumMap<>(DefectKind.class);
    LongAdder workerCpu = new LongAdder();
    LongAdder linesDone = new LongAdder();
    long linesExpected = expectedLines();
    ExecutorService pool = Executors.newFixedThreadPool(config.threads(), new WorkerThreads());
    ThreadLocal<ChunkWriter> writers = ThreadLocal.withInitial(this::chunkWriter);
    try (ObjectStore store = ObjectStore.open(target)) {
      Map<LocalDate, List<Future<ChunkResult>>> futures = new LinkedHashMap<>();
      for (Chunk chunk : chunks) {
        futures.computeIfAbsent(chunk.ingestDate(), d -> new ArrayList<>())
            .add(pool.submit(task(store, workerCpu, linesDone, chunk, writers)));
      }
      for (Iterator<Map.Entry<LocalDate, List<Future<ChunkResult>>>> days = futures.entrySet().iterator();
          days.hasNext(); ) {
        Map.Entry<LocalDate, List<Future<ChunkResult>>> day = days.next();
        List<ChunkResult> results = new ArrayList<>();
        for (Future<ChunkResult> future : day.getValue()) {
          results.add(await(future, () -> listener.progress(linesDone.sum(), linesExpected)));
          listener.progress(linesDone.sum(), linesExpected);
        }
        // A done future keeps its result (the day's defect txn_ids and details): drop the day's
        // futures once its results are collected, so memory holds one day's defects, not the run's.
        days.remove();
        TruthManifest manifest = finish(store, day.getKey(), results);
        for (ChunkResult result : results) {
          listener.fileWritten(day.getKey(), result.chunk().fileName(), result.dataLines(), result.bytes());
          bytes += result.bytes();
          files++;
        }
        dataLines += manifest.dataLines();
        manifest.defects().forEach((kind, entry) -> defects.merge(kind, entry.count(), Long::sum));
        listener.partitionWritten(manifest);
      }
    } finally {
      pool.shutdownNow();
      awaitTermination(pool);
    }
    return new GenerationSummary(dataLines, bytes, files, config.ingestDates(), defects,
        Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(workerCpu.sum()));
  }

  private TruthManifest finish(ObjectStore store, LocalDate date, List<ChunkResult> results) throws IOException {
    Set<String> names = new HashSet<>();
    for (ChunkResult result : results) {
      names.add(result.chunk().fileName());
    }
    store.deleteStaleParts(rawFolder(date), names);
    TruthManifest manifest = manifest(date, results);
    try (AtomicOutput out = store.create(manifestPath(date))) {
      out.write(manifest.toJsonBytes());
      out.commit();
    }
    return manifest;
  }

  /** Data lines the run will write: base rows, the extra lines of duplicates and replays, drift files. */
  public long expectedLines() {
    double extra = config.defects().rate(DefectKind.EXACT_DUPLICATE) + config.defects().rate(DefectKind.REPLAY_LATER_STATUS);
    long lines = 0;
    for (DayPlan day : days) {
      lines += Math.round(day.baseRows * (1 + extra)) + day.driftRows;
    }
    return lines;
  }

  private static Callable<ChunkResult> task(ObjectStore store, LongAdder workerCpu, LongAdder linesDone, Chunk chunk,
      ThreadLocal<ChunkWriter> writers) {
    return () -> {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      boolean measured = threads.isCurrentThreadCpuTimeSupported();
      long cpuStart = measured ? threads.getCurrentThreadCpuTime() : 0;
      try (AtomicOutput out = store.create(chunk.path())) {
        ChunkResult result = writers.get().write(chunk, out);
        out.commit();
        linesDone.add(result.dataLines());
        return result;
      } finally {
        if (measured) {
          workerCpu.add(threads.getCurrentThreadCpuTime() - cpuStart);
        }
      }
    };
  }

  private static ChunkResult await(Future<ChunkResult> future, Runnable progress) throws IOException {
    try {
      while (true) {
        try {
          return future.get(PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          progress.run();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while generating payments");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("Generating payments failed", cause);
    }
  }

  private static void awaitTermination(ExecutorService pool) {
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, WORKER_THREAD_PREFIX + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
