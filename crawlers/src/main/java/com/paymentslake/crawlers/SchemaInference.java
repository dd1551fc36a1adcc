package com.paymentslake.crawlers;

import com.paymentslake.crawlers.CrawlerException.ErrorCode;
import com.paymentslake.crawlers.TargetListing.DataFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies data files and infers a table's data schema, the way Glue's built-in classifiers do
 * it, without scanning the data.
 *
 * <ul>
 *   <li><b>Parquet</b> ({@code *.parquet}, or any file starting with the {@code PAR1} magic): the
 *       schema is read from the footers of all crawled files by Spark ({@code mergeSchema}) and
 *       merged; no row group is read. A file whose footer cannot be read fails the crawl.
 *   <li><b>CSV</b> (every other file): UTF-8, comma, RFC 4180 quoting ({@code ""} inside quotes),
 *       first line a header, as the lake's raw zone is written. The first line of every crawled
 *       file is read and compared with the table's header (that of the first file in path order);
 *       column types come from a sample: the first {@value #CSV_SAMPLE_LINES_PER_FILE} data lines
 *       of each of the first {@value #CSV_SAMPLE_FILES} files with the table's header, typed by
 *       Spark's CSV inference and then mapped to the types Glue's built-in CSV classifier produces:
 *       integers {@code bigint}, fractional numbers {@code double}, {@code boolean}, everything
 *       else (timestamps and dates included) {@code string}. On AWS this needs a custom CSV
 *       classifier with {@code ContainsHeader=PRESENT}, since Glue's header heuristic does not
 *       recognise a header when every column of the sample is a string.
 * </ul>
 *
 * Column names are lower-cased, as the Glue Data Catalog and the Hive metastore store them.
 */
final class SchemaInference {
  /** Data lines read from each sampled CSV file to type its columns. */
  static final int CSV_SAMPLE_LINES_PER_FILE = 1000;

  /** CSV files sampled per table and crawl: the first ones in path order. */
  static final int CSV_SAMPLE_FILES = 3;

  private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private final SparkSession spark;
  private final Configuration hadoopConf;
  private final CompressionCodecFactory codecs;

  SchemaInference(SparkSession spark) {
    this.spark = spark;
    this.hadoopConf = spark.sparkContext().hadoopConfiguration();
    this.codecs = new CompressionCodecFactory(hadoopConf);
  }

  /** The inferred data schema (partition keys excluded) and what the inference noticed. */
  record Inferred(StructType dataSchema, List<String> warnings) {
    Inferred {
      warnings = List.copyOf(warnings);
    }
  }

  /** The one format of a table's files; mixed formats fail the crawl. */
  Format classify(List<DataFile> files) throws IOException {
    Format found = null;
    DataFile first = null;
    for (DataFile file : files) {
      Format format = classify(file);
      if (found == null) {
        found = format;
        first = file;
      } else if (format != found) {
        throw new CrawlFailure(
            ErrorCode.MIXED_FORMATS,
            String.format(
                "%s is %s but %s is %s; one table root must hold one format",
                file.path(), format.classification(), first.path(), found.classification()),
            null);
      }
    }
    return found;
  }

  private Format classify(DataFile file) throws IOException {
    String name = file.path().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet") || name.endsWith(".parq")) {
      return Format.PARQUET;
    }
    if (name.endsWith(".csv") || name.contains(".csv.")) {
      return Format.CSV;
    }
    Path path = new Path(file.path());
    try (FSDataInputStream in = path.getFileSystem(hadoopConf).open(path)) {
      byte[] head = new byte[PARQUET_MAGIC.length];
      int read = in.read(head);
      return read == head.length && Arrays.equals(head, PARQUET_MAGIC)
          ? Format.PARQUET
          : Format.CSV;
    }
  }

  Inferred infer(Format format, List<DataFile> files, List<String> partitionKeys)
      throws IOException {
    Inferred inferred = format == Format.PARQUET ? parquet(files) : csv(files);
    return withoutPartitionKeys(inferred, partitionKeys);
  }

  private Inferred parquet(List<DataFile> files) {
    String[] paths = files.stream().map(DataFile::path).toArray(String[]::new);
    StructType schema;
    try {
      schema = spark.read().option("mergeSchema", "true").parquet(paths).schema();
    } catch (Exception e) { // SparkException is checked, though Java cannot see it thrown here
      String cause = rootMessage(e);
      ErrorCode code =
          cause.contains("Failed to merge") || cause.contains("CANNOT_MERGE")
              ? ErrorCode.INCOMPATIBLE_SCHEMA
              : ErrorCode.CORRUPT_FILE;
      throw new CrawlFailure(code, "cannot read the Parquet schema: " + cause, e);
    }
    return new Inferred(normalized(schema, false), List.of());
  }

  private Inferred csv(List<DataFile> files) throws IOException {
    List<String> warnings = new ArrayList<>();
    String header = null;
    List<String> sample = new ArrayList<>();
    int sampledFiles = 0;
    for (DataFile file : files) {
      boolean sampling = sampledFiles < CSV_SAMPLE_FILES;
      List<String> lines = firstLines(file, sampling ? 1 + CSV_SAMPLE_LINES_PER_FILE : 1);
      if (lines.isEmpty()) {
        continue;
      }
      String fileHeader = lines.get(0);
      if (header == null) {
        header = fileHeader;
        sample.add(header);
      }
      if (!fileHeader.equals(header)) {
        warnings.add(
            String.format(
                "%s has header [%s] unlike the table's header [%s]; Spark and Athena read CSV"
                    + " columns by position",
                file.path(), fileHeader, header));
      } else if (sampling) {
        sample.addAll(lines.subList(1, lines.size()));
        sampledFiles++;
      }
    }
    StructType inferred =
        spark
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .options(CSV_OPTIONS)
            .csv(spark.createDataset(sample, Encoders.STRING()))
            .schema();
    return new Inferred(normalized(inferred, true), warnings);
  }

  /** The CSV reader options of the lake's raw files, used to sample and to query them. */
  static final java.util.Map<String, String> CSV_OPTIONS =
      java.util.Map.of("sep", ",", "quote", "\"", "escape", "\"", "encoding", "UTF-8");

  /** Up to {@code max} lines of a file (CRLF or LF), without a leading byte order mark. */
  private List<String> firstLines(DataFile file, int max) throws IOException {
    Path path = new Path(file.path());
    FileSystem fs = path.getFileSystem(hadoopConf);
    CompressionCodec codec = codecs.getCodec(path);
    List<String> lines = new ArrayList<>();
    try (InputStream raw = fs.open(path);
        InputStream in = codec == null ? raw : codec.createInputStream(raw);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (lines.size() < max && (line = reader.readLine()) != null) {
        if (lines.isEmpty() && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        lines.add(line);
      }
    }
    return lines;
  }

  private static StructType normalized(StructType schema, boolean csv) {
    List<StructField> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int index = 0;
    for (StructField field : schema.fields()) {
      String name = field.name().trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || (csv && name.matches("_c\\d+"))) {
        name = "col" + index;
      }
      String unique = name;
      for (int n = 2; !names.add(unique); n++) {
        unique = name + "_" + n;
      }
      DataType type = csv ? glueCsvType(field.dataType()) : field.dataType();
      fields.add(new StructField(unique, type, true, Metadata.empty()));
      index++;
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  /** The type Glue's built-in CSV classifier gives a column Spark inferred as {@code type}. */
  static DataType glueCsvType(DataType type) {
    if (type.equals(DataTypes.IntegerType)
        || type.equals(DataTypes.LongType)
        || type.equals(DataTypes.ShortType)
        || type.equals(DataTypes.ByteType)) {
      return DataTypes.LongType;
    }
    if (type.equals(DataTypes.DoubleType)
        || type.equals(DataTypes.FloatType)
        || type instanceof DecimalType) {
      return DataTypes.DoubleType;
    }
    if (type.equals(DataTypes.BooleanType)) {
      return DataTypes.BooleanType;
    }
    return DataTypes.StringType;
  }

  /**
   * Drops data columns named like a partition key: the folder name wins, as it does when Spark or
   * Athena read the table.
   */
  private static Inferred withoutPartitionKeys(Inferred inferred, List<String> partitionKeys) {
    Set<String> keys = new LinkedHashSet<>(partitionKeys);
    List<StructField> kept = new ArrayList<>();
    List<String> warnings = new ArrayList<>(inferred.warnings());
    for (StructField field : inferred.dataSchema().fields()) {
      if (keys.contains(field.name())) {
        warnings.add(
            "data column " + field.name() + " has the name of a partition key: the key is kept");
      } else {
        kept.add(field);
      }
    }
    return new Inferred(new StructType(kept.toArray(StructField[]::new)), warnings);
  }

  /**
   * The most telling message of an exception chain: the deepest one about a Parquet footer or magic
   * number (it names the file), else the root cause's. Spark wraps the cause in job failures.
   */
  static String rootMessage(Throwable e) {
    String footer = null;
    String root = String.valueOf(e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      if (message.contains("footer") || message.contains("not a Parquet file")) {
        footer = message;
      }
      root = message;
    }
    return firstLine(footer != null ? footer : root);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
