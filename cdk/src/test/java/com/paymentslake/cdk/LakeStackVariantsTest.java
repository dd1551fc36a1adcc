package com.paymentslake.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/**
 * Context values: a second lake under another name prefix, started nightly, with a default alert
 * address, and a bigger generation job started by its own schedule an hour before the workflow.
 */
class LakeStackVariantsTest {
  private static final SynthesizedLake LAKE = SynthesizedLake.withContext(Map.of(
      LakeStackConfig.NAME_PREFIX, "acme-lake",
      LakeStackConfig.NIGHTLY_SCHEDULE, "cron(0 2 * * ? *)",
      LakeStackConfig.ALERT_EMAIL, "data-oncall@example.com",
      LakeStackConfig.GENERATOR_WORKER_TYPE, "G.2X",
      // as `-c generatorWorkers=10` passes it
      LakeStackConfig.GENERATOR_WORKERS, "10",
      LakeStackConfig.GENERATOR_SCHEDULE, "cron(0 1 * * ? *)"));

  @Test
  void nightlyScheduleMakesTheStartTriggerScheduledAndActive() {
    LAKE.template.hasResourceProperties("AWS::Glue::Trigger", Map.of(
        "Name", "acme-lake-start",
        "Type", "SCHEDULED",
        "Schedule", "cron(0 2 * * ? *)",
        "StartOnCreation", true));
    LAKE.template.resourcePropertiesCountIs("AWS::Glue::Trigger", Map.of("Type", "ON_DEMAND"), 0);
  }

  @Test
  void namePrefixRenamesTheStackAndEveryGlueEventsSnsAndAthenaName() {
    assertThat(LAKE.stack.getStackName()).isEqualTo("acme-lake");
    List<String> names = new java.util.ArrayList<>();
    for (String type : List.of("AWS::Glue::Job", "AWS::Glue::Crawler", "AWS::Glue::Trigger", "AWS::Glue::Workflow",
        "AWS::Glue::SecurityConfiguration", "AWS::Events::Rule", "AWS::Athena::WorkGroup")) {
      LAKE.resources(type).forEach(resource -> names.add(resource.path("Properties").path("Name").asText()));
    }
    names.add(LAKE.resources("AWS::SNS::Topic").get(0).path("Properties").path("TopicName").asText());
    // jobs (and the generation job), crawlers, triggers (and the generator's schedule), workflow,
    // security configuration, alert rules, workgroup, topic
    assertThat(names).hasSize(4 + 5 + 8 + 1 + 1 + 2 + 1 + 1).allMatch(name -> name.startsWith("acme-lake"));
  }

  @Test
  void generatorContextSizesOnlyTheGenerationJob() {
    LAKE.template.hasResourceProperties("AWS::Glue::Job", Map.of(
        "Name", "acme-lake-generate", "WorkerType", "G.2X", "NumberOfWorkers", 10));
    LAKE.template.resourcePropertiesCountIs("AWS::Glue::Job", Map.of("WorkerType", "G.1X", "NumberOfWorkers", 2), 3);
  }

  @Test
  void generatorScheduleStartsTheGenerationJobOutsideTheWorkflow() {
    LAKE.template.hasResourceProperties("AWS::Glue::Trigger", Map.of(
        "Name", "acme-lake-generate-schedule",
        "Type", "SCHEDULED",
        "Schedule", "cron(0 1 * * ? *)",
        "StartOnCreation", true,
        "WorkflowName", Match.absent(),
        "Actions", List.of(Map.of("JobName", "acme-lake-generate"))));
    // the workflow's own triggers are unchanged: one start trigger, no action on the generation job
    LAKE.template.resourcePropertiesCountIs("AWS::Glue::Trigger", Map.of("WorkflowName", "acme-lake"), 7);
  }

  @Test
  void triggersAndAlertPatternsFollowTheRenamedJobsAndCrawlers() {
    LAKE.template.hasResourceProperties("AWS::Glue::Trigger", Map.of(
        "Name", "acme-lake-after-bronze",
        "WorkflowName", "acme-lake",
        "Predicate", Match.objectLike(Map.of("Conditions", List.of(Match.objectLike(Map.of("JobName", "acme-lake-bronze"))))),
        "Actions", List.of(Map.of("CrawlerName", "acme-lake-bronze"))));
    JsonNode pattern = LAKE.resources("AWS::Events::Rule").get(0).path("Properties").path("EventPattern").path("detail");
    assertThat(pattern.toString()).contains("{\"prefix\":\"acme-lake-\"}").doesNotContain("payments-lake");
  }

  @Test
  void alertEmailContextIsTheParametersDefault() {
    LAKE.template.hasParameter("AlertEmail", Map.of("Default", "data-oncall@example.com"));
  }

  @Test
  void variantPassesTheAwsSolutionsChecksToo() {
    assertThat(Annotations.fromStack(LAKE.stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    assertThat(Annotations.fromStack(LAKE.stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
  }
}
