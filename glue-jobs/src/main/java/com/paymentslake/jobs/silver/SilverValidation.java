package com.paymentslake.jobs.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import com.amazon.deequ.dqdl.EvaluateDataQuality;
import com.amazon.deequ.dqdl.execution.RowLevelResultHelper;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.JobFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;

/**
 * Runs a DQDL ruleset through Deequ's DQDL engine and names, per row, the rules it failed.
 *
 * <p>{@code EvaluateDataQuality.processRows} returns the dataset outcome of every rule and, per
 * row, arrays of the texts of the rules the row passed, failed or skipped. This class turns the
 * failed texts into {@value SilverTransforms#FAILED_RULE_IDS} and {@value
 * SilverTransforms#FAILED_RULES} (ruleset order) and enforces one invariant Deequ 2.1.0 leaves to
 * the rule type: a null in the checked column fails every row-level rule on that column unless the
 * rule admits nulls itself (a where clause, or {@code in [NULL, ...]}). Deequ already fails nulls for
 * ColumnValues, IsComplete and Completeness, but skips them for ColumnLength and passes them for
 * IsUnique.
 */
final class SilverValidation {
  private SilverValidation() {}

  /**
   * What validation found.
   *
   * @param rows the input rows and columns, plus {@value SilverTransforms#FAILED_RULE_IDS} and
   *     {@value SilverTransforms#FAILED_RULES} (both empty for a row that passed every rule)
   * @param deequOutcomes Deequ's dataset-level outcome of every rule, in ruleset order
   */
  record Result(Dataset<Row> rows, List<DeequOutcome> deequOutcomes) {
    Result {
      Objects.requireNonNull(rows, "rows");
      deequOutcomes = List.copyOf(deequOutcomes);
    }
  }

  /**
   * Deequ's dataset-level verdict on one rule.
   *
   * @param ruleText the rule's DQDL text
   * @param outcome {@code Passed} or {@code Failed}
   * @param failureReason Deequ's explanation when failed, else null
   * @param metrics the metrics Deequ evaluated for the rule, by name
   */
  record DeequOutcome(String ruleText, String outcome, String failureReason, Map<String, Double> metrics) {
    DeequOutcome {
      Objects.requireNonNull(ruleText, "ruleText");
      Objects.requireNonNull(outcome, "outcome");
      metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    boolean passed() {
      return "Passed".equals(outcome);
    }
  }

  /**
   * Validates rows against the ruleset. Runs Spark jobs (Deequ computes the dataset metrics now);
   * the returned rows are lazy, so cache them before using them more than once.
   *
   * @param prepared rows holding every column the rules name (see {@link SilverTransforms#prepare})
   * @throws JobFailure INVALID_RULESET when a rule names a column the rows do not have
   */
  static Result validate(Dataset<Row> prepared, SilverRuleset ruleset) {
    Set<String> inputColumns = Set.of(prepared.columns());
    for (SilverRule rule : ruleset.rules()) {
      rule.targetColumn()
          .filter(column -> !inputColumns.contains(column))
          .ifPresent(column -> {
            throw new JobFailure(
                ErrorCode.INVALID_RULESET,
                "ruleset " + ruleset.source() + ": rule " + rule.id() + " (" + rule.text() + ") checks column '" + column
                    + "' but the rows have only " + List.of(prepared.columns()));
          });
    }

    Map<String, Dataset<Row>> results =
        JavaConverters.mapAsJavaMap(EvaluateDataQuality.processRows(prepared, ruleset.text()));
    List<DeequOutcome> outcomes = deequOutcomes(results.get(EvaluateDataQuality.RULE_OUTCOMES_KEY()), ruleset);
    Dataset<Row> rowLevel = results.get(EvaluateDataQuality.ROW_LEVEL_OUTCOMES_KEY());

    Column failedTexts = col(RowLevelResultHelper.ROW_LEVEL_FAIL());
    for (SilverRule rule : ruleset.rules()) {
      if (rule.nullMustFail()) {
        Column isNull = col(rule.targetColumn().orElseThrow()).isNull();
        failedTexts = concat(failedTexts, when(isNull, array(lit(rule.text()))).otherwise(SilverTransforms.emptyStrings()));
      }
    }

    List<Column> ordinalByText = new ArrayList<>();
    List<Column> ids = new ArrayList<>();
    List<Column> texts = new ArrayList<>();
    List<SilverRule> rules = ruleset.rules();
    for (int i = 0; i < rules.size(); i++) {
      ordinalByText.add(lit(rules.get(i).text()));
      ordinalByText.add(lit(i + 1));
      ids.add(lit(rules.get(i).id()));
      texts.add(lit(rules.get(i).text()));
    }
    Column ordinals = map(ordinalByText.toArray(Column[]::new));
    Column idArray = array(ids.toArray(Column[]::new));
    Column textArray = array(texts.toArray(Column[]::new));
    // Only texts of top-level rules map to an ordinal (a composite rule's parts would not).
    Column failedOrdinals =
        array_sort(array_distinct(filter(transform(failedTexts, text -> element_at(ordinals, text)), ordinal -> ordinal.isNotNull())));

    List<Column> output = new ArrayList<>();
    for (String column : prepared.columns()) {
      output.add(rowLevel.col(column));
    }
    output.add(transform(failedOrdinals, ordinal -> element_at(idArray, ordinal)).as(SilverTransforms.FAILED_RULE_IDS));
    output.add(transform(failedOrdinals, ordinal -> element_at(textArray, ordinal)).as(SilverTransforms.FAILED_RULES));
    return new Result(rowLevel.select(output.toArray(Column[]::new)), outcomes);
  }

  private static List<DeequOutcome> deequOutcomes(Dataset<Row> ruleOutcomes, SilverRuleset ruleset) {
    Map<String, DeequOutcome> byText =
        ruleOutcomes.collectAsList().stream()
            .map(SilverValidation::toDeequOutcome)
            .collect(Collectors.toMap(DeequOutcome::ruleText, outcome -> outcome, (a, b) -> a));
    List<DeequOutcome> ordered = new ArrayList<>();
    for (SilverRule rule : ruleset.rules()) {
      DeequOutcome outcome = byText.remove(rule.text());
      if (outcome == null) {
        throw new IllegalStateException(
            "Deequ returned no outcome for rule " + rule.id() + " (" + rule.text() + "); it returned " + byText.keySet());
      }
      ordered.add(outcome);
    }
    if (!byText.isEmpty()) {
      throw new IllegalStateException("Deequ returned outcomes for rules not in ruleset " + ruleset.name() + ": " + byText.keySet());
    }
    return ordered;
  }

  private static DeequOutcome toDeequOutcome(Row row) {
    Map<String, Double> metrics = new TreeMap<>();
    int metricsIndex = row.fieldIndex("EvaluatedMetrics");
    if (!row.isNullAt(metricsIndex)) {
      Map<Object, Object> raw = row.getJavaMap(metricsIndex);
      raw.forEach((name, value) -> metrics.put(String.valueOf(name), value == null ? null : ((Number) value).doubleValue()));
    }
    return new DeequOutcome(
        row.getString(row.fieldIndex("Rule")),
        row.getString(row.fieldIndex("Outcome")),
        row.getString(row.fieldIndex("FailureReason")),
        metrics);
  }
}
