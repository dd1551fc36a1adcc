package com.paymentslake.jobs.generate;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.TruthManifest;
import com.paymentslake.generator.Chunk;
import com.paymentslake.generator.ChunkResult;
import com.paymentslake.generator.Compression;
import com.paymentslake.generator.GeneratorOptions;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.HadoopConf;
import com.paymentslake.jobs.common.JobArguments;
import com.paymentslake.jobs.common.JobFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generation job: the generator core of {@code ./lake generate} run in Spark executors, writing
 * raw payments and truth manifests to a lake root, byte for byte what the single-process generator
 * writes for the same options. See the package documentation for arguments, defaults and examples.
 *
 * <p>Run order: parse the arguments into a {@link GenerateConfig}; on the driver, plan the run's
 * files ({@link PaymentGenerator#chunks()}) and group consecutive ingest dates into waves of at most
 * {@link GenerationPlan#WAVE_ROWS} base rows ({@link GenerationPlan#waves}). Per wave: run one Spark
 * task per file, biggest first, each writing its file through Hadoop's FileSystem, visible only once
 * complete ({@link ChunkTask}, {@link AtomicFiles}); collect the tasks' {@link ChunkResult}s; then
 * per ingest date delete the stale part files of earlier runs ({@link GenerationPlan#staleParts})
 * and leftover temporary files, and write its {@code truth.json} last; log the run's progress. The
 * driver so holds one wave's defect ids at a time. A failed task fails the job before the manifests
 * of its wave are written; the partitions of earlier waves are complete, and a re-run writes them
 * again byte for byte.
 */
public final class GenerateJob {
  static final String JOB = "generate";
  static final String LAKE_ROOT = "lake-root";
  static final String NO_DEFECTS = "no-defects";
  static final String ROWS_PER_FILE = "rows-per-file";
  static final String COMPRESSION = "compression";
  /**
   * The generator's {@code --mode} under a name AWS Glue does not reserve: Glue lists {@code --mode}
   * among its own job arguments, which jobs must not set.
   */
  static final String GENERATION_MODE = "generation-mode";
  private static final String MODE = "mode";

  /** Options of {@code ./lake generate} that mean nothing in this job, with the reason. */
  static final Map<String, String> REFUSED = refused();

  /** The job's own arguments, with the help text shown when one is wrong. */
  static final Map<String, String> ARGUMENTS = arguments();

  private static final Logger LOG = LoggerFactory.getLogger(GenerateJob.class);

  private GenerateJob() {}

  /**
   * Glue / spark-submit entry point. A failure is logged and rethrown, so the driver exits non-zero
   * and the message becomes the Glue job run's error message.
   */
  public static void main(String[] args) {
    try {
      GenerateConfig config = config(args, System.getenv(), Clock.systemUTC());
      run(SparkSession.builder().getOrCreate(), config);
    } catch (JobFailure failure) {
      LOG.error("{} job failed: {}", JOB, failure.getMessage());
      throw failure;
    }
  }

  /**
   * Parses Glue-style arguments ({@code --key value} or {@code --key=value}; {@code --no-defects}
   * also bare, as on the command line) into a config. Without {@code --rows-per-file} the job's
   * default for the compression applies ({@link GenerateConfig#defaultRowsPerFile}).
   *
   * @param env where {@code LAKE_PAN_HASH_KEY} is looked up when {@code --pan-hash-key} is absent
   * @param clock today (UTC), for the dates that default relative to today
   * @throws JobFailure INVALID_ARGUMENT naming the key and the rule it breaks
   */
  static GenerateConfig config(String[] args, Map<String, String> env, Clock clock) {
    String[] normalized = withFlagValues(args);
    refuseMeaninglessOptions(normalized);
    JobArguments arguments = JobArguments.parse(JOB, normalized, ARGUMENTS);
    String lakeRoot = arguments.required(LAKE_ROOT);
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : ARGUMENTS.keySet()) {
      if (key.equals(LAKE_ROOT)) {
        continue;
      }
      arguments.optional(key).ifPresent(value -> values.put("--" + key, value));
    }
    String generationMode = values.remove("--" + GENERATION_MODE);
    if (generationMode != null) {
      if (values.containsKey("--" + MODE)) {
        throw invalid("arguments --" + MODE + " and --" + GENERATION_MODE + " name the same setting; give one"
            + " (on AWS Glue --" + GENERATION_MODE + ", as Glue reserves --" + MODE + ")", null);
      }
      values.put("--" + MODE, generationMode);
    }
    String noDefects = values.remove("--" + NO_DEFECTS);
    if (noDefects != null) {
      if (noDefects.strip().equalsIgnoreCase("true")) {
        values.put("--" + NO_DEFECTS, "true");
      } else if (!noDefects.strip().equalsIgnoreCase("false")) {
        throw invalid("argument --" + NO_DEFECTS + " is '" + noDefects + "' but must be true or false", null);
      }
    }
    try {
      if (!values.containsKey("--" + ROWS_PER_FILE)) {
        Compression compression = GeneratorOptions.parse(values, env, clock).config().compression();
        values.put("--" + ROWS_PER_FILE, Integer.toString(GenerateConfig.defaultRowsPerFile(compression)));
      }
      GeneratorOptions.Parsed parsed = GeneratorOptions.parse(values, env, clock);
      return new GenerateConfig(lakeRoot, parsed.config(), parsed.mode(), parsed.targetBytes());
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage(), e);
    }
  }

  /** Generates the configured run into the lake root; see the class comment. */
  public static GenerateResult run(SparkSession spark, GenerateConfig config) {
    return run(spark, config, GenerationPlan.WAVE_ROWS);
  }

  /** {@link #run(SparkSession, GenerateConfig)} in waves of at most {@code waveRows} base rows (tests). */
  static GenerateResult run(SparkSession spark, GenerateConfig config, long waveRows) {
    long started = System.nanoTime();
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    String root = io(() -> AtomicFiles.qualified(config.lakeRoot(), hadoopConf), "qualify the lake root " + config.lakeRoot());
    PaymentGenerator generator = new PaymentGenerator(config.generator());
    List<Chunk> chunks = generator.chunks();
    List<List<Integer>> waves = GenerationPlan.waves(chunks, waveRows);
    LOG.info("Generating {} files for ingest dates {}..{} ({} mode{}) into {} in {} wave(s): {}", chunks.size(),
        config.generator().startDate(), config.generator().endDate(), config.mode().optionValue(),
        config.targetBytes().isPresent() ? ", target size " + config.targetBytes().getAsLong() + " bytes" : "", root,
        waves.size(), config.generator());

    List<String> stale = new ArrayList<>();
    Map<DefectKind, Long> defects = new EnumMap<>(DefectKind.class);
    long dataLines = 0;
    long bytes = 0;
    long rowsDone = 0;
    long rowsTotal = chunks.stream().mapToLong(Chunk::baseRows).sum();
    for (int w = 0; w < waves.size(); w++) {
      List<Integer> wave = waves.get(w);
      // The wave's results are dropped once its manifests are written: the driver never holds more.
      TreeMap<LocalDate, List<ChunkResult>> byDate = new TreeMap<>();
      for (ChunkResult result : writeChunks(spark, root, config, wave, w, waves.size())) {
        byDate.computeIfAbsent(result.chunk().ingestDate(), date -> new ArrayList<>()).add(result);
      }
      for (Map.Entry<LocalDate, List<ChunkResult>> date : byDate.entrySet()) {
        List<ChunkResult> ofDate = date.getValue();
        List<String> deleted = finishPartition(hadoopConf, root, generator, date.getKey(), ofDate);
        stale.addAll(deleted);
        long dateBytes = ofDate.stream().mapToLong(ChunkResult::bytes).sum();
        long dateLines = ofDate.stream().mapToLong(ChunkResult::dataLines).sum();
        LOG.info("ingest_date={}: {} lines, {} bytes, {} files{}", date.getKey(), dateLines, dateBytes, ofDate.size(),
            deleted.isEmpty() ? "" : "; deleted stale " + deleted);
        dataLines += dateLines;
        bytes += dateBytes;
        for (ChunkResult result : ofDate) {
          for (DefectKind kind : DefectKind.values()) {
            defects.merge(kind, result.count(kind), Long::sum);
          }
        }
      }
      rowsDone += wave.stream().mapToLong(i -> chunks.get(i).baseRows()).sum();
      LOG.info("Wave {}/{} done: ingest dates {}..{}; {}", w + 1, waves.size(), byDate.firstKey(), byDate.lastKey(),
          progress(rowsDone, rowsTotal, System.nanoTime() - started));
    }
    GenerateResult result = new GenerateResult(root, config.generator().ingestDates(), chunks.size(), dataLines,
        bytes, defects, stale, Duration.ofNanos(System.nanoTime() - started));
    LOG.info("Generated {} rows, {} bytes, {} files over {} ingest dates into {} in {} s ({} rows/s); defects by"
            + " kind: {}", result.dataLines(), result.bytes(), result.files(), result.ingestDates().size(), root,
        String.format(Locale.ROOT, "%.1f", result.elapsed().toMillis() / 1000.0),
        Math.round(result.linesPerSecond()), result.defects());
    return result;
  }

  /** Base rows done of the run, the rate so far and the time left at that rate. */
  static String progress(long rowsDone, long rowsTotal, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? rowsDone / seconds : 0;
    String left = rate > 0 ? String.format(Locale.ROOT, "about %.0f s left", (rowsTotal - rowsDone) / rate)
        : "time left unknown";
    return String.format(Locale.ROOT, "%,d of %,d base rows (%.1f%%), %,.0f rows/s, %s", rowsDone, rowsTotal,
        rowsTotal > 0 ? 100.0 * rowsDone / rowsTotal : 100.0, rate, left);
  }

  /** One Spark task per chunk, in the given order of chunk numbers; returns the tasks' results. */
  private static List<ChunkResult> writeChunks(
      SparkSession spark, String root, GenerateConfig config, List<Integer> tasks, int wave, int waves) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<byte[]> hadoop =
        context.broadcast(JavaSerialization.bytes(new HadoopConf(spark.sparkContext().hadoopConfiguration())));
    context.setJobDescription("generate " + tasks.size() + " raw payment files into " + root + " (wave " + (wave + 1)
        + " of " + waves + ")");
    try {
      // One partition per chunk: ParallelCollectionRDD slices n elements into n partitions of one.
      return context.parallelize(tasks, tasks.size())
          .map(new ChunkTask(config.generator(), root, hadoop))
          .collect()
          .stream()
          .map(bytes -> JavaSerialization.value(bytes, ChunkResult.class))
          .toList();
    } finally {
      context.setJobDescription(null);
      hadoop.destroy();
    }
  }

  /**
   * After all files of a date are written: deletes its stale part files and leftover temporary files,
   * then writes its truth manifest. Returns the deleted stale files.
   */
  private static List<String> finishPartition(
      Configuration hadoopConf, String root, PaymentGenerator generator, LocalDate date, List<ChunkResult> results) {
    Path folder = new Path(root + "/" + PaymentGenerator.rawFolder(date));
    Path manifestPath = new Path(root + "/" + PaymentGenerator.manifestPath(date));
    TruthManifest manifest = generator.manifest(date, results);
    return io(() -> {
      AtomicFiles files = AtomicFiles.of(folder, hadoopConf);
      Set<String> written = new HashSet<>();
      results.forEach(result -> written.add(result.chunk().fileName()));
      List<String> names = files.fileNames(folder);
      List<String> deleted = new ArrayList<>();
      for (String name : GenerationPlan.staleParts(names, written)) {
        Path file = new Path(folder, name);
        if (files.delete(file)) {
          deleted.add(file.toString());
        }
      }
      removeTemporaries(files, folder, names);
      removeTemporaries(files, manifestPath.getParent(), files.fileNames(manifestPath.getParent()));
      files.write(manifestPath, manifest.toJsonBytes());
      return deleted;
    }, "finish ingest date " + date + " under " + root);
  }

  /** Temporary files left by killed task attempts (a failed attempt deletes its own). */
  private static void removeTemporaries(AtomicFiles files, Path folder, List<String> names) throws IOException {
    for (String name : names) {
      if (GenerationPlan.isTemporary(name) && files.delete(new Path(folder, name))) {
        LOG.info("Deleted the leftover temporary file {}", new Path(folder, name));
      }
    }
  }

  /** Inserts {@code true} after a bare {@code --no-defects} (last, or followed by another key). */
  static String[] withFlagValues(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      out.add(args[i]);
      boolean bare = args[i].equals("--" + NO_DEFECTS);
      if (bare && (i + 1 == args.length || args[i + 1].startsWith("--"))) {
        out.add("true");
      } else if (!args[i].contains("=") && args[i].startsWith("--") && i + 1 < args.length) {
        out.add(args[++i]); // the value of a --key value pair, whatever it looks like
      }
    }
    return out.toArray(String[]::new);
  }

  private static void refuseMeaninglessOptions(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String token = args[i];
      if (!token.startsWith("--")) {
        continue; // JobArguments reports the misplaced value
      }
      int equals = token.indexOf('=');
      String key = equals > 0 ? token.substring(2, equals) : token.substring(2);
      String reason = REFUSED.get(key);
      if (reason != null) {
        throw invalid("argument --" + key + " is not supported: " + reason, null);
      }
      if (equals < 0) {
        i++; // skip the value
      }
    }
  }

  private static JobFailure invalid(String problem, Throwable cause) {
    return new JobFailure(ErrorCode.INVALID_ARGUMENT, "job " + JOB + ": " + problem, cause);
  }

  private static Map<String, String> refused() {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("threads", "parallelism is Spark's (one task per file); size the job with Glue workers or"
        + " spark.executor.instances and spark.executor.cores; the output never depends on it");
    refused.put("out", "the job writes to --lake-root");
    String s3 = "the job reaches S3 through Hadoop's FileSystem: set spark.hadoop.fs.s3a.* (or the platform's)"
        + " configuration instead";
    for (String key : List.of("endpoint", "region", "access-key", "secret-key", "path-style")) {
      refused.put(key, s3);
    }
    return Collections.unmodifiableMap(refused);
  }

  private static Map<String, String> arguments() {
    Map<String, String> arguments = new LinkedHashMap<>();
    arguments.put(LAKE_ROOT, "required: lake root URI, e.g. s3://bucket[/prefix], s3a://bucket or file:///tmp/lake");
    for (String[] line : GeneratorOptions.helpLines()) {
      String usage = line[0];
      if (!usage.startsWith("--") || usage.startsWith("--rate-")) {
        continue;
      }
      String key = usage.split(" ")[0].substring(2);
      if (REFUSED.containsKey(key)) {
        continue;
      }
      String help = switch (key) {
        case ROWS_PER_FILE -> "Base rows per part file (job default " + GenerateConfig.DEFAULT_ROWS_PER_FILE
            + ", about 258 MB; with --compression gzip " + GenerateConfig.DEFAULT_ROWS_PER_FILE_GZIP
            + ", about 222 MB)";
        case NO_DEFECTS -> "true|false: " + line[1];
        default -> line[1];
      };
      arguments.put(key, "optional: " + help);
      if (key.equals(MODE)) {
        arguments.put(GENERATION_MODE, "optional: the same as --" + MODE + ", under a name AWS Glue does not"
            + " reserve (use it on Glue)");
      }
    }
    for (DefectKind kind : DefectKind.values()) {
      String key = "rate-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (!GeneratorOptions.isOption("--" + key)) {
        throw new IllegalStateException("The generator has no option --" + key);
      }
      arguments.put(key, "optional: rate of " + kind + ", a fraction in [0, 1]");
    }
    return Collections.unmodifiableMap(arguments);
  }

  private static <T> T io(IoCall<T> call, String what) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot " + what + ": " + e, e);
    }
  }

  @FunctionalInterface
  private interface IoCall<T> {
    T call() throws IOException;
  }
}
