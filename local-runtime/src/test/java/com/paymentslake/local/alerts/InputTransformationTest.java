package com.paymentslake.local.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentslake.workflow.AlertRule.InputTransformer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EventBridge's input transformer semantics, on the EC2 example of AWS's "Amazon EventBridge input
 * transformation" page (same event, paths and templates, same expected outputs).
 */
class InputTransformationTest {
  private static final Instant INGESTED = Instant.parse("2015-11-11T21:29:55Z");
  private static final String EC2_EVENT = """
      {"version":"0","id":"7bf73129-1428-4cd3-a780-95db273d1602","detail-type":"EC2 Instance State-change Notification",
       "source":"aws.ec2","account":"123456789012","time":"2015-11-11T21:29:54Z","region":"us-east-1",
       "resources":["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],
       "detail":{"instance-id":"i-0123456789","state":"RUNNING"}}
      """;
  private static final Map<String, String> PATHS = Map.of("instance", "$.detail.instance-id", "state", "$.detail.state");

  @Test
  void quotedTemplateYieldsItsTextWithVariablesReplaced() {
    assertThat(transform(PATHS, "\"instance <instance> is in <state>\"", EC2_EVENT))
        .isEqualTo("instance i-0123456789 is in RUNNING");
  }

  @Test
  void quotedTemplateEscapesAreDecoded() {
    assertThat(transform(PATHS, "\"instance \\\"<instance>\\\" is in <state>\\nsee console\"", EC2_EVENT))
        .isEqualTo("instance \"i-0123456789\" is in RUNNING\nsee console");
  }

  @Test
  void jsonTemplateGetsValuesAsJsonOutsideStringsAndAsTextInside() {
    String template = "{\"instance\" : <instance>, \"state\": [ 9, <state>, true ], \"status\": \"<instance> is <state>\"}";

    assertThat(json(transform(PATHS, template, EC2_EVENT))).isEqualTo(json(
        "{\"instance\":\"i-0123456789\",\"state\":[9,\"RUNNING\",true],\"status\":\"i-0123456789 is RUNNING\"}"));
  }

  @Test
  void pathMissingFromTheEventLeavesNothingInAString() {
    Map<String, String> paths = Map.of("instance", "$.detail.instance-id", "owner", "$.detail.owner.team");

    assertThat(transform(paths, "\"<instance> owned by [<owner>]\"", EC2_EVENT)).isEqualTo("i-0123456789 owned by []");
  }

  @Test
  void pathMissingFromTheEventIsNullAsAJsonValue() {
    assertThat(json(transform(Map.of("owner", "$.detail.owner"), "{\"owner\": <owner>}", EC2_EVENT)))
        .isEqualTo(json("{\"owner\":null}"));
  }

  @Test
  void extractedValuesAreInsertedUnescaped() {
    String event = "{\"region\":\"us-east-1\",\"account\":\"1\",\"detail\":{\"message\":\"path \\\"C:\\\\tmp\\\"\\nline 2 <b>\"}}";

    assertThat(transform(Map.of("message", "$.detail.message"), "\"Error: <message>\"", event))
        .isEqualTo("Error: path \"C:\\tmp\"\nline 2 <b>");
  }

  @Test
  void objectInAStringLosesItsInternalQuotes() {
    assertThat(transform(Map.of("detail", "$.detail"), "\"Detail is <detail>\"", EC2_EVENT))
        .isEqualTo("Detail is {instance-id:i-0123456789,state:RUNNING}");
  }

  @Test
  void arrayIndicesAreSupported() {
    assertThat(transform(Map.of("resource", "$.resources[0]"), "\"<resource>\"", EC2_EVENT))
        .isEqualTo("arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111");
  }

  @Test
  void reservedVariablesNeedNoPath() {
    assertThat(transform(Map.of(), "\"<aws.events.rule-name> (<aws.events.rule-arn>) at <aws.events.event.ingestion-time>\"",
        EC2_EVENT))
        .isEqualTo("example (arn:aws:events:us-east-1:123456789012:rule/example) at 2015-11-11T21:29:55Z");
  }

  @Test
  void originalEventVariablesHoldTheEventWithAndWithoutDetail() {
    JsonNode output = json(transform(Map.of(), "{\"all\": <aws.events.event.json>, \"envelope\": <aws.events.event>}", EC2_EVENT));

    assertThat(output.get("all")).isEqualTo(json(EC2_EVENT));
    assertThat(output.get("envelope").has("detail")).isFalse();
    assertThat(output.get("envelope").get("source").asText()).isEqualTo("aws.ec2");
  }

  @Test
  void angleBracketWordsThatNameNoVariableStayAsTheyAre() {
    assertThat(transform(PATHS, "\"<instance> is <unknown>\"", EC2_EVENT)).isEqualTo("i-0123456789 is <unknown>");
  }

  @Test
  void bracketNotationPathIsRejected() {
    assertThatThrownBy(() -> InputTransformation.of(new InputTransformer(Map.of("job", "$['detail']"), "\"<job>\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InputPathsMap variable 'job' has path $['detail'] but only dot notation and array indices are "
            + "supported (e.g. $.detail.jobName, $.resources[0])");
  }

  @Test
  void pathNotStartingAtTheRootIsRejected() {
    assertThatThrownBy(() -> InputTransformation.of(new InputTransformer(Map.of("job", "detail.jobName"), "\"<job>\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InputPathsMap variable 'job' has path detail.jobName but it must start with $ (e.g. $.detail.jobName)");
  }

  @Test
  void reservedVariableNameIsRejected() {
    assertThatThrownBy(() -> InputTransformation.of(
        new InputTransformer(Map.of("aws.events.rule-name", "$.detail"), "\"x\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InputPathsMap variable 'aws.events.rule-name' is reserved by EventBridge");
  }

  @Test
  void unterminatedQuotedTemplateIsRejected() {
    assertThatThrownBy(() -> InputTransformation.of(new InputTransformer(PATHS, "\"<instance> is in <state>")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("InputTemplate starts with a quote but is not a valid JSON string");
  }

  private static String transform(Map<String, String> paths, String template, String event) {
    return InputTransformation.of(new InputTransformer(paths, template)).apply(json(event), "example", INGESTED);
  }

  private static JsonNode json(String text) {
    try {
      return ExampleEvents.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
