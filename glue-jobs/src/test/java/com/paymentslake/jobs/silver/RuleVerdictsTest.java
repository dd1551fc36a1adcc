package com.paymentslake.jobs.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleVerdictsTest {
  private static final SilverRuleset RULES =
      SilverRuleset.parse(
          "verdicts", "test",
          "Rules = [ ColumnValues \"currency\" in [\"USD\"] with threshold >= 0.95, RowCount > 0 ]");
  private static final String CURRENCY = RULES.rules().get(0).text();
  private static final String ROW_COUNT = RULES.rules().get(1).text();

  @Test
  void aThresholdRulePassesAtExactlyItsThresholdAlthoughDeequFailsIt() {
    List<RuleVerdicts.RuleResult> results =
        RuleVerdicts.evaluate(RULES, deequ("Failed", "Passed"), Map.of("column_values.currency.in", 5L), 100);

    RuleVerdicts.RuleResult currency = results.get(0);
    assertThat(currency.outcome()).isEqualTo("Passed");
    assertThat(currency.metricName()).isEqualTo("Compliance");
    assertThat(currency.metricValue()).isEqualTo(0.95);
    assertThat(currency.threshold()).isEqualTo(">= 0.95");
    assertThat(currency.failingRows()).isEqualTo(5);
    assertThat(currency.deequOutcome()).isEqualTo("Failed");
    assertThat(currency.failureReason()).isNull();
    assertThat(currency.blocking()).isTrue();
  }

  @Test
  void aThresholdRuleFailsJustBelowItsThreshold() {
    RuleVerdicts.RuleResult currency =
        RuleVerdicts.evaluate(RULES, deequ("Failed", "Passed"), Map.of("column_values.currency.in", 6L), 100).get(0);

    assertThat(currency.outcome()).isEqualTo("Failed");
    assertThat(currency.failureReason())
        .isEqualTo("6 of 100 rows fail the rule: compliance 0.94 does not satisfy threshold >= 0.95");
    assertThat(currency.describe())
        .isEqualTo(
            "column_values.currency.in (" + CURRENCY + "): Compliance = 0.94, 6 of 100 rows fail the rule: compliance 0.94"
                + " does not satisfy threshold >= 0.95");
  }

  @Test
  void aRuleWithoutThresholdTakesDeequsOutcomeAndMetric() {
    List<RuleVerdicts.RuleResult> passed = RuleVerdicts.evaluate(RULES, deequ("Passed", "Passed"), Map.of(), 100);
    List<RuleVerdicts.RuleResult> failed = RuleVerdicts.evaluate(RULES, deequ("Passed", "Failed"), Map.of(), 0);

    assertThat(passed.get(1).outcome()).isEqualTo("Passed");
    assertThat(passed.get(1).metricName()).isEqualTo("Dataset.*.RowCount");
    assertThat(passed.get(1).metricValue()).isEqualTo(100.0);
    assertThat(failed.get(1).outcome()).isEqualTo("Failed");
    assertThat(failed.get(1).failureReason()).isEqualTo("Value: 0.0 does not meet the constraint requirement!");
    assertThat(failed.get(0).outcome()).as("no rows: vacuous compliance").isEqualTo("Passed");
  }

  @Test
  void complianceIsTheShareOfRowsPassing() {
    assertThat(RuleVerdicts.compliance(1, 4)).isEqualTo(0.75);
    assertThat(RuleVerdicts.compliance(0, 0)).isEqualTo(1.0);
    assertThatThrownBy(() -> RuleVerdicts.compliance(5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("5 failing rows is outside [0, 4]");
  }

  @Test
  void outcomesMustFollowTheRulesetOrder() {
    List<SilverValidation.DeequOutcome> swapped = List.of(deequ("Passed", "Passed").get(1), deequ("Passed", "Passed").get(0));

    assertThatThrownBy(() -> RuleVerdicts.evaluate(RULES, swapped, Map.of(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Deequ outcome 0 is for '" + ROW_COUNT + "' but rule 0 is '" + CURRENCY + "'");
  }

  private static List<SilverValidation.DeequOutcome> deequ(String currencyOutcome, String rowCountOutcome) {
    return List.of(
        new SilverValidation.DeequOutcome(
            CURRENCY, currencyOutcome, "Failed".equals(currencyOutcome) ? "Value: 0.9 does not meet the constraint requirement!" : null,
            Map.of("Column.currency.ColumnValues.Compliance", 0.9)),
        new SilverValidation.DeequOutcome(
            ROW_COUNT, rowCountOutcome, "Failed".equals(rowCountOutcome) ? "Value: 0.0 does not meet the constraint requirement!" : null,
            Map.of("Dataset.*.RowCount", "Failed".equals(rowCountOutcome) ? 0.0 : 100.0)));
  }
}
