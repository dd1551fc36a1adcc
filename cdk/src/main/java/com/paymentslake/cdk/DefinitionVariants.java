package com.paymentslake.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.paymentslake.workflow.JobDefinition;
import com.paymentslake.workflow.TriggerDefinition;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Deployment variants of the workflow definition: another name prefix, a scheduled start, another
 * size of a standalone job.
 */
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
    return definition.withTriggers(
        definition.triggers().stream().map(trigger -> trigger == start ? scheduled : trigger).toList());
  }

  /**
   * The definition whose standalone job running {@code mainClass} has that worker type and number
   * of workers where given (everything else unchanged).
   *
   * @throws IllegalStateException when no standalone job, or more than one, runs that class
   */
  static WorkflowDefinition resized(
      WorkflowDefinition definition, String mainClass, Optional<String> workerType, OptionalInt workers) {
    JobDefinition job = standaloneJob(definition, mainClass);
    JobDefinition resized = new JobDefinition(
        job.name(),
        job.description(),
        job.defaultArguments(),
        job.runPropertyArguments(),
        job.timeout(),
        job.maxRetries(),
        job.glueVersion(),
        workerType.orElse(job.workerType()),
        workers.orElse(job.numberOfWorkers()));
    return definition.withStandaloneJobs(
        definition.standaloneJobs().stream().map(each -> each == job ? resized : each).toList());
  }

  /**
   * The one standalone job of a definition running {@code mainClass}.
   *
   * @throws IllegalStateException when there is none or more than one
   */
  static JobDefinition standaloneJob(WorkflowDefinition definition, String mainClass) {
    List<JobDefinition> found =
        definition.standaloneJobs().stream().filter(job -> mainClass.equals(job.mainClass())).toList();
    if (found.size() != 1) {
      throw new IllegalStateException("workflow " + definition.name() + " has " + found.size()
          + " standalone jobs running " + mainClass + " but the stack needs exactly one; StandaloneJobs are "
          + definition.standaloneJobs().stream().map(JobDefinition::name).toList());
    }
    return found.get(0);
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
