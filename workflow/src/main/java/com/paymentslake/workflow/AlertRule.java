package com.paymentslake.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * An EventBridge rule ({@code AWS::Events::Rule}) on the default bus that sends matching Glue
 * events to an alert topic.
 *
 * @param name the rule name
 * @param description what it catches
 * @param eventPattern the EventBridge event pattern, verbatim
 * @param topic the {@link AlertTopic} it notifies
 * @param inputTransformer how the event becomes the notification text
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record AlertRule(
    String name, String description, JsonNode eventPattern, String topic, InputTransformer inputTransformer) {

  /** The pattern as JSON text, as EventBridge (and event-ruler) take it. */
  public String eventPatternJson() {
    return eventPattern.toString();
  }

  /**
   * EventBridge's {@code InputTransformer}: {@code <name>} variables in the template are replaced
   * by the JSON paths of the map. The template may also hold deployment placeholders.
   *
   * @param inputPathsMap variable name to JSON path (e.g. {@code $.detail.jobName})
   * @param inputTemplate the text sent to the topic
   */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record InputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {
    public InputTransformer {
      inputPathsMap = inputPathsMap == null ? Map.of() : Map.copyOf(inputPathsMap);
    }
  }
}
