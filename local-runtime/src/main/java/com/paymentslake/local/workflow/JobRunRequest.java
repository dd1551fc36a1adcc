package com.paymentslake.local.workflow;

import com.paymentslake.workflow.JobDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attempt of a job, as Glue starts it.
 *
 * @param job the (placeholder-resolved) job definition
 * @param arguments every {@code --key value} argument of the attempt, in the order they are passed:
 *     DefaultArguments without {@code --class}, mapped run properties, the trigger action's Arguments,
 *     then Glue's own {@code --JOB_NAME}, {@code --JOB_RUN_ID}, {@code --WORKFLOW_NAME}, {@code
 *     --WORKFLOW_RUN_ID}
 * @param jobRunId the attempt's run id: {@code jr_<64 hex>} for the first attempt, {@code
 *     <first id>_attempt_<n>} for retry n
 * @param attempt 0 for the first attempt, n for retry n
 * @param workflowName the workflow the run belongs to
 * @param workflowRunId the workflow run, {@code wr_<64 hex>}
 */
public record JobRunRequest(
    JobDefinition job,
    Map<String, String> arguments,
    String jobRunId,
    int attempt,
    String workflowName,
    String workflowRunId) {

  public JobRunRequest {
    Objects.requireNonNull(job, "job");
    arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    Objects.requireNonNull(jobRunId, "jobRunId");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt is " + attempt + " but must be >= 0");
    }
  }

  public String jobName() {
    return job.name();
  }

  /** The arguments as Glue passes them to a JVM job's main: {@code --key value ...}. */
  public String[] argv() {
    List<String> argv = new ArrayList<>(arguments.size() * 2);
    arguments.forEach(
        (key, value) -> {
          argv.add(key);
          argv.add(value);
        });
    return argv.toArray(String[]::new);
  }
}
