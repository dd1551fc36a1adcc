package com.paymentslake.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.cdk.LakeStackConfig.Generator;
import com.paymentslake.workflow.JobDefinition;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * What the stack refuses to deploy, before anything reaches AWS: a job whose class is not in the
 * job jar or that sets an argument Glue reserves, a standalone job it has no role for, generator
 * settings with no generation job.
 */
class LakeStackGuardsTest {
  private static final LakeAssets ASSETS = LakeAssets.fromSystemProperty();
  private static final WorkflowDefinition LAKE = WorkflowDefinitions.lake();
  private static final JobDefinition GENERATE = LAKE.standaloneJob("payments-lake-generate").orElseThrow();

  @Test
  void jobJarHoldsEveryMainClassOfTheDefinition() {
    assertThat(LAKE.jobs()).extracting(JobDefinition::mainClass)
        .allSatisfy(mainClass -> assertThat(ASSETS.jobJarHasClass(mainClass)).as(mainClass).isTrue());
    assertThat(ASSETS.jobJarHasClass(LakeStack.GENERATOR_CLASS)).isTrue();
    assertThat(ASSETS.jobJarHasClass("com.paymentslake.jobs.generate.GenerateJobs")).isFalse();
  }

  @Test
  void jobWhoseClassIsNotInTheJarIsRefused() {
    WorkflowDefinition typo = withStandaloneJobs(running(GENERATE, "com.paymentslake.jobs.generate.GenerateJobs"));

    assertThatThrownBy(() -> stack(typo, Generator.DEFINED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("job payments-lake-generate: --class com.paymentslake.jobs.generate.GenerateJobs is not in the job"
            + " jar " + ASSETS.jobJar() + "; fix the class name in the workflow definition or rebuild the jar"
            + " (mvn -B -pl cdk -am -DskipTests package)");
  }

  @Test
  void jobSettingAnArgumentGlueUsesInternallyIsRefused() {
    Map<String, String> arguments = new LinkedHashMap<>(GENERATE.defaultArguments());
    arguments.put("--mode", "nightly");
    JobDefinition nightly = new JobDefinition(GENERATE.name(), GENERATE.description(), arguments,
        GENERATE.runPropertyArguments(), GENERATE.timeout(), GENERATE.maxRetries(), GENERATE.glueVersion(),
        GENERATE.workerType(), GENERATE.numberOfWorkers());

    assertThatThrownBy(() -> stack(withStandaloneJobs(nightly), Generator.DEFINED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("job payments-lake-generate sets --mode, which AWS Glue uses internally; Glue's documentation"
            + " says never to set [--JOB_NAME, --debug, --endpoint, --mode]");
  }

  @Test
  void standaloneJobWithoutARoleOfItsOwnIsRefused() {
    WorkflowDefinition other = withStandaloneJobs(running(GENERATE, "com.paymentslake.jobs.bronze.BronzeJob"));

    assertThatThrownBy(() -> stack(other, Generator.DEFINED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("standalone job payments-lake-generate runs com.paymentslake.jobs.bronze.BronzeJob but the stack"
            + " has a role only for the generation job (com.paymentslake.jobs.generate.GenerateJob); give its job a"
            + " role in LakeStack first");
  }

  @Test
  void generatorSettingsNeedTheGenerationJob() {
    WorkflowDefinition none = withStandaloneJobs();

    assertThatThrownBy(() -> stack(none, new Generator(Optional.empty(), OptionalInt.of(4), Optional.empty())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("workflow payments-lake has 0 standalone jobs running com.paymentslake.jobs.generate.GenerateJob"
            + " but the stack needs exactly one; StandaloneJobs are []");
    assertThatThrownBy(() -> stack(none, new Generator(Optional.empty(), OptionalInt.empty(),
        Optional.of("cron(0 1 * * ? *)"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("workflow payments-lake has 0 standalone jobs running");
  }

  @Test
  void definitionWithoutStandaloneJobsDeploysNoGeneratorRole() {
    LakeStack stack = stack(withStandaloneJobs(), Generator.DEFINED);

    assertThat(stack.generatorRole()).isEmpty();
    assertThat(stack.definition().standaloneJobs()).isEmpty();
  }

  private static LakeStack stack(WorkflowDefinition definition, Generator generator) {
    LakeStackConfig config = new LakeStackConfig("payments-lake", Optional.empty(), Optional.empty(), generator, ASSETS);
    App app = new App();
    app.getNode().setContext(LakeApp.SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    return new LakeStack(app, "payments-lake", StackProps.builder().build(), definition, config);
  }

  private static JobDefinition running(JobDefinition job, String mainClass) {
    Map<String, String> arguments = new LinkedHashMap<>(job.defaultArguments());
    arguments.put(JobDefinition.CLASS_ARGUMENT, mainClass);
    return new JobDefinition(job.name(), job.description(), arguments, job.runPropertyArguments(), job.timeout(),
        job.maxRetries(), job.glueVersion(), job.workerType(), job.numberOfWorkers());
  }

  private static WorkflowDefinition withStandaloneJobs(JobDefinition... jobs) {
    return LAKE.withStandaloneJobs(List.of(jobs));
  }
}
