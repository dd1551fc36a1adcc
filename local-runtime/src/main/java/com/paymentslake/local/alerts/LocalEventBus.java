package com.paymentslake.local.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.paymentslake.contract.PanSafety;
import com.paymentslake.workflow.AlertRule;
import com.paymentslake.workflow.Placeholders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.event.ruler.Machine;

/**
 * The local twin of EventBridge's default event bus, for the lake's alert rules.
 *
 * <p>Each rule's event pattern is compiled by event-ruler, the matcher EventBridge itself uses, so
 * a pattern matches locally exactly what it matches in AWS. {@link #publish(String)} finds the
 * matching rules, applies each rule's input transformer ({@link InputTransformation}) and hands the
 * text to the rule's topic ({@link LocalSnsTopic#publish(String)}).
 *
 * <p>Every published event is appended, one JSON line each, to {@code
 * <data-dir>/events/events.jsonl}: a local archive of the bus for debugging (EventBridge's archives
 * hold the same events). Card-number-like digits in the archived events are masked ({@link
 * PanSafety}).
 */
public final class LocalEventBus {
  private static final Logger LOG = LoggerFactory.getLogger(LocalEventBus.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The archive of published events, relative to the data directory. */
  public static final String ARCHIVE = "events/events.jsonl";

  private final Map<String, Route> routes;
  private final Machine machine;
  private final Path archive;
  private final Clock clock;

  private record Route(AlertRule rule, InputTransformation transformation, LocalSnsTopic topic) {}

  /**
   * Compiles the rules.
   *
   * @param rules the definition's alert rules
   * @param placeholderValues values for {@code ${Name}} placeholders in patterns and templates (see
   *     {@link Placeholders}); empty when the rules are already resolved
   * @param topics the topics the rules notify, by {@link LocalSnsTopic#name()}
   * @param dataDir where {@value #ARCHIVE} is written
   * @throws IllegalArgumentException naming the rule when its pattern, transformer, placeholders or
   *     topic is invalid
   */
  public LocalEventBus(
      Collection<AlertRule> rules, Map<String, String> placeholderValues, Collection<LocalSnsTopic> topics, Path dataDir) {
    this(rules, placeholderValues, topics, dataDir, Clock.systemUTC());
  }

  LocalEventBus(
      Collection<AlertRule> rules,
      Map<String, String> placeholderValues,
      Collection<LocalSnsTopic> topics,
      Path dataDir,
      Clock clock) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(placeholderValues, "placeholderValues");
    Objects.requireNonNull(dataDir, "dataDir");
    this.clock = Objects.requireNonNull(clock, "clock");
    Map<String, LocalSnsTopic> topicsByName =
        topics.stream().collect(Collectors.toMap(LocalSnsTopic::name, Function.identity()));
    Map<String, Route> compiled = new LinkedHashMap<>();
    Machine builtMachine = Machine.builder().build();
    for (AlertRule rule : rules) {
      if (compiled.containsKey(rule.name())) {
        throw new IllegalArgumentException("alert rule '" + rule.name() + "' is defined twice");
      }
      LocalSnsTopic topic = topicsByName.get(rule.topic());
      if (topic == null) {
        throw new IllegalArgumentException("alert rule '" + rule.name() + "' notifies topic '" + rule.topic()
            + "' but no such topic is defined; topics: " + topicsByName.keySet());
      }
      if (rule.eventPattern() == null) {
        throw new IllegalArgumentException("alert rule '" + rule.name() + "' has no EventPattern");
      }
      if (rule.inputTransformer() == null) {
        throw new IllegalArgumentException("alert rule '" + rule.name() + "' has no InputTransformer");
      }
      try {
        String pattern = Placeholders.resolve(rule.eventPatternJson(), placeholderValues);
        try {
          builtMachine.addRule(rule.name(), pattern);
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException("event pattern is not valid: " + e.getMessage() + ": " + pattern, e);
        }
        AlertRule.InputTransformer transformer = new AlertRule.InputTransformer(
            rule.inputTransformer().inputPathsMap(),
            Placeholders.resolve(rule.inputTransformer().inputTemplate(), placeholderValues));
        compiled.put(rule.name(), new Route(rule, InputTransformation.of(transformer), topic));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("alert rule '" + rule.name() + "': " + e.getMessage(), e);
      }
    }
    this.routes = Collections.unmodifiableMap(compiled);
    this.machine = builtMachine;
    this.archive = dataDir.resolve(ARCHIVE);
  }

  /**
   * Puts one event on the bus: archives it, then delivers the transformed text of every matching
   * rule to that rule's topic. Delivery failures do not reach the caller; the topics record them.
   *
   * @param eventJson an event in EventBridge's envelope ({@code source}, {@code detail-type},
   *     {@code detail}, ...)
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public synchronized void publish(String eventJson) {
    JsonNode event = parse(eventJson);
    Instant ingestionTime = clock.instant();
    archive(event);
    for (String ruleName : matches(event)) {
      Route route = routes.get(ruleName);
      String message = route.transformation().apply(event, ruleName, ingestionTime);
      LOG.info("Event {} ({}) matched alert rule {}: notifying topic {}",
          event.path("id").asText("?"), event.path("detail-type").asText("?"), ruleName, route.topic().name());
      route.topic().publish(message);
    }
  }

  /** The names of the rules the event matches, in definition order (nothing is delivered). */
  public List<String> matchingRules(String eventJson) {
    return matches(parse(eventJson));
  }

  /**
   * The text a rule would send for an event, whether or not the rule matches it (nothing is
   * delivered).
   *
   * @throws IllegalArgumentException when no rule has that name
   */
  public String transform(String ruleName, String eventJson) {
    Route route = routes.get(ruleName);
    if (route == null) {
      throw new IllegalArgumentException("no alert rule '" + ruleName + "'; rules: " + routes.keySet());
    }
    return route.transformation().apply(parse(eventJson), ruleName, clock.instant());
  }

  /** The file every published event is appended to. */
  public Path archive() {
    return archive;
  }

  private List<String> matches(JsonNode event) {
    List<String> matched = machine.rulesForJSONEvent(event);
    return routes.keySet().stream().filter(matched::contains).toList();
  }

  private static JsonNode parse(String eventJson) {
    Objects.requireNonNull(eventJson, "eventJson");
    try {
      JsonNode event = MAPPER.readTree(eventJson);
      if (event == null || !event.isObject()) {
        throw new IllegalArgumentException("event is not a JSON object: " + PanSafety.mask(eventJson));
      }
      return event;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "event is not valid JSON (" + e.getOriginalMessage() + "): " + PanSafety.mask(eventJson), e);
    }
  }

  /** Appends the event; the archive is a debugging aid, so failing to write it only logs. */
  private void archive(JsonNode event) {
    try {
      Files.createDirectories(archive.getParent());
      Files.writeString(archive, masked(event).toString() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("Cannot append event to the bus archive {}: {}", archive, e.toString());
    }
  }

  /** A copy with every PAN-like string or number masked; stays valid JSON. */
  static JsonNode masked(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(PanSafety.mask(node.textValue()));
    }
    if (node.isIntegralNumber()) {
      String digits = node.asText();
      String mask = PanSafety.mask(digits);
      return mask.equals(digits) ? node : TextNode.valueOf(mask);
    }
    if (node.isObject()) {
      ObjectNode copy = MAPPER.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), masked(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = MAPPER.createArrayNode();
      node.forEach(element -> copy.add(masked(element)));
      return copy;
    }
    return node;
  }
}
