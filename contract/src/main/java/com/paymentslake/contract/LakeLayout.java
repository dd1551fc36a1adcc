package com.paymentslake.contract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where each zone lives under the lake root (one bucket; the same layout locally and in AWS).
 *
 * <p>The root is a URI such as {@code s3a://payments-lake}, {@code s3://bucket/prefix} or {@code
 * file:///tmp/lake}; paths are built by appending zone prefixes with {@code /}.
 */
public record LakeLayout(String root) {
  public static final String RAW_PAYMENTS = "raw/payments";
  public static final String BRONZE_PAYMENTS = "bronze/payments";
  public static final String BRONZE_REJECTS = "audit/bronze_rejects";
  public static final String SILVER_PAYMENTS = "silver/payments";
  public static final String SILVER_REJECTS = "audit/silver_rejects";
  public static final String DQ_SUMMARY = "audit/dq_summary";
  /** Per raw ingest date, the bronze txn_date partitions its rows went to (bronze's hand-off). */
  public static final String BRONZE_LINEAGE = "audit/bronze_lineage";
  public static final String TRUTH_MANIFESTS = "manifests/payments";
  public static final String GOLD = "gold";

  public LakeLayout {
    Objects.requireNonNull(root, "root");
    if (root.isBlank()) {
      throw new IllegalArgumentException("Lake root is empty; expected a URI such as s3a://bucket");
    }
    while (root.endsWith("/") && !root.endsWith("://")) {
      root = root.substring(0, root.length() - 1);
    }
  }

  public String path(String zonePrefix) {
    return root + "/" + zonePrefix;
  }

  public String rawPayments() {
    return path(RAW_PAYMENTS);
  }

  public String rawPartition(LocalDate ingestDate) {
    return rawPayments() + "/" + ingestPartition(ingestDate);
  }

  public String bronzePayments() {
    return path(BRONZE_PAYMENTS);
  }

  public String bronzeRejects() {
    return path(BRONZE_REJECTS);
  }

  public String silverPayments() {
    return path(SILVER_PAYMENTS);
  }

  public String silverRejects() {
    return path(SILVER_REJECTS);
  }

  public String dqSummaries() {
    return path(DQ_SUMMARY);
  }

  /** Bronze's lineage record of one ingest date. */
  public String bronzeLineage(LocalDate ingestDate) {
    return path(BRONZE_LINEAGE) + "/" + ingestPartition(ingestDate) + "/lineage.json";
  }

  public String truthManifest(LocalDate ingestDate) {
    return path(TRUTH_MANIFESTS) + "/" + ingestPartition(ingestDate) + "/truth.json";
  }

  public static String ingestPartition(LocalDate ingestDate) {
    return "ingest_date=" + ingestDate;
  }

  public static String txnPartition(LocalDate txnDate) {
    return "txn_date=" + txnDate;
  }

  /** Gold: daily totals per txn_date and currency, partitioned by txn_date. */
  public static final String GOLD_DAILY_TOTALS = GOLD + "/daily_totals";

  /** Gold: daily figures per txn_date and merchant, partitioned by txn_date. */
  public static final String GOLD_MERCHANT_DAILY = GOLD + "/merchant_daily";

  public String goldDailyTotals() {
    return path(GOLD_DAILY_TOTALS);
  }

  public String goldMerchantDaily() {
    return path(GOLD_MERCHANT_DAILY);
  }
}
