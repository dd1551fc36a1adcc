package com.paymentslake.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.events.EventPattern;

/**
 * Turns a definition's EventBridge pattern (JSON, verbatim) into the CDK's {@link EventPattern},
 * which renders it back unchanged.
 */
final class EventPatterns {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventPatterns() {}

  /**
   * @throws IllegalArgumentException naming a top-level field EventBridge does not know, or a
   *     metadata field whose values are not plain strings
   */
  @SuppressWarnings("unchecked")
  static EventPattern of(JsonNode pattern) {
    EventPattern.Builder builder = EventPattern.builder();
    Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "source" -> builder.source(strings(field.getKey(), value));
        case "detail-type" -> builder.detailType(strings(field.getKey(), value));
        case "account" -> builder.account(strings(field.getKey(), value));
        case "region" -> builder.region(strings(field.getKey(), value));
        case "resources" -> builder.resources(strings(field.getKey(), value));
        case "id" -> builder.id(strings(field.getKey(), value));
        case "time" -> builder.time(strings(field.getKey(), value));
        case "version" -> builder.version(strings(field.getKey(), value));
        case "detail" -> builder.detail(MAPPER.convertValue(value, Map.class));
        default -> throw new IllegalArgumentException(
            "event pattern field '" + field.getKey() + "' is not one EventBridge matches on; allowed: source,"
                + " detail-type, detail, account, region, resources, id, time, version");
      }
    }
    return builder.build();
  }

  private static List<String> strings(String field, JsonNode values) {
    if (!values.isArray()) {
      throw new IllegalArgumentException("event pattern field '" + field + "' is " + values + " but must be an array");
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode value : values) {
      if (!value.isTextual()) {
        throw new IllegalArgumentException(
            "event pattern field '" + field + "' holds " + value + " but only plain strings are supported there");
      }
      strings.add(value.textValue());
    }
    return strings;
  }
}
