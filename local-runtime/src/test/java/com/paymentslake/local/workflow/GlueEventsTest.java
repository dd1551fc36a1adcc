package com.paymentslake.local.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paymentslake.workflow.JobRunState;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GlueEventsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.789Z");
  private static final GlueEvents EVENTS =
      new GlueEvents("123456789012", "eu-west-1", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void jobStateChangeHasTheShapeOfAwsExamples() throws IOException {
    JsonNode succeeded = json(EVENTS.jobStateChange("payments-lake-bronze", "jr_1", JobRunState.SUCCEEDED,
        "Job run succeeded"));
    JsonNode failed = json(EVENTS.jobStateChange("payments-lake-bronze", "jr_1", JobRunState.FAILED, "boom"));

    assertThat(shape(succeeded)).isEqualTo(shape(fixture("glue-job-state-change-succeeded.json")));
    assertThat(shape(failed)).isEqualTo(shape(fixture("glue-job-state-change-failed.json")));
    assertThat(succeeded.get("detail").get("severity").asText()).isEqualTo("INFO");
    assertThat(failed.get("detail").get("severity").asText()).isEqualTo("ERROR");
    assertThat(failed.get("detail").get("message").asText()).isEqualTo("boom");
  }

  @Test
  void crawlerEventsHaveTheShapeOfAwsExamples() throws IOException {
    JsonNode started = json(EVENTS.crawlerStarted("payments-lake-raw", NOW));
    JsonNode succeeded = json(EVENTS.crawlerSucceeded("payments-lake-raw", new CrawlCounts(1, 2, 3, 4, 5, 6),
        Duration.ofMillis(7_400), NOW));
    JsonNode failed = json(EVENTS.crawlerFailed("payments-lake-raw", "no such bucket"));

    assertThat(shape(started)).isEqualTo(shape(fixture("glue-crawler-state-change-started.json")));
    assertThat(shape(succeeded)).isEqualTo(shape(fixture("glue-crawler-state-change-succeeded.json")));
    assertThat(shape(failed)).isEqualTo(shape(fixture("glue-crawler-state-change-failed.json")));
    JsonNode detail = succeeded.get("detail");
    assertThat(detail.get("tablesCreated").asText()).isEqualTo("1");
    assertThat(detail.get("tablesUpdated").asText()).isEqualTo("2");
    assertThat(detail.get("tablesDeleted").asText()).isEqualTo("3");
    assertThat(detail.get("partitionsCreated").asText()).isEqualTo("4");
    assertThat(detail.get("partitionsUpdated").asText()).isEqualTo("5");
    assertThat(detail.get("partitionsDeleted").asText()).isEqualTo("6");
    assertThat(detail.get("runningTime (sec)").asText()).isEqualTo("7");
    assertThat(failed.get("detail").get("errorMessage").asText()).isEqualTo("no such bucket");
  }

  @Test
  void envelopeCarriesAccountRegionAndTimeToTheSecond() throws IOException {
    JsonNode event = json(EVENTS.crawlerStarted("c", NOW));

    assertThat(event.get("version").asText()).isEqualTo("0");
    assertThat(event.get("source").asText()).isEqualTo("aws.glue");
    assertThat(event.get("detail-type").asText()).isEqualTo("Glue Crawler State Change");
    assertThat(event.get("account").asText()).isEqualTo("123456789012");
    assertThat(event.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(event.get("time").asText()).isEqualTo("2026-03-01T10:15:30Z");
    assertThat(event.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(event.get("detail").get("startTime").asText()).isEqualTo("2026-03-01T10:15:30Z");
    assertThat(GlueEvents.local().account()).isEqualTo("000000000000");
    assertThat(GlueEvents.local().region()).isEqualTo("us-east-1");
  }

  @Test
  void severityFollowsTheFinalState() {
    assertThat(GlueEvents.severity(JobRunState.SUCCEEDED)).isEqualTo("INFO");
    assertThat(GlueEvents.severity(JobRunState.FAILED)).isEqualTo("ERROR");
    assertThat(GlueEvents.severity(JobRunState.TIMEOUT)).isEqualTo("ERROR");
    assertThat(GlueEvents.severity(JobRunState.STOPPED)).isEqualTo("WARN");
    assertThatThrownBy(() -> GlueEvents.severity(JobRunState.RUNNING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Glue emits Glue Job State Change only for SUCCEEDED, FAILED, TIMEOUT and STOPPED, not RUNNING");
  }

  @Test
  void messagesArePanMasked() throws IOException {
    JsonNode job = json(EVENTS.jobStateChange("j", "jr_1", JobRunState.FAILED, "bad line 4111111111111111,x"));
    JsonNode crawler = json(EVENTS.crawlerFailed("c", "bad key 5500005555555559"));

    assertThat(job.get("detail").get("message").asText()).isEqualTo("bad line 411111******1111,x");
    assertThat(crawler.get("detail").get("errorMessage").asText()).isEqualTo("bad key 550000******5559");
  }

  @Test
  void accountMustBeTwelveDigits() {
    assertThatThrownBy(() -> new GlueEvents("42", "us-east-1", Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("account is '42' but must be 12 digits");
  }

  /** Every key path of an event with the JSON type of its value. */
  static Map<String, String> shape(JsonNode node) {
    Map<String, String> shape = new TreeMap<>();
    shape(node, "$", shape);
    return shape;
  }

  private static void shape(JsonNode node, String path, Map<String, String> shape) {
    shape.put(path, node.getNodeType().name());
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        shape(field.getValue(), path + "." + field.getKey(), shape);
      }
    }
  }

  static JsonNode fixture(String name) throws IOException {
    try (InputStream in = GlueEventsTest.class.getResourceAsStream("/aws-events/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return MAPPER.readTree(in);
    }
  }

  static JsonNode json(String text) throws IOException {
    return MAPPER.readTree(text);
  }
}
