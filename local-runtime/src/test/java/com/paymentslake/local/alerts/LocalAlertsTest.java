package com.paymentslake.local.alerts;

import static com.paymentslake.local.alerts.ExampleEvents.ALERT_EMAIL;
import static com.paymentslake.local.alerts.ExampleEvents.LAKE_ROOT;
import static com.paymentslake.local.alerts.ExampleEvents.LOGS;
import static com.paymentslake.local.alerts.ExampleEvents.VALUES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Glue events in, real SMTP email out: the lake definition's alerts end to end. */
class LocalAlertsTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String TOPIC_DISPLAY_NAME = "payments-lake alerts";

  @TempDir Path dataDir;

  private final WorkflowDefinition lake = WorkflowDefinitions.lake();

  @Test
  void failedJobArrivesAsEmailNamingJobStateRunErrorLogsAndDqSummary() throws Exception {
    ExampleEvents event = ExampleEvents.job("payments-lake-silver", "FAILED")
        .message("DQ_BLOCKING_RULE_FAILED: rule IsComplete \"txn_id\" failed for 3 of 1000 rows");

    try (LocalAlerts alerts = LocalAlerts.start(lake, VALUES, dataDir, Optional.empty())) {
      alerts.publish(event.json());
      List<ReceivedAlert> received = alerts.embeddedSmtp().orElseThrow().awaitAlerts(1, WAIT);

      assertThat(alerts.deliveries()).singleElement().satisfies(delivery -> {
        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.endpoint()).isEqualTo(ALERT_EMAIL);
        assertThat(delivery.topic()).isEqualTo("payments-lake-alerts");
      });
      assertThat(received).hasSize(1);
      ReceivedAlert alert = received.get(0);
      String firstLine = "Glue job payments-lake-silver FAILED in run " + event.detailField("jobRunId");
      assertIsSubjectFor(alert.subject(), firstLine);
      assertThat(alert.to()).containsExactly(ALERT_EMAIL);

      MimeMessage email = readEml(alert.emlFile());
      assertThat(email.getSubject()).isEqualTo(alert.subject());
      assertThat(((InternetAddress) email.getFrom()[0]).getPersonal()).isEqualTo(TOPIC_DISPLAY_NAME);
      assertThat(email.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(ALERT_EMAIL);
      assertThat(body(email))
          .contains(firstLine)
          .contains("Error: " + event.detailField("message"))
          .contains("Logs: " + LOGS)
          .contains("DQ summaries: " + LAKE_ROOT + "/audit/dq_summary/")
          .contains("Sent by the local SNS twin from topic payments-lake-alerts");
    }
  }

  @Test
  void receivedEmailIsSavedAsSortableEmlFile() throws Exception {
    ExampleEvents timeout = ExampleEvents.job("payments-lake-bronze", "TIMEOUT");
    ExampleEvents crawlerFailed = ExampleEvents.crawler("payments-lake-raw", "Failed");

    try (LocalAlerts alerts = LocalAlerts.start(lake, VALUES, dataDir, Optional.empty())) {
      alerts.publish(timeout.json());
      alerts.publish(crawlerFailed.json());
      alerts.embeddedSmtp().orElseThrow().awaitAlerts(2, WAIT);

      List<ReceivedAlert> received = alerts.receivedAlerts();

      assertThat(received).extracting(ReceivedAlert::subject).satisfiesExactly(
          subject -> assertIsSubjectFor(subject, "Glue job payments-lake-bronze TIMEOUT in run "
              + timeout.detailField("jobRunId") + " at " + timeout.field("time") + " (account " + timeout.field("account")
              + ", region " + timeout.field("region") + ")."),
          subject -> assertIsSubjectFor(subject, "Glue crawler payments-lake-raw Failed at " + crawlerFailed.field("time")
              + " (account " + crawlerFailed.field("account") + ", region " + crawlerFailed.field("region") + ")."));
      assertThat(received).extracting(ReceivedAlert::emlFile).allSatisfy(file -> {
        assertThat(file).isRegularFile().hasParent(dataDir.resolve("alerts"));
        assertThat(file.getFileName().toString()).matches("\\d{8}T\\d{6}\\.\\d{3}Z-\\d{4}-payments-lake_alerts_Glue_.+\\.eml");
      });
      assertThat(received.get(0).emlFile().getFileName().toString()).contains("-0001-");
      assertThat(received.get(1).emlFile().getFileName().toString()).contains("-0002-");
      try (var files = Files.list(dataDir.resolve("alerts"))) {
        assertThat(files.map(Path::getFileName).map(Path::toString).sorted().toList())
            .containsExactly(received.get(0).emlFile().getFileName().toString(), received.get(1).emlFile().getFileName().toString());
      }
      assertThat(body(readEml(received.get(1).emlFile()))).contains("Error: Internal Service Exception");
    }
  }

  @Test
  void cardNumberInTheMessageIsMaskedInTheEmail() throws Exception {
    String pan = "4111111111111111";
    ExampleEvents event = ExampleEvents.job("payments-lake-bronze", "FAILED").message("unparseable line: 7|" + pan + "|EUR");

    try (LocalAlerts alerts = LocalAlerts.start(lake, VALUES, dataDir, Optional.empty())) {
      alerts.publish(event.json());
      ReceivedAlert alert = alerts.embeddedSmtp().orElseThrow().awaitAlerts(1, WAIT).get(0);

      assertThat(body(readEml(alert.emlFile()))).contains("unparseable line: 7|411111******1111|EUR").doesNotContain(pan);
      assertThat(Files.readString(alert.emlFile())).doesNotContain(pan);
      assertThat(Files.readString(alerts.eventArchive())).doesNotContain(pan);
    }
  }

  @Test
  void eventsThatMatchNoRuleSendNothing() {
    try (LocalAlerts alerts = LocalAlerts.start(lake, VALUES, dataDir, Optional.empty())) {
      alerts.publish(ExampleEvents.job("payments-lake-gold", "SUCCEEDED").json());
      alerts.publish(ExampleEvents.crawler("payments-lake-gold", "Succeeded").json());

      assertThat(alerts.deliveries()).isEmpty();
      assertThat(alerts.receivedAlerts()).isEmpty();
      assertThat(alerts.eventArchive()).content().hasLineCount(2);
    }
  }

  @Test
  void smtpServerDownIsRecordedAsFailedDeliveryNotThrown() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    SmtpSettings down = SmtpSettings.plain("127.0.0.1", closedPort, "lake@example.com");

    try (LocalAlerts alerts = LocalAlerts.start(lake, VALUES, dataDir, Optional.of(down))) {
      assertThatCode(() -> alerts.publish(ExampleEvents.job("payments-lake-silver", "FAILED").json()))
          .doesNotThrowAnyException();

      assertThat(alerts.failedDeliveries()).singleElement().satisfies(delivery -> {
        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.endpoint()).isEqualTo(ALERT_EMAIL);
        assertThat(delivery.subject()).startsWith(TOPIC_DISPLAY_NAME + ": Glue job payments-lake-silver FAILED");
        assertThat(delivery.failure()).hasValueSatisfying(error -> assertThat(error).contains("Connection refused"));
      });
      assertThat(alerts.deliveries()).isEqualTo(alerts.failedDeliveries());
      assertThat(alerts.embeddedSmtp()).isEmpty();
      assertThat(alerts.eventArchive()).content().hasLineCount(1);
    }
  }

  @Test
  void configuredServerReceivesTheEmailAndNoEmbeddedServerStarts() throws Exception {
    GreenMail configured = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    configured.start();
    try (LocalAlerts alerts = LocalAlerts.start(lake, VALUES, dataDir,
        Optional.of(SmtpSettings.plain("127.0.0.1", configured.getSmtp().getPort(), "lake@example.com")))) {
      alerts.publish(ExampleEvents.crawler("payments-lake-audit", "Failed").json());

      assertThat(configured.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
      MimeMessage email = configured.getReceivedMessages()[0];
      assertThat(email.getSubject()).startsWith(TOPIC_DISPLAY_NAME + ": Glue crawler payments-lake-audit Failed at ");
      assertThat(((InternetAddress) email.getFrom()[0]).getAddress()).isEqualTo("lake@example.com");
      assertThat(alerts.embeddedSmtp()).isEmpty();
      assertThat(alerts.receivedAlerts()).isEmpty();
      assertThat(dataDir.resolve("alerts")).doesNotExist();
    } finally {
      configured.stop();
    }
  }

  /** SNS subjects stay under 100 characters: a longer one is the start of the line, marked "...". */
  private static void assertIsSubjectFor(String subject, String firstLine) {
    String full = TOPIC_DISPLAY_NAME + ": " + firstLine;
    assertThat(subject).hasSizeLessThan(100).endsWith("...");
    assertThat(full).startsWith(subject.substring(0, subject.length() - 3));
    assertThat(subject.length()).isGreaterThan(70);
  }

  private static MimeMessage readEml(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  private static String body(MimeMessage email) throws Exception {
    return (String) email.getContent();
  }
}
