package com.paymentslake.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code lake demo} as a user runs it, small: S3Proxy, generator, bronze, silver, reconciliation.
 * Runs in a JVM of its own (failsafe, no fork reuse): the demo starts and stops its own Spark.
 */
class LakeDemoIT {
  @Test
  void demoRunsThePipelineEndToEndAndEveryLineReconciles() {
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
    assertThat(console)
        .contains("S3Proxy (pid ")
        .contains("generated ")
        .contains("bronze done: ")
        .contains("silver done: ")
        .containsPattern("(?m)^  bronze: raw .* OK$")
        .containsPattern("(?m)^  silver: bronze rows in scope .* OK$")
        .doesNotContain("FAILED")
        .contains("demo finished in ");
    Path bucket = dataDir.resolve("s3").resolve(LocalLake.BUCKET);
    assertThat(bucket.resolve("raw/payments/ingest_date=2026-11-02")).isDirectory();
    assertThat(bucket.resolve("manifests/payments/ingest_date=2026-11-03/truth.json")).isRegularFile();
    assertThat(bucket.resolve("bronze/payments")).isDirectory();
    assertThat(bucket.resolve("silver/payments")).isDirectory();
    assertThat(bucket.resolve("audit/dq_summary")).isDirectory();
    assertThat(console).contains(bucket.resolve("silver/payments").toString());
    assertThat(dataDir.resolve("logs/s3proxy.log")).isRegularFile();
  }
}
