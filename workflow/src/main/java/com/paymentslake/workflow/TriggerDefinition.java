package com.paymentslake.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A Glue trigger ({@code AWS::Glue::Trigger}) of the workflow.
 *
 * @param name the trigger name
 * @param description what it starts and why
 * @param type ON_DEMAND or SCHEDULED for the workflow's start trigger, CONDITIONAL for the others
 * @param schedule a cron expression, for SCHEDULED only
 * @param predicate the condition of a CONDITIONAL trigger
 * @param actions the jobs and crawlers it starts
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerDefinition(
    String name,
    String description,
    Type type,
    String schedule,
    Predicate predicate,
    List<Action> actions) {

  public TriggerDefinition {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /** Glue trigger types used by this workflow. */
  public enum Type {
    ON_DEMAND,
    SCHEDULED,
    CONDITIONAL
  }

  /** True for the trigger that starts a workflow run. */
  public boolean isStart() {
    return type == Type.ON_DEMAND || type == Type.SCHEDULED;
  }

  /**
   * A CONDITIONAL trigger's predicate.
   *
   * @param logical AND: every condition must hold; ANY: one is enough
   * @param conditions conditions on actions of the same workflow run
   */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record Predicate(Logical logical, List<Condition> conditions) {
    public Predicate {
      logical = logical == null ? Logical.AND : logical;
      conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
  }

  /** How a predicate combines its conditions. */
  public enum Logical {
    AND,
    ANY
  }

  /**
   * One condition: a job reached {@code state} or a crawler reached {@code crawlState} (exactly one
   * of the two pairs is set).
   *
   * @param logicalOperator always EQUALS in Glue
   * @param jobName the job watched
   * @param state the job run state that satisfies the condition
   * @param crawlerName the crawler watched
   * @param crawlState the crawl state that satisfies the condition
   */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Condition(
      String logicalOperator, String jobName, JobRunState state, String crawlerName, CrawlState crawlState) {
    public Condition {
      logicalOperator = logicalOperator == null ? "EQUALS" : logicalOperator;
    }

    public boolean watchesJob() {
      return jobName != null;
    }
  }

  /**
   * One action: start a job (with optional extra arguments) or a crawler.
   *
   * @param jobName the job to start
   * @param arguments arguments added to the job's default arguments for this action
   * @param crawlerName the crawler to start
   */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Action(String jobName, Map<String, String> arguments, String crawlerName) {
    public Action {
      arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }

    public boolean startsJob() {
      return jobName != null;
    }
  }
}
