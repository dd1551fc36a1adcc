package com.paymentslake.local.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentslake.workflow.Placeholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Glue events for tests, built on the shapes of AWS's documented example events ({@code
 * src/test/resources/aws-events/}, see its README: "Glue Job State Change", "Glue Crawler State Change"
 * Started/Succeeded/Failed), with the fields a test cares about replaced.
 */
final class ExampleEvents {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final String LAKE_ROOT = "s3a://payments-lake";
  static final String LOGS = "/tmp/lake-data/logs";
  static final String ALERT_EMAIL = "data-team@example.com";

  /** The deployment values the local twin resolves the lake definition with. */
  static final Map<String, String> VALUES =
      Map.of(Placeholders.LAKE_ROOT, LAKE_ROOT, Placeholders.LOGS_LOCATION, LOGS, Placeholders.ALERT_EMAIL, ALERT_EMAIL);

  private final ObjectNode event;

  private ExampleEvents(ObjectNode event) {
    this.event = event;
  }

  /** AWS's FAILED job example, for the given job. */
  static ExampleEvents job(String jobName, String state) {
    ExampleEvents events = new ExampleEvents(load("glue-job-state-change-failed.json"));
    events.detail().put("jobName", jobName).put("state", state)
        .put("severity", state.equals("SUCCEEDED") ? "INFO" : "ERROR");
    return events;
  }

  /** AWS's crawler example for the state ({@code Started}, {@code Succeeded}, {@code Failed}). */
  static ExampleEvents crawler(String crawlerName, String state) {
    ExampleEvents events = new ExampleEvents(load("glue-crawler-state-change-" + state.toLowerCase(java.util.Locale.ROOT) + ".json"));
    events.detail().put("crawlerName", crawlerName);
    return events;
  }

  ExampleEvents source(String source) {
    event.put("source", source);
    return this;
  }

  ExampleEvents message(String message) {
    detail().put("message", message);
    return this;
  }

  ExampleEvents without(String detailField) {
    detail().remove(detailField);
    return this;
  }

  ObjectNode detail() {
    return (ObjectNode) event.get("detail");
  }

  String field(String name) {
    return event.get(name).asText();
  }

  String detailField(String name) {
    return detail().get(name).asText();
  }

  String json() {
    return event.toString();
  }

  private static ObjectNode load(String name) {
    try (InputStream in = ExampleEvents.class.getResourceAsStream("/aws-events/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test fixture /aws-events/" + name + " is missing");
      }
      JsonNode node = MAPPER.readTree(in);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
