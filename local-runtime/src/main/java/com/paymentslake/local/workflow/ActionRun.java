package com.paymentslake.local.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One job attempt or one crawl of a workflow run: Glue's {@code JobRun} / {@code Crawl} of the run's
 * graph, in one shape.
 *
 * @param type JOB or CRAWLER
 * @param name the job or crawler name
 * @param id the job run id ({@code jr_...}, {@code ..._attempt_n}) or the crawl id (UUID)
 * @param attempt 0, or n for retry n of a job
 * @param previousRunId the attempt this one retries (jobs only)
 * @param triggerName the trigger whose action started it
 * @param state a {@link com.paymentslake.workflow.JobRunState} name for jobs, a {@link
 *     com.paymentslake.workflow.CrawlState} name for crawlers
 * @param startedOn when it started
 * @param completedOn when it reached its final state (null while running)
 * @param executionTime whole seconds it ran, as Glue's ExecutionTime (0 while running)
 * @param errorMessage why it failed, timed out or stopped (PAN-masked), else null
 * @param arguments the job attempt's arguments (jobs only)
 * @param crawlCounts what a successful crawl changed (crawlers only; project extension)
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionRun(
    WorkflowRun.NodeType type,
    String name,
    String id,
    int attempt,
    String previousRunId,
    String triggerName,
    String state,
    Instant startedOn,
    Instant completedOn,
    long executionTime,
    String errorMessage,
    Map<String, String> arguments,
    CrawlCounts crawlCounts) {

  public ActionRun {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    arguments = arguments == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
  }

  /** How long it ran (until now's snapshot for a running action: zero). */
  public Duration duration() {
    return startedOn == null || completedOn == null ? Duration.ZERO : Duration.between(startedOn, completedOn);
  }

  /** True once the action can no longer change state. */
  public boolean finished() {
    return completedOn != null;
  }

  ActionRun finish(String finalState, Instant completed, String error, CrawlCounts counts) {
    long seconds = Duration.between(startedOn, completed).toSeconds();
    return new ActionRun(
        type, name, id, attempt, previousRunId, triggerName, finalState, startedOn, completed, seconds, error,
        arguments, counts);
  }
}
