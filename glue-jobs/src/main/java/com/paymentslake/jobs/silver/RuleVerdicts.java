package com.paymentslake.jobs.silver;

import com.amazon.deequ.dqdl.execution.DefaultOperandEvaluator$;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.glue.dqdl.model.condition.number.NumberBasedCondition;

/**
 * Dataset-level verdicts of a ruleset's rules, which decide whether a silver run may publish.
 *
 * <p>Every rule is blocking. A rule {@code with threshold} passes when the share of rows that pass
 * it at row level (its compliance) satisfies the threshold; the job computes this itself because
 * Deequ 2.1.0 parses but ignores thresholds on numeric and string {@code ColumnValues} rules (it
 * then fails the rule as soon as one row fails). Any other rule takes Deequ's outcome.
 */
final class RuleVerdicts {
  static final String PASSED = "Passed";
  static final String FAILED = "Failed";

  /** Metric name of a threshold rule: the share of rows in scope that pass the rule. */
  static final String COMPLIANCE = "Compliance";

  private RuleVerdicts() {}

  /**
   * The verdict on one rule.
   *
   * @param id rule id
   * @param text rule text
   * @param scope ROW (sends failing rows to audit) or DATASET
   * @param threshold the {@code with threshold} condition, or null
   * @param outcome {@value #PASSED} or {@value #FAILED}
   * @param blocking whether a failed outcome stops the run (always true in this job)
   * @param metricName the metric the outcome was decided on
   * @param metricValue its value
   * @param failingRows rows that failed the rule at row level
   * @param failureReason why it failed, or null
   * @param deequOutcome Deequ's own outcome (differs for threshold rules)
   * @param deequMetrics the metrics Deequ evaluated
   */
  record RuleResult(
      String id,
      String text,
      SilverRule.Scope scope,
      String threshold,
      String outcome,
      boolean blocking,
      String metricName,
      Double metricValue,
      long failingRows,
      String failureReason,
      String deequOutcome,
      Map<String, Double> deequMetrics) {
    RuleResult {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(outcome, "outcome");
      if (!PASSED.equals(outcome) && !FAILED.equals(outcome)) {
        throw new IllegalArgumentException("Outcome '" + outcome + "' of rule " + id + " must be Passed or Failed");
      }
      deequMetrics = java.util.Collections.unmodifiableMap(new TreeMap<>(deequMetrics));
    }

    boolean passed() {
      return PASSED.equals(outcome);
    }

    /** {@code id (text): metric = value}, for failure messages. */
    String describe() {
      return id + " (" + text + "): " + (metricName == null ? "no metric" : metricName + " = " + metricValue)
          + (failureReason == null ? "" : ", " + failureReason.strip().replace('\n', ' '));
    }
  }

  /**
   * Decides every rule's dataset outcome.
   *
   * @param ruleset the rules, in order
   * @param deequOutcomes Deequ's outcome per rule, in ruleset order
   * @param failingRowsByRule per rule id, rows that failed it at row level (absent means 0)
   * @param rowsInScope rows validated
   */
  static List<RuleResult> evaluate(
      SilverRuleset ruleset,
      List<SilverValidation.DeequOutcome> deequOutcomes,
      Map<String, Long> failingRowsByRule,
      long rowsInScope) {
    if (deequOutcomes.size() != ruleset.rules().size()) {
      throw new IllegalArgumentException(
          deequOutcomes.size() + " Deequ outcomes for " + ruleset.rules().size() + " rules of " + ruleset.name());
    }
    List<RuleResult> results = new ArrayList<>();
    for (int i = 0; i < ruleset.rules().size(); i++) {
      SilverRule rule = ruleset.rules().get(i);
      SilverValidation.DeequOutcome deequ = deequOutcomes.get(i);
      if (!deequ.ruleText().equals(rule.text())) {
        throw new IllegalArgumentException(
            "Deequ outcome " + i + " is for '" + deequ.ruleText() + "' but rule " + i + " is '" + rule.text() + "'");
      }
      long failing = failingRowsByRule.getOrDefault(rule.id(), 0L);
      results.add(
          rule.threshold().isPresent()
              ? thresholdVerdict(rule, rule.threshold().get(), deequ, failing, rowsInScope)
              : deequVerdict(rule, deequ, failing));
    }
    return List.copyOf(results);
  }

  /** Share of rows passing a rule; 1 when there are no rows (RowCount rules catch that case). */
  static double compliance(long failingRows, long rowsInScope) {
    if (failingRows < 0 || failingRows > rowsInScope) {
      throw new IllegalArgumentException(failingRows + " failing rows is outside [0, " + rowsInScope + "]");
    }
    return rowsInScope == 0 ? 1.0 : (double) (rowsInScope - failingRows) / rowsInScope;
  }

  private static RuleResult thresholdVerdict(
      SilverRule rule, NumberBasedCondition threshold, SilverValidation.DeequOutcome deequ, long failing, long rows) {
    double compliance = compliance(failing, rows);
    boolean passed = Boolean.TRUE.equals(threshold.evaluate(compliance, rule.dqRule(), DefaultOperandEvaluator$.MODULE$));
    String reason =
        passed
            ? null
            : failing + " of " + rows + " rows fail the rule: compliance " + compliance + " does not satisfy threshold "
                + threshold.getFormattedCondition();
    return new RuleResult(
        rule.id(), rule.text(), rule.scope(), threshold.getFormattedCondition(), passed ? PASSED : FAILED, true,
        COMPLIANCE, compliance, failing, reason, deequ.outcome(), deequ.metrics());
  }

  private static RuleResult deequVerdict(SilverRule rule, SilverValidation.DeequOutcome deequ, long failing) {
    Map.Entry<String, Double> metric = deequ.metrics().isEmpty() ? null : deequ.metrics().entrySet().iterator().next();
    return new RuleResult(
        rule.id(), rule.text(), rule.scope(), null, deequ.passed() ? PASSED : FAILED, true,
        metric == null ? null : metric.getKey(), metric == null ? null : metric.getValue(), failing,
        deequ.passed() ? null : deequ.failureReason(), deequ.outcome(), deequ.metrics());
  }
}
