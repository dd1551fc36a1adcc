package com.paymentslake.local;

import com.paymentslake.local.query.AthenaQueries;
import com.paymentslake.local.query.AthenaQuery;
import com.paymentslake.local.query.QueryResult;
import com.paymentslake.local.query.QueryRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code lake query NAME|FILE}: runs one Athena query of {@code athena-queries/} (or a {@code .sql}
 * file in Athena's dialect) against the local catalog a demo left in the data directory, and prints
 * the result as a table. Without a name it lists the packaged queries.
 *
 * <p>It brings up the same twin as the demo, S3Proxy over the data directory and Spark with the
 * Hive-metastore catalog, so the tables' {@code s3a://} locations resolve as they did when crawled.
 */
final class QueryCommand {
  static final List<String> OPTIONS = List.of("data-dir", "max-rows");
  static final int DEFAULT_MAX_ROWS = 50;

  private QueryCommand() {}

  static int run(List<String> args, PrintStream out) {
    String query = args.isEmpty() || args.get(0).startsWith("-") ? null : args.get(0);
    CommandLine line = CommandLine.parse("query", query == null ? args : args.subList(1, args.size()), OPTIONS);
    if (line.help()) {
      out.print(LakeCli.USAGE_TEXT);
      return LakeCli.OK;
    }
    if (query == null) {
      out.println("packaged queries (./lake query NAME):");
      for (AthenaQuery packaged : AthenaQueries.packaged()) {
        out.printf(Locale.ROOT, "  %-36s %s%n", packaged.name(), packaged.title());
      }
      return LakeCli.OK;
    }
    AthenaQuery athenaQuery;
    try {
      athenaQuery = AthenaQueries.resolve(query);
    } catch (IllegalArgumentException e) {
      throw new UsageException("query: " + e.getMessage());
    }
    Path dataDir = line.value("data-dir", DemoOptions.DEFAULT_DATA_DIR, Path::of, "a directory path")
        .toAbsolutePath().normalize();
    int maxRows = line.value("max-rows", DEFAULT_MAX_ROWS, Integer::parseInt, "a whole number >= 1");
    if (maxRows < 1) {
      throw line.invalid("max-rows", String.valueOf(maxRows), "a whole number >= 1");
    }
    Path catalog = dataDir.resolve("catalog").resolve("metastore_db");
    if (!Files.isDirectory(catalog)) {
      throw new UsageException("query: no local catalog under " + dataDir
          + " (expected " + catalog + "); run ./lake demo --data-dir " + dataDir + " first");
    }
    LakeCli.logTo(dataDir.resolve("logs"));
    out.println(athenaQuery.title() + "  (" + athenaQuery.source() + ")");
    try (LocalLake lake = LocalLake.start(dataDir, LocalSpark.DEFAULT_CORES)) {
      QueryResult result = new QueryRunner(lake.spark()).run(athenaQuery);
      out.print(QueryRunner.format(result, maxRows));
    }
    return LakeCli.OK;
  }
}
