package com.paymentslake.local.alerts;

import static com.paymentslake.local.alerts.ExampleEvents.LAKE_ROOT;
import static com.paymentslake.local.alerts.ExampleEvents.LOGS;
import static com.paymentslake.local.alerts.ExampleEvents.VALUES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentslake.workflow.AlertRule;
import com.paymentslake.workflow.AlertTopic;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lake definition's alert rules on the local bus: which Glue events they catch, and the text. */
class LocalEventBusTest {
  private static final String JOB_FAILED = "payments-lake-job-failed";
  private static final String CRAWLER_FAILED = "payments-lake-crawler-failed";

  @TempDir Path dataDir;

  private final WorkflowDefinition lake = WorkflowDefinitions.lake();
  private LocalEventBus bus;

  @BeforeEach
  void lakeBus() {
    bus = busOf(lake.alertRules());
  }

  @ParameterizedTest
  @ValueSource(strings = {"FAILED", "TIMEOUT", "STOPPED"})
  void jobFailedRuleCatchesAbnormalEndsOfLakeJobs(String state) {
    String event = ExampleEvents.job("payments-lake-silver", state).json();

    assertThat(bus.matchingRules(event)).containsExactly(JOB_FAILED);
  }

  @Test
  void succeededLakeJobRaisesNoAlert() {
    assertThat(bus.matchingRules(ExampleEvents.job("payments-lake-silver", "SUCCEEDED").json())).isEmpty();
  }

  @Test
  void failedJobsOutsideTheLakeRaiseNoAlert() {
    assertThat(bus.matchingRules(ExampleEvents.job("billing-export", "FAILED").json())).isEmpty();
    assertThat(bus.matchingRules(ExampleEvents.job("payments-lakehouse-silver", "FAILED").json())).isEmpty();
  }

  @Test
  void eventsFromOtherSourcesRaiseNoAlert() {
    assertThat(bus.matchingRules(ExampleEvents.job("payments-lake-silver", "FAILED").source("custom.glue").json())).isEmpty();
    assertThat(bus.matchingRules(ExampleEvents.crawler("payments-lake-raw", "Failed").source("aws.ec2").json())).isEmpty();
  }

  @Test
  void crawlerFailedRuleCatchesFailedLakeCrawlers() {
    assertThat(bus.matchingRules(ExampleEvents.crawler("payments-lake-audit", "Failed").json()))
        .containsExactly(CRAWLER_FAILED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Started", "Succeeded"})
  void startedOrSucceededCrawlersRaiseNoAlert(String state) {
    assertThat(bus.matchingRules(ExampleEvents.crawler("payments-lake-audit", state).json())).isEmpty();
  }

  @Test
  void failedCrawlersOutsideTheLakeRaiseNoAlert() {
    assertThat(bus.matchingRules(ExampleEvents.crawler("test-crawler-notification", "Failed").json())).isEmpty();
  }

  @Test
  void jobFailedTextNamesJobStateRunErrorAndWhereToLook() {
    ExampleEvents event = ExampleEvents.job("payments-lake-silver", "FAILED")
        .message("DQ_BLOCKING_RULE_FAILED: rule \"IsComplete \\\"txn_id\\\"\" failed for 3 rows");

    String expected = "Glue job " + event.detailField("jobName") + " " + event.detailField("state")
        + " in run " + event.detailField("jobRunId") + " at " + event.field("time")
        + " (account " + event.field("account") + ", region " + event.field("region") + ").\n"
        + "\n"
        + "Error: " + event.detailField("message") + "\n"
        + "\n"
        + "Logs: " + LOGS + "\n"
        + "DQ summaries: " + LAKE_ROOT + "/audit/dq_summary/\n"
        + "Rejected rows: " + LAKE_ROOT + "/audit/";
    assertThat(bus.transform(JOB_FAILED, event.json())).isEqualTo(expected);
  }

  @Test
  void crawlerFailedTextNamesCrawlerAndItsError() {
    ExampleEvents event = ExampleEvents.crawler("payments-lake-bronze", "Failed");

    assertThat(bus.transform(CRAWLER_FAILED, event.json())).isEqualTo(
        "Glue crawler payments-lake-bronze Failed at " + event.field("time") + " (account "
            + event.field("account") + ", region " + event.field("region") + ").\n"
            + "\n"
            + "Error: " + event.detailField("errorMessage") + "\n"
            + "\n"
            + "Logs: " + LOGS);
  }

  @Test
  void missingEventFieldLeavesItsVariableEmpty() {
    String event = ExampleEvents.job("payments-lake-gold", "TIMEOUT").without("message").json();

    assertThat(bus.transform(JOB_FAILED, event)).contains("\nError: \n");
  }

  @Test
  void everyPublishedEventIsArchivedAsOneJsonLine() throws Exception {
    ExampleEvents succeeded = ExampleEvents.job("payments-lake-bronze", "SUCCEEDED");
    ExampleEvents started = ExampleEvents.crawler("payments-lake-raw", "Started");

    bus.publish(succeeded.json());
    bus.publish(started.json());

    List<String> lines = Files.readAllLines(dataDir.resolve("events/events.jsonl"));
    assertThat(lines).hasSize(2);
    assertThat(ExampleEvents.MAPPER.readTree(lines.get(0))).isEqualTo(ExampleEvents.MAPPER.readTree(succeeded.json()));
    assertThat(ExampleEvents.MAPPER.readTree(lines.get(1))).isEqualTo(ExampleEvents.MAPPER.readTree(started.json()));
    assertThat(bus.archive()).isEqualTo(dataDir.resolve("events/events.jsonl"));
  }

  @Test
  void archivedEventsHaveCardNumbersMasked() throws Exception {
    String pan = "4111111111111111";
    bus.publish(ExampleEvents.job("payments-lake-bronze", "SUCCEEDED").message("bad line: " + pan + ";x").json());

    String line = Files.readString(bus.archive());
    assertThat(line).doesNotContain(pan).contains("411111******1111");
    JsonNode archived = ExampleEvents.MAPPER.readTree(line);
    assertThat(archived.path("detail").path("message").asText()).isEqualTo("bad line: 411111******1111;x");
  }

  @Test
  void eventThatIsNotJsonIsRejected() {
    assertThatThrownBy(() -> bus.publish("Glue job failed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("event is not valid JSON");
  }

  @Test
  void invalidPatternFailsAtConstructionNamingTheRule() {
    AlertRule lakeRule = lake.alertRules().get(0);
    AlertRule broken = new AlertRule("broken-rule", "bad pattern",
        ExampleEvents.MAPPER.createObjectNode().put("source", "aws.glue"), lakeRule.topic(), lakeRule.inputTransformer());

    assertThatThrownBy(() -> busOf(List.of(broken)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("alert rule 'broken-rule': event pattern is not valid: ");
  }

  @Test
  void unknownTopicFailsAtConstructionNamingRuleAndTopic() {
    AlertRule lakeRule = lake.alertRules().get(0);
    AlertRule astray = new AlertRule("astray", "", lakeRule.eventPattern(), "no-such-topic", lakeRule.inputTransformer());

    assertThatThrownBy(() -> busOf(List.of(astray)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alert rule 'astray' notifies topic 'no-such-topic' but no such topic is defined; topics: "
            + "[payments-lake-alerts]");
  }

  @Test
  void missingPlaceholderValueFailsAtConstructionNamingTheRule() {
    assertThatThrownBy(() -> new LocalEventBus(lake.alertRules(), Map.of(), topics(), dataDir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("alert rule 'payments-lake-job-failed': no value for placeholder ${");
  }

  private LocalEventBus busOf(List<AlertRule> rules) {
    return new LocalEventBus(rules, VALUES, topics(), dataDir);
  }

  /** Topics whose server is never reached: these tests only match and transform. */
  private List<LocalSnsTopic> topics() {
    SmtpSettings unused = SmtpSettings.plain("127.0.0.1", 9, SmtpSettings.DEFAULT_FROM);
    return lake.alertTopics().stream().map((AlertTopic topic) -> new LocalSnsTopic(topic, VALUES, unused)).toList();
  }
}
