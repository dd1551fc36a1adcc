package com.paymentslake.local.workflow;

import com.paymentslake.local.workflow.WorkflowRun.Edge;
import com.paymentslake.local.workflow.WorkflowRun.Node;
import com.paymentslake.local.workflow.WorkflowRun.NodeType;
import com.paymentslake.local.workflow.WorkflowRun.Statistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A run as printable lines: the run's outcome, then each trigger (fired or not) with the actions it
 * starts, each with its state and duration; actions that did not run show NOT RUN. Built from the
 * run alone, so a run read back from the history prints the same.
 *
 * <pre>
 * workflow payments-lake run wr_3f2a...: COMPLETED in 41.2 s; 4 actions: 3 succeeded, 1 failed
 *   payments-lake-start (ON_DEMAND) fired
 *     job      payments-lake-bronze             SUCCEEDED    31.0 s
 *   payments-lake-after-bronze (when job payments-lake-bronze SUCCEEDED) fired
 *     crawler  payments-lake-bronze             FAILED        0.4 s  table payments missing
 *   payments-lake-bronze-catalogued (when crawler payments-lake-bronze SUCCEEDED) did not fire
 *     job      payments-lake-silver             NOT RUN
 * </pre>
 */
final class RunGraph {
  static final String NOT_RUN = "NOT RUN";
  private static final int MAX_ERROR_SHOWN = 160;

  private RunGraph() {}

  static List<String> lines(WorkflowRun run) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "workflow %s run %s: %s%s; %s", run.name(), run.workflowRunId(),
        run.status(), run.completedOn() == null ? "" : " in " + seconds(run.duration()),
        statistics(run.statistics())));
    Map<String, Node> byId = run.graph().nodes().stream().collect(Collectors.toMap(Node::uniqueId, Function.identity()));
    int width = run.graph().nodes().stream().mapToInt(n -> n.name().length()).max().orElse(10);
    for (Node trigger : run.graph().nodes()) {
      if (trigger.type() != NodeType.TRIGGER) {
        continue;
      }
      lines.add("  " + trigger.name() + " (" + (trigger.predicate() == null ? trigger.triggerType()
          : "when " + trigger.predicate()) + ") " + (trigger.firedOn() == null ? "did not fire" : "fired"));
      for (Edge edge : run.graph().edges()) {
        Node action = edge.sourceId().equals(trigger.uniqueId()) ? byId.get(edge.destinationId()) : null;
        if (action == null || action.type() == NodeType.TRIGGER) {
          continue;
        }
        List<ActionRun> runs = action.runs().stream().filter(r -> trigger.name().equals(r.triggerName())).toList();
        String label = String.format(Locale.ROOT, "    %-8s %-" + width + "s", action.type().name().toLowerCase(Locale.ROOT),
            action.name());
        if (runs.isEmpty()) {
          lines.add(label + "  " + NOT_RUN);
        }
        for (ActionRun actionRun : runs) {
          lines.add(label + "  " + line(actionRun, runs.size() > 1));
        }
      }
    }
    return List.copyOf(lines);
  }

  private static String line(ActionRun run, boolean showAttempt) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s %9s", run.state(),
        run.finished() ? seconds(run.duration()) : "..."));
    if (showAttempt) {
      line.append("  attempt ").append(run.attempt());
    }
    if (run.errorMessage() != null) {
      String error = run.errorMessage().lines().findFirst().orElse("");
      line.append("  ").append(error.length() > MAX_ERROR_SHOWN ? error.substring(0, MAX_ERROR_SHOWN) + "..." : error);
    }
    return line.toString();
  }

  private static String statistics(Statistics s) {
    StringBuilder text = new StringBuilder().append(s.totalActions()).append(s.totalActions() == 1 ? " action" : " actions");
    List<String> parts = new ArrayList<>();
    addCount(parts, s.succeededActions(), "succeeded");
    addCount(parts, s.failedActions(), "failed");
    addCount(parts, s.timeoutActions(), "timed out");
    addCount(parts, s.stoppedActions(), "stopped");
    addCount(parts, s.erroredActions(), "errored");
    addCount(parts, s.runningActions(), "running");
    addCount(parts, s.waitingActions(), "waiting");
    if (!parts.isEmpty()) {
      text.append(": ").append(String.join(", ", parts));
    }
    return text.toString();
  }

  private static void addCount(List<String> parts, int count, String what) {
    if (count > 0) {
      parts.add(count + " " + what);
    }
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
