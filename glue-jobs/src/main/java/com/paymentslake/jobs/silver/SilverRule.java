package com.paymentslake.jobs.silver;

import java.util.Objects;
import java.util.Optional;
import software.amazon.glue.dqdl.model.DQRule;
import software.amazon.glue.dqdl.model.condition.number.NumberBasedCondition;

/**
 * One rule of a DQDL ruleset, as the silver job sees it.
 *
 * @param id stable id derived from the rule (see {@link SilverRuleset#idOf(DQRule)})
 * @param text the rule as DQDL prints it; Deequ's row-level results name rules by this text
 * @param ruleType the DQDL rule type, e.g. {@code ColumnValues}
 * @param targetColumn the checked column, when the rule has one
 * @param scope whether the rule also judges single rows
 * @param threshold the {@code with threshold} condition, when the rule has one
 * @param whereClause the {@code where} filter, when the rule has one (rows it excludes pass)
 * @param admitsNull whether the rule itself accepts a null in its column: it has a where clause, or
 *     its condition accepts the NULL keyword ({@code in [NULL, ...]}, {@code = NULL})
 * @param dqRule the parsed rule
 */
record SilverRule(
    String id,
    String text,
    String ruleType,
    Optional<String> targetColumn,
    Scope scope,
    Optional<NumberBasedCondition> threshold,
    Optional<String> whereClause,
    boolean admitsNull,
    DQRule dqRule) {

  /** Whether a rule can send single rows to audit. */
  enum Scope {
    /** Judged per row (failing rows go to audit) and over the dataset (blocking). */
    ROW,
    /** Judged over the dataset only (blocking); never names a row. */
    DATASET
  }

  SilverRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ruleType, "ruleType");
    Objects.requireNonNull(targetColumn, "targetColumn");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(whereClause, "whereClause");
    Objects.requireNonNull(dqRule, "dqRule");
    if (threshold.isPresent() && scope != Scope.ROW) {
      throw new IllegalArgumentException(
          "Rule '" + text + "' has a threshold but is a " + ruleType
              + " rule without row-level results; thresholds are allowed on row-level rules only");
    }
  }

  /**
   * True when a null in the target column must fail this rule: a row-level rule on a column that
   * does not itself admit nulls. (Deequ 2.1.0 fails such rows for most rules, but skips them for
   * ColumnLength and passes them for IsUnique; the job closes those gaps.)
   */
  boolean nullMustFail() {
    return scope == Scope.ROW && targetColumn.isPresent() && !admitsNull;
  }

  /** The threshold as written, e.g. {@code >= 0.95}. */
  Optional<String> thresholdText() {
    return threshold.map(NumberBasedCondition::getFormattedCondition);
  }
}
