package com.paymentslake.crawlers;

import com.paymentslake.workflow.CrawlerDefinition;
import com.paymentslake.workflow.CrawlerDefinition.DeleteBehavior;
import com.paymentslake.workflow.CrawlerDefinition.RecrawlBehavior;
import com.paymentslake.workflow.CrawlerDefinition.RecrawlPolicy;
import com.paymentslake.workflow.CrawlerDefinition.S3Target;
import com.paymentslake.workflow.CrawlerDefinition.SchemaChangePolicy;
import com.paymentslake.workflow.CrawlerDefinition.Targets;
import com.paymentslake.workflow.CrawlerDefinition.UpdateBehavior;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Test lake zones on the local file system, written the way the lake's jobs write them. */
final class Lake {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** Silver-like payment columns (partition key excluded). */
  static final StructType PAYMENT =
      new StructType()
          .add("txn_id", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType)
          .add("amount", DataTypes.createDecimalType(18, 2))
          .add("currency", DataTypes.StringType)
          .add("is_fraud", DataTypes.IntegerType);

  /** The same with a {@code channel} column added, as a later job version writes it. */
  static final StructType PAYMENT_WITH_CHANNEL = PAYMENT.add("channel", DataTypes.StringType);

  private Lake() {}

  /** A database name no other test uses. */
  static String database(String prefix) {
    return prefix + "_" + DATABASES.incrementAndGet();
  }

  static Row payment(String txnId, String merchantId, String amount, String currency, int fraud) {
    return RowFactory.create(txnId, merchantId, new BigDecimal(amount), currency, fraud);
  }

  /** {@code count} approved EUR payments {@code <prefix>-1..n}. */
  static List<Row> payments(String prefix, int count) {
    return java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(i -> payment(prefix + "-" + i, "m-" + i, i + ".50", "EUR", 0))
        .toList();
  }

  /** Writes one partition folder as Spark does: part files, {@code _SUCCESS}, {@code .crc}. */
  static void writeParquet(Path folder, StructType schema, List<Row> rows) {
    CatalogSession.get()
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(folder.toUri().toString());
  }

  static void writeParquet(Path folder, List<Row> rows) {
    writeParquet(folder, PAYMENT, rows);
  }

  /** Writes a CSV file as the generator does: UTF-8, CRLF line ends. */
  static void writeCsv(Path file, String... lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeBytes(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path path) {
    try (var walk = Files.walk(path)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A target path as the workflow resolves it: a URI with a trailing slash. */
  static String uri(Path folder) {
    String uri = folder.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  static CrawlerDefinition crawler(
      String name,
      String database,
      UpdateBehavior update,
      DeleteBehavior delete,
      RecrawlBehavior recrawl,
      S3Target... targets) {
    return new CrawlerDefinition(
        name,
        "test crawler",
        database,
        "",
        new Targets(Arrays.asList(targets)),
        new SchemaChangePolicy(update, delete),
        new RecrawlPolicy(recrawl));
  }

  /** A crawler like the lake's bronze/silver/gold ones: update, delete, crawl everything. */
  static CrawlerDefinition everything(
      String name, String database, UpdateBehavior update, DeleteBehavior delete, Path... targets) {
    return crawler(
        name,
        database,
        update,
        delete,
        RecrawlBehavior.CRAWL_EVERYTHING,
        Arrays.stream(targets).map(t -> new S3Target(uri(t), List.of())).toArray(S3Target[]::new));
  }

  static long count(String sql) {
    return CatalogSession.get().sql(sql).first().getLong(0);
  }
}
