package com.paymentslake.jobs.silver;

import static com.paymentslake.jobs.testing.PaymentFixtures.approvedPurchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.ErrorCode;
import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.testing.PaymentFixtures;
import com.paymentslake.jobs.testing.PaymentFixtures.Payment;
import com.paymentslake.jobs.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The silver job end to end on a {@code file://} lake: bronze Parquet in, silver/audit/summary out. */
class SilverJobTest {
  private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");
  private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
  private static final SparkSession SPARK = SparkTestSession.get();

  @TempDir Path dir;

  @Test
  void publishesPassingRowsToSilverAndFailingRowsToAuditIdempotentlyAndReplacesOnlyInScopePartitions()
      throws IOException {
    LakeLayout lake = lake();
    List<Payment> payments = new ArrayList<>(clean("A", 40, "2026-11-02T12:00:00Z"));
    payments.addAll(clean("B", 20, "2026-11-03T08:00:00Z"));
    payments.add(approvedPurchase("BAD-CURRENCY").withTxnTs("2026-11-02T13:00:00Z").withCurrency("usd"));
    payments.add(approvedPurchase("FUTURE").withTxnTs("2026-11-02T14:00:00Z").withIngestDate("2026-11-01"));
    payments.add(approvedPurchase("ZERO").withTxnTs("2026-11-03T09:00:00Z").withAmount("0.00"));
    payments.add(approvedPurchase("OUT-OF-SCOPE").withTxnTs("2026-11-04T09:00:00Z"));
    writeBronze(lake, payments);

    SilverResult first = SilverJob.run(SPARK, config(lake, "run-1", List.of(NOV_2, NOV_3)));

    assertThat(first.bronzeRowsInScope()).isEqualTo(63);
    assertThat(first.silverRows()).isEqualTo(60);
    assertThat(first.auditRows()).isEqualTo(3);
    assertThat(first.failedRowsByRule())
        .isEqualTo(
            Map.of("column_values.currency.in", 1L, "column_values.arrival_lag_days.ge", 1L, "column_values.amount.gt", 1L));
    assertThat(first.dqSummaryPath()).isEqualTo(lake.dqSummaries() + "/job=silver/run-1.json");

    List<Row> silver = silver(lake);
    assertThat(silver).hasSize(60);
    assertThat(silver).extracting(row -> row.<String>getAs("txn_id")).doesNotContain("BAD-CURRENCY", "FUTURE", "ZERO", "OUT-OF-SCOPE");
    assertThat(SPARK.read().parquet(lake.silverPayments()).columns()).containsExactlyElementsOf(SilverTransforms.silverColumns());

    List<Row> audit = audit(lake);
    assertThat(audit).extracting(row -> row.<String>getAs("txn_id")).containsExactlyInAnyOrder("BAD-CURRENCY", "FUTURE", "ZERO");
    assertThat(audit).allSatisfy(row -> assertThat(row.<String>getAs("run_id")).isEqualTo("run-1"));
    Row badCurrency = audit.stream().filter(row -> row.getAs("txn_id").equals("BAD-CURRENCY")).findFirst().orElseThrow();
    assertThat(badCurrency.getList(badCurrency.fieldIndex("failed_rule_ids"))).containsExactly("column_values.currency.in");
    assertThat(badCurrency.getList(badCurrency.fieldIndex("failed_rules")))
        .containsExactly(SilverRuleset.packaged().rule("column_values.currency.in").text());

    JsonNode summary = summary(first.dqSummaryPath());
    assertThat(summary.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(summary.get("failure").isNull()).isTrue();
    assertThat(summary.get("job").asText()).isEqualTo("silver");
    assertThat(summary.get("txn_dates").toString()).isEqualTo("[\"2026-11-02\",\"2026-11-03\"]");
    assertThat(summary.get("counts").get("bronze_rows_in_scope").asLong()).isEqualTo(63);
    assertThat(summary.get("counts").get("silver_rows_written").asLong()).isEqualTo(60);
    assertThat(summary.get("counts").get("audit_rows_written").asLong()).isEqualTo(3);
    assertThat(summary.get("counts").get("by_txn_date").get(1).toString())
        .isEqualTo("{\"txn_date\":\"2026-11-03\",\"silver_rows\":20,\"audit_rows\":1}");
    assertThat(summary.get("reconciliation").get("holds").asBoolean()).isTrue();
    assertThat(summary.get("reconciliation").get("written_counts_verified").asBoolean()).isTrue();
    assertThat(summary.get("ruleset").get("sha256").asText()).isEqualTo(SilverRuleset.packaged().sha256());
    assertThat(summary.get("versions").get("deequ").asText()).isEqualTo("2.1.0-spark-3.5");
    assertThat(summary.get("versions").get("dqdl").asText()).isEqualTo("1.0.0");
    assertThat(summary.get("versions").get("spark").asText()).isEqualTo(SPARK.version());
    assertThat(summary.get("versions").get("contract").asInt()).isEqualTo(RawContract.VERSION);
    assertThat(summary.get("versions").get("currencies_table").asText()).isEqualTo(Currencies.TABLE_VERSION);
    assertThat(summary.get("rules")).hasSize(SilverRuleset.packaged().rules().size());
    JsonNode currencyRule = summary.get("rules").get(SilverRuleset.packaged().ids().indexOf("column_values.currency.in"));
    assertThat(currencyRule.get("outcome").asText()).isEqualTo("Passed");
    assertThat(currencyRule.get("failing_rows").asLong()).isEqualTo(1);
    assertThat(currencyRule.get("metric_name").asText()).isEqualTo("Compliance");
    assertThat(currencyRule.get("metric_value").asDouble()).isEqualTo(62.0 / 63);
    assertThat(currencyRule.get("deequ_outcome").asText()).isEqualTo("Failed");

    SilverResult second = SilverJob.run(SPARK, config(lake, "run-2", List.of(NOV_2, NOV_3)));

    assertThat(second.silverRows()).isEqualTo(first.silverRows());
    assertThat(silver(lake)).containsExactlyInAnyOrderElementsOf(silver);
    assertThat(audit(lake)).hasSize(3).allSatisfy(row -> assertThat(row.<String>getAs("run_id")).isEqualTo("run-2"));

    // Re-run one date with rules that reject it all: its silver partition goes, the other stays.
    Path rules = dir.resolve("euro_only.dqdl");
    Files.writeString(rules, "Rules = [ ColumnValues \"currency\" in [\"EUR\"] with threshold >= 0.0 ]");
    String rulesPath = "file://" + rules.toAbsolutePath();

    SilverResult third = SilverJob.run(SPARK, new SilverConfig(lake, List.of(NOV_3), Optional.of(rulesPath), "run-3"));

    assertThat(third.silverRows()).isZero();
    assertThat(third.auditRows()).isEqualTo(21);
    assertThat(Files.exists(localPath(lake.silverPayments()).resolve(LakeLayout.txnPartition(NOV_3)))).isFalse();
    assertThat(silver(lake)).hasSize(40).allSatisfy(row -> assertThat(row.<java.sql.Date>getAs("txn_date").toLocalDate()).isEqualTo(NOV_2));
    assertThat(audit(lake)).hasSize(2 + 21);
    JsonNode thirdSummary = summary(third.dqSummaryPath());
    assertThat(thirdSummary.get("ruleset").get("name").asText()).isEqualTo("euro_only");
    assertThat(thirdSummary.get("ruleset").get("source").asText()).isEqualTo(rulesPath);
  }

  @Test
  void aBlockingRuleFailureWritesTheSummaryAndLeavesPreviousOutputsUntouched() throws IOException {
    LakeLayout lake = lake();
    SilverTransforms.curate(PaymentFixtures.bronze(clean("A", 40, "2026-11-02T12:00:00Z")))
        .write()
        .partitionBy(PaymentSchemas.TXN_DATE)
        .parquet(lake.silverPayments());
    List<Row> previousSilver = silver(lake);

    List<Payment> flood = new ArrayList<>(clean("A", 30, "2026-11-02T12:00:00Z"));
    IntStream.range(0, 10).forEach(i -> flood.add(approvedPurchase("LOWER-" + i).withTxnTs("2026-11-02T15:00:00Z").withCurrency("usd")));
    writeBronze(lake, flood);
    SilverConfig config = config(lake, "flood-run", List.of(NOV_2));
    String summaryPath = lake.dqSummaries() + "/job=silver/flood-run.json";
    String currencyRule = SilverRuleset.packaged().rule("column_values.currency.in").text();

    assertThatThrownBy(() -> SilverJob.run(SPARK, config))
        .isInstanceOf(JobFailure.class)
        .hasMessage(
            "DQ_BLOCKING_RULE_FAILED: silver run flood-run for txn dates [2026-11-02]: 1 blocking rule(s) failed:"
                + " column_values.currency.in (" + currencyRule + "): Compliance = 0.75, 10 of 40 rows fail the rule:"
                + " compliance 0.75 does not satisfy threshold >= 0.95. Silver and audit were not written (previous"
                + " outputs unchanged); DQ summary " + summaryPath)
        .extracting(failure -> ((JobFailure) failure).code())
        .isEqualTo(ErrorCode.DQ_BLOCKING_RULE_FAILED);

    JsonNode summary = summary(summaryPath);
    assertThat(summary.get("status").asText()).isEqualTo("FAILED");
    assertThat(summary.get("failure").get("code").asText()).isEqualTo("DQ_BLOCKING_RULE_FAILED");
    assertThat(summary.get("outputs").get("written").asBoolean()).isFalse();
    assertThat(summary.get("counts").get("audit_rows").asLong()).isEqualTo(10);
    assertThat(summary.get("counts").get("silver_rows_written").isNull()).isTrue();
    assertThat(silver(lake)).containsExactlyInAnyOrderElementsOf(previousSilver);
    assertThat(Files.exists(localPath(lake.silverRejects()))).isFalse();
  }

  @Test
  void aMissingBronzePartitionIsNamed() {
    LakeLayout lake = lake();
    LocalDate missing = LocalDate.parse("2026-11-09");

    assertThatThrownBy(() -> SilverJob.run(SPARK, config(lake, "run-1", List.of(missing))))
        .isInstanceOf(JobFailure.class)
        .hasMessage(
            "INPUT_NOT_FOUND: bronze partition " + lake.bronzePayments() + "/txn_date=2026-11-09 does not exist"
                + " (txn_date 2026-11-09 requested by --txn-dates)");
  }

  @Test
  void aMissingRulesFileIsAnInvalidRuleset() {
    LakeLayout lake = lake();
    String rules = "file://" + dir.resolve("nope.dqdl").toAbsolutePath();

    assertThatThrownBy(() -> SilverJob.run(SPARK, new SilverConfig(lake, List.of(NOV_2), Optional.of(rules), "run-1")))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INVALID_RULESET: ruleset " + rules + " (--rules-path) does not exist");
  }

  @Test
  void conservationIsCheckedOnCounts() {
    assertThat(SilverJob.conservationFailure("r", 10, 7, 3)).isEmpty();
    assertThat(SilverJob.conservationFailure("r", 10, 7, 2))
        .get()
        .extracting(JobFailure::getMessage)
        .isEqualTo("CONSERVATION_VIOLATED: silver run r: 10 bronze rows in scope but 7 silver rows + 2 audit rows = 9");
  }

  private LakeLayout lake() {
    return new LakeLayout("file://" + dir.toAbsolutePath());
  }

  private static SilverConfig config(LakeLayout lake, String runId, List<LocalDate> dates) {
    return new SilverConfig(lake, dates, Optional.empty(), runId);
  }

  private static List<Payment> clean(String prefix, int count, String txnTs) {
    List<Payment> payments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      payments.add(approvedPurchase(prefix + "-" + i).withTxnTs(txnTs).withAmount((10 + i) + ".50").withSource("payments-0001.csv", i + 2));
    }
    return payments;
  }

  /** Replaces the bronze partitions these payments fall in (dynamic overwrite), like the bronze job. */
  private static void writeBronze(LakeLayout lake, List<Payment> payments) {
    PaymentFixtures.bronze(payments)
        .write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(PaymentSchemas.TXN_DATE)
        .parquet(lake.bronzePayments());
  }

  private static List<Row> silver(LakeLayout lake) {
    return SPARK.read().parquet(lake.silverPayments()).collectAsList();
  }

  private static List<Row> audit(LakeLayout lake) {
    return SPARK.read().parquet(lake.silverRejects()).collectAsList();
  }

  private static JsonNode summary(String path) throws IOException {
    return DqSummary.parse(Files.readString(Path.of(java.net.URI.create(path))));
  }

  private static Path localPath(String uri) {
    return Path.of(java.net.URI.create(uri));
  }
}
