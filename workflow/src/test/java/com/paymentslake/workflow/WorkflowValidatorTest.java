package com.paymentslake.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WorkflowValidatorTest {
  /**
   * A small valid workflow: start -> load; load SUCCEEDED -> promote; promote either way -> catalog;
   * and a standalone job, generate, that no trigger starts.
   */
  private static final String VALID =
      """
      {
        "Name": "wf",
        "DefaultRunProperties": { "dates": "" },
        "MaxConcurrentRuns": 1,
        "Jobs": [
          { "Name": "load", "DefaultArguments": { "--class": "x.Load", "--root": "${LakeRoot}" },
            "RunPropertyArguments": { "dates": "--dates" }, "Timeout": 10, "MaxRetries": 0, "NumberOfWorkers": 2 },
          { "Name": "promote", "DefaultArguments": { "--class": "x.Promote" }, "Timeout": 10, "MaxRetries": 0,
            "NumberOfWorkers": 2 }
        ],
        "Crawlers": [
          { "Name": "catalog", "DatabaseName": "db",
            "Targets": { "S3Targets": [ { "Path": "${LakeRoot}/zone/" } ] },
            "SchemaChangePolicy": { "UpdateBehavior": "UPDATE_IN_DATABASE", "DeleteBehavior": "DELETE_FROM_DATABASE" },
            "RecrawlPolicy": { "RecrawlBehavior": "CRAWL_EVERYTHING" } }
        ],
        "Triggers": [
          { "Name": "start", "Type": "ON_DEMAND", "Actions": [ { "JobName": "load" } ] },
          { "Name": "after-load", "Type": "CONDITIONAL",
            "Predicate": { "Logical": "AND", "Conditions": [
              { "LogicalOperator": "EQUALS", "JobName": "load", "State": "SUCCEEDED" } ] },
            "Actions": [ { "JobName": "promote" } ] },
          { "Name": "after-promote", "Type": "CONDITIONAL",
            "Predicate": { "Logical": "ANY", "Conditions": [
              { "LogicalOperator": "EQUALS", "JobName": "promote", "State": "SUCCEEDED" },
              { "LogicalOperator": "EQUALS", "JobName": "promote", "State": "FAILED" } ] },
            "Actions": [ { "CrawlerName": "catalog" } ] }
        ],
        "AlertRules": [
          { "Name": "job-failed", "EventPattern": { "source": ["aws.glue"] }, "Topic": "alerts",
            "InputTransformer": { "InputPathsMap": { "job": "$.detail.jobName" },
              "InputTemplate": "\\"<job> failed at <aws.events.event.ingestion-time>; logs ${LogsLocation}\\"" } }
        ],
        "AlertTopics": [
          { "Name": "alerts", "Subscriptions": [ { "Protocol": "email", "Endpoint": "${AlertEmail}" } ] }
        ],
        "StandaloneJobs": [
          { "Name": "generate", "DefaultArguments": { "--class": "x.gen.Generate", "--root": "${LakeRoot}" },
            "Timeout": 30, "MaxRetries": 0, "NumberOfWorkers": 2 }
        ]
      }
      """;

  @Test
  void lakeDefinitionIsValid() {
    WorkflowDefinition lake = WorkflowDefinitions.lake();

    assertThat(WorkflowValidator.problems(lake)).isEmpty();
    assertThat(lake.startTrigger().name()).isEqualTo("payments-lake-start");
  }

  @Test
  void smallDefinitionIsValid() {
    assertThat(problems(definition -> {})).isEmpty();
  }

  @Test
  void lakeDefinitionDeploysTheGenerationJobOutsideTheWorkflow() {
    WorkflowDefinition lake = WorkflowDefinitions.lake();

    assertThat(lake.standaloneJobs()).extracting(JobDefinition::name).containsExactly("payments-lake-generate");
    JobDefinition generate = lake.standaloneJob("payments-lake-generate").orElseThrow();
    assertThat(generate.mainClass()).isEqualTo("com.paymentslake.jobs.generate.GenerateJob");
    // no --mode: AWS Glue reserves it; the job's defaults are the last 7 days, as nightly mode
    assertThat(generate.defaultArguments()).containsOnly(
        entry("--class", "com.paymentslake.jobs.generate.GenerateJob"),
        entry("--lake-root", "${LakeRoot}"));
    assertThat(generate.runPropertyArguments()).isEmpty();
    assertThat(generate.maxRetries()).isZero();
    assertThat(lake.job("payments-lake-generate")).isEmpty();
    assertThat(lake.triggers()).flatExtracting(TriggerDefinition::actions)
        .extracting(TriggerDefinition.Action::jobName)
        .doesNotContain("payments-lake-generate");
  }

  @Test
  void definitionWithoutStandaloneJobsIsValidAndHasNone() {
    WorkflowDefinition definition = WorkflowDefinitions.parse(edit(json -> json.remove("StandaloneJobs")), "test.json");

    assertThat(definition.standaloneJobs()).isEmpty();
  }

  @Test
  void standaloneJobNeedsAJavaMainClass() {
    assertThat(problems(definition -> object(definition, "/StandaloneJobs/0/DefaultArguments")
        .put("--class", "x.gen.Generate Job")))
        .containsExactly("standalone job 'generate': --class is 'x.gen.Generate Job' but must be a Java class name"
            + " such as com.example.jobs.LoadJob");
    assertThat(problems(definition -> object(definition, "/StandaloneJobs/0/DefaultArguments").remove("--class")))
        .containsExactly("standalone job 'generate': DefaultArguments has no --class naming the main class");
  }

  @Test
  void workflowJobMainClassIsAJavaClassNameToo() {
    assertThat(problems(definition -> object(definition, "/Jobs/0/DefaultArguments").put("--class", "x..Load")))
        .containsExactly("job 'load': --class is 'x..Load' but must be a Java class name such as com.example.jobs.LoadJob");
    assertThat(problems(definition -> object(definition, "/Jobs/0/DefaultArguments").put("--class", "x.Load$Main")))
        .isEmpty();
  }

  @Test
  void standaloneJobNameDiffersFromTheWorkflowsJobs() {
    assertThat(problems(definition -> object(definition, "/StandaloneJobs/0").put("Name", "load")))
        .containsExactly("standalone job 'load' has the name of a job of the workflow; Glue job names are unique per"
            + " account and region");
  }

  @Test
  void standaloneJobNamesArePresentAndUnique() {
    assertThat(problems(definition -> {
      array(definition, "/StandaloneJobs").add(definition.at("/StandaloneJobs/0").deepCopy());
      array(definition, "/StandaloneJobs").add(object(definition, "/StandaloneJobs/0").deepCopy().without("Name"));
    })).containsExactly(
        "standalone job #3 has no Name",
        "standalone job 'generate' is defined 2 times; names must be unique");
  }

  @Test
  void standaloneJobTakesNoRunPropertyArguments() {
    assertThat(problems(definition -> object(definition, "/StandaloneJobs/0").putObject("RunPropertyArguments")
        .put("dates", "--dates")))
        .containsExactly("standalone job 'generate': has RunPropertyArguments [dates] but no workflow run starts it,"
            + " so no run property reaches it");
  }

  @Test
  void standaloneJobLimitsArePositive() {
    assertThat(problems(definition -> object(definition, "/StandaloneJobs/0").put("Timeout", 0).put("MaxRetries", -1)))
        .containsExactly(
            "standalone job 'generate': Timeout is 0 but must be >= 1 (minutes)",
            "standalone job 'generate': MaxRetries is -1 but must be >= 0");
  }

  @Test
  void triggersNeitherStartNorWatchStandaloneJobs() {
    assertThat(problems(definition -> object(definition, "/Triggers/1/Actions/0").put("JobName", "generate")))
        .contains("trigger 'after-load': action #1: starts standalone job 'generate'; triggers of the workflow start"
            + " only its Jobs [load, promote] (move the job to Jobs to make it part of the workflow)");
    assertThat(problems(definition -> object(definition, "/Triggers/1/Predicate/Conditions/0").put("JobName", "generate")))
        .contains("trigger 'after-load': condition #1: watches standalone job 'generate', which never runs in a"
            + " workflow run; conditions watch the workflow's jobs [load, promote]");
  }

  @Test
  void standaloneJobPlaceholdersAreKnown() {
    assertThat(problems(definition -> object(definition, "/StandaloneJobs/0/DefaultArguments")
        .put("--root", "${LakeRot}")))
        .containsExactly("StandaloneJobs['generate'].DefaultArguments.--root: unknown placeholder ${LakeRot}; known"
            + " placeholders are [AlertEmail, LakeRoot, LogsLocation]");
  }

  @Test
  void everyProblemIsReportedInOneException() {
    String json = edit(definition -> {
      object(definition, "/Jobs/0/DefaultArguments").remove("--class");
      object(definition, "/Triggers/1/Actions/0").put("JobName", "nope");
    });

    assertThatThrownBy(() -> WorkflowDefinitions.parse(json, "bad.json"))
        .isInstanceOf(InvalidWorkflowException.class)
        .hasMessage(
            """
            workflow definition bad.json is not valid (5 problems):
              - job 'load': DefaultArguments has no --class naming the main class
              - trigger 'after-load': action #1: starts unknown job 'nope'; jobs are [load, promote]
              - trigger 'after-promote': can never fire in a run started by 'start'
              - job 'promote' is never started: no trigger reachable from start trigger 'start' has it as an action
              - crawler 'catalog' is never started: no trigger reachable from start trigger 'start' has it as an action"""
                .stripIndent());
  }

  @Test
  void namesArePresentAndUniquePerKind() {
    assertThat(problems(definition -> {
      array(definition, "/Jobs").add(definition.at("/Jobs/1").deepCopy());
      object(definition, "/AlertTopics/0").remove("Name");
      array(definition, "/AlertRules").add(definition.at("/AlertRules/0").deepCopy());
    })).contains(
        "job 'promote' is defined 2 times; names must be unique",
        "alert rule 'job-failed' is defined 2 times; names must be unique",
        "alert topic #1 has no Name");
  }

  @Test
  void jobNeedsItsMainClass() {
    assertThat(problems(definition -> object(definition, "/Jobs/1/DefaultArguments").put("--class", " ")))
        .containsExactly("job 'promote': DefaultArguments has no --class naming the main class");
  }

  @Test
  void runPropertyArgumentsNameKnownRunProperties() {
    assertThat(problems(definition -> object(definition, "/Jobs/0/RunPropertyArguments").put("days", "--days")))
        .containsExactly("job 'load': RunPropertyArguments key 'days' is not a run property; DefaultRunProperties has [dates]");
  }

  @Test
  void jobLimitsArePositive() {
    assertThat(problems(definition -> object(definition, "/Jobs/0").put("Timeout", 0).put("MaxRetries", -1)))
        .containsExactly(
            "job 'load': Timeout is 0 but must be >= 1 (minutes)", "job 'load': MaxRetries is -1 but must be >= 0");
  }

  @Test
  void exactlyOneStartTrigger() {
    assertThat(problems(definition -> object(definition, "/Triggers/0").put("Type", "SCHEDULED")
        .put("Schedule", "cron(0 2 * * ? *)")))
        .isEmpty();
    assertThat(problems(definition -> {
      ObjectNode second = object(definition, "/Triggers/0").deepCopy().put("Name", "start-again");
      array(definition, "/Triggers").add(second);
    })).containsExactly(
        "workflow 'wf' has 2 start triggers ('start', 'start-again'); Glue allows exactly one ON_DEMAND or SCHEDULED"
            + " trigger per workflow");
    assertThat(problems(definition -> array(definition, "/Triggers").remove(0)))
        .contains("workflow 'wf' has no start trigger; it needs exactly one of Type ON_DEMAND or SCHEDULED");
  }

  @Test
  void scheduleOnlyOnScheduledTriggersAndInCronSyntax() {
    assertThat(problems(definition -> object(definition, "/Triggers/0").put("Type", "SCHEDULED")))
        .containsExactly("trigger 'start': Type SCHEDULED needs a Schedule such as cron(0 2 * * ? *)");
    assertThat(problems(definition -> object(definition, "/Triggers/0").put("Type", "SCHEDULED")
        .put("Schedule", "0 2 * * *")))
        .containsExactly("trigger 'start': Schedule '0 2 * * *' is not a Glue cron expression"
            + " cron(Minutes Hours Day-of-month Month Day-of-week Year)");
    assertThat(problems(definition -> object(definition, "/Triggers/0").put("Schedule", "cron(0 2 * * ? *)")))
        .containsExactly("trigger 'start': has a Schedule but Type is ON_DEMAND; only SCHEDULED triggers have one");
  }

  @Test
  void conditionalTriggersNeedAPredicateAndStartTriggersHaveNone() {
    assertThat(problems(definition -> object(definition, "/Triggers/1").remove("Predicate")))
        .contains("trigger 'after-load': Type CONDITIONAL needs a Predicate with at least one condition");
    assertThat(problems(definition -> object(definition, "/Triggers/0")
        .set("Predicate", definition.at("/Triggers/1/Predicate").deepCopy())))
        .contains("trigger 'start': is a start trigger (ON_DEMAND) and must not have a Predicate");
  }

  @Test
  void conditionWatchesExactlyOneKnownJobOrCrawler() {
    assertThat(problems(definition -> object(definition, "/Triggers/1/Predicate/Conditions/0")
        .put("CrawlerName", "catalog").put("CrawlState", "SUCCEEDED")))
        .contains("trigger 'after-load': condition #1: must watch exactly one job (JobName + State) or one crawler"
            + " (CrawlerName + CrawlState), not both");
    assertThat(problems(definition -> object(definition, "/Triggers/1/Predicate/Conditions/0").remove("State")))
        .contains("trigger 'after-load': condition #1: a job condition needs both JobName and State");
    assertThat(problems(definition -> object(definition, "/Triggers/1/Predicate/Conditions/0").put("JobName", "lod")))
        .contains("trigger 'after-load': condition #1: watches unknown job 'lod'; jobs are [load, promote]");
    assertThat(problems(definition -> object(definition, "/Triggers/1/Predicate/Conditions/0")
        .put("CrawlerName", "catalogue").put("CrawlState", "SUCCEEDED").without(List.of("JobName", "State"))))
        .contains("trigger 'after-load': condition #1: watches unknown crawler 'catalogue'; crawlers are [catalog]");
  }

  @Test
  void conditionStatesAreThoseGlueAllows() {
    assertThat(problems(definition -> object(definition, "/Triggers/1/Predicate/Conditions/0").put("State", "RUNNING")))
        .containsExactly("trigger 'after-load': condition #1: State RUNNING of job 'load' is not allowed in a trigger"
            + " condition; Glue allows [STOPPED, SUCCEEDED, FAILED, TIMEOUT]");
    assertThat(problems(definition -> object(definition, "/Triggers/1/Predicate/Conditions/0")
        .put("CrawlerName", "catalog").put("CrawlState", "ERROR").without(List.of("JobName", "State"))))
        .contains("trigger 'after-load': condition #1: CrawlState ERROR of crawler 'catalog' is not allowed in a"
            + " trigger condition; Glue allows [CANCELLED, SUCCEEDED, FAILED]");
  }

  @Test
  void logicalOperatorIsEquals() {
    assertThat(problems(definition -> object(definition, "/Triggers/1/Predicate/Conditions/0")
        .put("LogicalOperator", "NOT_EQUALS")))
        .containsExactly("trigger 'after-load': condition #1: LogicalOperator is 'NOT_EQUALS' but Glue only has EQUALS");
  }

  @Test
  void actionsStartExactlyOneKnownJobOrCrawler() {
    assertThat(problems(definition -> object(definition, "/Triggers/2/Actions/0").put("JobName", "promote")))
        .containsExactly("trigger 'after-promote': action #1: must start exactly one job (JobName) or one crawler"
            + " (CrawlerName), not both", "crawler 'catalog' is never started: no trigger reachable from start"
            + " trigger 'start' has it as an action");
    assertThat(problems(definition -> object(definition, "/Triggers/2/Actions/0").put("CrawlerName", "catalogue")))
        .contains("trigger 'after-promote': action #1: starts unknown crawler 'catalogue'; crawlers are [catalog]");
    assertThat(problems(definition -> object(definition, "/Triggers/2/Actions/0").putObject("Arguments")
        .put("--x", "1")))
        .containsExactly("trigger 'after-promote': action #1: crawler 'catalog' takes no Arguments");
  }

  @Test
  void everyTriggerHasAnAction() {
    assertThat(problems(definition -> array(definition, "/Triggers/2/Actions").removeAll()))
        .containsExactly(
            "trigger 'after-promote': has no Actions; it needs at least one",
            "crawler 'catalog' is never started: no trigger reachable from start trigger 'start' has it as an action");
  }

  @Test
  void cyclesAreReportedWithTheirPath() {
    List<String> problems = problems(definition -> {
      // after-promote also starts load, which after-load watches: after-load -> after-promote -> after-load
      array(definition, "/Triggers/2/Actions").addObject().put("JobName", "load");
    });

    assertThat(problems).containsExactly(
        "triggers form a cycle: 'after-load' starts job 'promote', watched by 'after-promote', which starts"
            + " job 'load', watched by 'after-load'");
  }

  @Test
  void selfCycleIsReported() {
    assertThat(problems(definition -> array(definition, "/Triggers/1/Actions").addObject().put("JobName", "load")))
        .containsExactly("triggers form a cycle: 'after-load' starts job 'load', watched by 'after-load'");
  }

  @Test
  void everyJobAndCrawlerIsReachableFromTheStartTrigger() {
    assertThat(problems(definition -> {
      array(definition, "/Jobs").add(object(definition, "/Jobs/1").deepCopy().put("Name", "orphan"));
      ObjectNode afterOrphan = object(definition, "/Triggers/1").deepCopy().put("Name", "after-orphan");
      object(afterOrphan, "/Predicate/Conditions/0").put("JobName", "orphan");
      object(afterOrphan, "/Actions/0").put("JobName", "promote");
      array(definition, "/Triggers").add(afterOrphan);
    })).containsExactly(
        "trigger 'after-orphan': can never fire in a run started by 'start'",
        "job 'orphan' is never started: no trigger reachable from start trigger 'start' has it as an action");
  }

  @Test
  void andPredicateNeedingTwoStatesOfOneActionCanNeverFire() {
    assertThat(problems(definition -> object(definition, "/Triggers/2/Predicate").put("Logical", "AND")))
        .containsExactly(
            "trigger 'after-promote': AND predicate needs job 'promote' to be FAILED and SUCCEEDED at once, which can"
                + " never happen",
            "trigger 'after-promote': can never fire in a run started by 'start'",
            "crawler 'catalog' is never started: no trigger reachable from start trigger 'start' has it as an action");
  }

  @Test
  void crawlerNeedsDatabaseAndS3Targets() {
    assertThat(problems(definition -> {
      object(definition, "/Crawlers/0").remove("DatabaseName");
      array(definition, "/Crawlers/0/Targets/S3Targets").removeAll();
    })).containsExactly(
        "crawler 'catalog': has no DatabaseName",
        "crawler 'catalog': Targets has no S3Targets; it needs at least one");
  }

  @Test
  void crawlNewFoldersOnlyRequiresLogLogPolicy() {
    assertThat(problems(definition -> object(definition, "/Crawlers/0/RecrawlPolicy")
        .put("RecrawlBehavior", "CRAWL_NEW_FOLDERS_ONLY")))
        .containsExactly("crawler 'catalog': RecrawlBehavior CRAWL_NEW_FOLDERS_ONLY requires SchemaChangePolicy"
            + " LOG/LOG (Glue's rule) but it is UPDATE_IN_DATABASE/DELETE_FROM_DATABASE");
    assertThat(problems(definition -> {
      object(definition, "/Crawlers/0/RecrawlPolicy").put("RecrawlBehavior", "CRAWL_NEW_FOLDERS_ONLY");
      object(definition, "/Crawlers/0/SchemaChangePolicy").put("UpdateBehavior", "LOG").put("DeleteBehavior", "LOG");
    })).isEmpty();
  }

  @Test
  void alertRuleNotifiesKnownTopicWithAnObjectPattern() {
    assertThat(problems(definition -> object(definition, "/AlertRules/0").put("Topic", "alarms")
        .putArray("EventPattern").add("aws.glue")))
        .containsExactly(
            "alert rule 'job-failed': notifies unknown topic 'alarms'; topics are [alerts]",
            "alert rule 'job-failed': EventPattern must be a non-empty JSON object but is array [\"aws.glue\"]");
  }

  @Test
  void inputTemplateVariablesAreDefinedAndPathsStartWithDollarDot() {
    assertThat(problems(definition -> {
      ObjectNode transformer = object(definition, "/AlertRules/0/InputTransformer");
      transformer.put("InputTemplate", "\"<job> <state> in <run>\"");
      object(definition, "/AlertRules/0/InputTransformer/InputPathsMap").put("run", "detail.jobRunId");
    })).containsExactly(
        "alert rule 'job-failed': InputPathsMap 'run' is 'detail.jobRunId' but a path must start with $.",
        "alert rule 'job-failed': InputTemplate uses <state> but InputPathsMap defines only [job, run]");
  }

  @Test
  void topicSubscriptionsAreEmailWithAnEndpoint() {
    assertThat(problems(definition -> object(definition, "/AlertTopics/0/Subscriptions/0").put("Protocol", "sms")
        .remove("Endpoint")))
        .containsExactly(
            "alert topic 'alerts': subscription #1: Protocol is 'sms' but alerts go by email",
            "alert topic 'alerts': subscription #1: has no Endpoint");
    assertThat(problems(definition -> array(definition, "/AlertTopics/0/Subscriptions").removeAll()))
        .containsExactly("alert topic 'alerts': has no Subscriptions; nobody would receive its alerts");
  }

  @Test
  void placeholdersAreKnown() {
    assertThat(problems(definition -> object(definition, "/Crawlers/0/Targets/S3Targets/0")
        .put("Path", "${LakeRot}/zone/")))
        .containsExactly("Crawlers['catalog'].Targets.S3Targets[#1].Path: unknown placeholder ${LakeRot}; known"
            + " placeholders are [AlertEmail, LakeRoot, LogsLocation]");
  }

  @Test
  void malformedJsonStillNamesTheSource() {
    assertThatThrownBy(() -> WorkflowDefinitions.parse("{\"Name\": ", "broken.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("workflow definition broken.json is not valid: ");
  }

  private static List<String> problems(Consumer<ObjectNode> change) {
    try {
      WorkflowDefinitions.parse(edit(change), "test.json");
      return List.of();
    } catch (InvalidWorkflowException e) {
      assertThat(e.source()).isEqualTo("test.json");
      return e.problems();
    }
  }

  private static String edit(Consumer<ObjectNode> change) {
    try {
      ObjectNode definition = (ObjectNode) WorkflowDefinitions.mapper().readTree(VALID);
      change.accept(definition);
      return WorkflowDefinitions.mapper().writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode object(JsonNode root, String pointer) {
    return (ObjectNode) root.at(pointer);
  }

  private static ArrayNode array(JsonNode root, String pointer) {
    return (ArrayNode) root.at(pointer);
  }
}
