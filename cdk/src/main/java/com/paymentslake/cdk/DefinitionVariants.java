package com.paymentslake.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.paymentslake.workflow.TriggerDefinition;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.util.Iterator;
import java.util.Map;

/** Deployment variants of the workflow definition: another name prefix, a scheduled start. */
final class DefinitionVariants {
  private DefinitionVariants() {}

  /**
   * The definition with every name that is the workflow's name or starts with it and a hyphen
   * (jobs, crawlers, triggers, rules, topic, and the name prefixes the alert patterns match)
   * renamed to start with {@code prefix} instead. Database names and arguments are unchanged.
   */
  static WorkflowDefinition renamed(WorkflowDefinition definition, String prefix) {
    String old = definition.name();
    if (old.equals(prefix)) {
      return definition;
    }
    JsonNode tree = WorkflowDefinitions.mapper().valueToTree(definition);
    JsonNode renamed = rename(tree, old, prefix);
    // derived bean properties (e.g. a trigger's isStart) are not part of the definition's JSON
    renamed.path("Triggers").forEach(trigger -> ((ObjectNode) trigger).remove("Start"));
    return WorkflowDefinitions.parse(renamed.toString(), "workflow " + old + " renamed to prefix " + prefix);
  }

  /** The definition whose start trigger is SCHEDULED with that cron expression (same name and actions). */
  static WorkflowDefinition scheduled(WorkflowDefinition definition, String cron) {
    TriggerDefinition start = definition.startTrigger();
    TriggerDefinition scheduled = new TriggerDefinition(
        start.name(), start.description(), TriggerDefinition.Type.SCHEDULED, cron, start.predicate(), start.actions());
    return new WorkflowDefinition(
        definition.name(),
        definition.description(),
        definition.defaultRunProperties(),
        definition.maxConcurrentRuns(),
        definition.jobs(),
        definition.crawlers(),
        definition.triggers().stream().map(trigger -> trigger == start ? scheduled : trigger).toList(),
        definition.alertRules(),
        definition.alertTopics());
  }

  private static JsonNode rename(JsonNode node, String old, String prefix) {
    if (node.isTextual()) {
      String text = node.textValue();
      return text.equals(old) || text.startsWith(old + "-") ? TextNode.valueOf(prefix + text.substring(old.length())) : node;
    }
    if (node.isArray()) {
      ArrayNode array = ((ArrayNode) node).arrayNode();
      node.forEach(element -> array.add(rename(element, old, prefix)));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = ((ObjectNode) node).objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        object.set(field.getKey(), rename(field.getValue(), old, prefix));
      }
      return object;
    }
    return node;
  }
}
