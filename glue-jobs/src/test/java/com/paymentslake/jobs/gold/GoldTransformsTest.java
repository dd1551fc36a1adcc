package com.paymentslake.jobs.gold;

import static com.paymentslake.jobs.testing.PaymentFixtures.approvedPurchase;
import static com.paymentslake.jobs.testing.PaymentFixtures.declinedPurchase;
import static com.paymentslake.jobs.testing.PaymentFixtures.onlinePurchase;
import static com.paymentslake.jobs.testing.PaymentFixtures.pendingPurchase;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.Currencies;
import com.paymentslake.jobs.testing.PaymentFixtures;
import com.paymentslake.jobs.testing.PaymentFixtures.Payment;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * Gold aggregates from in-memory silver rows. Expected rows are computed by hand from the payments
 * below (EUR at the currencies.v1 reference rate 1.08 USD).
 */
class GoldTransformsTest {
  private static final String NOV_2_EVENING = "2026-11-02T18:04:05Z";
  private static final String NOV_3_NIGHT = "2026-11-03T01:00:00Z";

  /**
   * Nov 2, USD: grocery M1 (two approved purchases, one of them fraud online, one declined) and
   * bookshop M2 (an approved and a declined refund, a reversal, a pending MOTO order). Nov 2, EUR:
   * cafe M3 (two approved purchases, one without MCC). Nov 3, USD: M1 again and M4, whose only row
   * has no MCC.
   */
  private static final List<Payment> SILVER =
      List.of(
          approvedPurchase("A1").withAmount("12.34"),
          onlinePurchase("A2").withAmount("10.00").fraudulent(),
          declinedPurchase("D1").withAmount("5.00"),
          approvedPurchase("RF").withTxnType("REFUND").withAmount("2.50").withMerchant("M000002", "Book Nook").withMcc("5942"),
          declinedPurchase("RD").withTxnType("REFUND").withAmount("3.00").withMerchant("M000002", "Book Nook").withMcc("5942"),
          approvedPurchase("RV").withStatus("REVERSED").withAmount("7.00").withMerchant("M000002", "Book Nook").withMcc("5942"),
          pendingPurchase("PN").withChannel("MOTO").withAmount("1.00").withMerchant("M000002", "Book Nook").withMcc("5942"),
          approvedPurchase("E1").withCurrency("EUR").withAmount("20.00").withMerchant("M000003", "Café Lumière").withMcc("5812"),
          approvedPurchase("E2").withCurrency("EUR").withAmount("5.55").withMerchant("M000003", "Café Lumière").withNull("mcc"),
          approvedPurchase("N1").withTxnTs(NOV_3_NIGHT).withAmount("100.00"),
          approvedPurchase("N2").withTxnTs(NOV_3_NIGHT).withAmount("1.00").withMerchant("M000004", "Kiosk").withNull("mcc"));

  @Test
  void dailyTotalsHoldAdditiveMeasuresPerDateAndCurrency() {
    List<String> totals = rows(GoldTransforms.dailyTotals(silver(SILVER)), "txn_date", "currency");

    // currency|txn|approved|declined|reversed|pending|refund|fraud|cnp|gross|refund|net|gross_usd|refund_usd|net_usd|date
    assertThat(totals)
        .containsExactly(
            "EUR|2|2|0|0|0|0|0|0|25.550|0.000|25.550|27.59|0.00|27.59|2026-11-02",
            "USD|7|3|2|1|1|2|1|2|22.340|2.500|19.840|22.34|2.50|19.84|2026-11-02",
            "USD|2|2|0|0|0|0|0|0|101.000|0.000|101.000|101.00|0.00|101.00|2026-11-03");
  }

  @Test
  void merchantDailyHoldsAdditiveMeasuresPerDateAndMerchant() {
    List<String> daily = rows(GoldTransforms.merchantDaily(silver(SILVER)), "txn_date", "merchant_id");

    // merchant|name|mcc|txn|approved|declined|reversed|pending|refund|fraud|gross_usd|refund_usd|net_usd|date
    assertThat(daily)
        .containsExactly(
            "M000001|Corner Grocery, Main St|5411|3|2|1|0|0|0|1|22.34|0.00|22.34|2026-11-02",
            "M000002|Book Nook|5942|4|1|1|1|1|2|0|0.00|2.50|-2.50|2026-11-02",
            "M000003|Café Lumière|5812|2|2|0|0|0|0|0|27.59|0.00|27.59|2026-11-02",
            "M000001|Corner Grocery, Main St|5411|1|1|0|0|0|0|0|100.00|0.00|100.00|2026-11-03",
            "M000004|Kiosk|null|1|1|0|0|0|0|0|1.00|0.00|1.00|2026-11-03");
  }

  @Test
  void statusCountsAddUpToTxnCountAndTxnCountAddsUpToSilverRows() {
    for (Dataset<Row> gold : List.of(GoldTransforms.dailyTotals(silver(SILVER)), GoldTransforms.merchantDaily(silver(SILVER)))) {
      List<Row> rows = gold.collectAsList();
      assertThat(rows.stream().mapToLong(row -> row.<Long>getAs("txn_count")).sum()).isEqualTo(SILVER.size());
      assertThat(rows)
          .allSatisfy(row -> assertThat(
                  row.<Long>getAs("approved_count") + row.<Long>getAs("declined_count") + row.<Long>getAs("reversed_count")
                      + row.<Long>getAs("pending_count"))
              .isEqualTo(row.<Long>getAs("txn_count")));
    }
  }

  @Test
  void goldTablesHaveTheDocumentedColumnsAndTypes() {
    assertThat(schema(GoldTransforms.dailyTotals(silver(SILVER))))
        .containsExactly(
            "currency string", "txn_count bigint", "approved_count bigint", "declined_count bigint",
            "reversed_count bigint", "pending_count bigint", "refund_count bigint", "fraud_count bigint",
            "card_not_present_count bigint", "gross_amount decimal(28,3)", "refund_amount decimal(28,3)",
            "net_amount decimal(28,3)", "gross_amount_usd decimal(28,2)", "refund_amount_usd decimal(28,2)",
            "net_amount_usd decimal(28,2)", "txn_date date");
    assertThat(schema(GoldTransforms.merchantDaily(silver(SILVER))))
        .containsExactly(
            "merchant_id string", "merchant_name string", "mcc string", "txn_count bigint", "approved_count bigint",
            "declined_count bigint", "reversed_count bigint", "pending_count bigint", "refund_count bigint",
            "fraud_count bigint", "gross_amount_usd decimal(28,2)", "refund_amount_usd decimal(28,2)",
            "net_amount_usd decimal(28,2)", "txn_date date");
  }

  @Test
  void noSilverRowsMeansNoGoldRows() {
    Dataset<Row> none = silver(SILVER).limit(0);

    assertThat(GoldTransforms.dailyTotals(none).count()).isZero();
    assertThat(GoldTransforms.merchantDaily(none).count()).isZero();
  }

  /**
   * Silver rows of some payments: the bronze row plus amount_usd, rounded half-up to cents from the
   * currencies.v1 rate, as silver curates it. Only the columns gold reads are kept.
   */
  static Dataset<Row> silver(List<Payment> payments) {
    Column rate = lit(Currencies.of("USD").usdPerUnit());
    for (String code : List.of("EUR", "JPY", "GBP")) {
      rate = when(col("currency").equalTo(code), lit(Currencies.of(code).usdPerUnit())).otherwise(rate);
    }
    Dataset<Row> silver =
        PaymentFixtures.bronze(payments)
            .withColumn("amount_usd", round(col("amount").multiply(rate), 2).cast(DataTypes.createDecimalType(18, 2)));
    return silver.select(
        Arrays.stream(GoldTransforms.silverInput().fieldNames()).map(silver::col).toArray(Column[]::new));
  }

  private static List<String> rows(Dataset<Row> gold, String... orderBy) {
    return gold.orderBy(Arrays.stream(orderBy).map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .collectAsList()
        .stream()
        .map(row -> row.mkString("|"))
        .toList();
  }

  private static List<String> schema(Dataset<Row> gold) {
    return Arrays.stream(gold.schema().fields()).map(GoldTransformsTest::describe).toList();
  }

  private static String describe(StructField field) {
    return field.name() + " " + field.dataType().simpleString();
  }
}
