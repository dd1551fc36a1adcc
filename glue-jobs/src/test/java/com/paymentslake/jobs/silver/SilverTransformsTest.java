package com.paymentslake.jobs.silver;

import static com.paymentslake.jobs.testing.PaymentFixtures.approvedPurchase;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.testing.PaymentFixtures;
import com.paymentslake.jobs.testing.PaymentFixtures.Payment;
import com.paymentslake.jobs.testing.SparkTestSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SilverTransformsTest {
  private static final List<Payment> PAYMENTS =
      List.of(
          approvedPurchase("USD-12.34"),
          approvedPurchase("JPY-1500").withCurrency("JPY").withAmount("1500"),
          approvedPurchase("KWD-12.345").withCurrency("KWD").withAmount("12.345"),
          approvedPurchase("EUR-1000").withCurrency("EUR").withAmount("1000.00"),
          approvedPurchase("USD-9.99").withAmount("9.99"),
          approvedPurchase("USD-10").withAmount("10.00"),
          approvedPurchase("USD-50").withAmount("50.00"),
          approvedPurchase("USD-199.99").withAmount("199.99"),
          approvedPurchase("USD-200").withAmount("200.00"),
          approvedPurchase("SAT-NIGHT").withTxnTs("2026-11-07T23:30:00Z"),
          approvedPurchase("SUN-MIDNIGHT").withTxnTs("2026-11-01T00:15:00Z"),
          approvedPurchase("LATE").withTxnTs("2026-11-01T10:00:00Z").withIngestDate("2026-11-04"),
          approvedPurchase("FUTURE").withTxnTs("2026-11-05T00:00:01Z").withIngestDate("2026-11-04"));

  private static Map<String, Row> curated;

  @BeforeAll
  static void curateOnce() {
    curated = byTxnId(SilverTransforms.curate(PaymentFixtures.bronze(PAYMENTS)));
  }

  @Test
  void prepareAddsDaysFromTransactionToIngestion() {
    Map<String, Row> prepared = byTxnId(SilverTransforms.prepare(PaymentFixtures.bronze(PAYMENTS)));

    assertThat(prepared.get("USD-12.34").<Integer>getAs(SilverTransforms.ARRIVAL_LAG_DAYS)).isZero();
    assertThat(prepared.get("LATE").<Integer>getAs(SilverTransforms.ARRIVAL_LAG_DAYS)).isEqualTo(3);
    assertThat(prepared.get("FUTURE").<Integer>getAs(SilverTransforms.ARRIVAL_LAG_DAYS)).isEqualTo(-1);
  }

  @Test
  void amountMinorUsesTheCurrencysMinorUnits() {
    assertThat(curated.get("USD-12.34").<Long>getAs("amount_minor")).isEqualTo(1234L);
    assertThat(curated.get("JPY-1500").<Long>getAs("amount_minor")).isEqualTo(1500L);
    assertThat(curated.get("KWD-12.345").<Long>getAs("amount_minor")).isEqualTo(12345L);
    assertThat(curated.get("EUR-1000").<Long>getAs("amount_minor")).isEqualTo(100000L);
  }

  @Test
  void amountUsdUsesTheStaticRateTableRoundedToCents() {
    for (Payment payment : PAYMENTS) {
      BigDecimal expected =
          new BigDecimal(payment.raw("amount"))
              .multiply(Currencies.of(payment.raw("currency")).usdPerUnit())
              .setScale(2, RoundingMode.HALF_UP);
      Row row = curated.get(payment.txnId());

      assertThat(row.<BigDecimal>getAs("amount_usd")).as(payment.txnId()).isEqualByComparingTo(expected);
      assertThat(row.<String>getAs("fx_table_version")).isEqualTo(Currencies.TABLE_VERSION);
    }
    assertThat(curated.get("KWD-12.345").<BigDecimal>getAs("amount_usd")).isEqualByComparingTo("40.12");
  }

  @Test
  void amountBandsAreInUsdWithInclusiveLowerBounds() {
    assertThat(band("USD-9.99")).isEqualTo("under_10");
    assertThat(band("USD-10")).isEqualTo("10_to_50");
    assertThat(band("USD-12.34")).isEqualTo("10_to_50");
    assertThat(band("JPY-1500")).as("1500 JPY = 10.05 USD").isEqualTo("10_to_50");
    assertThat(band("USD-50")).isEqualTo("50_to_200");
    assertThat(band("USD-199.99")).isEqualTo("50_to_200");
    assertThat(band("USD-200")).isEqualTo("200_to_1000");
    assertThat(band("EUR-1000")).as("1000 EUR = 1080 USD").isEqualTo("1000_plus");
    assertThat(AmountBand.of(new BigDecimal("999.99"))).isEqualTo(AmountBand.FROM_200_TO_1000);
  }

  @Test
  void timeColumnsAreUtcWithIsoWeekdays() {
    assertTime("USD-12.34", 18, 1, false);
    assertTime("SAT-NIGHT", 23, 6, true);
    assertTime("SUN-MIDNIGHT", 0, 7, true);
  }

  @Test
  void timeColumnsDoNotDependOnTheSessionTimeZone() {
    SparkSession spark = SparkTestSession.get();
    String zone = spark.conf().get("spark.sql.session.timeZone");
    try {
      spark.conf().set("spark.sql.session.timeZone", "America/New_York");
      Row saturdayNight = byTxnId(SilverTransforms.curate(PaymentFixtures.bronze(PAYMENTS.get(9)))).get("SAT-NIGHT");

      assertThat(saturdayNight.<Integer>getAs("txn_hour")).isEqualTo(23);
      assertThat(saturdayNight.<Integer>getAs("day_of_week")).isEqualTo(6);
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
    }
  }

  @Test
  void silverRowsHaveTheCuratedSchemaWithoutRunId() {
    StructType schema = SilverTransforms.curate(PaymentFixtures.bronze(PAYMENTS.get(0))).schema();

    assertThat(schema.fieldNames()).containsExactlyElementsOf(SilverTransforms.silverColumns());
    assertThat(schema.fieldNames()).startsWith(RawContract.current().columnNames().toArray(String[]::new));
    assertThat(schema.fieldNames()).endsWith(PaymentSchemas.INGEST_DATE, PaymentSchemas.SOURCE_FILE, PaymentSchemas.SOURCE_LINE, PaymentSchemas.TXN_DATE);
    assertThat(schema.fieldNames()).doesNotContain(SilverTransforms.RUN_ID, SilverTransforms.ARRIVAL_LAG_DAYS);
    assertThat(schema.apply("amount").dataType()).isEqualTo(PaymentSchemas.AMOUNT_TYPE);
    assertThat(schema.apply("amount_minor").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(schema.apply("amount_usd").dataType()).isEqualTo(DataTypes.createDecimalType(18, 2));
    assertThat(schema.apply("txn_hour").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(schema.apply("day_of_week").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(schema.apply("is_weekend").dataType()).isEqualTo(DataTypes.BooleanType);
    assertThat(schema.apply("amount_band").dataType()).isEqualTo(DataTypes.StringType);
  }

  @Test
  void lineageIsKept() {
    Row row = curated.get("LATE");

    assertThat(row.<java.sql.Date>getAs(PaymentSchemas.INGEST_DATE).toLocalDate()).hasToString("2026-11-04");
    assertThat(row.<java.sql.Date>getAs(PaymentSchemas.TXN_DATE).toLocalDate()).hasToString("2026-11-01");
    assertThat(row.<String>getAs(PaymentSchemas.SOURCE_FILE)).isEqualTo(PaymentFixtures.DEFAULT_SOURCE_FILE);
    assertThat(row.<Long>getAs(PaymentSchemas.SOURCE_LINE)).isEqualTo(2L);
  }

  @Test
  void auditRowsAreTheBronzeRowWithTheFailuresAndTheRun() {
    Dataset<Row> validated =
        SilverTransforms.prepare(PaymentFixtures.bronze(approvedPurchase("BAD").withCurrency("usd"), approvedPurchase("GOOD")))
            .withColumn(
                SilverTransforms.FAILED_RULE_IDS,
                org.apache.spark.sql.functions.when(
                        org.apache.spark.sql.functions.col("txn_id").equalTo("BAD"), array(lit("column_values.currency.in")))
                    .otherwise(SilverTransforms.emptyStrings()))
            .withColumn(SilverTransforms.FAILED_RULES, org.apache.spark.sql.functions.col(SilverTransforms.FAILED_RULE_IDS));

    Dataset<Row> audit = SilverTransforms.audit(SilverTransforms.failed(validated), "run-7");
    List<Row> rows = audit.collectAsList();

    assertThat(audit.columns()).containsExactlyElementsOf(SilverTransforms.auditColumns());
    assertThat(audit.columns()).endsWith(SilverTransforms.FAILED_RULE_IDS, SilverTransforms.FAILED_RULES, SilverTransforms.RUN_ID, PaymentSchemas.TXN_DATE);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String>getAs("txn_id")).isEqualTo("BAD");
    assertThat(rows.get(0).<String>getAs("currency")).isEqualTo("usd");
    assertThat(rows.get(0).<String>getAs(SilverTransforms.RUN_ID)).isEqualTo("run-7");
    assertThat(SilverTransforms.passed(validated).collectAsList()).extracting(row -> row.<String>getAs("txn_id")).containsExactly("GOOD");
  }

  private static String band(String txnId) {
    return curated.get(txnId).getAs("amount_band");
  }

  private static void assertTime(String txnId, int hour, int isoDay, boolean weekend) {
    Row row = curated.get(txnId);
    assertThat(row.<Integer>getAs("txn_hour")).as("%s hour", txnId).isEqualTo(hour);
    assertThat(row.<Integer>getAs("day_of_week")).as("%s day", txnId).isEqualTo(isoDay);
    assertThat(row.<Boolean>getAs("is_weekend")).as("%s weekend", txnId).isEqualTo(weekend);
  }

  private static Map<String, Row> byTxnId(Dataset<Row> rows) {
    Map<String, Row> byId = new HashMap<>();
    rows.collectAsList().forEach(row -> byId.put(row.getAs("txn_id"), row));
    return byId;
  }
}
