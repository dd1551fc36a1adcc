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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * <p><b>Parallelism.</b> {@code threads} workers write (date, file) chunks concurrently; a partition's
 * manifest is written once all its files are. Each file becomes visible atomically (rename, or
 * completed S3 upload); part files of an earlier run that this run does not rewrite are deleted.
 */
public final class PaymentGenerator {
  /** Recorded in every truth manifest. */
  public static final String VERSION = "1.0.0";

  /** How often {@link GenerationListener#progress} is called. */
  public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

  private final GeneratorConfig config;

  public PaymentGenerator(GeneratorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public GeneratorConfig config() {
    return config;
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
    Population population = new Population(config);
    List<DayPlan> days = new ArrayList<>();
    for (int i = 0; i < config.days(); i++) {
      days.add(new DayPlan(config, i));
    }

    long dataLines = 0;
    long bytes = 0;
    int files = 0;
    Map<DefectKind, Long> defects = new EnumMap<>(DefectKind.class);
    LongAdder workerCpu = new LongAdder();
    LongAdder linesDone = new LongAdder();
    long linesExpected = expectedLines(days);
    ExecutorService pool = Executors.newFixedThreadPool(config.threads(), new WorkerThreads());
    ThreadLocal<PartWriter> writers = ThreadLocal.withInitial(
        () -> new PartWriter(new RowEngine(population, config.defects(), config.panHashKey())));
    try (ObjectStore store = ObjectStore.open(target)) {
      List<List<Future<PartResult>>> futures = new ArrayList<>();
      for (DayPlan day : days) {
        DayPlan previous = day.first ? null : days.get(day.index - 1);
        String folder = LakeLayout.RAW_PAYMENTS + "/" + LakeLayout.ingestPartition(day.date);
        List<Future<PartResult>> ofDay = new ArrayList<>();
        for (int f = 0; f < day.files; f++) {
          int file = f;
          ofDay.add(pool.submit(task(store, workerCpu, linesDone, folder + "/" + DayPlan.dataFileName(file),
              out -> writers.get().writeData(day, previous, file, out))));
        }
        if (day.hasDrift()) {
          ofDay.add(pool.submit(task(store, workerCpu, linesDone, folder + "/" + DayPlan.DRIFT_FILE_NAME,
              out -> writers.get().writeDrift(day, out))));
        }
        futures.add(ofDay);
      }

      for (DayPlan day : days) {
        List<PartResult> results = new ArrayList<>();
        for (Future<PartResult> future : futures.get(day.index)) {
          results.add(await(future, () -> listener.progress(linesDone.sum(), linesExpected)));
        }
        TruthManifest manifest = finish(store, day, results);
        for (PartResult result : results) {
          listener.fileWritten(day.date, result.name(), result.dataLines(), result.bytes());
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

  private TruthManifest finish(ObjectStore store, DayPlan day, List<PartResult> results) throws IOException {
    String folder = LakeLayout.RAW_PAYMENTS + "/" + LakeLayout.ingestPartition(day.date);
    Set<String> names = new HashSet<>();
    DefectLog log = new DefectLog();
    List<TruthManifest.FileEntry> entries = new ArrayList<>();
    long lines = 0;
    for (PartResult result : results) {
      names.add(result.name());
      log.addAll(result.defects());
      entries.add(result.fileEntry());
      lines += result.dataLines();
    }
    store.deleteStaleParts(folder, names);
    TruthManifest manifest = new TruthManifest(RawContract.VERSION, VERSION, config.seed(),
        day.date.toString(), entries, lines, log.entries());
    String path = LakeLayout.TRUTH_MANIFESTS + "/" + LakeLayout.ingestPartition(day.date) + "/truth.json";
    try (AtomicOutput out = store.create(path)) {
      out.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
      out.commit();
    }
    return manifest;
  }

  /** Base rows, the extra lines of duplicates and replays, and the drift files. */
  private long expectedLines(List<DayPlan> days) {
    double extra = config.defects().rate(DefectKind.EXACT_DUPLICATE) + config.defects().rate(DefectKind.REPLAY_LATER_STATUS);
    long lines = 0;
    for (DayPlan day : days) {
      lines += Math.round(day.baseRows * (1 + extra)) + day.driftRows;
    }
    return lines;
  }

  private static Callable<PartResult> task(ObjectStore store, LongAdder workerCpu, LongAdder linesDone, String path,
      FileBody body) {
    return () -> {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      boolean measured = threads.isCurrentThreadCpuTimeSupported();
      long cpuStart = measured ? threads.getCurrentThreadCpuTime() : 0;
      try (AtomicOutput out = store.create(path)) {
        PartResult result = body.write(out);
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

  private static PartResult await(Future<PartResult> future, Runnable progress) throws IOException {
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

  @FunctionalInterface
  private interface FileBody {
    PartResult write(AtomicOutput out) throws IOException;
  }

  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "payment-generator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
