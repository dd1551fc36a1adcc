package com.paymentslake.local.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentslake.workflow.AlertRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge's input transformer ({@code InputPathsMap} + {@code InputTemplate}) applied to one
 * event, with the semantics AWS documents in "Amazon EventBridge input transformation":
 *
 * <ul>
 *   <li>Each {@code <name>} of the template is replaced by the value at the JSON path the map binds
 *       to {@code name}. Paths use dot notation and array indices ({@code $.detail.jobName}, {@code
 *       $.resources[0]}), as EventBridge supports.
 *   <li>A template that is a quoted JSON string ({@code "\"Job <job> failed\\n...\""}) yields that
 *       string's text: its escapes ({@code \n}, {@code \"}) are decoded. This is what an SNS email
 *       subscriber reads.
 *   <li>"If you specify a variable to match a JSON path that doesn't exist in the event, that
 *       variable isn't created and won't appear in the output": such a {@code <name>} becomes empty.
 *   <li>"EventBridge doesn't escape values extracted by Input Path": a value's text is inserted
 *       verbatim, quotes, backslashes and line breaks included. An object or array referenced inside
 *       a string is inserted as JSON with its internal quotes removed, as EventBridge does.
 *   <li>In any other template (a JSON object or array), a variable outside a string is replaced by
 *       the value as JSON ({@code "SUCCEEDED"}, {@code 3}, {@code {...}}; {@code null} when missing)
 *       and a variable inside a string by its text.
 *   <li>The reserved variables {@code aws.events.rule-name}, {@code aws.events.rule-arn}, {@code
 *       aws.events.event.ingestion-time}, {@code aws.events.event} (the event without {@code
 *       detail}) and {@code aws.events.event.json} (the whole event) are always available.
 *   <li>{@code <} and {@code >} cannot be escaped; a {@code <word>} that names no variable is left
 *       as it is.
 * </ul>
 *
 * <p>Deployment placeholders ({@code ${LakeRoot}}) must be resolved before; the caller does that
 * as CloudFormation's {@code Fn::Sub} does before EventBridge sees the template.
 */
final class InputTransformation {
  static final String RULE_NAME = "aws.events.rule-name";
  static final String RULE_ARN = "aws.events.rule-arn";
  static final String INGESTION_TIME = "aws.events.event.ingestion-time";
  static final String EVENT = "aws.events.event";
  static final String EVENT_JSON = "aws.events.event.json";
  private static final Set<String> RESERVED = Set.of(RULE_NAME, RULE_ARN, INGESTION_TIME, EVENT, EVENT_JSON);

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");
  private static final Pattern PATH_SEGMENT = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]");

  private final Map<String, List<Object>> paths;
  private final String template;
  /** The decoded text when the template is a quoted JSON string; empty for JSON templates. */
  private final Optional<String> stringTemplate;

  private InputTransformation(Map<String, List<Object>> paths, String template, Optional<String> stringTemplate) {
    this.paths = paths;
    this.template = template;
    this.stringTemplate = stringTemplate;
  }

  /**
   * Checks and prepares a transformer.
   *
   * @throws IllegalArgumentException naming the variable or the template when a path is not
   *     {@code $}-rooted dot notation, a variable is reserved, or a quoted template is not a valid
   *     JSON string
   */
  static InputTransformation of(AlertRule.InputTransformer transformer) {
    Objects.requireNonNull(transformer, "transformer");
    String template = transformer.inputTemplate();
    if (template == null || template.isEmpty()) {
      throw new IllegalArgumentException("InputTemplate is empty but must hold at least one character");
    }
    Map<String, List<Object>> paths = new LinkedHashMap<>();
    transformer.inputPathsMap().forEach((name, path) -> {
      if (RESERVED.contains(name) || name.regionMatches(true, 0, "AWS.", 0, 4)) {
        throw new IllegalArgumentException("InputPathsMap variable '" + name + "' is reserved by EventBridge");
      }
      paths.put(name, parsePath(name, path));
    });
    Optional<String> stringTemplate = Optional.empty();
    String trimmed = template.strip();
    if (trimmed.startsWith("\"")) {
      try {
        JsonNode node = MAPPER.readTree(trimmed);
        if (!node.isTextual()) {
          throw new IllegalArgumentException("InputTemplate starts with a quote but is not one JSON string: " + template);
        }
        stringTemplate = Optional.of(node.textValue());
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "InputTemplate starts with a quote but is not a valid JSON string (" + e.getOriginalMessage() + "): " + template, e);
      }
    }
    return new InputTransformation(Map.copyOf(paths), template, stringTemplate);
  }

  /**
   * The text EventBridge would send to the target for this event.
   *
   * @param event the event, as the bus received it
   * @param ruleName the matching rule, for the reserved variables
   * @param ingestionTime when the bus received the event
   */
  String apply(JsonNode event, String ruleName, Instant ingestionTime) {
    Map<String, Optional<JsonNode>> values = new LinkedHashMap<>();
    paths.forEach((name, path) -> values.put(name, select(event, path)));
    values.put(RULE_NAME, Optional.of(MAPPER.getNodeFactory().textNode(ruleName)));
    values.put(RULE_ARN, Optional.of(MAPPER.getNodeFactory().textNode(ruleArn(event, ruleName))));
    values.put(INGESTION_TIME, Optional.of(MAPPER.getNodeFactory().textNode(ingestionTime.toString())));
    values.put(EVENT_JSON, Optional.of(event));
    JsonNode withoutDetail = event.deepCopy();
    if (withoutDetail instanceof ObjectNode object) {
      object.remove("detail");
    }
    values.put(EVENT, Optional.of(withoutDetail));

    if (stringTemplate.isPresent()) {
      return replace(stringTemplate.get(), values);
    }
    return replaceInJson(template, values);
  }

  /** The rule's ARN as EventBridge forms it for the default bus. */
  static String ruleArn(JsonNode event, String ruleName) {
    return "arn:aws:events:" + event.path("region").asText("") + ":" + event.path("account").asText("") + ":rule/" + ruleName;
  }

  private static String replace(String text, Map<String, Optional<JsonNode>> values) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Optional<JsonNode> value = values.get(matcher.group(1));
      String replacement = value == null ? matcher.group() : value.map(InputTransformation::asText).orElse("");
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Replaces variables in a JSON template: as JSON outside strings, as text inside them. */
  private static String replaceInJson(String text, Map<String, Optional<JsonNode>> values) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '<') {
        Matcher matcher = VARIABLE.matcher(text).region(i, text.length());
        if (matcher.lookingAt() && values.containsKey(matcher.group(1))) {
          Optional<JsonNode> value = values.get(matcher.group(1));
          if (inString) {
            out.append(value.map(InputTransformation::asText).orElse(""));
          } else {
            out.append(value.map(JsonNode::toString).orElse("null"));
          }
          i = matcher.end();
          continue;
        }
      }
      if (inString && c == '\\' && i + 1 < text.length()) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '"') {
        inString = !inString;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** A value's text: strings as they are, other scalars as written, objects without quotes. */
  private static String asText(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isContainerNode()) {
      return value.toString().replace("\"", "");
    }
    return value.toString();
  }

  private static List<Object> parsePath(String name, String path) {
    if (path == null || !path.startsWith("$")) {
      throw new IllegalArgumentException(
          "InputPathsMap variable '" + name + "' has path " + path + " but it must start with $ (e.g. $.detail.jobName)");
    }
    List<Object> segments = new ArrayList<>();
    Matcher matcher = PATH_SEGMENT.matcher(path).region(1, path.length());
    int end = 1;
    while (end < path.length() && matcher.find() && matcher.start() == end) {
      segments.add(matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2)));
      end = matcher.end();
    }
    if (end != path.length()) {
      throw new IllegalArgumentException("InputPathsMap variable '" + name + "' has path " + path
          + " but only dot notation and array indices are supported (e.g. $.detail.jobName, $.resources[0])");
    }
    return List.copyOf(segments);
  }

  private static Optional<JsonNode> select(JsonNode event, List<Object> path) {
    JsonNode node = event;
    for (Object segment : path) {
      node = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
      if (node.isMissingNode()) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }
}
