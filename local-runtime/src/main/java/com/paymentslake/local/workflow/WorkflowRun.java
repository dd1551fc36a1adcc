package com.paymentslake.local.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow run as Glue's {@code GetWorkflowRun} (with {@code IncludeGraph}) reports it: its run
 * properties, status, statistics and the graph of triggers, jobs and crawlers with their runs. This
 * is what the run history stores, one JSON file per run (timestamps as ISO-8601 text).
 *
 * @param name the workflow name
 * @param workflowRunId {@code wr_} and 64 hex digits
 * @param workflowRunProperties the run's properties (DefaultRunProperties overridden by the run's)
 * @param startedOn when the run started
 * @param completedOn when it ended (null while running)
 * @param status RUNNING, then COMPLETED (also when an action failed, as in Glue), or STOPPED when
 *     the engine was interrupted
 * @param statistics counts of the run's actions by state
 * @param graph triggers, jobs and crawlers with their runs, and the edges between them
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowRun(
    String name,
    String workflowRunId,
    Map<String, String> workflowRunProperties,
    Instant startedOn,
    Instant completedOn,
    Status status,
    Statistics statistics,
    Graph graph) {

  public WorkflowRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(workflowRunId, "workflowRunId");
    workflowRunProperties = workflowRunProperties == null ? Map.of() : Map.copyOf(workflowRunProperties);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(graph, "graph");
  }

  /** Glue's workflow run statuses used locally. */
  public enum Status {
    RUNNING,
    COMPLETED,
    STOPPED
  }

  /** Node types of a workflow graph. */
  public enum NodeType {
    TRIGGER,
    JOB,
    CRAWLER
  }

  /** How long the run took (zero while running). */
  public Duration duration() {
    return completedOn == null ? Duration.ZERO : Duration.between(startedOn, completedOn);
  }

  /** Every job attempt and crawl of the run, in the order they started. */
  public List<ActionRun> actionRuns() {
    return graph.nodes().stream()
        .flatMap(node -> node.runs().stream())
        .sorted(java.util.Comparator.comparing(ActionRun::startedOn).thenComparing(ActionRun::attempt))
        .toList();
  }

  /** The node of a job or crawler. */
  public Optional<Node> node(NodeType type, String nodeName) {
    return graph.nodes().stream().filter(n -> n.type() == type && n.name().equals(nodeName)).findFirst();
  }

  /** The runs of a job (every attempt) in start order; empty when it did not run. */
  public List<ActionRun> jobRuns(String jobName) {
    return node(NodeType.JOB, jobName).map(Node::runs).orElse(List.of());
  }

  /** The crawls of a crawler in start order; empty when it did not run. */
  public List<ActionRun> crawls(String crawlerName) {
    return node(NodeType.CRAWLER, crawlerName).map(Node::runs).orElse(List.of());
  }

  /** The run as printable lines: each trigger with its actions, their state and duration. */
  public List<String> describe() {
    return RunGraph.lines(this);
  }

  /**
   * Glue's {@code WorkflowRunStatistics}: one count per action execution (a job's retries count
   * once, with the state of its last attempt).
   */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record Statistics(
      int totalActions,
      int timeoutActions,
      int failedActions,
      int stoppedActions,
      int succeededActions,
      int runningActions,
      int erroredActions,
      int waitingActions) {

    /** Counts the final attempt of every action execution in the runs. */
    static Statistics of(List<ActionRun> runs) {
      java.util.Set<String> retried = new java.util.HashSet<>();
      runs.forEach(run -> {
        if (run.previousRunId() != null) {
          retried.add(run.previousRunId());
        }
      });
      int total = 0;
      int timeout = 0;
      int failed = 0;
      int stopped = 0;
      int succeeded = 0;
      int running = 0;
      int errored = 0;
      int waiting = 0;
      for (ActionRun run : runs) {
        if (run.id() != null && retried.contains(run.id())) {
          continue;
        }
        total++;
        switch (run.state()) {
          case "SUCCEEDED" -> succeeded++;
          case "FAILED" -> failed++;
          case "TIMEOUT" -> timeout++;
          case "STOPPED", "CANCELLED" -> stopped++;
          case "ERROR" -> errored++;
          case "WAITING" -> waiting++;
          default -> running++;
        }
      }
      return new Statistics(total, timeout, failed, stopped, succeeded, running, errored, waiting);
    }
  }

  /** The run's graph. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record Graph(List<Node> nodes, List<Edge> edges) {
    public Graph {
      nodes = nodes == null ? List.of() : List.copyOf(nodes);
      edges = edges == null ? List.of() : List.copyOf(edges);
    }
  }

  /**
   * A trigger, job or crawler of the graph.
   *
   * @param type TRIGGER, JOB or CRAWLER
   * @param name its name (a job and a crawler may share one)
   * @param uniqueId its id in the graph, unique across types
   * @param triggerType ON_DEMAND, SCHEDULED or CONDITIONAL (triggers only)
   * @param predicate the trigger's predicate in words, e.g. {@code job 'x' SUCCEEDED} (conditional
   *     triggers only)
   * @param firedOn when the trigger fired in this run (triggers only; null when it did not)
   * @param runs the job attempts or crawls of this run (empty when it did not run)
   */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Node(
      NodeType type,
      String name,
      String uniqueId,
      String triggerType,
      String predicate,
      Instant firedOn,
      List<ActionRun> runs) {
    public Node {
      runs = runs == null ? List.of() : List.copyOf(runs);
    }
  }

  /** An edge: a trigger starts an action, or an action's state is watched by a trigger. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record Edge(String sourceId, String destinationId) {}
}
