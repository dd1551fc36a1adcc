package com.paymentslake.local.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.LakeLayout;
import com.paymentslake.generator.GenerationListener;
import com.paymentslake.generator.GeneratorConfig;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.generator.S3Connection;
import com.paymentslake.generator.S3Target;
import com.paymentslake.jobs.bronze.BronzeConfig;
import com.paymentslake.jobs.bronze.BronzeJob;
import com.paymentslake.jobs.bronze.BronzeResult;
import com.paymentslake.jobs.gold.GoldConfig;
import com.paymentslake.jobs.gold.GoldJob;
import com.paymentslake.jobs.silver.SilverConfig;
import com.paymentslake.jobs.silver.SilverJob;
import com.paymentslake.local.LocalLake;
import com.paymentslake.local.LocalLakeFixture;
import com.paymentslake.local.S3Endpoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every packaged Athena query, run by the local twin over a generated lake (generator, bronze,
 * silver and gold jobs, catalog tables as the crawlers make them). Each result is compared with an
 * expectation computed here in plain Java from the rows of the zones the query's tables sit on
 * (gold queries are checked against silver rows, so the gold job is checked too), never from a
 * previous run's output.
 */
class AthenaQueriesOnLakeTest {
  private static final String PREFIX = "athena-queries-test";
  private static final LocalDate START = LocalDate.of(2026, 11, 20);
  private static final int DAYS = 9;

  private static SparkSession spark;
  private static LakeLayout lake;
  private static QueryRunner runner;
  private static List<Payment> silver;
  private static final Set<String> RAN = new HashSet<>();

  /** The silver columns the expectations need. */
  record Payment(
      LocalDate txnDate, String merchantId, String merchantName, String mcc, String txnType, String channel,
      String country, String status, String responseCode, boolean fraud, BigDecimal amount, BigDecimal amountUsd,
      String currency, int txnHour) {
    boolean approved() {
      return status.equals("APPROVED");
    }

    boolean declined() {
      return status.equals("DECLINED");
    }

    boolean gross() {
      return approved() && !txnType.equals("REFUND");
    }

    boolean approvedRefund() {
      return approved() && txnType.equals("REFUND");
    }
  }

  @BeforeAll
  static void generateRunTheJobsAndCatalogTheZones() throws IOException {
    LocalLakeFixture fixture = LocalLakeFixture.get();
    spark = fixture.spark();
    lake = new LakeLayout(fixture.lakeRoot() + "/" + PREFIX);
    GeneratorConfig config =
        GeneratorConfig.defaults().withStartDate(START).withDays(DAYS).withRowsPerDay(1_500).withSeed(20261120L)
            .withThreads(2).withRowsPerFile(1_500);
    S3Endpoint endpoint = fixture.endpoint();
    S3Connection connection = S3Connection.local(endpoint.endpoint(), endpoint.accessKey(), endpoint.secretKey());
    new PaymentGenerator(config).generate(new S3Target(LocalLake.BUCKET, PREFIX, connection), GenerationListener.NONE);

    BronzeResult bronze = BronzeJob.run(spark, new BronzeConfig(lake, config.ingestDates(), "bronze-queries"));
    SilverJob.run(spark, new SilverConfig(lake, bronze.affectedTxnDates(), Optional.empty(), "silver-queries"));
    GoldJob.run(spark, new GoldConfig(lake, bronze.affectedTxnDates(), "gold-queries"));
    CatalogFixture.registerLakeTables(spark, lake.root());
    runner = new QueryRunner(spark);

    silver =
        spark.read().parquet(lake.silverPayments())
            .select("txn_date", "merchant_id", "merchant_name", "mcc", "txn_type", "channel", "country", "status",
                "response_code", "is_fraud", "amount", "amount_usd", "currency", "txn_hour")
            .collectAsList().stream()
            .map(row -> new Payment(
                row.getDate(0).toLocalDate(), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getBoolean(9),
                row.getDecimal(10), row.getDecimal(11), row.getString(12), row.getInt(13)))
            .toList();
  }

  @AfterAll
  static void everyPackagedQueryWasChecked() {
    assertThat(RAN).containsExactlyInAnyOrderElementsOf(AthenaQueries.names());
  }

  @Test
  void catalogTablesTypePartitionColumnsAsStrings() {
    for (String table : List.of("payments_silver.payments", "payments_gold.daily_totals", "payments_audit.bronze_rejects")) {
      String partition = table.endsWith("bronze_rejects") ? "ingest_date" : "txn_date";
      assertThat(spark.table(table).schema().apply(partition).dataType().simpleString()).isEqualTo("string");
    }
    assertThat(spark.table("payments_raw.payments").count()).isPositive();
  }

  @Test
  void dailyVolumeByCurrency() {
    Map<List<Object>, List<Payment>> groups = group(silver, p -> List.of(p.txnDate(), p.currency()));
    List<List<Object>> expected = new ArrayList<>();
    groups.forEach((key, rows) -> {
      long approved = count(rows, Payment::approved);
      long declined = count(rows, Payment::declined);
      BigDecimal gross = sum(rows, Payment::gross, Payment::amount);
      BigDecimal grossUsd = sum(rows, Payment::gross, Payment::amountUsd);
      expected.add(row(key.get(0), key.get(1), (long) rows.size(), approved, declined, gross,
          gross.subtract(sum(rows, Payment::approvedRefund, Payment::amount)), grossUsd,
          grossUsd.subtract(sum(rows, Payment::approvedRefund, Payment::amountUsd)), rate(approved, approved + declined)));
    });
    expected.sort(Comparator.comparing((List<Object> r) -> r.get(0).toString()).thenComparing(r -> r.get(1).toString()));

    assertResult("daily_volume_by_currency", expected);
  }

  @Test
  void approvalRateByMerchant() {
    List<List<Object>> expected = new ArrayList<>();
    group(silver, p -> List.of(p.merchantId())).forEach((key, rows) -> {
      long approved = count(rows, Payment::approved);
      long declined = count(rows, Payment::declined);
      if (approved + declined >= 10) {
        String name = rows.stream().map(Payment::merchantName).max(Comparator.naturalOrder()).orElseThrow();
        expected.add(row(key.get(0), name, approved, declined, approved + declined, rate(approved, approved + declined)));
      }
    });
    expected.sort(Comparator.comparing((List<Object> r) -> (Double) r.get(5))
        .thenComparing(r -> -(Long) r.get(4))
        .thenComparing(r -> (String) r.get(0)));

    assertResult("approval_rate_by_merchant", expected.subList(0, Math.min(25, expected.size())));
  }

  @Test
  void topMerchantsOverTheLastSevenDaysOfData() {
    LocalDate last = silver.stream().map(Payment::txnDate).max(Comparator.naturalOrder()).orElseThrow();
    List<Payment> window = silver.stream().filter(p -> p.txnDate().isAfter(last.minusDays(7))).toList();
    assertThat(window.size()).as("the window leaves older days out").isLessThan(silver.size());
    List<List<Object>> ranked = new ArrayList<>();
    group(window, p -> List.of(p.merchantId())).forEach((key, rows) -> {
      BigDecimal gross = sum(rows, Payment::gross, Payment::amountUsd);
      BigDecimal net = gross.subtract(sum(rows, Payment::approvedRefund, Payment::amountUsd));
      String name = rows.stream().map(Payment::merchantName).max(Comparator.naturalOrder()).orElseThrow();
      long days = rows.stream().map(Payment::txnDate).distinct().count();
      ranked.add(row(0L, key.get(0), name, gross, net, (long) rows.size(), days));
    });
    ranked.sort(Comparator.comparing((List<Object> r) -> (BigDecimal) r.get(3)).reversed().thenComparing(r -> (String) r.get(1)));
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < Math.min(10, ranked.size()); i++) {
      List<Object> row = new ArrayList<>(ranked.get(i));
      row.set(0, i + 1);
      expected.add(row);
    }

    assertResult("top_merchants_last_7_days", expected);
  }

  @Test
  void amountPercentilesByCategory() {
    QueryResult result = run("amount_percentiles_by_category");
    Map<String, List<Double>> amounts = new TreeMap<>();
    silver.stream()
        .filter(p -> p.txnType().equals("PURCHASE") && p.approved())
        .forEach(p -> amounts.computeIfAbsent(category(p.mcc()), c -> new ArrayList<>()).add(p.amountUsd().doubleValue()));

    assertThat(result.columns()).containsExactly("category", "purchases", "p50_usd", "p90_usd", "p99_usd");
    assertThat(result.column("category")).containsExactlyElementsOf(amounts.keySet());
    for (List<Object> row : result.rows()) {
      List<Double> values = amounts.get((String) row.get(0));
      assertThat(row.get(1)).isEqualTo((long) values.size());
      double[] percentages = {0.5, 0.9, 0.99};
      for (int i = 0; i < percentages.length; i++) {
        assertIsPercentile((Double) row.get(2 + i), values, percentages[i], row.get(0) + " p" + percentages[i]);
      }
    }
  }

  @Test
  void hourOfDayProfile() {
    List<List<Object>> expected = new ArrayList<>();
    group(silver, p -> List.of(p.txnHour())).forEach((key, rows) -> {
      long fraud = count(rows, Payment::fraud);
      expected.add(row(key.get(0), (long) rows.size(), rate(rows.size(), silver.size()),
          sum(rows, Payment::gross, Payment::amountUsd), fraud, rate(fraud, rows.size())));
    });
    expected.sort(Comparator.comparing(r -> (Integer) r.get(0)));

    assertResult("hour_of_day_profile", expected);
  }

  @Test
  void declineReasons() {
    List<Payment> declines = silver.stream().filter(Payment::declined).toList();
    List<List<Object>> expected = new ArrayList<>();
    group(declines, p -> List.of(p.responseCode())).forEach((key, rows) ->
        expected.add(row(key.get(0), reason((String) key.get(0)), (long) rows.size(), rate(rows.size(), declines.size()))));
    expected.sort(Comparator.comparing((List<Object> r) -> -(Long) r.get(2)).thenComparing(r -> (String) r.get(0)));

    assertThat(expected).as("several decline reasons").hasSizeGreaterThan(3);
    assertResult("decline_reasons", expected);
  }

  @Test
  void fraudRateByChannelAndCountry() {
    List<List<Object>> expected = new ArrayList<>();
    group(silver, p -> List.of(p.channel(), p.country())).forEach((key, rows) -> {
      if (rows.size() >= 50) {
        long fraud = count(rows, Payment::fraud);
        expected.add(row(key.get(0), key.get(1), (long) rows.size(), fraud, rate(fraud, rows.size()),
            sum(rows, Payment::fraud, Payment::amountUsd)));
      }
    });
    expected.sort(Comparator.comparing((List<Object> r) -> -(Double) r.get(4))
        .thenComparing(r -> -(Long) r.get(2))
        .thenComparing(r -> (String) r.get(0))
        .thenComparing(r -> (String) r.get(1)));

    assertResult("fraud_rate_by_channel_and_country", expected);
  }

  @Test
  void silverRejectsByRule() {
    Map<String, List<LocalDate>> datesByRule = new TreeMap<>();
    for (Row row : spark.read().parquet(lake.silverRejects()).select("failed_rule_ids", "txn_date").collectAsList()) {
      for (Object rule : row.getList(0)) {
        datesByRule.computeIfAbsent((String) rule, r -> new ArrayList<>()).add(row.getDate(1).toLocalDate());
      }
    }
    List<List<Object>> expected = new ArrayList<>();
    datesByRule.forEach((rule, dates) -> expected.add(row(rule, (long) dates.size(), dates.stream().distinct().count(),
        dates.stream().min(Comparator.naturalOrder()).orElseThrow(), dates.stream().max(Comparator.naturalOrder()).orElseThrow())));
    expected.sort(Comparator.comparing((List<Object> r) -> -(Long) r.get(1)).thenComparing(r -> (String) r.get(0)));

    assertThat(expected).as("several rules reject rows").hasSizeGreaterThan(3);
    assertResult("silver_rejects_by_rule", expected);
  }

  @Test
  void bronzeRejectsByReason() {
    Map<List<Object>, List<Row>> groups = new TreeMap<>(Comparator.comparing(Object::toString));
    for (Row row : spark.read().parquet(lake.bronzeRejects()).select("ingest_date", "reason", "source_file").collectAsList()) {
      groups.computeIfAbsent(List.of(row.getDate(0).toLocalDate(), row.getString(1)), k -> new ArrayList<>()).add(row);
    }
    List<List<Object>> expected = new ArrayList<>();
    groups.forEach((key, rows) ->
        expected.add(row(key.get(0), key.get(1), (long) rows.size(), rows.stream().map(r -> r.getString(2)).distinct().count())));
    expected.sort(Comparator.comparing((List<Object> r) -> r.get(0).toString())
        .thenComparing(r -> -(Long) r.get(2))
        .thenComparing(r -> (String) r.get(1)));

    assertResult("bronze_rejects_by_reason", expected);
  }

  @Test
  void zoneReconciliationByTxnDate() {
    Map<LocalDate, Long> bronze = countByDate(lake.bronzePayments());
    Map<LocalDate, Long> silverRows = countByDate(lake.silverPayments());
    Map<LocalDate, Long> rejects = countByDate(lake.silverRejects());
    List<List<Object>> expected = new ArrayList<>();
    bronze.forEach((date, rows) -> {
      long passed = silverRows.getOrDefault(date, 0L);
      long rejected = rejects.getOrDefault(date, 0L);
      // Gold must hold exactly the silver rows: its expected txn_count is silver's, not gold's own.
      expected.add(row(date, rows, passed, rejected, passed, rows == passed + rejected));
    });

    assertThat(expected).extracting(r -> r.get(5)).containsOnly(true);
    assertResult("zone_reconciliation_by_txn_date", expected);
  }

  private static QueryResult run(String name) {
    RAN.add(name);
    return runner.run(AthenaQueries.resolve(name));
  }

  /** Runs the query and compares every cell: numbers by value (doubles within 1e-9), dates as ISO text. */
  private static void assertResult(String name, List<List<Object>> expected) {
    QueryResult result = run(name);
    assertThat(expected).as("expected rows of %s (a check on an empty result means nothing)", name).isNotEmpty();
    assertThat(result.rows()).as("rows of %s", name).hasSameSizeAs(expected);
    for (int r = 0; r < expected.size(); r++) {
      List<Object> actualRow = result.rows().get(r);
      List<Object> expectedRow = expected.get(r);
      assertThat(actualRow).as("%s row %d: %s", name, r + 1, actualRow).hasSameSizeAs(expectedRow);
      for (int c = 0; c < expectedRow.size(); c++) {
        assertThat(normalize(actualRow.get(c)))
            .as("%s row %d column %s: actual row %s, expected %s", name, r + 1, result.columns().get(c), actualRow, expectedRow)
            .isEqualTo(normalize(expectedRow.get(c)));
      }
    }
  }

  private static Object normalize(Object value) {
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).setScale(9, RoundingMode.HALF_UP);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof java.sql.Date || value instanceof LocalDate) {
      return value.toString();
    }
    return value;
  }

  /** {@code round(numerator / denominator, 4)} as the queries compute it, or null for 0/0. */
  private static Double rate(long numerator, long denominator) {
    if (denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf((double) numerator / denominator).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  /** An approximate percentile must be a value of the group at (nearly) the right rank. */
  private static void assertIsPercentile(double value, List<Double> values, double percentage, String what) {
    long below = values.stream().filter(v -> v < value).count();
    long atOrBelow = values.stream().filter(v -> v <= value).count();
    double tolerance = 1 + values.size() / 10_000.0;
    assertThat(values).as("%s is a value of the group", what).contains(value);
    assertThat((double) below).as("%s: values below %s", what, value).isLessThanOrEqualTo(percentage * values.size() + tolerance);
    assertThat((double) atOrBelow).as("%s: values at or below %s", what, value).isGreaterThanOrEqualTo(percentage * values.size() - tolerance);
  }

  private static Map<LocalDate, Long> countByDate(String table) {
    Map<LocalDate, Long> counts = new TreeMap<>();
    spark.read().parquet(table).groupBy("txn_date").count().collectAsList()
        .forEach(row -> counts.put(row.getDate(0).toLocalDate(), row.getLong(1)));
    return counts;
  }

  private static Map<List<Object>, List<Payment>> group(List<Payment> rows, Function<Payment, List<Object>> key) {
    return rows.stream().collect(Collectors.groupingBy(key));
  }

  private static long count(List<Payment> rows, Predicate<Payment> condition) {
    return rows.stream().filter(condition).count();
  }

  private static BigDecimal sum(List<Payment> rows, Predicate<Payment> condition, Function<Payment, BigDecimal> value) {
    return rows.stream().filter(condition).map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** The category grouping of amount_percentiles_by_category.sql, written again from its header. */
  private static String category(String mcc) {
    if (mcc == null) {
      return "UNKNOWN";
    }
    return switch (mcc) {
      case "5411", "5499" -> "GROCERY";
      case "5541", "5542" -> "FUEL";
      case "5812", "5813", "5814" -> "EATING_PLACES";
      case "4511", "7011", "4121" -> "TRAVEL";
      case "5999", "5732", "5942", "5311", "5912" -> "RETAIL";
      case "4900", "4814" -> "UTILITIES";
      default -> "OTHER";
    };
  }

  private static String reason(String responseCode) {
    return switch (responseCode) {
      case "05" -> "Do not honor";
      case "12" -> "Invalid transaction";
      case "14" -> "Invalid card number";
      case "51" -> "Insufficient funds";
      case "54" -> "Expired card";
      case "55" -> "Incorrect PIN";
      case "57" -> "Transaction not permitted to cardholder";
      case "59" -> "Suspected fraud";
      case "61" -> "Exceeds withdrawal amount limit";
      case "63" -> "Security violation";
      case "75" -> "Allowable number of PIN tries exceeded";
      case "91" -> "Issuer or switch inoperative";
      default -> "Other";
    };
  }
}
