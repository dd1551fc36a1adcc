package com.paymentslake.jobs.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Glue-style job arguments: {@code --KEY value} pairs (also {@code --KEY=value}), as AWS Glue passes
 * them to a job's main class and as {@code spark-submit ... jar --KEY value} does.
 *
 * <p>Arguments Glue adds on its own (JOB_NAME, JOB_RUN_ID, TempDir, enable-*, ...) are accepted and
 * ignored. Any other key must be one the job declares; an unknown key is an error naming the key and
 * the allowed ones.
 */
public final class JobArguments {
  /** Keys AWS Glue itself passes to jobs; never an error, and the job may read them. */
  static final Set<String> GLUE_SYSTEM_KEYS =
      Set.of(
          "JOB_NAME", "JOB_ID", "JOB_RUN_ID", "WORKFLOW_NAME", "WORKFLOW_RUN_ID", "TempDir",
          "job-bookmark-option", "job-bookmark-from", "job-bookmark-to", "job-language", "class",
          "scriptLocation", "extra-jars", "extra-files", "extra-py-files", "user-jars-first",
          "conf", "encryption-type", "debug", "mode", "redshift-tmp-dir", "spark-event-logs-path",
          "datalake-formats", "additional-python-modules", "python-modules-installer-option",
          "customer-driver-env-vars", "customer-executor-env-vars", "security_configuration",
          "disable-proxy-v2", "auto-scale-within-microbatch", "executor-cores", "glue-version");

  private final String jobName;
  private final Map<String, String> values;

  private JobArguments(String jobName, Map<String, String> values) {
    this.jobName = jobName;
    this.values = Map.copyOf(values);
  }

  /**
   * Parses arguments for a job.
   *
   * @param jobName the job's name, for messages
   * @param args raw arguments
   * @param allowed the job's own keys with a one-line description each
   */
  public static JobArguments parse(String jobName, String[] args, Map<String, String> allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String token = args[i];
      if (!token.startsWith("--") || token.length() == 2) {
        throw invalid(jobName, "expected --KEY value but found '" + token + "' at position " + (i + 1), allowed);
      }
      String key;
      String value;
      int equals = token.indexOf('=');
      if (equals > 0) {
        key = token.substring(2, equals);
        value = token.substring(equals + 1);
      } else {
        key = token.substring(2);
        if (i + 1 >= args.length) {
          throw invalid(jobName, "argument --" + key + " has no value", allowed);
        }
        value = args[++i];
      }
      if (!allowed.containsKey(key) && !isGlueSystemKey(key)) {
        throw invalid(jobName, "unknown argument --" + key, allowed);
      }
      if (values.put(key, value) != null) {
        throw invalid(jobName, "argument --" + key + " is given twice", allowed);
      }
    }
    return new JobArguments(jobName, values);
  }

  static boolean isGlueSystemKey(String key) {
    return GLUE_SYSTEM_KEYS.contains(key) || key.startsWith("enable-") || key.startsWith("continuous-log-");
  }

  public String jobName() {
    return jobName;
  }

  public Optional<String> optional(String key) {
    return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
  }

  public String required(String key) {
    return optional(key)
        .orElseThrow(() -> new JobFailure(ErrorCode.INVALID_ARGUMENT,
            "job " + jobName + " needs argument --" + key));
  }

  public String value(String key, String defaultValue) {
    return optional(key).orElse(defaultValue);
  }

  private static JobFailure invalid(String jobName, String problem, Map<String, String> allowed) {
    String help =
        allowed.entrySet().stream()
            .map(entry -> "--" + entry.getKey() + " (" + entry.getValue() + ")")
            .collect(Collectors.joining(", "));
    return new JobFailure(ErrorCode.INVALID_ARGUMENT, "job " + jobName + ": " + problem + "; allowed: " + help);
  }
}
