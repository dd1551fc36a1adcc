package com.paymentslake.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Substitutes deployment placeholders in every text of a definition (names, arguments, paths, event
 * patterns, templates, endpoints). Used by {@link WorkflowDefinition#resolve(Map)}.
 */
final class PlaceholderResolver {
  private PlaceholderResolver() {}

  /** Every placeholder name used anywhere in the definition. */
  static Set<String> used(WorkflowDefinition definition) {
    Set<String> names = new TreeSet<>();
    WorkflowValidator.scan(
        WorkflowDefinitions.mapper().valueToTree(definition), "", (location, text) -> names.addAll(Placeholders.in(text)));
    return names;
  }

  static WorkflowDefinition resolve(WorkflowDefinition definition, Map<String, String> values) {
    Set<String> missing = new TreeSet<>(used(definition));
    missing.removeAll(values.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("workflow '" + definition.name() + "' uses placeholder"
          + (missing.size() == 1 ? " " : "s ") + missing.stream().map(m -> "${" + m + "}").toList()
          + " but no value was given; values given for " + new TreeSet<>(values.keySet()));
    }
    UnaryOperator<String> text = value -> Placeholders.resolve(value, values);
    return new WorkflowDefinition(
        text.apply(definition.name()),
        text.apply(definition.description()),
        map(definition.defaultRunProperties(), text),
        definition.maxConcurrentRuns(),
        definition.jobs().stream().map(job -> job(job, text)).toList(),
        definition.crawlers().stream().map(crawler -> crawler(crawler, text)).toList(),
        definition.triggers().stream().map(trigger -> trigger(trigger, text)).toList(),
        definition.alertRules().stream().map(rule -> rule(rule, text)).toList(),
        definition.alertTopics().stream().map(topic -> topic(topic, text)).toList(),
        definition.standaloneJobs().stream().map(job -> job(job, text)).toList());
  }

  private static JobDefinition job(JobDefinition job, UnaryOperator<String> text) {
    return new JobDefinition(
        text.apply(job.name()),
        text.apply(job.description()),
        map(job.defaultArguments(), text),
        map(job.runPropertyArguments(), text),
        job.timeout(),
        job.maxRetries(),
        text.apply(job.glueVersion()),
        text.apply(job.workerType()),
        job.numberOfWorkers());
  }

  private static CrawlerDefinition crawler(CrawlerDefinition crawler, UnaryOperator<String> text) {
    CrawlerDefinition.Targets targets =
        crawler.targets() == null
            ? null
            : new CrawlerDefinition.Targets(
                crawler.targets().s3Targets().stream()
                    .map(target -> target == null
                        ? null
                        : new CrawlerDefinition.S3Target(
                            text.apply(target.path()), list(target.exclusions(), text)))
                    .toList());
    return new CrawlerDefinition(
        text.apply(crawler.name()),
        text.apply(crawler.description()),
        text.apply(crawler.databaseName()),
        text.apply(crawler.tablePrefix()),
        targets,
        crawler.schemaChangePolicy(),
        crawler.recrawlPolicy());
  }

  private static TriggerDefinition trigger(TriggerDefinition trigger, UnaryOperator<String> text) {
    TriggerDefinition.Predicate predicate =
        trigger.predicate() == null
            ? null
            : new TriggerDefinition.Predicate(
                trigger.predicate().logical(),
                trigger.predicate().conditions().stream()
                    .map(c -> c == null
                        ? null
                        : new TriggerDefinition.Condition(
                            text.apply(c.logicalOperator()), text.apply(c.jobName()), c.state(),
                            text.apply(c.crawlerName()), c.crawlState()))
                    .toList());
    return new TriggerDefinition(
        text.apply(trigger.name()),
        text.apply(trigger.description()),
        trigger.type(),
        text.apply(trigger.schedule()),
        predicate,
        trigger.actions().stream()
            .map(a -> a == null
                ? null
                : new TriggerDefinition.Action(
                    text.apply(a.jobName()), map(a.arguments(), text), text.apply(a.crawlerName())))
            .toList());
  }

  private static AlertRule rule(AlertRule rule, UnaryOperator<String> text) {
    AlertRule.InputTransformer transformer =
        rule.inputTransformer() == null
            ? null
            : new AlertRule.InputTransformer(
                map(rule.inputTransformer().inputPathsMap(), text), text.apply(rule.inputTransformer().inputTemplate()));
    return new AlertRule(
        text.apply(rule.name()),
        text.apply(rule.description()),
        rule.eventPattern() == null ? null : json(rule.eventPattern(), text),
        text.apply(rule.topic()),
        transformer);
  }

  private static AlertTopic topic(AlertTopic topic, UnaryOperator<String> text) {
    return new AlertTopic(
        text.apply(topic.name()),
        text.apply(topic.displayName()),
        topic.subscriptions().stream()
            .map(s -> s == null ? null : new AlertTopic.Subscription(text.apply(s.protocol()), text.apply(s.endpoint())))
            .toList());
  }

  private static Map<String, String> map(Map<String, String> values, UnaryOperator<String> text) {
    Map<String, String> resolved = new LinkedHashMap<>();
    values.forEach((key, value) -> resolved.put(text.apply(key), text.apply(value)));
    return resolved;
  }

  private static List<String> list(List<String> values, UnaryOperator<String> text) {
    return values.stream().map(text).toList();
  }

  private static JsonNode json(JsonNode node, UnaryOperator<String> text) {
    if (node.isTextual()) {
      return TextNode.valueOf(text.apply(node.textValue()));
    }
    if (node.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> array.add(json(element, text)));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        object.set(text.apply(field.getKey()), json(field.getValue(), text));
      }
      return object;
    }
    return node.deepCopy();
  }
}
