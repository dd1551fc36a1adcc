package com.paymentslake.jobs.bronze;

import static org.apache.spark.sql.functions.col;

import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.PanSafety;
import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.HadoopConf;
import com.paymentslake.jobs.common.IngestLineage;
import com.paymentslake.jobs.common.JobArguments;
import com.paymentslake.jobs.common.JobDates;
import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.common.JsonFiles;
import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.common.RunIds;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw to bronze: checks each raw file's header against the contract (a drifted file is quarantined
 * whole), parses and types every line (unparseable lines go to audit/bronze_rejects with file, line
 * number and reason), deduplicates by txn_id together with the rows already in the affected txn_date
 * partitions (see {@link BronzeTransforms} for the winner rule), writes Snappy Parquet partitioned by
 * txn_date replacing only those partitions, and checks conservation on what it wrote.
 *
 * <p>Arguments (Glue style): {@code --lake-root s3://bucket [--ingest-dates 2026-11-01,2026-11-02]
 * [--run-id ID]}. Without {@code --ingest-dates} the job loads every raw ingest partition bronze has
 * no lineage record of yet (the new ones), which is how a scheduled or on-demand Glue workflow run
 * finds its scope without run-property plumbing; a replay names its dates explicitly.
 */
public final class BronzeJob {
  public static final String NAME = "bronze";

  static final Map<String, String> ARGUMENTS =
      argumentHelp(
          "lake-root", "lake root URI, e.g. s3://my-lake-bucket",
          "ingest-dates", "comma-separated raw ingest dates, yyyy-MM-dd; default: every raw ingest partition not loaded yet",
          "run-id", "optional run id; defaults to Glue's JOB_RUN_ID or a generated id");

  private static final Logger LOG = LoggerFactory.getLogger(BronzeJob.class);

  private BronzeJob() {}

  public static void main(String[] args) {
    JobArguments arguments = JobArguments.parse(NAME, args, ARGUMENTS);
    SparkSession spark = SparkSession.builder().appName("payments-lake-" + NAME).getOrCreate();
    spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
    Optional<BronzeConfig> config = config(arguments, lake -> IngestLineage.pendingIngestDates(spark, lake));
    if (config.isEmpty()) {
      LOG.info("bronze: no new raw ingest partition to load");
      return;
    }
    BronzeResult result = run(spark, config.get());
    LOG.info("bronze run {} finished: {}", result.runId(), result);
  }

  /** Parses arguments that name the ingest dates (tests and tools). */
  static BronzeConfig config(JobArguments arguments) {
    return config(arguments, lake -> {
      throw new JobFailure(ErrorCode.INVALID_ARGUMENT, "job " + NAME + " needs --ingest-dates here");
    }).orElseThrow();
  }

  /**
   * Parses arguments; without {@code --ingest-dates} the scope is {@code pending}'s answer (the raw
   * ingest partitions bronze has not loaded yet), empty when there is none.
   */
  static Optional<BronzeConfig> config(JobArguments arguments, Function<LakeLayout, List<LocalDate>> pending) {
    LakeLayout lake = new LakeLayout(arguments.required("lake-root"));
    List<LocalDate> dates = arguments.optional("ingest-dates")
        .map(text -> JobDates.parse(NAME, "ingest-dates", text))
        .orElseGet(() -> pending.apply(lake));
    if (dates.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BronzeConfig(lake, dates, RunIds.from(arguments, NAME), arguments.optional("WORKFLOW_RUN_ID")));
  }

  /** Promotes the configured raw partitions to bronze. */
  public static BronzeResult run(SparkSession spark, BronzeConfig config) {
    LakeLayout lake = config.lake();
    Instant started = Instant.now();
    List<RawFile> files = listRawFiles(spark, config);
    int driftFiles = (int) files.stream().filter(RawFile::drifted).count();
    LOG.info("bronze {}: {} raw files in {} ingest partitions ({} with schema drift)",
        config.runId(), files.size(), config.ingestDates().size(), driftFiles);

    Dataset<Row> parsed = parse(spark, files).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> byReason = countByReason(parsed);
      long rawLines = byReason.values().stream().mapToLong(Long::longValue).sum();
      long driftLines = byReason.getOrDefault("SCHEMA_DRIFT", 0L);
      long rejectedLines = rawLines - byReason.getOrDefault("", 0L) - driftLines;

      Dataset<Row> incoming = BronzeTransforms.goodLines(parsed);
      Map<LocalDate, List<LocalDate>> txnDatesByIngestDate = txnDatesByIngestDate(incoming, config.ingestDates());
      List<LocalDate> affected = txnDatesByIngestDate.values().stream().flatMap(List::stream).distinct().sorted()
          .toList();
      Dataset<Row> existing = readExisting(spark, lake, affected);
      Dataset<Row> classified = BronzeTransforms.classify(incoming, existing).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Map<LineOutcome, Long> outcomes = BronzeTransforms.outcomeCounts(classified);
        long before = outcomes.get(LineOutcome.KEPT) + outcomes.get(LineOutcome.REMOVED);
        BronzeResult result =
            new BronzeResult(config.runId(), config.ingestDates(), files.size(), rawLines, driftFiles, driftLines,
                rejectedLines, outcomes.get(LineOutcome.DUPLICATE_DROPPED), outcomes.get(LineOutcome.SUPERSEDED),
                outcomes.get(LineOutcome.INSERTED), outcomes.get(LineOutcome.REPLACED_EXISTING),
                outcomes.get(LineOutcome.ALREADY_LOADED), affected, before, 0);
        checkLineConservation(result);

        write(BronzeTransforms.winners(classified), BronzeTransforms.rejects(parsed, config.runId()), lake,
            config.ingestDates(), spark);
        long after = countWritten(spark, lake.bronzePayments(), PaymentSchemas.TXN_DATE, affected);
        long rejectsWritten = countWritten(spark, lake.bronzeRejects(), PaymentSchemas.INGEST_DATE, config.ingestDates());
        result = new BronzeResult(result.runId(), result.ingestDates(), result.rawFiles(), result.rawLines(),
            result.driftFiles(), result.driftLines(), result.rejectedLines(), result.duplicatesDropped(),
            result.supersededVersions(), result.inserted(), result.replacedExisting(), result.alreadyLoaded(),
            affected, before, after);
        checkWrittenCounts(result, rejectsWritten);
        writeSummary(spark, lake, result, started);
        txnDatesByIngestDate.forEach((ingestDate, txnDates) ->
            IngestLineage.write(spark, lake,
                new IngestLineage.Entry(ingestDate, config.runId(), config.workflowRunId().orElse(null), txnDates)));
        LOG.info("bronze {}: {} raw lines -> {} new rows, {} rejects, {} duplicates, {} superseded",
            config.runId(), rawLines, result.inserted(), result.rejectRows(), result.duplicatesDropped(),
            result.supersededVersions());
        return result;
      } finally {
        classified.unpersist();
      }
    } finally {
      parsed.unpersist();
    }
  }

  /** For every ingest date in scope (even one without a typed line), the txn dates of its typed lines. */
  private static Map<LocalDate, List<LocalDate>> txnDatesByIngestDate(Dataset<Row> incoming, List<LocalDate> ingestDates) {
    Map<LocalDate, List<LocalDate>> byIngestDate = new TreeMap<>();
    ingestDates.forEach(date -> byIngestDate.put(date, new ArrayList<>()));
    incoming.select(col(PaymentSchemas.INGEST_DATE), col(PaymentSchemas.TXN_DATE)).distinct().collectAsList()
        .forEach(row -> byIngestDate.computeIfAbsent(row.getDate(0).toLocalDate(), d -> new ArrayList<>())
            .add(row.getDate(1).toLocalDate()));
    return byIngestDate;
  }

  /** Lists the data files of every ingest partition and checks each header against the contract. */
  static List<RawFile> listRawFiles(SparkSession spark, BronzeConfig config) {
    LakeLayout lake = config.lake();
    List<RawFile> files = new ArrayList<>();
    try {
      for (LocalDate date : config.ingestDates()) {
        Path partition = new Path(lake.rawPartition(date));
        FileSystem fs = partition.getFileSystem(spark.sparkContext().hadoopConfiguration());
        FileStatus[] statuses;
        try {
          statuses = fs.listStatus(partition);
        } catch (FileNotFoundException e) {
          throw new JobFailure(ErrorCode.INPUT_NOT_FOUND, "raw ingest partition " + lake.rawPartition(date) + " does not exist");
        }
        Arrays.sort(statuses);
        int before = files.size();
        for (FileStatus status : statuses) {
          String name = status.getPath().getName();
          if (!status.isFile() || name.startsWith("_") || name.startsWith(".")) {
            continue;
          }
          if (!RawText.isRawDataFile(name)) {
            LOG.warn("bronze: skipping {} in {}: not a .csv or .csv.gz file", name, partition);
            continue;
          }
          String relative = LakeLayout.RAW_PAYMENTS + "/" + LakeLayout.ingestPartition(date) + "/" + name;
          String drift = headerDifference(fs, status.getPath(), spark.sparkContext().hadoopConfiguration()).orElse(null);
          if (drift != null) {
            LOG.warn("bronze: quarantining {} (SCHEMA_DRIFT): {}", relative, drift);
          }
          files.add(new RawFile(status.getPath().toString(), relative, date, drift));
        }
        if (files.size() == before) {
          throw new JobFailure(ErrorCode.INPUT_NOT_FOUND, "raw ingest partition " + lake.rawPartition(date) + " has no .csv or .csv.gz files");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list raw files under " + lake.rawPayments(), e);
    }
    return files;
  }

  private static java.util.Optional<String> headerDifference(FileSystem fs, Path path, Configuration configuration)
      throws IOException {
    try (BufferedReader reader = RawText.open(fs, path, configuration, 1 << 16)) {
      String header = reader.readLine();
      if (header == null) {
        return java.util.Optional.of("file is empty: no header line");
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      CsvLine.Split split = CsvLine.split(header);
      if (split instanceof CsvLine.Malformed malformed) {
        return java.util.Optional.of("header is not valid CSV: " + malformed.detail());
      }
      List<String> names = ((CsvLine.Fields) split).values().stream().map(v -> v == null ? "" : v).toList();
      return RawContract.current().headerDifference(names).map(PanSafety::mask);
    }
  }

  /** One task per file; each streams its lines into {@link ParsedLines} rows. */
  static Dataset<Row> parse(SparkSession spark, List<RawFile> files) {
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(files, Math.max(1, files.size()))
            .flatMap(file -> new RawFileReader(file, conf.configuration()));
    return spark.createDataFrame(rows, ParsedLines.schema());
  }

  private static Map<String, Long> countByReason(Dataset<Row> parsed) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Row row : parsed.groupBy(col(ParsedLines.REJECT_REASON)).count().collectAsList()) {
      counts.put(row.isNullAt(0) ? "" : row.getString(0), row.getLong(1));
    }
    return counts;
  }

  private static Dataset<Row> readExisting(SparkSession spark, LakeLayout lake, List<LocalDate> dates) {
    List<String> paths = existingPartitions(spark, lake.bronzePayments(), PaymentSchemas.TXN_DATE, dates);
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), PaymentSchemas.bronze());
    }
    return spark.read().schema(PaymentSchemas.bronze()).option("basePath", lake.bronzePayments())
        .parquet(paths.toArray(String[]::new));
  }

  static List<String> existingPartitions(SparkSession spark, String base, String column, List<LocalDate> dates) {
    List<String> paths = new ArrayList<>();
    try {
      for (LocalDate date : dates) {
        Path path = new Path(base + "/" + column + "=" + date);
        if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
          paths.add(path.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list partitions of " + base, e);
    }
    return paths;
  }

  private static void write(Dataset<Row> winners, Dataset<Row> rejects, LakeLayout lake, List<LocalDate> ingestDates,
      SparkSession spark) {
    winners.repartition(col(PaymentSchemas.TXN_DATE))
        .sortWithinPartitions(col(PaymentSchemas.TXN_DATE), col("txn_id"))
        .write().mode(SaveMode.Overwrite).partitionBy(PaymentSchemas.TXN_DATE)
        .option("compression", "snappy")
        .parquet(lake.bronzePayments());
    // Reject partitions of this run's ingest dates are replaced too, even when this run has none.
    deletePartitions(spark, lake.bronzeRejects(), PaymentSchemas.INGEST_DATE, ingestDates);
    rejects.repartition(col(PaymentSchemas.INGEST_DATE))
        .sortWithinPartitions(col(PaymentSchemas.INGEST_DATE), col(PaymentSchemas.SOURCE_FILE), col(PaymentSchemas.SOURCE_LINE))
        .write().mode(SaveMode.Overwrite).partitionBy(PaymentSchemas.INGEST_DATE)
        .option("compression", "snappy")
        .parquet(lake.bronzeRejects());
  }

  private static void deletePartitions(SparkSession spark, String base, String column, List<LocalDate> dates) {
    try {
      for (String partition : existingPartitions(spark, base, column, dates)) {
        Path path = new Path(partition);
        path.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(path, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace partitions of " + base, e);
    }
  }

  private static long countWritten(SparkSession spark, String base, String column, List<LocalDate> dates) {
    List<String> paths = existingPartitions(spark, base, column, dates);
    if (paths.isEmpty()) {
      return 0;
    }
    return spark.read().option("basePath", base).parquet(paths.toArray(String[]::new)).count();
  }

  static void checkLineConservation(BronzeResult r) {
    long accounted = r.rejectedLines() + r.driftLines() + r.inserted() + r.replacedExisting() + r.alreadyLoaded()
        + r.duplicatesDropped() + r.supersededVersions();
    if (accounted != r.rawLines()) {
      throw new JobFailure(ErrorCode.CONSERVATION_VIOLATED, String.format(
          "bronze run %s read %d raw lines but accounts for %d: rejected %d + schema drift %d + inserted %d"
              + " + replaced %d + already loaded %d + duplicates %d + superseded %d",
          r.runId(), r.rawLines(), accounted, r.rejectedLines(), r.driftLines(), r.inserted(), r.replacedExisting(),
          r.alreadyLoaded(), r.duplicatesDropped(), r.supersededVersions()));
    }
  }

  static void checkWrittenCounts(BronzeResult r, long rejectsWritten) {
    if (r.bronzeRowsAfter() != r.bronzeRowsBefore() + r.inserted()) {
      throw new JobFailure(ErrorCode.CONSERVATION_VIOLATED, String.format(
          "bronze run %s wrote %d rows to txn_date partitions %s but expected %d rows before + %d inserted",
          r.runId(), r.bronzeRowsAfter(), r.affectedTxnDates(), r.bronzeRowsBefore(), r.inserted()));
    }
    if (rejectsWritten != r.rejectRows()) {
      throw new JobFailure(ErrorCode.CONSERVATION_VIOLATED, String.format(
          "bronze run %s wrote %d reject rows but rejected %d lines (%d unparseable + %d schema drift)",
          r.runId(), rejectsWritten, r.rejectRows(), r.rejectedLines(), r.driftLines()));
    }
  }

  private static void writeSummary(SparkSession spark, LakeLayout lake, BronzeResult result, Instant started) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("job", NAME);
    summary.put("run_id", result.runId());
    summary.put("status", "SUCCEEDED");
    summary.put("started", started.toString());
    summary.put("finished", Instant.now().toString());
    summary.put("contract_version", RawContract.VERSION);
    summary.put("spark_version", spark.version());
    summary.put("result", result);
    summary.put("conservation", "raw_lines = rejected + schema_drift + inserted + replaced + already_loaded"
        + " + duplicates + superseded: OK; rows after = rows before + inserted: OK");
    JsonFiles.write(spark, lake.dqSummaries() + "/job=" + NAME + "/" + result.runId() + ".json", summary);
  }

  static Map<String, String> argumentHelp(String... keysAndDescriptions) {
    Map<String, String> help = new LinkedHashMap<>();
    for (int i = 0; i < keysAndDescriptions.length; i += 2) {
      help.put(keysAndDescriptions[i], keysAndDescriptions[i + 1]);
    }
    return help;
  }
}
