package com.paymentslake.workflow;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lake's one workflow definition: a Glue workflow with its jobs, crawlers and triggers, the
 * EventBridge alert rules and the SNS topic they notify, and the standalone jobs deployed next to the
 * workflow. Property names are those of the CloudFormation resources ({@code AWS::Glue::Workflow},
 * {@code ::Job}, {@code ::Crawler}, {@code ::Trigger}, {@code AWS::Events::Rule}, {@code
 * AWS::SNS::Topic}) so each entry maps 1:1 to what the CDK stack deploys; the local twin runs the
 * very same workflow entries (and ignores the standalone jobs, which no workflow run starts).
 *
 * <p>String values may hold deployment placeholders such as {@code ${LakeRoot}} (see {@link
 * Placeholders}); each deployment resolves them with its own values.
 *
 * @param name the Glue workflow name
 * @param description what the workflow does
 * @param defaultRunProperties run properties every run starts with (a run may override them)
 * @param maxConcurrentRuns Glue's limit of simultaneous runs of the workflow
 * @param jobs the Glue jobs the triggers start
 * @param crawlers the Glue crawlers the triggers start
 * @param triggers one start trigger (ON_DEMAND or SCHEDULED) and the CONDITIONAL triggers chaining
 *     the actions
 * @param alertRules EventBridge rules matching job and crawler state changes
 * @param alertTopics SNS topics the rules notify, with their subscriptions
 * @param standaloneJobs Glue jobs deployed with the workflow but not part of it: no trigger of the
 *     workflow starts or watches them, and they run with no workflow run (no run properties). The
 *     CDK stack deploys them next to the workflow's jobs; the local twin, which runs the workflow,
 *     ignores them. The lake's generation job ({@code payments-lake-generate}, a test-data source
 *     filling the raw zone) is one.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record WorkflowDefinition(
    String name,
    String description,
    Map<String, String> defaultRunProperties,
    int maxConcurrentRuns,
    List<JobDefinition> jobs,
    List<CrawlerDefinition> crawlers,
    List<TriggerDefinition> triggers,
    List<AlertRule> alertRules,
    List<AlertTopic> alertTopics,
    List<JobDefinition> standaloneJobs) {

  public WorkflowDefinition {
    defaultRunProperties = defaultRunProperties == null ? Map.of() : Map.copyOf(defaultRunProperties);
    jobs = jobs == null ? List.of() : List.copyOf(jobs);
    crawlers = crawlers == null ? List.of() : List.copyOf(crawlers);
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
    alertRules = alertRules == null ? List.of() : List.copyOf(alertRules);
    alertTopics = alertTopics == null ? List.of() : List.copyOf(alertTopics);
    standaloneJobs = standaloneJobs == null ? List.of() : List.copyOf(standaloneJobs);
  }

  /** The same definition with other triggers. */
  public WorkflowDefinition withTriggers(List<TriggerDefinition> value) {
    return new WorkflowDefinition(name, description, defaultRunProperties, maxConcurrentRuns, jobs, crawlers, value,
        alertRules, alertTopics, standaloneJobs);
  }

  /** The same definition with other standalone jobs. */
  public WorkflowDefinition withStandaloneJobs(List<JobDefinition> value) {
    return new WorkflowDefinition(name, description, defaultRunProperties, maxConcurrentRuns, jobs, crawlers,
        triggers, alertRules, alertTopics, value);
  }

  /** A job of the workflow (one its triggers start), by name; standalone jobs are not among them. */
  public Optional<JobDefinition> job(String jobName) {
    return jobs.stream().filter(j -> j.name().equals(jobName)).findFirst();
  }

  /** A standalone job (deployed, never started by the workflow), by name. */
  public Optional<JobDefinition> standaloneJob(String jobName) {
    return standaloneJobs.stream().filter(j -> j.name().equals(jobName)).findFirst();
  }

  public Optional<CrawlerDefinition> crawler(String crawlerName) {
    return crawlers.stream().filter(c -> c.name().equals(crawlerName)).findFirst();
  }

  public Optional<AlertTopic> topic(String topicName) {
    return alertTopics.stream().filter(t -> t.name().equals(topicName)).findFirst();
  }

  public Optional<TriggerDefinition> trigger(String triggerName) {
    return triggers.stream().filter(t -> t.name().equals(triggerName)).findFirst();
  }

  /**
   * The trigger that starts a run (ON_DEMAND or SCHEDULED); a validated definition has exactly one.
   *
   * @throws IllegalStateException when there is none
   */
  public TriggerDefinition startTrigger() {
    return triggers.stream()
        .filter(t -> t.type() != null && t.isStart())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("workflow " + name + " has no start trigger"));
  }

  /** The placeholder names used anywhere in the definition (empty once resolved). */
  public Set<String> placeholders() {
    return PlaceholderResolver.used(this);
  }

  /**
   * A copy with every {@code ${Name}} placeholder replaced by its value, everywhere in the
   * definition (arguments, S3 paths, event patterns, templates, endpoints...).
   *
   * @param placeholderValues a value for each placeholder the definition uses (see {@link
   *     Placeholders}); extra values are ignored
   * @throws IllegalArgumentException naming every placeholder that has no value
   */
  public WorkflowDefinition resolve(Map<String, String> placeholderValues) {
    return PlaceholderResolver.resolve(this, placeholderValues);
  }
}
