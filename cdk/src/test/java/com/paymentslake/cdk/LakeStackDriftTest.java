package com.paymentslake.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentslake.workflow.AlertRule;
import com.paymentslake.workflow.CrawlerDefinition;
import com.paymentslake.workflow.JobDefinition;
import com.paymentslake.workflow.TriggerDefinition;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The template deploys exactly what the local twin runs: every job, crawler, trigger, alert rule
 * and Athena query of the definitions, with the same names, arguments, predicates and patterns, and
 * nothing else of those kinds; plus the definition's standalone jobs (the generation job), which the
 * local twin does not run but the definition holds all the same.
 *
 * <p>Expected values come from the source definition ({@code workflow/payments-lake.json}) and the
 * packaged query files, resolved with the stack's placeholder values, never from the stack's own
 * model; definition entries are compared in their CloudFormation shape (the definition uses
 * CloudFormation property names).
 */
class LakeStackDriftTest {
  private static final SynthesizedLake LAKE = SynthesizedLake.lake();
  private static final WorkflowDefinition DEFINITION =
      WorkflowDefinitions.lake().resolve(LAKE.stack.placeholderValues());

  @Test
  void workflowIsTheDefinedOne() {
    JsonNode workflow = only("AWS::Glue::Workflow");
    assertThat(workflow.path("Name").asText()).isEqualTo(DEFINITION.name());
    assertThat(workflow.path("Description").asText()).isEqualTo(DEFINITION.description());
    assertThat(normalized(workflow.path("DefaultRunProperties"))).isEqualTo(expected(DEFINITION.defaultRunProperties()));
    assertThat(workflow.path("MaxConcurrentRuns").asInt()).isEqualTo(DEFINITION.maxConcurrentRuns());
  }

  @Test
  void jobsAreTheDefinedOnesWithTheirArgumentsPlusGluesOwn() {
    Map<String, JsonNode> deployed = byName("AWS::Glue::Job", "Name");
    List<JobDefinition> defined = new ArrayList<>(DEFINITION.jobs());
    defined.addAll(DEFINITION.standaloneJobs());
    assertThat(DEFINITION.standaloneJobs()).isNotEmpty();
    assertThat(deployed.keySet()).containsExactlyInAnyOrderElementsOf(defined.stream().map(JobDefinition::name).toList());
    for (JobDefinition job : defined) {
      ObjectNode actual = deployed.get(job.name()).deepCopy();
      actual.remove(List.of("Command", "Role", "ExecutionProperty", "SecurityConfiguration"));
      ObjectNode arguments = (ObjectNode) actual.get("DefaultArguments");
      assertThat(arguments.properties()).extracting(Map.Entry::getKey).containsAll(LakeStack.GLUE_ARGUMENT_NAMES);
      arguments.remove(LakeStack.GLUE_ARGUMENT_NAMES);

      ObjectNode expected = (ObjectNode) expected(job);
      // a project extension the jobs read from the workflow run, not a Glue job property
      expected.remove("RunPropertyArguments");
      assertThat(normalized(actual)).as("job %s", job.name()).isEqualTo(expected);
    }
  }

  @Test
  void workflowJobsRunAsTheGlueRoleAndStandaloneJobsAsTheGeneratorRole() {
    Map<String, JsonNode> deployed = byName("AWS::Glue::Job", "Name");
    JsonNode glueRole = LAKE.rendered(LAKE.stack.glueRole().getRoleArn());
    JsonNode generatorRole = LAKE.rendered(LAKE.stack.generatorRole().orElseThrow().getRoleArn());
    assertThat(generatorRole).isNotEqualTo(glueRole);
    DEFINITION.jobs().forEach(job -> assertThat(deployed.get(job.name()).path("Role")).as(job.name()).isEqualTo(glueRole));
    DEFINITION.standaloneJobs().forEach(job ->
        assertThat(deployed.get(job.name()).path("Role")).as(job.name()).isEqualTo(generatorRole));
  }

  @Test
  void crawlersAreTheDefinedOnes() {
    Map<String, JsonNode> deployed = byName("AWS::Glue::Crawler", "Name");
    assertThat(deployed.keySet())
        .containsExactlyInAnyOrderElementsOf(DEFINITION.crawlers().stream().map(CrawlerDefinition::name).toList());
    for (CrawlerDefinition crawler : DEFINITION.crawlers()) {
      ObjectNode actual = deployed.get(crawler.name()).deepCopy();
      actual.remove(List.of("Role", "CrawlerSecurityConfiguration"));
      ObjectNode expected = (ObjectNode) expected(crawler);
      // CloudFormation leaves out what is empty
      if (crawler.tablePrefix().isEmpty()) {
        expected.remove("TablePrefix");
      }
      expected.path("Targets").path("S3Targets").forEach(target -> {
        if (target.path("Exclusions").isEmpty()) {
          ((ObjectNode) target).remove("Exclusions");
        }
      });
      assertThat(normalized(actual)).as("crawler %s", crawler.name()).isEqualTo(expected);
    }
  }

  @Test
  void triggersAreTheDefinedOnesWithTheirPredicatesAndActions() {
    Map<String, JsonNode> deployed = byName("AWS::Glue::Trigger", "Name");
    assertThat(deployed.keySet())
        .containsExactlyInAnyOrderElementsOf(DEFINITION.triggers().stream().map(TriggerDefinition::name).toList());
    for (TriggerDefinition trigger : DEFINITION.triggers()) {
      ObjectNode actual = deployed.get(trigger.name()).deepCopy();
      assertThat(actual.remove("WorkflowName").asText()).isEqualTo(DEFINITION.name());
      actual.remove("StartOnCreation");
      ObjectNode expected = (ObjectNode) expected(trigger);
      expected.remove("Start");
      expected.path("Actions").forEach(action -> {
        if (action.path("Arguments").isEmpty()) {
          ((ObjectNode) action).remove("Arguments");
        }
      });
      assertThat(normalized(actual)).as("trigger %s", trigger.name()).isEqualTo(expected);
    }
  }

  @Test
  void alertRulesAreTheDefinedOnesWithTheirPatternsAndTexts() {
    Map<String, JsonNode> deployed = byName("AWS::Events::Rule", "Name");
    assertThat(deployed.keySet())
        .containsExactlyInAnyOrderElementsOf(DEFINITION.alertRules().stream().map(AlertRule::name).toList());
    String topicId = LAKE.logicalIds("AWS::SNS::Topic").get(0);
    for (AlertRule rule : DEFINITION.alertRules()) {
      JsonNode actual = deployed.get(rule.name());
      assertThat(actual.path("Description").asText()).isEqualTo(rule.description());
      assertThat(actual.path("EventPattern")).as("pattern of %s", rule.name()).isEqualTo(rule.eventPattern());
      assertThat(actual.path("Targets")).hasSize(1);
      JsonNode target = actual.path("Targets").get(0);
      assertThat(target.path("Arn").path("Ref").asText()).isEqualTo(topicId);
      assertThat(normalized(target.path("InputTransformer"))).as("input transformer of %s", rule.name())
          .isEqualTo(expected(rule.inputTransformer()));
    }
  }

  @Test
  void alertTopicIsTheDefinedOneWithItsSubscriptions() {
    var topic = DEFINITION.alertTopics().get(0);
    JsonNode deployed = only("AWS::SNS::Topic");
    assertThat(deployed.path("TopicName").asText()).isEqualTo(topic.name());
    assertThat(deployed.path("DisplayName").asText()).isEqualTo(topic.displayName());
    List<JsonNode> subscriptions = LAKE.resources("AWS::SNS::Subscription");
    assertThat(subscriptions).hasSameSizeAs(topic.subscriptions());
    for (int i = 0; i < subscriptions.size(); i++) {
      JsonNode subscription = subscriptions.get(i).path("Properties");
      assertThat(subscription.path("Protocol").asText()).isEqualTo(topic.subscriptions().get(i).protocol());
      assertThat(subscription.path("Endpoint")).isEqualTo(LAKE.rendered(topic.subscriptions().get(i).endpoint()));
    }
  }

  @Test
  void namedQueriesAreThePackagedQueryFiles() {
    Map<String, JsonNode> deployed = byName("AWS::Athena::NamedQuery", "Name");
    List<AthenaQueryFile> files = AthenaQueryFiles.packaged();
    assertThat(files).isNotEmpty();
    assertThat(deployed.keySet()).containsExactlyInAnyOrderElementsOf(files.stream().map(AthenaQueryFile::title).toList());
    for (AthenaQueryFile file : files) {
      JsonNode query = deployed.get(file.title());
      assertThat(query.path("QueryString").asText()).as("SQL of %s", file.fileName()).isEqualTo(file.sql());
      assertThat(query.path("Database").asText()).isEqualTo(file.database());
    }
  }

  @Test
  void catalogDatabasesAreTheCrawlersTargetDatabases() {
    assertThat(LAKE.resources("AWS::Glue::Database"))
        .extracting(database -> database.path("Properties").path("DatabaseInput").path("Name").asText())
        .containsExactlyInAnyOrderElementsOf(
            DEFINITION.crawlers().stream().map(CrawlerDefinition::databaseName).distinct().toList());
  }

  private static JsonNode only(String type) {
    List<JsonNode> resources = LAKE.resources(type);
    assertThat(resources).as(type).hasSize(1);
    return resources.get(0).path("Properties");
  }

  private static Map<String, JsonNode> byName(String type, String nameProperty) {
    Map<String, JsonNode> byName = new TreeMap<>();
    for (JsonNode resource : LAKE.resources(type)) {
      JsonNode properties = resource.path("Properties");
      assertThat(byName.put(properties.path(nameProperty).asText(), properties)).as("duplicate %s name", type).isNull();
    }
    return byName;
  }

  /** A definition entry in its CloudFormation shape, tokens rendered as the template does. */
  private static JsonNode expected(Object definitionEntry) {
    Object plain = WorkflowDefinitions.mapper().convertValue(definitionEntry, Object.class);
    return normalized(LAKE.rendered(plain));
  }

  /** Numbers compared by value (the template may hold 60 or 60.0). */
  private static JsonNode normalized(JsonNode node) {
    if (node.isNumber()) {
      return SynthesizedLake.MAPPER.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
    }
    if (node.isObject()) {
      ObjectNode copy = SynthesizedLake.MAPPER.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), normalized(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = SynthesizedLake.MAPPER.createArrayNode();
      node.forEach(element -> copy.add(normalized(element)));
      return copy;
    }
    return node;
  }
}
