package com.paymentslake.local.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AthenaQueriesTest {
  private static final List<String> CATALOG_TABLES =
      List.of(
          "payments_raw.payments", "payments_bronze.payments", "payments_silver.payments", "payments_gold.daily_totals",
          "payments_gold.merchant_daily", "payments_audit.bronze_rejects", "payments_audit.silver_rejects");

  @TempDir Path dir;

  @Test
  void listsThePackagedQueriesByName() {
    assertThat(AthenaQueries.names())
        .containsExactly(
            "amount_percentiles_by_category", "approval_rate_by_merchant", "bronze_rejects_by_reason",
            "daily_volume_by_currency", "decline_reasons", "fraud_rate_by_channel_and_country",
            "hour_of_day_profile", "silver_rejects_by_rule", "top_merchants_last_7_days",
            "zone_reconciliation_by_txn_date");
  }

  @Test
  void everyPackagedQueryHasAHeaderNamingCatalogTablesAndTranslates() {
    for (AthenaQuery query : AthenaQueries.packaged()) {
      assertThat(query.title()).as("title of %s", query.name()).isNotEqualTo(query.name()).isNotBlank();
      assertThat(query.question()).as("question of %s", query.name()).endsWith("?");
      assertThat(query.tables()).as("tables of %s", query.name()).isNotEmpty().isSubsetOf(CATALOG_TABLES);
      query.tables().forEach(table -> assertThat(query.sql()).as("%s reads %s", query.name(), table).contains(table));
      assertThat(query.sparkSql()).as("Spark SQL of %s", query.name()).isNotBlank();
      assertThat(query.source()).isEqualTo("classpath:athena-queries/" + query.name() + ".sql");
    }
  }

  @Test
  void readsTheHeader() {
    AthenaQuery query = AthenaQueries.resolve("zone_reconciliation_by_txn_date");

    assertThat(query.title()).isEqualTo("Zone reconciliation by txn date");
    assertThat(query.question())
        .isEqualTo(
            "Does every txn date balance across the zones: bronze rows = silver rows + silver rejects, and gold's sum"
                + " of txn_count = silver rows?");
    assertThat(query.tables())
        .containsExactly(
            "payments_bronze.payments", "payments_silver.payments", "payments_audit.silver_rejects",
            "payments_gold.daily_totals");
  }

  @Test
  void resolvesAFilePath() throws IOException {
    Path file = dir.resolve("mine.sql");
    Files.writeString(file, "-- Title: Mine\nSELECT 1");

    AthenaQuery query = AthenaQueries.resolve(file.toString());

    assertThat(query.name()).isEqualTo("mine");
    assertThat(query.title()).isEqualTo("Mine");
    assertThat(query.source()).isEqualTo(file.toAbsolutePath().toString());
  }

  @Test
  void anUnknownNameListsThePackagedOnes() {
    assertThatThrownBy(() -> AthenaQueries.resolve("daily_volume"))
        .isInstanceOf(UnknownQueryException.class)
        .hasMessage(
            "Unknown query 'daily_volume'; packaged queries: " + String.join(", ", AthenaQueries.names())
                + " (or give the path of a .sql file)");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.sql");

    assertThatThrownBy(() -> AthenaQueries.resolve(missing.toString()))
        .isInstanceOf(UnknownQueryException.class)
        .hasMessage("Query file " + missing.toAbsolutePath() + " does not exist");
  }
}
