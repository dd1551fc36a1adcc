package com.paymentslake.local;

import com.paymentslake.jobs.bronze.BronzeResult;
import com.paymentslake.jobs.silver.SilverResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo's accounting of every raw line, from the counts the jobs took on materialized data.
 *
 * <p>Bronze: {@code raw lines = rejected + schema drift + inserted + replaced + already loaded +
 * duplicates dropped + superseded versions}. Silver: {@code bronze rows in scope = silver rows +
 * silver audit rows}.
 *
 * @param generatedLines data lines the generator wrote (headers excluded)
 * @param generatedFiles raw files the generator wrote
 * @param bronze the bronze run's result
 * @param silver the silver run's result; empty when silver did not succeed in the run
 */
public record Reconciliation(
    long generatedLines, int generatedFiles, BronzeResult bronze, Optional<SilverResult> silver) {
  public Reconciliation {
    Objects.requireNonNull(bronze, "bronze");
    Objects.requireNonNull(silver, "silver");
  }

  /** Right-hand side of the bronze equation: where every raw line went. */
  public long bronzeAccountedLines() {
    return bronze.rejectedLines()
        + bronze.driftLines()
        + bronze.inserted()
        + bronze.replacedExisting()
        + bronze.alreadyLoaded()
        + bronze.duplicatesDropped()
        + bronze.supersededVersions();
  }

  public boolean bronzeBalanced() {
    return bronze.rawLines() == bronzeAccountedLines();
  }

  public boolean silverBalanced() {
    return silver.map(s -> s.bronzeRowsInScope() == s.silverRows() + s.auditRows()).orElse(true);
  }

  public boolean balanced() {
    return bronzeBalanced() && silverBalanced();
  }

  /** The table the demo prints: label, count and an optional note per line. */
  public List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add(row("raw lines generated", generatedLines, plural(generatedFiles, "file")));
    lines.add(row("raw lines read by bronze", bronze.rawLines(), plural(bronze.rawFiles(), "file")));
    lines.add(row("  schema drift (file quarantined whole)", bronze.driftLines(), plural(bronze.driftFiles(), "file")));
    lines.add(row("  rejected (unparseable / untypable)", bronze.rejectedLines(), ""));
    lines.add(row("  duplicates dropped", bronze.duplicatesDropped(), ""));
    lines.add(row("  superseded versions", bronze.supersededVersions(), ""));
    lines.add(row("  already in bronze (earlier run)", bronze.alreadyLoaded(), ""));
    lines.add(row("  new bronze rows", bronze.inserted(), ""));
    lines.add(row("  bronze rows replaced by a later version", bronze.replacedExisting(), ""));
    lines.add(row("bronze rejects written (audit/bronze_rejects)", bronze.rejectRows(), "rejected + drift"));
    lines.add(row("bronze rows written this run", bronze.inserted() + bronze.replacedExisting(), ""));
    lines.add(
        row(
            "bronze rows in affected partitions",
            bronze.bronzeRowsAfter(),
            plural(bronze.affectedTxnDates().size(), "txn date") + ", " + format(bronze.bronzeRowsBefore()) + " before"));
    silver.ifPresentOrElse(
        s -> {
          lines.add(row("silver: bronze rows in scope", s.bronzeRowsInScope(), plural(s.txnDates().size(), "txn date")));
          lines.add(row("silver rows", s.silverRows(), ""));
          lines.add(row("silver audit rows (audit/silver_rejects)", s.auditRows(), ""));
        },
        () -> lines.add("silver: no successful run (see the run graph above)"));
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "bronze: raw %s = rejected %s + drift %s + new %s + replaced %s + already loaded %s"
                + " + duplicates %s + superseded %s  %s",
            format(bronze.rawLines()),
            format(bronze.rejectedLines()),
            format(bronze.driftLines()),
            format(bronze.inserted()),
            format(bronze.replacedExisting()),
            format(bronze.alreadyLoaded()),
            format(bronze.duplicatesDropped()),
            format(bronze.supersededVersions()),
            verdict(bronzeBalanced())));
    silver.ifPresent(
        s ->
            lines.add(
                String.format(
                    Locale.ROOT,
                    "silver: bronze rows in scope %s = silver %s + audit %s  %s",
                    format(s.bronzeRowsInScope()),
                    format(s.silverRows()),
                    format(s.auditRows()),
                    verdict(silverBalanced()))));
    return lines;
  }

  private static String row(String label, long count, String note) {
    return String.format(Locale.ROOT, "%-46s %14s  %s", label, format(count), note).stripTrailing();
  }

  static String format(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  static String plural(long count, String noun) {
    return format(count) + " " + noun + (count == 1 ? "" : "s");
  }

  private static String verdict(boolean holds) {
    return holds ? "OK" : "FAILED";
  }
}
