package com.paymentslake.local.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AthenaSqlTest {
  @Test
  void leavesSqlThatMeansTheSameInBothEnginesAlone() {
    String sql = "SELECT count_if(is_fraud), CAST(txn_date AS date) -- a 'comment'\nFROM payments_silver.payments /* \"x\" */";

    assertThat(AthenaSql.toSpark(sql)).isEqualTo(sql);
  }

  @Test
  void doubleQuotedIdentifiersBecomeBackquoted() {
    assertThat(AthenaSql.toSpark("SELECT \"txn_date\", \"odd\"\"name\", \"with`tick\" FROM \"payments_gold\".\"daily_totals\""))
        .isEqualTo("SELECT `txn_date`, `odd\"name`, `with``tick` FROM `payments_gold`.`daily_totals`");
  }

  @Test
  void stringLiteralsKeepTheirValueUnderSparksEscapingRules() {
    assertThat(AthenaSql.toSpark("SELECT 'it''s', 'C:\\tmp', ''")).isEqualTo("SELECT 'it\\'s', 'C:\\\\tmp', ''");
  }

  @Test
  void arrayConstructorsBecomeArrayCalls() {
    assertThat(AthenaSql.toSpark("SELECT approx_percentile(x, ARRAY[0.5, 0.9]), array [ARRAY['a'], ARRAY[]]"))
        .isEqualTo("SELECT approx_percentile(x, array(0.5, 0.9)), array(array('a'), array())");
  }

  @Test
  void crossJoinUnnestBecomesLateralViewExplode() {
    assertThat(AthenaSql.toSpark("SELECT t.rule_id FROM r CROSS JOIN UNNEST(r.failed_rule_ids) AS t (rule_id) WHERE 1 = 1"))
        .isEqualTo("SELECT t.rule_id FROM r LATERAL VIEW explode(r.failed_rule_ids) t AS rule_id WHERE 1 = 1");
    assertThat(AthenaSql.toSpark("FROM r cross join\n  unnest(ARRAY[1, 2]) u(\"n\")"))
        .isEqualTo("FROM r LATERAL VIEW explode(array(1, 2)) u AS `n`");
  }

  @Test
  void dateAddByDaysSwapsItsArguments() {
    assertThat(AthenaSql.toSpark("WHERE d > date_add('day', -7, (SELECT max(CAST(x AS date)) FROM t))"))
        .isEqualTo("WHERE d > date_add((SELECT max(CAST(x AS date)) FROM t), -7)");
    assertThat(AthenaSql.toSpark("SELECT DATE_ADD('DAY', n + 1, d)")).isEqualTo("SELECT DATE_ADD(d, n + 1)");
  }

  @Test
  void aTrailingSemicolonIsDroppedButASecondStatementIsRefused() {
    assertThat(AthenaSql.toSpark("SELECT 1;\n-- done\n")).isEqualTo("SELECT 1\n-- done\n");
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT 1;\nSELECT 2"))
        .isInstanceOf(UntranslatableSqlException.class)
        .hasMessage("line 1: ';' in the middle of the query cannot be translated to Spark SQL: one statement per file");
  }

  @Test
  void arraySubscriptsAreRefusedBecauseTheirBaseDiffers() {
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT\n  percentiles[1]\nFROM p"))
        .isInstanceOf(UntranslatableSqlException.class)
        .hasMessage(
            "line 2: an array subscript x[i] cannot be translated to Spark SQL: subscripts are 1-based in Athena and"
                + " 0-based in Spark: write element_at(x, i), 1-based in both")
        .extracting(e -> ((UntranslatableSqlException) e).line())
        .isEqualTo(2);
  }

  @Test
  void otherUnnestFormsAreRefused() {
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT * FROM UNNEST(ARRAY[1]) AS t (n)"))
        .hasMessage(
            "line 1: UNNEST not written as CROSS JOIN UNNEST(array) AS t (column) cannot be translated to Spark SQL:"
                + " Spark has no UNNEST; only that form is translated (to LATERAL VIEW explode)");
    assertThatThrownBy(() -> AthenaSql.toSpark("FROM r CROSS JOIN UNNEST(a, b) AS t (x, y)"))
        .hasMessage(
            "line 1: UNNEST of 2 arrays cannot be translated to Spark SQL: only CROSS JOIN UNNEST(array) [AS] t (column)"
                + " is translated (to LATERAL VIEW explode)");
    assertThatThrownBy(() -> AthenaSql.toSpark("FROM r CROSS JOIN UNNEST(a) WITH ORDINALITY AS t (x, i)"))
        .hasMessageStartingWith("line 1: UNNEST ... WITH ORDINALITY cannot be translated");
  }

  @Test
  void dateAddWithAnotherUnitOrSparkArgumentsIsRefused() {
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT date_add('month', 1, d)"))
        .hasMessage(
            "line 1: date_add('month', ...) cannot be translated to Spark SQL: only unit 'day' is translated (to Spark's"
                + " date_add(date, days))");
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT date_add(d, 1)"))
        .hasMessage(
            "line 1: date_add with 2 arguments cannot be translated to Spark SQL: Athena's date_add takes (unit, value,"
                + " date)");
  }

  @Test
  void functionsWhoseArgumentsOrFormatsDifferAreRefused() {
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT date_format(txn_ts, '%Y-%m')"))
        .isInstanceOf(UntranslatableSqlException.class)
        .hasMessage(
            "line 1: date_format(...) cannot be translated to Spark SQL: Trino uses MySQL format codes (%Y-%m-%d), Spark"
                + " uses Java patterns (yyyy-MM-dd)");
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT date_diff('day', a, b)")).hasMessageStartingWith("line 1: date_diff(...)");
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT txn_ts AT TIME ZONE 'UTC'")).hasMessageStartingWith("line 1: AT TIME ZONE");
    assertThat(AthenaSql.toSpark("SELECT 'date_format(x)' AS date_format")).isEqualTo("SELECT 'date_format(x)' AS date_format");
  }

  @Test
  void backquotesAndUnclosedQuotesAreRefused() {
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT `x` FROM t"))
        .hasMessage(
            "line 1: a `backquoted` identifier cannot be translated to Spark SQL: Athena (Trino) SQL quotes identifiers"
                + " with double quotes");
    assertThatThrownBy(() -> AthenaSql.toSpark("SELECT 'x\nFROM t"))
        .hasMessage("line 1: a string literal that is never closed cannot be translated to Spark SQL: close it with '");
  }
}
