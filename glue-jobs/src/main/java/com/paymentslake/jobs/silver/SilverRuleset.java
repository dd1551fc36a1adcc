package com.paymentslake.jobs.silver;

import com.amazon.deequ.dqdl.model.ExecutableRule;
import com.amazon.deequ.dqdl.model.UnsupportedExecutableRule;
import com.amazon.deequ.dqdl.translation.DQDLRuleTranslator;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.JobFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import scala.collection.JavaConverters;
import software.amazon.glue.dqdl.exception.InvalidDataQualityRulesetException;
import software.amazon.glue.dqdl.model.DQRule;
import software.amazon.glue.dqdl.model.DQRuleset;
import software.amazon.glue.dqdl.model.condition.Condition;
import software.amazon.glue.dqdl.model.condition.date.DateBasedCondition;
import software.amazon.glue.dqdl.model.condition.date.NullDateExpression;
import software.amazon.glue.dqdl.model.condition.number.NullNumericOperand;
import software.amazon.glue.dqdl.model.condition.number.NumberBasedCondition;
import software.amazon.glue.dqdl.model.condition.string.Keyword;
import software.amazon.glue.dqdl.model.condition.string.KeywordStringOperand;
import software.amazon.glue.dqdl.model.condition.string.StringBasedCondition;
import software.amazon.glue.dqdl.parser.DQDLParser;

/**
 * A parsed DQDL ruleset with a stable id per rule.
 *
 * <p>Rule ids are derived from the rule, not from its position: {@code <rule type in
 * snake_case>[.<target column>][.<operator>]}, the operator only for {@code ColumnValues} (e.g.
 * {@code completeness.merchant_id}, {@code column_values.currency.in}, {@code row_count}). Parameters
 * that are not plain identifiers (a CustomSql statement) and composite rules contribute the first 8
 * hex digits of the SHA-256 of their text. Two rules with the same id (hence two with the same
 * text) make the ruleset invalid.
 */
final class SilverRuleset {
  /** The ruleset the silver job uses unless {@code --rules-path} says otherwise. */
  static final String PACKAGED_NAME = "silver_payments";

  static final String PACKAGED_RESOURCE = "dq-rules/" + PACKAGED_NAME + ".dqdl";

  /** Rule types whose Deequ translation yields a result per row. */
  private static final Set<String> ROW_LEVEL_TYPES =
      Set.of("IsComplete", "Completeness", "ColumnValues", "ColumnLength", "IsUnique", "Uniqueness", "IsPrimaryKey");

  private static final Map<String, String> OPERATOR_SLUGS =
      Map.ofEntries(
          Map.entry("GREATER_THAN", "gt"),
          Map.entry("GREATER_THAN_EQUAL_TO", "ge"),
          Map.entry("LESS_THAN", "lt"),
          Map.entry("LESS_THAN_EQUAL_TO", "le"),
          Map.entry("EQUALS", "eq"),
          Map.entry("NOT_EQUALS", "ne"),
          Map.entry("BETWEEN", "between"),
          Map.entry("NOT_BETWEEN", "not_between"),
          Map.entry("IN", "in"),
          Map.entry("NOT_IN", "not_in"),
          Map.entry("MATCHES", "matches"),
          Map.entry("NOT_MATCHES", "not_matches"));

  private final String name;
  private final String source;
  private final String text;
  private final String sha256;
  private final List<SilverRule> rules;

  private SilverRuleset(String name, String source, String text, List<SilverRule> rules) {
    this.name = name;
    this.source = source;
    this.text = text;
    this.sha256 = sha256Hex(text);
    this.rules = List.copyOf(rules);
  }

  /** The ruleset packaged by the dq-rules module ({@code dq-rules/silver_payments.dqdl}). */
  static SilverRuleset packaged() {
    try (InputStream in = SilverRuleset.class.getClassLoader().getResourceAsStream(PACKAGED_RESOURCE)) {
      if (in == null) {
        throw new JobFailure(
            ErrorCode.INVALID_RULESET,
            "ruleset " + PACKAGED_RESOURCE + " is not on the classpath (is lake-dq-rules a dependency?)");
      }
      return parse(PACKAGED_NAME, "classpath:" + PACKAGED_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + PACKAGED_RESOURCE, e);
    }
  }

  /**
   * Parses DQDL text.
   *
   * @param name the ruleset's name (its file name without {@code .dqdl})
   * @param source where the text came from, for messages and the DQ summary
   * @param text the DQDL document
   * @throws JobFailure INVALID_RULESET when the text is not DQDL, has two rules with one id, holds a
   *     rule Deequ's DQDL engine cannot execute, a CustomSql rule, or a threshold on a rule type
   *     without row-level results
   */
  static SilverRuleset parse(String name, String source, String text) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    DQRuleset parsed;
    try {
      parsed = new DQDLParser().parse(text);
    } catch (InvalidDataQualityRulesetException | RuntimeException e) {
      throw new JobFailure(
          ErrorCode.INVALID_RULESET, "ruleset " + source + " is not valid DQDL: " + e.getMessage(), e);
    }
    if (parsed.getRules().isEmpty()) {
      throw new JobFailure(ErrorCode.INVALID_RULESET, "ruleset " + source + " has no rules");
    }
    rejectRulesDeequCannotRun(source, parsed);

    List<SilverRule> rules = new ArrayList<>();
    Map<String, String> textById = new HashMap<>();
    for (DQRule rule : parsed.getRules()) {
      SilverRule silverRule;
      try {
        silverRule = toSilverRule(rule);
      } catch (IllegalArgumentException e) {
        throw new JobFailure(ErrorCode.INVALID_RULESET, "ruleset " + source + ": " + e.getMessage(), e);
      }
      String previousText = textById.putIfAbsent(silverRule.id(), silverRule.text());
      if (previousText != null) {
        throw new JobFailure(
            ErrorCode.INVALID_RULESET,
            "ruleset " + source + ": rules '" + previousText + "' and '" + silverRule.text()
                + "' both get id " + silverRule.id() + "; keep one rule per concern");
      }
      rules.add(silverRule);
    }
    return new SilverRuleset(name, source, text, rules);
  }

  /** The stable id of a rule; see the class comment. */
  static String idOf(DQRule rule) {
    if (rule.getNestedRules() != null && !rule.getNestedRules().isEmpty()) {
      return "composite." + shortHash(rule.toString());
    }
    StringBuilder id = new StringBuilder(snakeCase(rule.getRuleType()));
    for (String value : parameters(rule).values()) {
      id.append('.').append(value.matches("[A-Za-z0-9_]+") ? value.toLowerCase(Locale.ROOT) : shortHash(value));
    }
    if ("ColumnValues".equals(rule.getRuleType())) {
      operatorName(rule.getCondition())
          .ifPresent(operator -> id.append('.').append(OPERATOR_SLUGS.getOrDefault(operator, operator.toLowerCase(Locale.ROOT))));
    }
    return id.toString();
  }

  String name() {
    return name;
  }

  /** Where the text was read from, e.g. {@code classpath:dq-rules/silver_payments.dqdl}. */
  String source() {
    return source;
  }

  /** The DQDL document as read (comments included); Deequ evaluates exactly this. */
  String text() {
    return text;
  }

  /** Lower-case hex SHA-256 of the UTF-8 text: pins which rules judged a run. */
  String sha256() {
    return sha256;
  }

  /** Rules in file order. */
  List<SilverRule> rules() {
    return rules;
  }

  List<String> ids() {
    return rules.stream().map(SilverRule::id).toList();
  }

  SilverRule rule(String id) {
    return rules.stream()
        .filter(rule -> rule.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Ruleset " + name + " has no rule '" + id + "'; ids: " + ids()));
  }

  private static SilverRule toSilverRule(DQRule rule) {
    String ruleType = rule.getRuleType();
    if ("CustomSql".equals(ruleType)) {
      throw new IllegalArgumentException(
          "rule '" + rule + "': CustomSql is not supported by the silver job (in Deequ 2.1.0's processRows a"
              + " dataset-level CustomSql cannot see the 'primary' view, and a row-level one joins its result back"
              + " onto the rows through a session-wide temp view); derive a column in the prepare step and use"
              + " ColumnValues instead");
    }
    Optional<String> targetColumn = Optional.ofNullable(parameters(rule).get("TargetColumn"));
    SilverRule.Scope scope =
        ROW_LEVEL_TYPES.contains(ruleType) && (rule.getNestedRules() == null || rule.getNestedRules().isEmpty())
            ? SilverRule.Scope.ROW
            : SilverRule.Scope.DATASET;
    Optional<NumberBasedCondition> threshold =
        rule.getThresholdCondition() instanceof NumberBasedCondition condition ? Optional.of(condition) : Optional.empty();
    Optional<String> whereClause = Optional.ofNullable(rule.getWhereClause()).filter(where -> !where.isBlank());
    boolean admitsNull = whereClause.isPresent() || acceptsNullKeyword(rule.getCondition());
    return new SilverRule(idOf(rule), rule.toString(), ruleType, targetColumn, scope, threshold, whereClause, admitsNull, rule);
  }

  private static void rejectRulesDeequCannotRun(String source, DQRuleset parsed) {
    for (ExecutableRule executable : JavaConverters.seqAsJavaList(DQDLRuleTranslator.toExecutableRules(parsed))) {
      if (executable instanceof UnsupportedExecutableRule unsupported) {
        String reason = unsupported.reason().isDefined() ? unsupported.reason().get() : "no reason given";
        throw new JobFailure(
            ErrorCode.INVALID_RULESET,
            "ruleset " + source + ": rule '" + unsupported.dqRule() + "' cannot be run by Deequ's DQDL engine: " + reason);
      }
    }
  }

  private static Map<String, String> parameters(DQRule rule) {
    return rule.getParameters() == null ? Map.of() : rule.getParameters();
  }

  /** {@code in [NULL, ...]} or {@code = NULL}: the rule accepts nulls on purpose. */
  private static boolean acceptsNullKeyword(Condition condition) {
    Optional<String> operator = operatorName(condition);
    if (operator.isEmpty() || !List.of("IN", "EQUALS").contains(operator.get())) {
      return false;
    }
    if (condition instanceof StringBasedCondition string) {
      return string.getOperands().stream()
          .anyMatch(operand -> operand instanceof KeywordStringOperand && Keyword.NULL.name().equals(operand.formatOperand()));
    }
    if (condition instanceof NumberBasedCondition number) {
      return number.getOperands().stream().anyMatch(NullNumericOperand.class::isInstance);
    }
    if (condition instanceof DateBasedCondition date) {
      return date.getOperands().stream().anyMatch(NullDateExpression.class::isInstance);
    }
    return false;
  }

  private static Optional<String> operatorName(Condition condition) {
    if (condition instanceof NumberBasedCondition number) {
      return Optional.of(number.getOperator().name());
    }
    if (condition instanceof StringBasedCondition string) {
      return Optional.of(string.getOperator().name());
    }
    if (condition instanceof DateBasedCondition date) {
      return Optional.of(date.getOperator().name());
    }
    return Optional.empty();
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String shortHash(String value) {
    return sha256Hex(value).substring(0, 8);
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
