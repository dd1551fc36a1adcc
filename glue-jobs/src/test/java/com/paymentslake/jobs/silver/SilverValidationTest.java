package com.paymentslake.jobs.silver;

import static com.paymentslake.jobs.testing.PaymentFixtures.approvedPurchase;
import static com.paymentslake.jobs.testing.PaymentFixtures.declinedPurchase;
import static com.paymentslake.jobs.testing.PaymentFixtures.onlinePurchase;
import static com.paymentslake.jobs.testing.PaymentFixtures.pendingPurchase;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.testing.PaymentFixtures;
import com.paymentslake.jobs.testing.PaymentFixtures.Payment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row-level behaviour of the packaged ruleset: one validation over a dataset holding a clean row per
 * domain variant, a clean row with one defect per rule, and a clean row with a null per checked
 * column (the rows are told apart by their source_file, which names the case).
 */
class SilverValidationTest {
  private static final SilverRuleset RULES = SilverRuleset.packaged();
  private static final String NULL_CASE = "null:";

  /** Clean variants: each must pass every rule. */
  private static final Map<String, Payment> CLEAN = new LinkedHashMap<>();

  /** One defect each (never a null): the rule ids it must fail, exactly. */
  private static final Map<String, Payment> DEFECTS = new LinkedHashMap<>();

  private static final Map<String, List<String>> EXPECTED = new HashMap<>();

  private static SilverValidation.Result validation;
  private static Map<String, List<String>> failedIdsByCase;
  private static Map<String, List<String>> failedTextsByCase;

  @BeforeAll
  static void validateEveryCaseOnce() {
    clean("approved purchase", approvedPurchase("C1"));
    clean("declined purchase", declinedPurchase("C2"));
    clean("pending purchase without response code", pendingPurchase("C3"));
    clean("online purchase", onlinePurchase("C4"));
    clean("optional columns empty",
        approvedPurchase("C5").withNull("mcc").withNull("response_code").withNull("latitude").withNull("longitude").withNull("device_id"));
    clean("yen without minor units", approvedPurchase("C6").withCurrency("JPY").withAmount("1500"));
    clean("dinar with three decimals", approvedPurchase("C7").withCurrency("KWD").withAmount("12.345"));
    clean("amex", approvedPurchase("C8").withCardBrand("AMEX").with("card_bin", "371449").with("card_last4", "8431"));
    clean("late arrival", approvedPurchase("C9").withTxnTs("2026-11-01T23:59:59Z").withIngestDate("2026-11-04"));
    clean("refund", approvedPurchase("C10").withTxnType("REFUND"));
    clean("fraud label", approvedPurchase("C11").fraudulent());

    defect("zero amount", approvedPurchase("D1").withAmount("0"), "column_values.amount.gt");
    defect("negative amount", approvedPurchase("D2").withAmount("-5.00"), "column_values.amount.gt");
    defect("lower-case currency", approvedPurchase("D3").withCurrency("usd"), "column_values.currency.in");
    defect("withdrawn currency", approvedPurchase("D4").withCurrency("ESP"), "column_values.currency.in");
    defect("junk currency", approvedPurchase("D5").withCurrency("X$1"), "column_values.currency.in");
    defect("unknown status", approvedPurchase("D6").withStatus("SETTLED"), "column_values.status.in");
    defect("unknown txn type", approvedPurchase("D7").withTxnType("PAYMENT"), "column_values.txn_type.in");
    defect("unknown channel", approvedPurchase("D8").withChannel("KIOSK"), "column_values.channel.in");
    defect("lower-case brand", approvedPurchase("D9").withCardBrand("visa"), "column_values.card_brand.in");
    defect("five-digit bin", approvedPurchase("D10").with("card_bin", "41111"), "column_values.card_bin.matches");
    defect("three-digit last4", approvedPurchase("D11").with("card_last4", "111"), "column_values.card_last4.matches");
    defect("upper-case hash", approvedPurchase("D12").with("hash_pan", "AB".repeat(32)), "column_values.hash_pan.matches");
    defect("short hash", approvedPurchase("D13").with("hash_pan", "ab".repeat(31)), "column_values.hash_pan.matches");
    defect("three-letter country", approvedPurchase("D14").withCountry("USA"), "column_values.country.matches");
    defect("lower-case country", approvedPurchase("D15").withCountry("us"), "column_values.country.matches");
    defect("three-digit mcc", approvedPurchase("D16").withMcc("541"), "column_values.mcc.matches");
    defect("future timestamp",
        approvedPurchase("D17").withTxnTs("2026-11-05T00:00:01Z").withIngestDate("2026-11-04"),
        "column_values.arrival_lag_days.ge");
    defect("duplicate txn_id, first", approvedPurchase("DUP"), "is_unique.txn_id");
    defect("duplicate txn_id, second", approvedPurchase("DUP").withAmount("99.00"), "is_unique.txn_id");
    defect("several defects", approvedPurchase("D18").withCountry("us").withAmount("0").withCurrency("usd"),
        "column_values.amount.gt", "column_values.currency.in", "column_values.country.matches");

    List<Payment> payments = new ArrayList<>();
    CLEAN.forEach((name, payment) -> payments.add(payment.withSource(name, 2)));
    DEFECTS.forEach((name, payment) -> payments.add(payment.withSource(name, 2)));
    Set<String> nullColumns = checkedColumns();
    int n = 0;
    for (String column : nullColumns) {
      payments.add(approvedPurchase("N" + (++n)).withSource(NULL_CASE + column, 2));
    }

    Dataset<Row> prepared = SilverTransforms.prepare(PaymentFixtures.bronze(payments));
    for (String column : nullColumns) {
      prepared =
          prepared.withColumn(
              column,
              when(col(PaymentSchemas.SOURCE_FILE).equalTo(NULL_CASE + column), lit(null).cast(prepared.schema().apply(column).dataType()))
                  .otherwise(col(column)));
    }
    validation = SilverValidation.validate(prepared, RULES);
    failedIdsByCase = new HashMap<>();
    failedTextsByCase = new HashMap<>();
    for (Row row : validation.rows().collectAsList()) {
      String name = row.getAs(PaymentSchemas.SOURCE_FILE);
      failedIdsByCase.put(name, row.getList(row.fieldIndex(SilverTransforms.FAILED_RULE_IDS)));
      failedTextsByCase.put(name, row.getList(row.fieldIndex(SilverTransforms.FAILED_RULES)));
    }
  }

  @Test
  void cleanRowsPassEveryRule() {
    assertThat(CLEAN.keySet()).allSatisfy(name -> assertThat(failedIdsByCase.get(name)).as(name).isEmpty());
  }

  @Test
  void eachRuleCatchesItsDefectAndNothingElse() {
    assertThat(DEFECTS.keySet())
        .allSatisfy(name -> assertThat(failedIdsByCase.get(name)).as(name).containsExactlyElementsOf(EXPECTED.get(name)));
  }

  @Test
  void everyRowLevelValueRuleHasADefectCase() {
    Set<String> covered = EXPECTED.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    List<String> valueRules =
        RULES.rules().stream()
            .filter(rule -> rule.scope() == SilverRule.Scope.ROW)
            .filter(rule -> !List.of("IsComplete", "Completeness").contains(rule.ruleType()))
            .map(SilverRule::id)
            .toList();

    assertThat(covered).containsAll(valueRules);
  }

  /**
   * Discovered from the file: for every column a row-level rule checks, a null fails exactly the
   * rules on that column, except where the contract makes the column optional (those rules check
   * the column only when present).
   */
  @Test
  void nullInACheckedColumnFailsEveryRuleOnIt() {
    for (String column : checkedColumns()) {
      List<String> expected =
          isOptionalContractColumn(column)
              ? List.of()
              : RULES.rules().stream()
                  .filter(rule -> rule.targetColumn().filter(column::equals).isPresent())
                  .map(SilverRule::id)
                  .toList();

      assertThat(failedIdsByCase.get(NULL_CASE + column)).as("null %s", column).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void everyRuleWithATargetColumnIsCoveredByTheNullCases() {
    List<String> ruleColumns =
        RULES.rules().stream().flatMap(rule -> rule.targetColumn().stream()).distinct().toList();

    assertThat(checkedColumns()).containsExactlyInAnyOrderElementsOf(ruleColumns);
  }

  @Test
  void failedRuleTextsAreAlignedWithTheirIds() {
    List<String> ids = failedIdsByCase.get("several defects");
    List<String> texts = failedTextsByCase.get("several defects");

    assertThat(texts).containsExactlyElementsOf(ids.stream().map(id -> RULES.rule(id).text()).toList());
  }

  @Test
  void validationKeepsEveryRowAndColumn() {
    List<String> expectedColumns = new ArrayList<>(SilverTransforms.bronzeColumns());
    expectedColumns.addAll(List.of(SilverTransforms.ARRIVAL_LAG_DAYS, SilverTransforms.FAILED_RULE_IDS, SilverTransforms.FAILED_RULES));

    assertThat(validation.rows().columns()).containsExactlyElementsOf(expectedColumns);
    assertThat(failedIdsByCase).hasSize(CLEAN.size() + DEFECTS.size() + checkedColumns().size());
  }

  @Test
  void deequJudgesEveryRuleAtDatasetLevelInRulesetOrder() {
    assertThat(validation.deequOutcomes())
        .extracting(SilverValidation.DeequOutcome::ruleText)
        .containsExactlyElementsOf(RULES.rules().stream().map(SilverRule::text).toList());
    // Deequ 2.1.0 ignores "with threshold" on string ColumnValues: one bad row fails the rule.
    assertThat(validation.deequOutcomes().get(RULES.ids().indexOf("column_values.status.in")).outcome()).isEqualTo("Failed");
    assertThat(validation.deequOutcomes().get(RULES.ids().indexOf("row_count")).outcome()).isEqualTo("Passed");
  }

  @Test
  void aRuleThatSkipsNullRowsFailsThemAndAWhereClauseExcludesThem() {
    SilverRuleset ruleset =
        SilverRuleset.parse(
            "gaps", "test",
            "Rules = [ ColumnLength \"card_bin\" = 6, ColumnValues \"mcc\" matches \"[0-9]{4}\" where \"mcc IS NOT NULL\" ]");
    Dataset<Row> prepared =
        SilverTransforms.prepare(
            PaymentFixtures.bronze(
                approvedPurchase("G1").withSource("clean", 2),
                approvedPurchase("G2").withNull("card_bin").withSource("null bin", 2),
                approvedPurchase("G3").withNull("mcc").withSource("null mcc", 2)));

    Map<String, List<String>> failed = new HashMap<>();
    for (Row row : SilverValidation.validate(prepared, ruleset).rows().collectAsList()) {
      failed.put(row.getAs(PaymentSchemas.SOURCE_FILE), row.getList(row.fieldIndex(SilverTransforms.FAILED_RULE_IDS)));
    }

    assertThat(failed.get("clean")).isEmpty();
    assertThat(failed.get("null bin")).containsExactly("column_length.card_bin");
    assertThat(failed.get("null mcc")).isEmpty();
  }

  @Test
  void aRuleOnAColumnTheRowsDoNotHaveIsAnInvalidRuleset() {
    SilverRuleset ruleset = SilverRuleset.parse("typo", "typo.dqdl", "Rules = [ IsComplete \"merchant\" ]");
    Dataset<Row> prepared = SilverTransforms.prepare(PaymentFixtures.bronze(approvedPurchase("T1")));

    assertThatThrownBy(() -> SilverValidation.validate(prepared, ruleset))
        .isInstanceOf(JobFailure.class)
        .hasMessage(
            "INVALID_RULESET: ruleset typo.dqdl: rule is_complete.merchant (IsComplete \"merchant\") checks column 'merchant'"
                + " but the rows have only " + List.of(prepared.columns()));
  }

  private static void clean(String name, Payment payment) {
    CLEAN.put(name, payment);
  }

  private static void defect(String name, Payment payment, String... ruleIds) {
    DEFECTS.put(name, payment);
    EXPECTED.put(name, List.of(ruleIds));
  }

  /** Every column some row-level rule of the file checks. */
  private static Set<String> checkedColumns() {
    Set<String> columns = new LinkedHashSet<>();
    for (SilverRule rule : RULES.rules()) {
      rule.targetColumn().ifPresent(columns::add);
    }
    return columns;
  }

  private static boolean isOptionalContractColumn(String column) {
    return RawContract.current().columns().stream()
        .filter(contract -> contract.name().equals(column))
        .findFirst()
        .map(contract -> !contract.required())
        .orElse(false);
  }
}
