package com.paymentslake.jobs.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.CardBrand;
import com.paymentslake.contract.Channel;
import com.paymentslake.contract.ContractColumn;
import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.PaymentStatus;
import com.paymentslake.contract.RawContract;
import com.paymentslake.contract.TxnType;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.JobFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.glue.dqdl.model.condition.string.QuotedStringOperand;
import software.amazon.glue.dqdl.model.condition.string.StringBasedCondition;
import software.amazon.glue.dqdl.model.condition.string.StringOperand;

class SilverRulesetTest {
  private static final SilverRuleset RULES = SilverRuleset.packaged();

  @Test
  void packagedRulesetHasOneStableIdPerConcern() {
    assertThat(RULES.name()).isEqualTo("silver_payments");
    assertThat(RULES.source()).isEqualTo("classpath:dq-rules/silver_payments.dqdl");
    assertThat(RULES.ids())
        .containsExactly(
            "is_complete.txn_id",
            "is_complete.txn_ts",
            "completeness.user_id",
            "completeness.merchant_id",
            "completeness.merchant_name",
            "completeness.txn_type",
            "completeness.channel",
            "completeness.amount",
            "completeness.currency",
            "completeness.status",
            "completeness.card_brand",
            "completeness.card_bin",
            "completeness.card_last4",
            "completeness.hash_pan",
            "completeness.country",
            "completeness.city",
            "completeness.is_fraud",
            "column_values.amount.gt",
            "column_values.currency.in",
            "column_values.status.in",
            "column_values.txn_type.in",
            "column_values.channel.in",
            "column_values.card_brand.in",
            "column_values.card_bin.matches",
            "column_values.card_last4.matches",
            "column_values.hash_pan.matches",
            "column_values.country.matches",
            "column_values.mcc.matches",
            "column_values.arrival_lag_days.ge",
            "row_count",
            "is_unique.txn_id");
  }

  @Test
  void everyRequiredContractColumnAndNoOptionalOneHasACompletenessRule() {
    List<String> completenessColumns =
        RULES.rules().stream()
            .filter(rule -> List.of("IsComplete", "Completeness").contains(rule.ruleType()))
            .map(rule -> rule.targetColumn().orElseThrow())
            .toList();
    List<String> required =
        RawContract.current().columns().stream().filter(ContractColumn::required).map(ContractColumn::name).toList();

    assertThat(completenessColumns).containsExactlyInAnyOrderElementsOf(required);
  }

  @Test
  void vocabulariesInTheRulesEqualTheContract() {
    assertThat(inList("currency")).containsExactlyInAnyOrderElementsOf(Currencies.codes());
    assertThat(inList("status")).containsExactlyInAnyOrderElementsOf(names(PaymentStatus.values()));
    assertThat(inList("txn_type")).containsExactlyInAnyOrderElementsOf(names(TxnType.values()));
    assertThat(inList("channel")).containsExactlyInAnyOrderElementsOf(names(Channel.values()));
    assertThat(inList("card_brand")).containsExactlyInAnyOrderElementsOf(names(CardBrand.values()));
  }

  @Test
  void everyInListInTheFileIsCheckedAgainstTheContract() {
    List<String> inListColumns =
        RULES.rules().stream()
            .filter(rule -> rule.dqRule().getCondition() instanceof StringBasedCondition condition
                && condition.getOperator().name().equals("IN"))
            .map(rule -> rule.targetColumn().orElseThrow())
            .toList();

    assertThat(inListColumns).containsExactlyInAnyOrder("currency", "status", "txn_type", "channel", "card_brand");
  }

  @Test
  void rulesCheckOnlyColumnsOfPreparedBronzeRows() {
    List<String> prepared = new ArrayList<>(SilverTransforms.bronzeColumns());
    prepared.add(SilverTransforms.ARRIVAL_LAG_DAYS);

    assertThat(RULES.rules()).allSatisfy(rule -> rule.targetColumn().ifPresent(column -> assertThat(prepared).contains(column)));
  }

  @Test
  void optionalColumnsAreCheckedOnlyWhenPresent() {
    List<SilverRule> onOptionalColumns =
        RULES.rules().stream()
            .filter(rule -> rule.targetColumn().map(SilverRulesetTest::isOptionalContractColumn).orElse(false))
            .toList();

    assertThat(onOptionalColumns).extracting(SilverRule::id).containsExactly("column_values.mcc.matches");
    assertThat(onOptionalColumns.get(0).whereClause()).contains("mcc IS NOT NULL");
  }

  @Test
  void rowLevelRulesCarryTheBlockingThresholdAndDatasetRulesDoNot() {
    assertThat(RULES.rule("column_values.currency.in").thresholdText()).contains(">= 0.95");
    assertThat(RULES.rule("column_values.currency.in").scope()).isEqualTo(SilverRule.Scope.ROW);
    assertThat(RULES.rule("is_complete.txn_id").threshold()).isEmpty();
    assertThat(RULES.rule("row_count").scope()).isEqualTo(SilverRule.Scope.DATASET);
    assertThat(RULES.rule("row_count").targetColumn()).isEmpty();
    assertThat(RULES.rules().stream().filter(rule -> rule.ruleType().equals("ColumnValues")))
        .allSatisfy(rule -> assertThat(rule.thresholdText()).contains(">= 0.95"));
  }

  @Test
  void readmeDocumentsEveryRuleId() throws IOException {
    String readme = Files.readString(Path.of("..", "dq-rules", "README.md"));

    assertThat(RULES.ids()).allSatisfy(id -> assertThat(readme).contains("`" + id + "`"));
  }

  @Test
  void shaPinsTheExactText() {
    assertThat(RULES.sha256()).hasSize(64).isEqualTo(SilverRuleset.sha256Hex(RULES.text()));
  }

  static Stream<Arguments> ruleIds() {
    return Stream.of(
        Arguments.of("IsComplete \"txn_id\"", "is_complete.txn_id"),
        Arguments.of("Completeness \"amount\" >= 0.9", "completeness.amount"),
        Arguments.of("ColumnValues \"amount\" between 1 and 5", "column_values.amount.between"),
        Arguments.of("ColumnValues \"currency\" not in [\"XXX\"]", "column_values.currency.not_in"),
        Arguments.of("ColumnLength \"card_bin\" = 6", "column_length.card_bin"),
        Arguments.of("RowCount between 1 and 10", "row_count"),
        Arguments.of("(RowCount > 0) and (IsComplete \"txn_id\")", "composite.*"));
  }

  @ParameterizedTest
  @MethodSource("ruleIds")
  void ruleIdIsDerivedFromTheRule(String rule, String expectedId) {
    SilverRuleset ruleset = SilverRuleset.parse("one", "test", "Rules = [ " + rule + " ]");

    String id = ruleset.ids().get(0);
    if (expectedId.endsWith("*")) {
      assertThat(id).matches(expectedId.replace(".*", "\\.[0-9a-f]{8}"));
    } else {
      assertThat(id).isEqualTo(expectedId);
    }
  }

  @Test
  void textThatIsNotDqdlIsAnInvalidRuleset() {
    assertThatThrownBy(() -> SilverRuleset.parse("bad", "s3://bucket/bad.dqdl", "Rules = [ ColumnValues \"amount\" >> 0 ]"))
        .isInstanceOf(JobFailure.class)
        .hasMessageStartingWith("INVALID_RULESET: ruleset s3://bucket/bad.dqdl is not valid DQDL: ")
        .extracting(failure -> ((JobFailure) failure).code())
        .isEqualTo(ErrorCode.INVALID_RULESET);
  }

  @Test
  void twoRulesOnOneConcernAreRejected() {
    String text = "Rules = [ Completeness \"amount\" >= 0.9, Completeness \"amount\" >= 0.5 ]";

    assertThatThrownBy(() -> SilverRuleset.parse("twice", "test.dqdl", text))
        .isInstanceOf(JobFailure.class)
        .hasMessage(
            "INVALID_RULESET: ruleset test.dqdl: rules 'Completeness \"amount\" >= 0.9' and "
                + "'Completeness \"amount\" >= 0.5' both get id completeness.amount; keep one rule per concern");
  }

  @Test
  void aThresholdOnADatasetRuleIsRejected() {
    String text = "Rules = [ ColumnDataType \"latitude\" = \"DOUBLE\" with threshold > 0.5 ]";

    assertThatThrownBy(() -> SilverRuleset.parse("t", "t.dqdl", text))
        .isInstanceOf(JobFailure.class)
        .hasMessage(
            "INVALID_RULESET: ruleset t.dqdl: Rule 'ColumnDataType \"latitude\" = \"DOUBLE\" with threshold > 0.5' has a"
                + " threshold but is a ColumnDataType rule without row-level results; thresholds are allowed on row-level"
                + " rules only");
  }

  @Test
  void aCustomSqlRuleIsRejectedWithTheAlternative() {
    String text = "Rules = [ CustomSql \"select txn_id from primary where amount > 0\" with threshold > 0.9 ]";

    assertThatThrownBy(() -> SilverRuleset.parse("c", "c.dqdl", text))
        .isInstanceOf(JobFailure.class)
        .hasMessageStartingWith(
            "INVALID_RULESET: ruleset c.dqdl: rule 'CustomSql \"select txn_id from primary where amount > 0\" with"
                + " threshold > 0.9': CustomSql is not supported by the silver job")
        .hasMessageEndingWith("derive a column in the prepare step and use ColumnValues instead");
  }

  @Test
  void aNullKeywordOrAWhereClauseAdmitsNulls() {
    SilverRuleset ruleset =
        SilverRuleset.parse(
            "n", "n.dqdl",
            "Rules = [ ColumnValues \"mcc\" in [NULL, \"5411\"], ColumnValues \"city\" not in [NULL],"
                + " ColumnValues \"country\" matches \"[A-Z]{2}\" where \"country IS NOT NULL\", IsUnique \"txn_id\" ]");

    assertThat(ruleset.rules()).extracting(SilverRule::admitsNull).containsExactly(true, false, true, false);
    assertThat(ruleset.rules()).extracting(SilverRule::nullMustFail).containsExactly(false, true, false, true);
  }

  @Test
  void aRuleDeequCannotRunIsRejected() {
    assertThatThrownBy(() -> SilverRuleset.parse("u", "u.dqdl", "Rules = [ DetectAnomalies \"RowCount\" ]"))
        .isInstanceOf(JobFailure.class)
        .hasMessageStartingWith(
            "INVALID_RULESET: ruleset u.dqdl: rule 'DetectAnomalies \"RowCount\"' cannot be run by Deequ's DQDL engine: ");
  }

  private static List<String> inList(String column) {
    SilverRule rule = RULES.rule("column_values." + column + ".in");
    StringBasedCondition condition = (StringBasedCondition) rule.dqRule().getCondition();
    List<String> values = new ArrayList<>();
    for (StringOperand operand : condition.getOperands()) {
      assertThat(operand).as("operand of %s", rule.id()).isInstanceOf(QuotedStringOperand.class);
      values.add(operand.getOperand());
    }
    assertThat(values).as("values of %s", rule.id()).doesNotHaveDuplicates();
    return values;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static boolean isOptionalContractColumn(String column) {
    Optional<ContractColumn> contract =
        RawContract.current().columns().stream().filter(c -> c.name().equals(column)).findFirst();
    return contract.map(c -> !c.required()).orElse(false);
  }
}
