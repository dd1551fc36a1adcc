package com.paymentslake.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AthenaQueryFileTest {
  @Test
  void headerGivesNameDescriptionAndDatabase() {
    AthenaQueryFile query = new AthenaQueryFile("decline_reasons.sql", """
        -- Title: Decline reasons mix
        -- Question: Why are payments declined: how many declines carry each code,
        --   and what share of all declines is that?
        -- Reads: payments_silver.payments, payments_gold.daily_totals
        SELECT 1
        """);
    assertThat(query.title()).isEqualTo("Decline reasons mix");
    assertThat(query.question())
        .isEqualTo("Why are payments declined: how many declines carry each code, and what share of all declines is that?");
    assertThat(query.database()).isEqualTo("payments_silver");
  }

  @Test
  void aQueryWithoutTitleIsRejectedByName() {
    AthenaQueryFile query = new AthenaQueryFile("untitled.sql", "-- Reads: payments_silver.payments\nSELECT 1\n");
    assertThatThrownBy(query::title)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("query untitled.sql has no '-- Title:' header line");
  }

  @Test
  void readsMustNameDatabaseDotTable() {
    AthenaQueryFile query = new AthenaQueryFile("bare.sql", "-- Title: Bare\n-- Reads: payments\nSELECT 1\n");
    assertThatThrownBy(query::database)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("query bare.sql: Reads names 'payments' but must name database.table");
  }

  @Test
  void everyPackagedQueryHasTitleQuestionAndDatabase() {
    assertThat(AthenaQueryFiles.packaged()).isNotEmpty().allSatisfy(query -> {
      assertThat(query.title()).isNotBlank();
      assertThat(query.question()).isNotBlank();
      assertThat(query.database()).startsWith("payments_");
    });
  }
}
