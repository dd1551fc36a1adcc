package com.paymentslake.local.workflow;

import com.paymentslake.contract.PanSafety;
import com.paymentslake.local.workflow.WorkflowRun.Edge;
import com.paymentslake.local.workflow.WorkflowRun.Node;
import com.paymentslake.local.workflow.WorkflowRun.NodeType;
import com.paymentslake.local.workflow.WorkflowRun.Status;
import com.paymentslake.workflow.CrawlState;
import com.paymentslake.workflow.CrawlerDefinition;
import com.paymentslake.workflow.JobDefinition;
import com.paymentslake.workflow.JobRunState;
import com.paymentslake.workflow.TriggerDefinition;
import com.paymentslake.workflow.TriggerDefinition.Action;
import com.paymentslake.workflow.TriggerDefinition.Condition;
import com.paymentslake.workflow.TriggerDefinition.Logical;
import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the workflow definition locally with Glue's semantics, the twin of a Glue workflow run.
 *
 * <ul>
 *   <li>A run fires the start trigger's actions. Each time an action reaches a final state, every
 *       CONDITIONAL trigger that has not fired yet in this run is evaluated against the states of the
 *       actions <em>of this run only</em> (AND: every condition holds; ANY: one does); a trigger fires
 *       at most once per run. So a failed job stops whatever waits for its success, and a trigger
 *       watching FAILED runs on the failure path.
 *   <li>Actions run one at a time, in the order their triggers fire (a FIFO queue): Glue would run
 *       the actions of one trigger concurrently, but on one laptop sharing one SparkSession they
 *       would only compete for the same cores. The order of state changes a trigger sees is the
 *       same; only wall time differs.
 *   <li>A job attempt gets the resolved DefaultArguments without {@code --class}, the run
 *       properties its RunPropertyArguments map (empty values skipped), the action's Arguments and
 *       Glue's own {@code --JOB_NAME}, {@code --JOB_RUN_ID}, {@code --WORKFLOW_NAME}, {@code
 *       --WORKFLOW_RUN_ID}. A FAILED attempt is retried up to MaxRetries times as a new attempt
 *       ({@code <runId>_attempt_<n>}); TIMEOUT and STOPPED are not retried.
 *   <li>A job attempt runs on a worker thread; still running after the job's Timeout, it is
 *       cancelled ({@link JobRunner#cancel}, then the thread is interrupted) and ends TIMEOUT.
 *   <li>Every final job state and every crawler Started/Succeeded/Failed goes to the {@link
 *       EventSink} as a Glue event ({@link GlueEvents}); the run's history is written to {@link
 *       RunHistory} when it starts, as each action starts and ends, and when it ends.
 * </ul>
 *
 * <p>Error messages are PAN-masked before they are stored, emitted or shown.
 */
public final class WorkflowEngine {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);

  /** Glue's limit on a run's error message. */
  static final int MAX_ERROR_MESSAGE = 2048;

  private final WorkflowDefinition definition;
  private final JobRunner jobRunner;
  private final CrawlerRunner crawlerRunner;
  private final EventSink eventSink;
  private final GlueEvents events;
  private final Optional<RunHistory> history;
  private final WorkflowListener listener;
  private final Function<JobDefinition, Duration> jobTimeout;
  private final Duration cancelGrace;
  private final Clock clock;

  private WorkflowEngine(Builder builder) {
    this.definition = builder.definition;
    this.jobRunner = Objects.requireNonNull(builder.jobRunner, "jobRunner is required");
    this.crawlerRunner = Objects.requireNonNull(builder.crawlerRunner, "crawlerRunner is required");
    this.eventSink = builder.eventSink;
    this.clock = builder.clock;
    this.events = builder.events == null ? new GlueEvents(GlueEvents.LOCAL_ACCOUNT, GlueEvents.LOCAL_REGION, clock)
        : builder.events;
    this.history = Optional.ofNullable(builder.history);
    this.listener = builder.listener;
    this.jobTimeout = builder.jobTimeout;
    this.cancelGrace = builder.cancelGrace;
  }

  /**
   * An engine for a definition whose placeholders are resolved ({@link
   * WorkflowDefinition#resolve(Map)}).
   *
   * @throws IllegalArgumentException when the definition still holds placeholders or is not valid
   */
  public static Builder builder(WorkflowDefinition resolvedDefinition) {
    return new Builder(resolvedDefinition);
  }

  public WorkflowDefinition definition() {
    return definition;
  }

  /**
   * Starts a run and runs it to its end (as {@code StartWorkflowRun} would, then waiting).
   *
   * @param runProperties the run's properties; they override DefaultRunProperties
   * @return the finished run, as also stored in the run history
   */
  public WorkflowRun startRun(Map<String, String> runProperties) {
    Map<String, String> properties = new TreeMap<>(definition.defaultRunProperties());
    properties.putAll(runProperties);
    RunState run = new RunState(GlueIds.workflowRunId(), properties, clock.instant());
    LOG.info("workflow {} run {} started with properties {}", definition.name(), run.id, properties);
    WorkflowRun started = snapshot(run);
    record(started);
    listener.runStarted(started);

    Deque<Pending> queue = new ArrayDeque<>();
    fire(definition.startTrigger(), run, queue);
    while (!queue.isEmpty() && !run.stopped) {
      Pending next = queue.poll();
      if (next.action().startsJob()) {
        runJob(run, next);
      } else {
        runCrawler(run, next);
      }
      if (run.stopped) {
        break;
      }
      for (TriggerDefinition trigger : definition.triggers()) {
        if (trigger.type() == TriggerDefinition.Type.CONDITIONAL && !run.fired.containsKey(trigger.name())
            && holds(trigger, run)) {
          fire(trigger, run, queue);
        }
      }
    }
    run.completedOn = clock.instant();
    run.status = run.stopped ? Status.STOPPED : Status.COMPLETED;
    WorkflowRun finished = snapshot(run);
    record(finished);
    LOG.info("workflow {} run {} {} in {} ms: {}", definition.name(), run.id, finished.status(),
        finished.duration().toMillis(), finished.statistics());
    listener.runFinished(finished);
    return finished;
  }

  private void fire(TriggerDefinition trigger, RunState run, Deque<Pending> queue) {
    run.fired.put(trigger.name(), clock.instant());
    LOG.info("workflow run {}: trigger {} fired", run.id, trigger.name());
    trigger.actions().forEach(action -> queue.add(new Pending(trigger.name(), action)));
  }

  private static boolean holds(TriggerDefinition trigger, RunState run) {
    if (trigger.predicate() == null || trigger.predicate().conditions().isEmpty()) {
      return false;
    }
    List<Condition> conditions = trigger.predicate().conditions();
    return trigger.predicate().logical() == Logical.ANY
        ? conditions.stream().anyMatch(c -> holds(c, run))
        : conditions.stream().allMatch(c -> holds(c, run));
  }

  private static boolean holds(Condition condition, RunState run) {
    String state = condition.watchesJob()
        ? run.finalStates.get(jobId(condition.jobName()))
        : run.finalStates.get(crawlerId(condition.crawlerName()));
    String wanted = condition.watchesJob() ? condition.state().name() : condition.crawlState().name();
    return wanted.equals(state);
  }

  // ---------------------------------------------------------------------------------------- jobs

  private void runJob(RunState run, Pending pending) {
    JobDefinition job = definition.job(pending.action().jobName()).orElseThrow();
    String nodeId = jobId(job.name());
    String firstRunId = GlueIds.jobRunId();
    String previous = null;
    JobRunState state = JobRunState.FAILED;
    for (int attempt = 0; attempt <= job.maxRetries(); attempt++) {
      String runId = GlueIds.attemptId(firstRunId, attempt);
      JobRunRequest request =
          new JobRunRequest(job, arguments(job, pending.action(), run, runId), runId, attempt, definition.name(), run.id);
      ActionRun running = new ActionRun(NodeType.JOB, job.name(), runId, attempt, previous, pending.triggerName(),
          JobRunState.RUNNING.name(), clock.instant(), null, 0, null, request.arguments(), null);
      int index = run.add(nodeId, running);
      record(snapshot(run));
      listener.actionStarted(running);

      Outcome outcome = execute(request, jobTimeout.apply(job));
      state = outcome.state();
      ActionRun finished = running.finish(state.name(), clock.instant(), outcome.errorMessage(), null);
      run.replace(nodeId, index, finished);
      LOG.info("job {} run {} (attempt {}) {} in {} ms{}", job.name(), runId, attempt, state,
          finished.duration().toMillis(), outcome.errorMessage() == null ? "" : ": " + outcome.errorMessage());
      publish(events.jobStateChange(job.name(), runId, state,
          state == JobRunState.SUCCEEDED ? "Job run succeeded" : outcome.errorMessage()));
      record(snapshot(run));
      listener.actionFinished(finished);
      previous = runId;
      if (state != JobRunState.FAILED || run.stopped) {
        break;
      }
    }
    run.finalStates.put(nodeId, state.name());
  }

  /** The attempt's arguments, in the order Glue would build them (later ones override). */
  private static Map<String, String> arguments(JobDefinition job, Action action, RunState run, String runId) {
    Map<String, String> arguments = new LinkedHashMap<>();
    new TreeMap<>(job.defaultArguments()).forEach((key, value) -> {
      if (!JobDefinition.CLASS_ARGUMENT.equals(key)) {
        arguments.put(key, value);
      }
    });
    new TreeMap<>(job.runPropertyArguments()).forEach((property, argument) -> {
      String value = run.properties.get(property);
      if (value != null && !value.isEmpty()) {
        arguments.put(argument, value);
      }
    });
    arguments.putAll(new TreeMap<>(action.arguments()));
    arguments.put("--JOB_NAME", job.name());
    arguments.put("--JOB_RUN_ID", runId);
    arguments.put("--WORKFLOW_NAME", run.workflowName);
    arguments.put("--WORKFLOW_RUN_ID", run.id);
    return arguments;
  }

  private Outcome execute(JobRunRequest request, Duration timeout) {
    CountDownLatch ended = new CountDownLatch(1);
    FutureTask<Void> task = new FutureTask<>(() -> {
      try {
        jobRunner.run(request);
        return null;
      } finally {
        ended.countDown();
      }
    });
    Thread worker = new Thread(task, "glue-job-" + request.jobName() + "-" + request.attempt());
    worker.setDaemon(true);
    worker.start();
    try {
      task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return new Outcome(JobRunState.SUCCEEDED, null);
    } catch (ExecutionException e) {
      return new Outcome(JobRunState.FAILED, errorMessage(e.getCause() == null ? e : e.getCause()));
    } catch (TimeoutException e) {
      cancel(request, task, ended);
      return new Outcome(JobRunState.TIMEOUT, "Job run timed out: still running after its Timeout of "
          + describe(timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel(request, task, ended);
      return new Outcome(JobRunState.STOPPED, "Job run stopped: the workflow run was interrupted");
    }
  }

  private void cancel(JobRunRequest request, FutureTask<Void> task, CountDownLatch ended) {
    try {
      jobRunner.cancel(request);
    } catch (RuntimeException e) {
      LOG.warn("cancelling job {} run {} failed", request.jobName(), request.jobRunId(), e);
    }
    task.cancel(true);
    boolean interrupted = Thread.interrupted();
    try {
      if (!ended.await(cancelGrace.toNanos(), TimeUnit.NANOSECONDS)) {
        LOG.warn("job {} run {} still running {} after it was cancelled; moving on", request.jobName(),
            request.jobRunId(), describe(cancelGrace));
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------------------------ crawlers

  private void runCrawler(RunState run, Pending pending) {
    CrawlerDefinition crawler = definition.crawler(pending.action().crawlerName()).orElseThrow();
    String nodeId = crawlerId(crawler.name());
    String crawlId = UUID.randomUUID().toString();
    ActionRun running = new ActionRun(NodeType.CRAWLER, crawler.name(), crawlId, 0, null, pending.triggerName(),
        CrawlState.RUNNING.name(), clock.instant(), null, 0, null, null, null);
    int index = run.add(nodeId, running);
    record(snapshot(run));
    listener.actionStarted(running);
    publish(events.crawlerStarted(crawler.name(), running.startedOn()));

    CrawlState state;
    String error = null;
    CrawlCounts counts = null;
    try {
      counts = Objects.requireNonNull(
          crawlerRunner.crawl(new CrawlRequest(crawler, crawlId, definition.name(), run.id)),
          "the crawler runner returned no counts");
      state = CrawlState.SUCCEEDED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      state = CrawlState.CANCELLED;
      error = "Crawl cancelled: the workflow run was interrupted";
    } catch (Exception e) {
      state = CrawlState.FAILED;
      error = errorMessage(e);
    }
    Instant completed = clock.instant();
    ActionRun finished = running.finish(state.name(), completed, error, counts);
    run.replace(nodeId, index, finished);
    LOG.info("crawler {} crawl {} {} in {} ms{}", crawler.name(), crawlId, state, finished.duration().toMillis(),
        error == null ? "" : ": " + error);
    if (state == CrawlState.SUCCEEDED) {
      publish(events.crawlerSucceeded(crawler.name(), counts, finished.duration(), completed));
    } else if (state == CrawlState.FAILED) {
      publish(events.crawlerFailed(crawler.name(), error));
    }
    run.finalStates.put(nodeId, state.name());
    record(snapshot(run));
    listener.actionFinished(finished);
  }

  // ------------------------------------------------------------------------------------- helpers

  private void publish(String event) {
    try {
      eventSink.publish(event);
    } catch (RuntimeException e) {
      LOG.warn("event delivery failed (best effort, the run goes on): {}", PanSafety.mask(e.getMessage()), e);
    }
  }

  private void record(WorkflowRun run) {
    if (history.isEmpty()) {
      return;
    }
    // An interrupted thread cannot write through NIO channels: write, then restore the interrupt.
    boolean interrupted = Thread.interrupted();
    try {
      history.get().write(run);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A throwable as a run's error message: its message (or class), PAN-masked, at most 2048 chars. */
  static String errorMessage(Throwable error) {
    String message = error.getMessage();
    String text = message == null || message.isBlank() ? error.getClass().getName() : message;
    String masked = PanSafety.mask(text);
    return masked.length() <= MAX_ERROR_MESSAGE ? masked : masked.substring(0, MAX_ERROR_MESSAGE - 3) + "...";
  }

  private static String describe(Duration duration) {
    if (duration.toSecondsPart() == 0 && duration.toMillisPart() == 0 && !duration.isZero()
        && duration.toMinutes() > 0) {
      long minutes = duration.toMinutes();
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    return duration.toMillis() + " ms";
  }

  static String jobId(String name) {
    return "job:" + name;
  }

  static String crawlerId(String name) {
    return "crawler:" + name;
  }

  static String triggerId(String name) {
    return "trigger:" + name;
  }

  private WorkflowRun snapshot(RunState run) {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (TriggerDefinition trigger : definition.triggers()) {
      nodes.add(new Node(NodeType.TRIGGER, trigger.name(), triggerId(trigger.name()), trigger.type().name(),
          predicateText(trigger), run.fired.get(trigger.name()), List.of()));
      for (Action action : trigger.actions()) {
        edges.add(new Edge(triggerId(trigger.name()),
            action.startsJob() ? jobId(action.jobName()) : crawlerId(action.crawlerName())));
      }
      if (trigger.predicate() != null) {
        for (Condition condition : trigger.predicate().conditions()) {
          String source = condition.watchesJob() ? jobId(condition.jobName()) : crawlerId(condition.crawlerName());
          Edge edge = new Edge(source, triggerId(trigger.name()));
          if (!edges.contains(edge)) {
            edges.add(edge);
          }
        }
      }
    }
    for (JobDefinition job : definition.jobs()) {
      String id = jobId(job.name());
      nodes.add(new Node(NodeType.JOB, job.name(), id, null, null, null, run.runs.getOrDefault(id, List.of())));
    }
    for (CrawlerDefinition crawler : definition.crawlers()) {
      String id = crawlerId(crawler.name());
      nodes.add(new Node(NodeType.CRAWLER, crawler.name(), id, null, null, null, run.runs.getOrDefault(id, List.of())));
    }
    List<ActionRun> all = run.runs.values().stream().flatMap(List::stream).toList();
    return new WorkflowRun(definition.name(), run.id, run.properties, run.startedOn, run.completedOn, run.status,
        WorkflowRun.Statistics.of(all), new WorkflowRun.Graph(nodes, edges));
  }

  private static String predicateText(TriggerDefinition trigger) {
    if (trigger.predicate() == null) {
      return null;
    }
    String joiner = trigger.predicate().logical() == Logical.ANY ? " or " : " and ";
    return trigger.predicate().conditions().stream()
        .map(c -> c.watchesJob() ? "job " + c.jobName() + " " + c.state() : "crawler " + c.crawlerName() + " "
            + c.crawlState())
        .collect(Collectors.joining(joiner));
  }

  /** An action waiting to start, with the trigger that fired it. */
  private record Pending(String triggerName, Action action) {}

  private record Outcome(JobRunState state, String errorMessage) {}

  /** The mutable state of one run; only the engine's thread touches it. */
  private final class RunState {
    final String id;
    final String workflowName = definition.name();
    final Map<String, String> properties;
    final Instant startedOn;
    final Map<String, Instant> fired = new HashMap<>();
    final Map<String, List<ActionRun>> runs = new HashMap<>();
    /** Final state of each job or crawler in this run: what conditions are evaluated against. */
    final Map<String, String> finalStates = new HashMap<>();
    Instant completedOn;
    Status status = Status.RUNNING;
    boolean stopped;

    RunState(String id, Map<String, String> properties, Instant startedOn) {
      this.id = id;
      this.properties = Map.copyOf(properties);
      this.startedOn = startedOn;
    }

    int add(String nodeId, ActionRun actionRun) {
      List<ActionRun> list = runs.computeIfAbsent(nodeId, n -> new ArrayList<>());
      list.add(actionRun);
      return list.size() - 1;
    }

    void replace(String nodeId, int index, ActionRun actionRun) {
      runs.get(nodeId).set(index, actionRun);
      if (Thread.currentThread().isInterrupted()) {
        stopped = true;
      }
    }
  }

  /** Wires an engine. A job runner and a crawler runner are required; the rest has defaults. */
  public static final class Builder {
    private final WorkflowDefinition definition;
    private JobRunner jobRunner;
    private CrawlerRunner crawlerRunner;
    private EventSink eventSink = EventSink.NONE;
    private GlueEvents events;
    private RunHistory history;
    private WorkflowListener listener = WorkflowListener.NONE;
    private Function<JobDefinition, Duration> jobTimeout = job -> Duration.ofMinutes(job.timeout());
    private Duration cancelGrace = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder(WorkflowDefinition definition) {
      Objects.requireNonNull(definition, "definition");
      if (!definition.placeholders().isEmpty()) {
        throw new IllegalArgumentException("workflow '" + definition.name() + "' still holds placeholders "
            + definition.placeholders() + "; resolve it first (WorkflowDefinition.resolve)");
      }
      WorkflowValidator.validate(definition, "workflow '" + definition.name() + "'");
      this.definition = definition;
    }

    /** Runs job attempts, e.g. {@link MainClassJobRunner}. */
    public Builder jobRunner(JobRunner runner) {
      this.jobRunner = Objects.requireNonNull(runner, "runner");
      return this;
    }

    /** Runs crawls. */
    public Builder crawlerRunner(CrawlerRunner runner) {
      this.crawlerRunner = Objects.requireNonNull(runner, "runner");
      return this;
    }

    /** Receives the Glue events (default: discarded). */
    public Builder eventSink(EventSink sink) {
      this.eventSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** Builds the events (default: local account and region, the engine's clock). */
    public Builder events(GlueEvents glueEvents) {
      this.events = Objects.requireNonNull(glueEvents, "glueEvents");
      return this;
    }

    /** Stores each run (default: not stored). */
    public Builder history(RunHistory runHistory) {
      this.history = Objects.requireNonNull(runHistory, "runHistory");
      return this;
    }

    /** Follows the runs (default: nobody). */
    public Builder listener(WorkflowListener workflowListener) {
      this.listener = Objects.requireNonNull(workflowListener, "workflowListener");
      return this;
    }

    /** How long a job attempt may run (default: the job's Timeout in minutes, as Glue). */
    public Builder jobTimeout(Function<JobDefinition, Duration> timeout) {
      this.jobTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How long to wait for a cancelled attempt's thread to end before moving on (default 30 s). */
    public Builder cancelGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("cancelGrace is " + grace + " but must be >= 0");
      }
      this.cancelGrace = grace;
      return this;
    }

    /** The clock of run and event times (default: system UTC). */
    public Builder clock(Clock engineClock) {
      this.clock = Objects.requireNonNull(engineClock, "engineClock");
      return this;
    }

    public WorkflowEngine build() {
      return new WorkflowEngine(this);
    }
  }
}
