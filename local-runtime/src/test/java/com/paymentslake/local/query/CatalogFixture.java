package com.paymentslake.local.query;

import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.RawContract;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Registers a lake's zones as catalog tables, the way the Glue crawlers of the workflow do: one
 * database per zone, table = last folder of the zone path, Hive-style partition column typed
 * {@code string}, data columns typed from the Parquet footers (raw CSV columns as strings).
 *
 * <p>A stand-in until the crawler twin exists: only {@link #registerLakeTables} is meant to change
 * (its body becomes a run of the real crawlers), not the table names and types.
 */
final class CatalogFixture {
  private CatalogFixture() {}

  /**
   * Creates (or re-creates) {@code payments_raw.payments}, {@code payments_bronze.payments}, {@code
   * payments_silver.payments}, {@code payments_audit.bronze_rejects}, {@code
   * payments_audit.silver_rejects}, {@code payments_gold.daily_totals} and {@code
   * payments_gold.merchant_daily} over the zones under {@code lakeRoot}, with their partitions.
   */
  static void registerLakeTables(SparkSession spark, String lakeRoot) {
    LakeLayout lake = new LakeLayout(lakeRoot);
    String rawColumns =
        RawContract.current().columnNames().stream().map(name -> "`" + name + "` STRING").collect(Collectors.joining(", "));
    register(spark, "payments_raw.payments", lake.rawPayments(), rawColumns, "csv OPTIONS (header 'true')", "ingest_date");
    register(spark, "payments_bronze.payments", lake.bronzePayments(), parquetColumns(spark, lake.bronzePayments(), "txn_date"), "parquet", "txn_date");
    register(spark, "payments_silver.payments", lake.silverPayments(), parquetColumns(spark, lake.silverPayments(), "txn_date"), "parquet", "txn_date");
    register(spark, "payments_audit.bronze_rejects", lake.bronzeRejects(), parquetColumns(spark, lake.bronzeRejects(), "ingest_date"), "parquet", "ingest_date");
    register(spark, "payments_audit.silver_rejects", lake.silverRejects(), parquetColumns(spark, lake.silverRejects(), "txn_date"), "parquet", "txn_date");
    register(spark, "payments_gold.daily_totals", lake.goldDailyTotals(), parquetColumns(spark, lake.goldDailyTotals(), "txn_date"), "parquet", "txn_date");
    register(spark, "payments_gold.merchant_daily", lake.goldMerchantDaily(), parquetColumns(spark, lake.goldMerchantDaily(), "txn_date"), "parquet", "txn_date");
  }

  private static void register(SparkSession spark, String table, String location, String columns, String format, String partition) {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + table.substring(0, table.indexOf('.')));
    spark.sql("DROP TABLE IF EXISTS " + table);
    spark.sql(
        "CREATE TABLE " + table + " (" + columns + ", `" + partition + "` STRING) USING " + format
            + " PARTITIONED BY (`" + partition + "`) LOCATION '" + location + "'");
    spark.sql("ALTER TABLE " + table + " RECOVER PARTITIONS");
  }

  /** The data columns of a Parquet zone (its partition column left out), as DDL. */
  private static String parquetColumns(SparkSession spark, String location, String partition) {
    StructType schema = spark.read().parquet(location).schema();
    return Arrays.stream(schema.fields())
        .filter(field -> !field.name().equals(partition))
        .map(CatalogFixture::ddl)
        .collect(Collectors.joining(", "));
  }

  private static String ddl(StructField field) {
    return "`" + field.name() + "` " + field.dataType().sql();
  }
}
