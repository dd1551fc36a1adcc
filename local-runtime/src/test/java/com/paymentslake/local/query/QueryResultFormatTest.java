package com.paymentslake.local.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultFormatTest {
  private static final QueryResult RESULT =
      new QueryResult(
          List.of("currency", "txn_count", "gross_amount"),
          List.of(
              Arrays.asList("EUR", 2L, new BigDecimal("25.550")),
              Arrays.asList("USD", 1234L, null),
              Arrays.asList("JPY", 7L, new BigDecimal("1E+3"))));

  @Test
  void alignsTextLeftAndNumbersRight() {
    assertThat(QueryRunner.format(RESULT, 10))
        .isEqualTo(
            "currency | txn_count | gross_amount\n"
                + "---------+-----------+-------------\n"
                + "EUR      |         2 |       25.550\n"
                + "USD      |      1234 |         NULL\n"
                + "JPY      |         7 |         1000\n"
                + "(3 rows)\n");
  }

  @Test
  void saysHowManyRowsWereLeftOut() {
    assertThat(QueryRunner.format(RESULT, 1))
        .isEqualTo(
            "currency | txn_count | gross_amount\n"
                + "---------+-----------+-------------\n"
                + "EUR      |         2 |       25.550\n"
                + "... 2 more rows\n"
                + "(3 rows)\n");
  }

  @Test
  void anEmptyResultStillShowsItsColumns() {
    assertThat(QueryRunner.format(new QueryResult(List.of("n"), List.of()), 5)).isEqualTo("n\n-\n(0 rows)\n");
  }
}
