package com.paymentslake.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code lake demo --fail-job payments-lake-silver}: the failure travels as on AWS. The job's
 * {@code Glue Job State Change} FAILED event matches the definition's alert rule, the SNS twin
 * emails it over SMTP (saved as .eml), the triggers that wait for silver's success do not fire (no
 * gold), the run's statistics count the failure, and the command exits 1. Own JVM (failsafe).
 */
class LakeDemoFailJobIT {
  private static final String SILVER = "payments-lake-silver";

  @Test
  void aFailedJobSendsAnAlertStopsTheChainAndFailsTheDemo() throws IOException {
    Path dataDir = Path.of("target", "lake-demo-fail-it", "jvm-" + ProcessHandle.current().pid()).toAbsolutePath();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        LakeCli.run(
            new String[] {
              "demo", "--data-dir", dataDir.toString(), "--days", "1", "--start-date", "2026-11-02",
              "--rows-per-day", "2000", "--seed", "7", "--fail-job", SILVER
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String console = out.toString(StandardCharsets.UTF_8);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as("exit status; stdout:%n%s%nstderr:%n%s", console, errors).isEqualTo(LakeCli.FAILED);
    assertThat(errors).contains("lake demo failed: WORKFLOW_RUN_FAILED: ")
        .contains("job " + SILVER + " FAILED: failure injected by --fail-job for " + SILVER);
    assertThat(console)
        .containsPattern("(?m)^    job +" + SILVER + " +FAILED ")
        .containsPattern("(?m)^    job +payments-lake-gold +NOT RUN$")
        .containsPattern("(?m)^    crawler +payments-lake-audit +SUCCEEDED ");

    // The alert email: a real SMTP message, saved as .eml, naming the job, the state and the run.
    List<Path> emails;
    try (Stream<Path> files = Files.list(dataDir.resolve("alerts"))) {
      emails = files.filter(f -> f.toString().endsWith(".eml")).toList();
    }
    assertThat(emails).hasSize(1);
    String email = Files.readString(emails.get(0), StandardCharsets.UTF_8);
    assertThat(email)
        .contains("To: data-oncall@payments-lake.local")
        .containsPattern("Subject: payments-lake alerts: Glue job " + SILVER + " FAILED in run\\s+jr_")
        .contains("Error: failure injected by --fail-job for " + SILVER)
        .contains("Logs: " + dataDir.resolve("logs").resolve("lake.log"))
        .contains("DQ summaries: s3a://payments-lake/audit/dq_summary/");

    // Gold was not built in this run; the run history counts the failure like GetWorkflowRun.
    assertThat(dataDir.resolve("s3/payments-lake/gold")).doesNotExist();
    Path runs = dataDir.resolve("workflow/runs/payments-lake");
    JsonNode run;
    try (Stream<Path> files = Files.list(runs)) {
      run = new ObjectMapper().readTree(files.findFirst().orElseThrow().toFile());
    }
    assertThat(run.get("Status").asText()).isEqualTo("COMPLETED");
    assertThat(run.at("/Statistics/FailedActions").asInt()).isEqualTo(1);
    assertThat(run.at("/Statistics/SucceededActions").asInt()).isEqualTo(run.at("/Statistics/TotalActions").asInt() - 1);
  }
}
