package com.paymentslake.local.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedSmtpServerTest {
  @Test
  void subjectBecomesASafeFileNamePart() {
    assertThat(EmbeddedSmtpServer.sanitize("payments-lake alerts: Glue job x FAILED (run jr_1).../"))
        .isEqualTo("payments-lake_alerts_Glue_job_x_FAILED_run_jr_1");
    assertThat(EmbeddedSmtpServer.sanitize("../../etc/passwd")).isEqualTo("etc_passwd");
    assertThat(EmbeddedSmtpServer.sanitize("")).isEqualTo("no-subject");
    assertThat(EmbeddedSmtpServer.sanitize("x".repeat(200))).hasSize(80);
  }
}
