package com.paymentslake.local.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainClassJobRunnerTest {
  private final List<String> events = new ArrayList<>();

  /** start -> recording; recording SUCCEEDED -> throwing. */
  private static WorkflowDefinition twoJobs(String secondClass) {
    return WorkflowDefinitions.parse(
        """
        {
          "Name": "mains",
          "MaxConcurrentRuns": 1,
          "Jobs": [
            { "Name": "recording", "DefaultArguments": { "--class": "%s", "--lake-root": "s3a://lake" },
              "Timeout": 1, "MaxRetries": 0, "NumberOfWorkers": 2 },
            { "Name": "second", "DefaultArguments": { "--class": "%s" }, "Timeout": 1, "MaxRetries": 0,
              "NumberOfWorkers": 2 }
          ],
          "Triggers": [
            { "Name": "start", "Type": "ON_DEMAND", "Actions": [ { "JobName": "recording" } ] },
            { "Name": "next", "Type": "CONDITIONAL",
              "Predicate": { "Conditions": [ { "LogicalOperator": "EQUALS", "JobName": "recording", "State": "SUCCEEDED" } ] },
              "Actions": [ { "JobName": "second" } ] }
          ]
        }
        """
            .formatted(TestJobMains.Recording.class.getName(), secondClass),
        "mains.json");
  }

  private WorkflowRun run(WorkflowDefinition definition, Optional<String> failJob) {
    return WorkflowEngine.builder(definition)
        .jobRunner(new MainClassJobRunner(getClass().getClassLoader(), failJob))
        .crawlerRunner(request -> CrawlCounts.NONE)
        .eventSink(events::add)
        .build()
        .startRun(Map.of());
  }

  @BeforeEach
  void forgetCalls() {
    TestJobMains.Recording.CALLS.clear();
  }

  @Test
  void mainGetsGlueStyleArguments() {
    WorkflowRun run = run(twoJobs(TestJobMains.Recording.class.getName()), Optional.empty());

    assertThat(TestJobMains.Recording.CALLS).hasSize(2);
    assertThat(TestJobMains.Recording.CALLS.get(0)).containsExactly(
        "--lake-root", "s3a://lake",
        "--JOB_NAME", "recording",
        "--JOB_RUN_ID", run.jobRuns("recording").get(0).id(),
        "--WORKFLOW_NAME", "mains",
        "--WORKFLOW_RUN_ID", run.workflowRunId());
  }

  @Test
  void exceptionFromMainFailsTheAttemptWithItsMessagePanMasked() throws Exception {
    WorkflowRun run = run(twoJobs(TestJobMains.Throwing.class.getName()), Optional.empty());

    ActionRun failed = run.jobRuns("second").get(0);
    String masked = "line 7 has card number 411111******1111 in the merchant name";
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.errorMessage()).isEqualTo(masked);
    assertThat(GlueEventsTest.json(events.get(1)).at("/detail/message").asText()).isEqualTo(masked);
    assertThat(String.join("\n", events)).doesNotContain("4111111111111111");
  }

  @Test
  void injectedFaultFailsTheNamedJobInsteadOfRunningIt() throws Exception {
    WorkflowRun run = run(twoJobs(TestJobMains.Recording.class.getName()), Optional.of("recording"));

    assertThat(TestJobMains.Recording.CALLS).isEmpty();
    assertThat(run.jobRuns("recording")).extracting(ActionRun::state, ActionRun::errorMessage)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("FAILED", "failure injected by --fail-job for recording"));
    assertThat(run.jobRuns("second")).isEmpty();
    assertThat(GlueEventsTest.json(events.get(0)).at("/detail/message").asText())
        .isEqualTo("failure injected by --fail-job for recording");
    assertThat(MainClassJobRunner.injectedFailureMessage("x")).isEqualTo("failure injected by --fail-job for x");
  }

  @Test
  void unknownClassOrMissingMainFailsWithANamedReason() {
    WorkflowRun noClass = run(twoJobs("com.example.Missing"), Optional.empty());
    WorkflowRun noMain = run(twoJobs(TestJobMains.NoMain.class.getName()), Optional.empty());

    assertThat(noClass.jobRuns("second").get(0).errorMessage())
        .isEqualTo("job 'second': main class 'com.example.Missing' (--class) is not on the classpath");
    assertThat(noMain.jobRuns("second").get(0).errorMessage())
        .isEqualTo("job 'second': " + TestJobMains.NoMain.class.getName() + " has no public static void main(String[])");
  }

  @Test
  void runnerRethrowsTheJobsOwnException() {
    WorkflowDefinition definition = twoJobs(TestJobMains.Throwing.class.getName());
    JobRunRequest request = new JobRunRequest(definition.job("second").orElseThrow(), Map.of(), "jr_1", 0, "mains",
        "wr_1");

    assertThatThrownBy(() -> new MainClassJobRunner(getClass().getClassLoader(), Optional.empty()).run(request))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("line 7 has card number 4111111111111111 in the merchant name");
  }
}
