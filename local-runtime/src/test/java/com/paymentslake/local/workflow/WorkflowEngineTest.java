package com.paymentslake.local.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.paymentslake.local.workflow.WorkflowRun.Status;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowEngineTest {
  @TempDir Path dataDir;

  /** What each fake job does; unlisted jobs succeed. */
  private final Map<String, JobBehaviour> jobBehaviour = new HashMap<>();
  /** What each fake crawler does; unlisted crawlers succeed with one table created. */
  private final Map<String, CrawlerRunner> crawlerBehaviour = new HashMap<>();
  private final List<JobRunRequest> jobRequests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> crawled = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();

  @FunctionalInterface
  interface JobBehaviour {
    void run(JobRunRequest request) throws Exception;
  }

  private final JobRunner jobs = request -> {
    jobRequests.add(request);
    jobBehaviour.getOrDefault(request.jobName(), r -> {}).run(request);
  };

  private final CrawlerRunner crawlers = request -> {
    crawled.add(request.crawlerName());
    return crawlerBehaviour.getOrDefault(request.crawlerName(), r -> new CrawlCounts(1, 0, 0, 2, 0, 0)).crawl(request);
  };

  private final WorkflowListener listener = new WorkflowListener() {
    @Override
    public void actionStarted(ActionRun action) {
      progress.add("started " + action.name() + " " + action.state());
    }

    @Override
    public void actionFinished(ActionRun action) {
      progress.add("finished " + action.name() + " " + action.state());
    }
  };

  private WorkflowEngine engine(WorkflowDefinition definition) {
    return WorkflowEngine.builder(definition)
        .jobRunner(jobs)
        .crawlerRunner(crawlers)
        .eventSink(events::add)
        .history(new RunHistory(dataDir))
        .listener(listener)
        .build();
  }

  private static RuntimeException failure(String message) {
    return new IllegalStateException(message);
  }

  @Test
  void andWaitsForEveryConditionAndAnyForOne() {
    WorkflowRun run = engine(TestWorkflows.fan()).startRun(Map.of());

    assertThat(jobRequests).extracting(JobRunRequest::jobName).containsExactly("a", "b", "either", "both");
    assertThat(run.statistics().succeededActions()).isEqualTo(4);
  }

  @Test
  void andDoesNotFireWhenOneConditionFailsButAnyDoes() {
    jobBehaviour.put("b", r -> {
      throw failure("b broke");
    });

    WorkflowRun run = engine(TestWorkflows.fan()).startRun(Map.of());

    assertThat(jobRequests).extracting(JobRunRequest::jobName).containsExactly("a", "b", "either");
    assertThat(run.jobRuns("both")).isEmpty();
    assertThat(run.node(WorkflowRun.NodeType.TRIGGER, "all-done").orElseThrow().firedOn()).isNull();
  }

  @Test
  void anyTriggerFiresOncePerRunEvenWhenSeveralConditionsHold() {
    WorkflowRun run = engine(TestWorkflows.fan()).startRun(Map.of());

    assertThat(run.jobRuns("either")).hasSize(1);
  }

  @Test
  void failedJobStopsTheChainThatNeedsItsSuccess() {
    jobBehaviour.put("load", r -> {
      throw failure("input missing");
    });

    WorkflowRun run = engine(TestWorkflows.chain(0)).startRun(Map.of());

    assertThat(run.status()).isEqualTo(Status.COMPLETED);
    assertThat(run.jobRuns("load")).extracting(ActionRun::state).containsExactly("FAILED");
    assertThat(run.jobRuns("load").get(0).errorMessage()).isEqualTo("input missing");
    assertThat(run.jobRuns("promote")).isEmpty();
    assertThat(run.crawls("catalog")).isEmpty();
    assertThat(run.crawls("audit")).isEmpty();
    assertThat(run.statistics()).isEqualTo(new WorkflowRun.Statistics(1, 0, 1, 0, 0, 0, 0, 0));
    assertThat(run.describe()).contains(
        "    job      promote           NOT RUN",
        "    crawler  catalog           NOT RUN");
  }

  @Test
  void anyTriggerRunsOnTheFailurePath() {
    jobBehaviour.put("promote", r -> {
      throw failure("rules failed");
    });

    WorkflowRun run = engine(TestWorkflows.chain(0)).startRun(Map.of());

    assertThat(crawled).containsExactly("audit");
    assertThat(run.crawls("catalog")).isEmpty();
    assertThat(run.statistics()).isEqualTo(new WorkflowRun.Statistics(3, 0, 1, 0, 2, 0, 0, 0));
  }

  @Test
  void statesOfOneRunNeverSatisfyTheTriggersOfAnother() {
    WorkflowEngine engine = engine(TestWorkflows.fan());
    jobBehaviour.put("b", r -> {
      throw failure("b broke in run 1");
    });
    WorkflowRun first = engine.startRun(Map.of());
    jobBehaviour.clear();
    jobBehaviour.put("a", r -> {
      throw failure("a broke in run 2");
    });

    WorkflowRun second = engine.startRun(Map.of());

    // a SUCCEEDED (run 1) and b SUCCEEDED (run 2) would satisfy all-done if states leaked across runs.
    assertThat(first.jobRuns("both")).isEmpty();
    assertThat(second.jobRuns("both")).isEmpty();
    assertThat(second.jobRuns("either")).extracting(ActionRun::triggerName).containsExactly("one-done");
    assertThat(second.workflowRunId()).isNotEqualTo(first.workflowRunId());
  }

  @Test
  void runPropertiesReachJobsAsArguments() {
    WorkflowRun run = engine(TestWorkflows.chain(0)).startRun(Map.of("dates", "2026-01-01,2026-01-02"));

    JobRunRequest load = jobRequests.get(0);
    assertThat(load.arguments()).containsExactly(
        Map.entry("--mode", "full"),
        Map.entry("--root", "s3a://lake"),
        Map.entry("--dates", "2026-01-01,2026-01-02"),
        Map.entry("--extra", "from-action"),
        Map.entry("--JOB_NAME", "load"),
        Map.entry("--JOB_RUN_ID", load.jobRunId()),
        Map.entry("--WORKFLOW_NAME", "chain"),
        Map.entry("--WORKFLOW_RUN_ID", run.workflowRunId()));
    assertThat(load.jobRunId()).matches("jr_[0-9a-f]{64}");
    assertThat(run.workflowRunId()).matches("wr_[0-9a-f]{64}");
    assertThat(load.argv()).startsWith("--mode", "full", "--root", "s3a://lake", "--dates");
    assertThat(run.workflowRunProperties()).isEqualTo(Map.of("dates", "2026-01-01,2026-01-02", "mode", "full"));
    assertThat(run.jobRuns("load").get(0).arguments()).isEqualTo(load.arguments());
  }

  @Test
  void emptyRunPropertiesAreNotPassed() {
    engine(TestWorkflows.chain(0)).startRun(Map.of());

    assertThat(jobRequests.get(0).arguments()).doesNotContainKey("--dates").doesNotContainKey("--class");
    assertThat(jobRequests.get(1).arguments()).containsOnlyKeys(
        "--root", "--JOB_NAME", "--JOB_RUN_ID", "--WORKFLOW_NAME", "--WORKFLOW_RUN_ID");
  }

  @Test
  void failedAttemptsAreRetriedAsNewAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    jobBehaviour.put("load", r -> {
      if (attempts.incrementAndGet() < 3) {
        throw failure("flaky " + attempts.get());
      }
    });

    WorkflowRun run = engine(TestWorkflows.chain(2)).startRun(Map.of());

    List<ActionRun> loads = run.jobRuns("load");
    String first = loads.get(0).id();
    assertThat(loads).extracting(ActionRun::id)
        .containsExactly(first, first + "_attempt_1", first + "_attempt_2");
    assertThat(loads).extracting(ActionRun::attempt).containsExactly(0, 1, 2);
    assertThat(loads).extracting(ActionRun::previousRunId).containsExactly(null, first, first + "_attempt_1");
    assertThat(loads).extracting(ActionRun::state).containsExactly("FAILED", "FAILED", "SUCCEEDED");
    assertThat(jobRequests.get(1).arguments()).containsEntry("--JOB_RUN_ID", first + "_attempt_1");
    assertThat(run.jobRuns("promote")).extracting(ActionRun::state).containsExactly("SUCCEEDED");
    assertThat(run.statistics()).isEqualTo(new WorkflowRun.Statistics(4, 0, 0, 0, 4, 0, 0, 0));
    assertThat(jobStates()).containsExactly("load FAILED", "load FAILED", "load SUCCEEDED", "promote SUCCEEDED");
  }

  @Test
  void retriesStopAfterMaxRetries() {
    jobBehaviour.put("load", r -> {
      throw failure("always");
    });

    WorkflowRun run = engine(TestWorkflows.chain(1)).startRun(Map.of());

    assertThat(run.jobRuns("load")).extracting(ActionRun::state).containsExactly("FAILED", "FAILED");
    assertThat(run.jobRuns("promote")).isEmpty();
    assertThat(run.statistics().failedActions()).isEqualTo(1);
  }

  @Test
  void jobStillRunningAfterItsTimeoutEndsTimeoutAndIsCancelled() {
    CountDownLatch cancelled = new CountDownLatch(1);
    List<String> cancels = new ArrayList<>();
    JobRunner hanging = new JobRunner() {
      @Override
      public void run(JobRunRequest request) throws Exception {
        jobRequests.add(request);
        if (request.jobName().equals("load")) {
          cancelled.await();
        }
      }

      @Override
      public void cancel(JobRunRequest request) {
        cancels.add(request.jobRunId());
        cancelled.countDown();
      }
    };
    WorkflowEngine engine = WorkflowEngine.builder(TestWorkflows.chain(3))
        .jobRunner(hanging)
        .crawlerRunner(crawlers)
        .eventSink(events::add)
        .jobTimeout(job -> Duration.ofMillis(200))
        .build();

    WorkflowRun run = engine.startRun(Map.of());

    ActionRun load = run.jobRuns("load").get(0);
    assertThat(run.jobRuns("load")).hasSize(1); // TIMEOUT is not retried
    assertThat(load.state()).isEqualTo("TIMEOUT");
    assertThat(load.errorMessage()).isEqualTo("Job run timed out: still running after its Timeout of 200 ms");
    assertThat(cancels).containsExactly(load.id());
    assertThat(run.jobRuns("promote")).isEmpty();
    assertThat(run.statistics()).isEqualTo(new WorkflowRun.Statistics(1, 1, 0, 0, 0, 0, 0, 0));
    assertThat(jobStates()).containsExactly("load TIMEOUT");
  }

  @Test
  void interruptedJobThatIgnoresCancelStillEndsTimeout() {
    WorkflowEngine engine = WorkflowEngine.builder(TestWorkflows.chain(0))
        .jobRunner(request -> Thread.sleep(10_000))
        .crawlerRunner(crawlers)
        .jobTimeout(job -> Duration.ofMillis(100))
        .build();

    WorkflowRun run = engine.startRun(Map.of());

    assertThat(run.jobRuns("load")).extracting(ActionRun::state).containsExactly("TIMEOUT");
  }

  @Test
  void historyIsWrittenAtomicallyAndReadsBackEqual() throws IOException {
    jobBehaviour.put("promote", r -> {
      throw failure("rules failed for card 4111111111111111");
    });
    RunHistory history = new RunHistory(dataDir);

    WorkflowRun run = engine(TestWorkflows.chain(0)).startRun(Map.of("dates", "2026-01-01"));

    Path file = dataDir.resolve("workflow/runs/chain/" + run.workflowRunId() + ".json");
    assertThat(file).isRegularFile();
    assertThat(history.file("chain", run.workflowRunId())).isEqualTo(file);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
    WorkflowRun read = history.read("chain", run.workflowRunId());
    assertThat(read).isEqualTo(run);
    assertThat(history.latest("chain")).contains(run);
    assertThat(read.status()).isEqualTo(Status.COMPLETED);
    assertThat(read.statistics()).isEqualTo(new WorkflowRun.Statistics(3, 0, 1, 0, 2, 0, 0, 0));
    assertThat(read.jobRuns("promote").get(0).errorMessage()).isEqualTo("rules failed for card 411111******1111");
    assertThat(Files.readString(file)).doesNotContain("4111111111111111");

    JsonNode json = WorkflowDefinitions.mapper().readTree(file.toFile());
    assertThat(json.fieldNames()).toIterable().containsExactly(
        "Name", "WorkflowRunId", "WorkflowRunProperties", "StartedOn", "CompletedOn", "Status", "Statistics", "Graph");
    assertThat(json.get("Statistics").fieldNames()).toIterable().containsExactly(
        "TotalActions", "TimeoutActions", "FailedActions", "StoppedActions", "SucceededActions", "RunningActions",
        "ErroredActions", "WaitingActions");
    assertThat(json.at("/Graph/Nodes/0/Type").asText()).isEqualTo("TRIGGER");
    assertThat(json.at("/Graph/Edges/0/SourceId").asText()).isEqualTo("trigger:start");
    assertThat(json.at("/Graph/Edges/0/DestinationId").asText()).isEqualTo("job:load");
  }

  @Test
  void historyShowsTheRunWhileItIsRunning() {
    RunHistory history = new RunHistory(dataDir);
    List<WorkflowRun> seen = new ArrayList<>();
    jobBehaviour.put("promote", r -> seen.add(history.read("chain", r.workflowRunId())));

    engine(TestWorkflows.chain(0)).startRun(Map.of());

    WorkflowRun during = seen.get(0);
    assertThat(during.status()).isEqualTo(Status.RUNNING);
    assertThat(during.completedOn()).isNull();
    assertThat(during.jobRuns("load")).extracting(ActionRun::state).containsExactly("SUCCEEDED");
    assertThat(during.jobRuns("promote")).extracting(ActionRun::state).containsExactly("RUNNING");
    assertThat(during.statistics().runningActions()).isEqualTo(1);
  }

  @Test
  void eventsAreEmittedInOrderWithAwsShapes() throws IOException {
    crawlerBehaviour.put("audit", r -> {
      throw failure("access denied");
    });

    engine(TestWorkflows.chain(0)).startRun(Map.of());

    List<String> summary = new ArrayList<>();
    for (String event : events) {
      JsonNode json = GlueEventsTest.json(event);
      JsonNode detail = json.get("detail");
      summary.add(json.get("detail-type").asText() + " "
          + (detail.has("jobName") ? detail.get("jobName").asText() : detail.get("crawlerName").asText()) + " "
          + detail.get("state").asText());
      String fixture = switch (detail.get("state").asText()) {
        case "SUCCEEDED" -> "glue-job-state-change-succeeded.json";
        case "FAILED" -> "glue-job-state-change-failed.json";
        case "Started" -> "glue-crawler-state-change-started.json";
        case "Succeeded" -> "glue-crawler-state-change-succeeded.json";
        case "Failed" -> "glue-crawler-state-change-failed.json";
        default -> throw new AssertionError(event);
      };
      assertThat(GlueEventsTest.shape(json)).as(event).isEqualTo(GlueEventsTest.shape(GlueEventsTest.fixture(fixture)));
    }
    assertThat(summary).containsExactly(
        "Glue Job State Change load SUCCEEDED",
        "Glue Job State Change promote SUCCEEDED",
        "Glue Crawler State Change catalog Started",
        "Glue Crawler State Change catalog Succeeded",
        "Glue Crawler State Change audit Started",
        "Glue Crawler State Change audit Failed");
    assertThat(GlueEventsTest.json(events.get(5)).at("/detail/errorMessage").asText()).isEqualTo("access denied");
    assertThat(GlueEventsTest.json(events.get(3)).at("/detail/tablesCreated").asText()).isEqualTo("1");
  }

  @Test
  void listenerFollowsEachActionAndEventFailuresDoNotStopTheRun() {
    WorkflowEngine engine = WorkflowEngine.builder(TestWorkflows.chain(0))
        .jobRunner(jobs)
        .crawlerRunner(crawlers)
        .eventSink(event -> {
          throw new IllegalStateException("mail server down");
        })
        .listener(listener)
        .build();

    WorkflowRun run = engine.startRun(Map.of());

    assertThat(progress).containsExactly(
        "started load RUNNING", "finished load SUCCEEDED",
        "started promote RUNNING", "finished promote SUCCEEDED",
        "started catalog RUNNING", "finished catalog SUCCEEDED",
        "started audit RUNNING", "finished audit SUCCEEDED");
    assertThat(run.statistics().succeededActions()).isEqualTo(4);
  }

  @Test
  void printableGraphShowsEachActionWithStateAndDuration() {
    jobBehaviour.put("promote", r -> {
      throw failure("3 blocking rules failed");
    });

    WorkflowRun run = engine(TestWorkflows.chain(0)).startRun(Map.of());

    List<String> lines = run.describe();
    assertThat(lines.get(0)).isEqualTo("workflow chain run " + run.workflowRunId() + ": COMPLETED in "
        + String.format(java.util.Locale.ROOT, "%.1f s", run.duration().toMillis() / 1000.0)
        + "; 3 actions: 2 succeeded, 1 failed");
    assertThat(lines.subList(1, lines.size())).satisfiesExactly(
        line -> assertThat(line).isEqualTo("  start (ON_DEMAND) fired"),
        line -> assertThat(line).matches("    job      load              SUCCEEDED +\\d+\\.\\d s"),
        line -> assertThat(line).isEqualTo("  after-load (when job load SUCCEEDED) fired"),
        line -> assertThat(line).matches("    job      promote           FAILED +\\d+\\.\\d s  3 blocking rules failed"),
        line -> assertThat(line).isEqualTo("  after-promote (when job promote SUCCEEDED) did not fire"),
        line -> assertThat(line).isEqualTo("    crawler  catalog           NOT RUN"),
        line -> assertThat(line).isEqualTo(
            "  promote-finished (when job promote SUCCEEDED or job promote FAILED) fired"),
        line -> assertThat(line).matches("    crawler  audit             SUCCEEDED +\\d+\\.\\d s"));
    assertThat(new RunHistory(dataDir).read("chain", run.workflowRunId()).describe()).isEqualTo(lines);
  }

  @Test
  void definitionMustBeResolvedAndValid() {
    assertThatThrownBy(() -> WorkflowEngine.builder(WorkflowDefinitions.lake()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workflow 'payments-lake' still holds placeholders [AlertEmail, LakeRoot, LogsLocation];"
            + " resolve it first (WorkflowDefinition.resolve)");
    assertThatThrownBy(() -> WorkflowEngine.builder(TestWorkflows.chain(0)).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("jobRunner is required");
  }

  @Test
  void lakeDefinitionRunsEndToEndWithFakes() {
    WorkflowDefinition lake = WorkflowDefinitions.lake().resolve(Map.of(
        "LakeRoot", "s3a://payments-lake", "LogsLocation", "/tmp/logs", "AlertEmail", "ops@example.com"));
    jobBehaviour.put("payments-lake-silver", r -> {
      throw failure("DQ_BLOCKING_RULE_FAILED");
    });

    WorkflowRun run = engine(lake).startRun(Map.of("ingest_dates", "2026-01-01"));

    assertThat(jobRequests).extracting(JobRunRequest::jobName)
        .containsExactly("payments-lake-bronze", "payments-lake-silver");
    assertThat(jobRequests.get(0).arguments())
        .containsEntry("--lake-root", "s3a://payments-lake")
        .containsEntry("--ingest-dates", "2026-01-01");
    assertThat(crawled).containsExactly("payments-lake-raw", "payments-lake-bronze", "payments-lake-audit");
    assertThat(run.jobRuns("payments-lake-gold")).isEmpty();
    assertThat(run.crawls("payments-lake-silver")).isEmpty();
    assertThat(run.statistics()).isEqualTo(new WorkflowRun.Statistics(5, 0, 1, 0, 4, 0, 0, 0));
  }

  private List<String> jobStates() {
    List<String> states = new ArrayList<>();
    for (String event : events) {
      try {
        JsonNode detail = GlueEventsTest.json(event).get("detail");
        if (detail.has("jobName")) {
          states.add(detail.get("jobName").asText() + " " + detail.get("state").asText());
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return states;
  }
}
