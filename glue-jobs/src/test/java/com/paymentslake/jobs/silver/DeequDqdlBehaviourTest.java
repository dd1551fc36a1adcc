package com.paymentslake.jobs.silver;

import static com.paymentslake.jobs.testing.PaymentFixtures.approvedPurchase;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.deequ.dqdl.EvaluateDataQuality;
import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.testing.PaymentFixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

/**
 * Pins how Deequ 2.1.0's DQDL engine behaves on the features the silver ruleset relies on (raw
 * {@code EvaluateDataQuality.processRows}, without the silver job's corrections). If a Deequ upgrade
 * changes one of these, this test fails and dq-rules/README.md's findings table needs a look.
 */
class DeequDqdlBehaviourTest {
  private static final String RULES =
      """
      # a comment before the rules
      Rules = [
        # a comment inside the rules
        ColumnValues "currency" in ["EUR"] with threshold > 0.4,
        ColumnValues "amount" > 0 with threshold > 0.4,
        ColumnValues "currency" in ["EUR"],
        ColumnValues "mcc" matches "[0-9]{4}",
        ColumnValues "mcc" matches "[0-9]{4}" where "mcc IS NOT NULL",
        ColumnLength "card_bin" = 6,
        IsUnique "txn_id",
        RowCount > 0,
        CustomSql "select count(*) from primary" > 0
      ]
      """;

  private static final String CURRENCY_THRESHOLD = "ColumnValues \"currency\" in [\"EUR\"] with threshold > 0.4";
  private static final String AMOUNT_THRESHOLD = "ColumnValues \"amount\" > 0 with threshold > 0.4";
  private static final String CURRENCY = "ColumnValues \"currency\" in [\"EUR\"]";
  private static final String MCC = "ColumnValues \"mcc\" matches \"[0-9]{4}\"";
  private static final String MCC_WHEN_PRESENT = "ColumnValues \"mcc\" matches \"[0-9]{4}\" where \"mcc IS NOT NULL\"";
  private static final String BIN_LENGTH = "ColumnLength \"card_bin\" = 6";
  private static final String UNIQUE = "IsUnique \"txn_id\"";
  private static final String ROW_COUNT = "RowCount > 0";
  private static final String CUSTOM_SQL = "CustomSql \"select count(*) from primary\" > 0";

  private static final Map<String, Row> OUTCOME_BY_RULE = new HashMap<>();
  private static final Map<String, Row> ROW_BY_CASE = new HashMap<>();

  @BeforeAll
  static void evaluateOnce() {
    Dataset<Row> rows =
        PaymentFixtures.bronze(
            approvedPurchase("A").withCurrency("EUR").withSource("clean", 2),
            approvedPurchase("B").withCurrency("eur").withAmount("-1.00").withSource("bad", 2),
            approvedPurchase("C").withCurrency("EUR").withSource("clean too", 2),
            approvedPurchase("D").withNull("txn_id").withNull("currency").withNull("mcc").withNull("card_bin")
                .withSource("nulls", 2));

    Map<String, Dataset<Row>> results = JavaConverters.mapAsJavaMap(EvaluateDataQuality.processRows(rows, RULES));

    for (Row outcome : results.get(EvaluateDataQuality.RULE_OUTCOMES_KEY()).collectAsList()) {
      OUTCOME_BY_RULE.put(outcome.getAs("Rule"), outcome);
    }
    for (Row row : results.get(EvaluateDataQuality.ROW_LEVEL_OUTCOMES_KEY()).collectAsList()) {
      ROW_BY_CASE.put(row.getAs(PaymentSchemas.SOURCE_FILE), row);
    }
  }

  @Test
  void commentsAreAllowedAndEveryRuleGetsAnOutcome() {
    assertThat(OUTCOME_BY_RULE)
        .containsOnlyKeys(
            CURRENCY_THRESHOLD, AMOUNT_THRESHOLD, CURRENCY, MCC, MCC_WHEN_PRESENT, BIN_LENGTH, UNIQUE, ROW_COUNT, CUSTOM_SQL);
  }

  @Test
  void thresholdOnStringAndNumericColumnValuesIsIgnored() {
    // 2 of 4 currencies and 3 of 4 amounts comply, above the 0.4 thresholds, yet both rules fail.
    assertThat(outcome(CURRENCY_THRESHOLD)).isEqualTo("Failed");
    assertThat(outcome(AMOUNT_THRESHOLD)).isEqualTo("Failed");
    assertThat(failed("bad")).contains(CURRENCY_THRESHOLD, AMOUNT_THRESHOLD);
    assertThat(failed("clean")).doesNotContain(CURRENCY_THRESHOLD, AMOUNT_THRESHOLD);
  }

  @Test
  void nullFailsInListsAndPatterns() {
    assertThat(failed("nulls")).contains(CURRENCY, CURRENCY_THRESHOLD, MCC);
  }

  @Test
  void whereClauseExcludedRowsPass() {
    assertThat(passed("nulls")).contains(MCC_WHEN_PRESENT);
  }

  @Test
  void columnLengthSkipsNullRows() {
    assertThat(skipped("nulls")).contains(BIN_LENGTH);
    assertThat(passed("clean")).contains(BIN_LENGTH);
  }

  @Test
  void isUniquePassesANullKey() {
    assertThat(passed("nulls")).contains(UNIQUE);
  }

  @Test
  void rowCountHasNoRowLevelResult() {
    assertThat(skipped("clean")).contains(ROW_COUNT);
    assertThat(outcome(ROW_COUNT)).isEqualTo("Passed");
  }

  @Test
  void datasetCustomSqlCannotSeeThePrimaryView() {
    assertThat(outcome(CUSTOM_SQL)).isEqualTo("Failed");
    assertThat(OUTCOME_BY_RULE.get(CUSTOM_SQL).<String>getAs("FailureReason")).contains("`primary` cannot be found");
  }

  private static String outcome(String rule) {
    return OUTCOME_BY_RULE.get(rule).getAs("Outcome");
  }

  private static List<String> passed(String rowCase) {
    return ROW_BY_CASE.get(rowCase).getList(ROW_BY_CASE.get(rowCase).fieldIndex("DataQualityRulesPass"));
  }

  private static List<String> failed(String rowCase) {
    return ROW_BY_CASE.get(rowCase).getList(ROW_BY_CASE.get(rowCase).fieldIndex("DataQualityRulesFail"));
  }

  private static List<String> skipped(String rowCase) {
    return ROW_BY_CASE.get(rowCase).getList(ROW_BY_CASE.get(rowCase).fieldIndex("DataQualityRulesSkip"));
  }
}
