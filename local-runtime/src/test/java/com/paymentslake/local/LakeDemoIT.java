package com.paymentslake.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code lake demo} as a user runs it, small: S3Proxy, generator, one run of the Glue workflow twin
 * (bronze, silver, gold, crawlers), reconciliation, catalog, sample queries. Runs in a JVM of its
 * own (failsafe, no fork reuse): the demo starts and stops its own Spark and catalog.
 */
class LakeDemoIT {
  @Test
  void demoRunsTheWholeWorkflowAndEveryLineReconciles() throws IOException {
    Path dataDir = Path.of("target", "lake-demo-it", "jvm-" + ProcessHandle.current().pid()).toAbsolutePath();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        LakeCli.run(
            new String[] {
              "demo", "--data-dir", dataDir.toString(), "--days", "2", "--start-date", "2026-11-02",
              "--rows-per-day", "3000", "--seed", "7"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String console = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as("exit status; stdout:%n%s%nstderr:%n%s", console, err).isEqualTo(LakeCli.OK);
    WorkflowDefinition workflow = WorkflowDefinitions.lake();
    assertThat(console)
        .contains("S3Proxy (pid ")
        .contains("generated ")
        .containsPattern("(?m)^workflow payments-lake run wr_[0-9a-f]{64}: COMPLETED in .*; "
            + (workflow.jobs().size() + workflow.crawlers().size()) + " actions: .* succeeded$")
        .containsPattern("(?m)^  bronze: raw .* OK$")
        .containsPattern("(?m)^  silver: bronze rows in scope .* OK$")
        .contains("Alerts: none (no job or crawler failed)")
        .doesNotContain("NOT RUN")
        .doesNotContainPattern("(?m)^    (job|crawler) +\\S+ +(FAILED|TIMEOUT|STOPPED|ERROR)")
        .contains("demo finished in ");
    for (var job : workflow.jobs()) {
      assertThat(console).containsPattern("(?m)^    job +" + job.name() + " +SUCCEEDED ");
    }
    for (var crawler : workflow.crawlers()) {
      assertThat(console).containsPattern("(?m)^    crawler +" + crawler.name() + " +SUCCEEDED ");
    }
    // The catalog holds every zone's tables with partitions, and the sample queries printed rows.
    for (String table : new String[] {"payments_raw", "payments_bronze", "payments_silver", "payments_gold"}) {
      assertThat(console).containsPattern("(?m)^  " + table + "\\n    \\w+ +(csv|parquet) +\\w+ +[1-9][0-9]* partitions");
    }
    for (String query : Demo.SAMPLE_QUERIES) {
      assertThat(console).contains("Query " + query + ": ");
    }
    Path bucket = dataDir.resolve("s3").resolve(LocalLake.BUCKET);
    assertThat(bucket.resolve("raw/payments/ingest_date=2026-11-02")).isDirectory();
    assertThat(bucket.resolve("manifests/payments/ingest_date=2026-11-03/truth.json")).isRegularFile();
    assertThat(bucket.resolve("bronze/payments")).isDirectory();
    assertThat(bucket.resolve("silver/payments")).isDirectory();
    assertThat(bucket.resolve("gold/daily_totals")).isDirectory();
    assertThat(bucket.resolve("gold/merchant_daily")).isDirectory();
    assertThat(bucket.resolve("audit/bronze_lineage/ingest_date=2026-11-03/lineage.json")).isRegularFile();
    assertThat(dataDir.resolve("catalog/metastore_db")).isDirectory();
    assertThat(console).contains(bucket.resolve("silver/payments").toString());
    assertThat(dataDir.resolve("logs/s3proxy.log")).isRegularFile();
    try (var runs = Files.list(dataDir.resolve("workflow/runs/payments-lake"))) {
      assertThat(runs.toList()).hasSize(1);
    }
  }
}
