package com.paymentslake.jobs.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.CurrencyInfo;
import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.PaymentSchemas;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The silver job's pure transformations (no I/O): prepare bronze rows for the rules, split
 * validated rows, and shape the curated silver rows and the audit rows.
 *
 * <p>Silver rows carry no run id or wall-clock value, so re-running silver on the same bronze yields
 * the same rows.
 */
final class SilverTransforms {
  /** Derived by {@link #prepare}: days from the transaction's UTC date to its ingest date. */
  static final String ARRIVAL_LAG_DAYS = "arrival_lag_days";

  /** Set by validation: ids of the rules a row failed, in ruleset order (empty when it passed). */
  static final String FAILED_RULE_IDS = "failed_rule_ids";

  /** Set by validation: texts of the rules a row failed, aligned with {@link #FAILED_RULE_IDS}. */
  static final String FAILED_RULES = "failed_rules";

  static final String RUN_ID = "run_id";
  static final String AMOUNT_MINOR = "amount_minor";
  static final String AMOUNT_USD = "amount_usd";
  static final String FX_TABLE_VERSION = "fx_table_version";
  static final String TXN_HOUR = "txn_hour";
  static final String DAY_OF_WEEK = "day_of_week";
  static final String IS_WEEKEND = "is_weekend";
  static final String AMOUNT_BAND = "amount_band";

  static final DecimalType AMOUNT_USD_TYPE = DataTypes.createDecimalType(18, 2);
  private static final DecimalType MINOR_FACTOR_TYPE = DataTypes.createDecimalType(5, 0);
  private static final DecimalType RATE_TYPE = DataTypes.createDecimalType(12, 6);
  private static final long SECONDS_PER_DAY = 86_400;
  private static final long SECONDS_PER_HOUR = 3_600;

  private SilverTransforms() {}

  /** Bronze columns in {@link PaymentSchemas#bronze()} order. */
  static List<String> bronzeColumns() {
    return List.of(PaymentSchemas.bronze().fieldNames());
  }

  /** The curated silver columns, in order; {@code txn_date} (the partition column) last. */
  static List<String> silverColumns() {
    List<String> columns = new ArrayList<>(RawContract.current().columnNames());
    columns.addAll(
        List.of(AMOUNT_MINOR, AMOUNT_USD, FX_TABLE_VERSION, TXN_HOUR, DAY_OF_WEEK, IS_WEEKEND, AMOUNT_BAND));
    columns.addAll(
        List.of(PaymentSchemas.INGEST_DATE, PaymentSchemas.SOURCE_FILE, PaymentSchemas.SOURCE_LINE, PaymentSchemas.TXN_DATE));
    return List.copyOf(columns);
  }

  /** The audit columns, in order: the bronze row, why it failed, which run; {@code txn_date} last. */
  static List<String> auditColumns() {
    List<String> columns = new ArrayList<>(bronzeColumns());
    columns.remove(PaymentSchemas.TXN_DATE);
    columns.addAll(List.of(FAILED_RULE_IDS, FAILED_RULES, RUN_ID, PaymentSchemas.TXN_DATE));
    return List.copyOf(columns);
  }

  /**
   * Bronze rows with the columns the rules need: the bronze columns in order, then {@value
   * #ARRIVAL_LAG_DAYS} ({@code datediff(ingest_date, txn_date)}; negative for a timestamp after the
   * day the row was ingested; null when either date is null).
   */
  static Dataset<Row> prepare(Dataset<Row> bronze) {
    List<Column> columns = new ArrayList<>(bronzeColumns().stream().map(name -> bronze.col(name)).toList());
    columns.add(datediff(col(PaymentSchemas.INGEST_DATE), col(PaymentSchemas.TXN_DATE)).as(ARRIVAL_LAG_DAYS));
    return bronze.select(columns.toArray(Column[]::new));
  }

  /** Validated rows that failed no rule. */
  static Dataset<Row> passed(Dataset<Row> validated) {
    return validated.where(size(col(FAILED_RULE_IDS)).equalTo(0));
  }

  /** Validated rows that failed at least one rule. */
  static Dataset<Row> failed(Dataset<Row> validated) {
    return validated.where(size(col(FAILED_RULE_IDS)).gt(0));
  }

  /**
   * Curated silver rows from rows that passed every rule (any extra input columns are dropped).
   *
   * <ul>
   *   <li>{@code amount}: kept, major units, decimal(18,3).
   *   <li>{@code amount_minor}: bigint, amount in the currency's minor units (JPY 1 yen, KWD 1 fils =
   *       0.001), rounded half-up should the amount carry more digits than the currency has.
   *   <li>{@code amount_usd}: decimal(18,2), amount times the currency's fixed {@code usd_per_unit}
   *       of {@value Currencies#TABLE_VERSION}, rounded half-up to cents; {@code fx_table_version}
   *       names the table.
   *   <li>{@code txn_hour} (0-23), {@code day_of_week} (ISO: 1 Monday .. 7 Sunday), {@code
   *       is_weekend} (Saturday or Sunday): from the instant txn_ts in UTC, whatever the Spark
   *       session time zone.
   *   <li>{@code amount_band}: the {@link AmountBand} label of amount_usd.
   * </ul>
   */
  static Dataset<Row> curate(Dataset<Row> passed) {
    Column currency = col("currency");
    Column amount = col("amount");
    Column minorFactor = element_at(minorUnitFactors(), currency);
    Column usdPerUnit = element_at(usdRates(), currency);
    Column amountUsd = round(amount.multiply(usdPerUnit), 2).cast(AMOUNT_USD_TYPE);
    Column epochSeconds = expr("unix_seconds(txn_ts)");
    Column epochDay = floor(epochSeconds.divide(SECONDS_PER_DAY));
    // 1970-01-01 was a Thursday (ISO day 4).
    Column isoDayOfWeek = pmod(epochDay.plus(3), lit(7)).plus(1).cast(DataTypes.IntegerType);

    Dataset<Row> curated =
        passed
            .withColumn(AMOUNT_MINOR, round(amount.multiply(minorFactor), 0).cast(DataTypes.LongType))
            .withColumn(AMOUNT_USD, amountUsd)
            .withColumn(FX_TABLE_VERSION, lit(Currencies.TABLE_VERSION))
            .withColumn(
                TXN_HOUR,
                floor(pmod(epochSeconds, lit(SECONDS_PER_DAY)).divide(SECONDS_PER_HOUR)).cast(DataTypes.IntegerType))
            .withColumn(DAY_OF_WEEK, isoDayOfWeek)
            .withColumn(IS_WEEKEND, col(DAY_OF_WEEK).geq(6))
            .withColumn(AMOUNT_BAND, amountBand(col(AMOUNT_USD)));
    return curated.select(silverColumns().stream().map(name -> curated.col(name)).toArray(Column[]::new));
  }

  /** Audit rows from rows that failed at least one rule: the bronze row, the failures, the run. */
  static Dataset<Row> audit(Dataset<Row> failed, String runId) {
    Objects.requireNonNull(runId, "runId");
    Dataset<Row> withRun = failed.withColumn(RUN_ID, lit(runId));
    return withRun.select(auditColumns().stream().map(name -> withRun.col(name)).toArray(Column[]::new));
  }

  private static Column amountBand(Column amountUsd) {
    AmountBand[] bands = AmountBand.values();
    Column band = lit(bands[0].label());
    for (int i = 1; i < bands.length; i++) {
      band = when(amountUsd.geq(lit(bands[i].lowerBoundUsd())), lit(bands[i].label())).otherwise(band);
    }
    return when(amountUsd.isNull(), lit(null).cast(DataTypes.StringType)).otherwise(band);
  }

  private static Column minorUnitFactors() {
    List<Column> entries = new ArrayList<>();
    for (CurrencyInfo currency : Currencies.all()) {
      entries.add(lit(currency.code()));
      entries.add(lit(BigDecimal.TEN.pow(currency.minorUnits())).cast(MINOR_FACTOR_TYPE));
    }
    return map(entries.toArray(Column[]::new));
  }

  private static Column usdRates() {
    List<Column> entries = new ArrayList<>();
    for (CurrencyInfo currency : Currencies.all()) {
      entries.add(lit(currency.code()));
      entries.add(lit(currency.usdPerUnit()).cast(RATE_TYPE));
    }
    return map(entries.toArray(Column[]::new));
  }

  /** An empty array of strings (Spark otherwise types {@code array()} as array of null). */
  static Column emptyStrings() {
    return array().cast(DataTypes.createArrayType(DataTypes.StringType));
  }
}
