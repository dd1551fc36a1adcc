package com.paymentslake.workflow;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A Glue Spark job ({@code AWS::Glue::Job}, command {@code glueetl}) whose code is a Java main class
 * in the job jar.
 *
 * @param name the Glue job name
 * @param description what the job does
 * @param defaultArguments Glue job arguments; {@code --class} names the main class (as Glue expects
 *     for a JVM job); values may hold placeholders
 * @param runPropertyArguments project extension, not a Glue property: which workflow run property
 *     reaches the job as which argument. Locally the engine passes them as arguments; on Glue the job
 *     reads the run properties of its {@code WORKFLOW_RUN_ID}
 * @param timeout minutes before Glue stops the job with state TIMEOUT
 * @param maxRetries how many times Glue retries a failed run
 * @param glueVersion Glue runtime version
 * @param workerType Glue worker type (e.g. G.1X)
 * @param numberOfWorkers Glue workers
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record JobDefinition(
    String name,
    String description,
    Map<String, String> defaultArguments,
    Map<String, String> runPropertyArguments,
    int timeout,
    int maxRetries,
    String glueVersion,
    String workerType,
    int numberOfWorkers) {

  /** The Glue argument naming a JVM job's main class. */
  public static final String CLASS_ARGUMENT = "--class";

  public JobDefinition {
    defaultArguments = defaultArguments == null ? Map.of() : Map.copyOf(defaultArguments);
    runPropertyArguments = runPropertyArguments == null ? Map.of() : Map.copyOf(runPropertyArguments);
  }

  /** The main class, from {@code --class} in the default arguments. */
  public String mainClass() {
    String mainClass = defaultArguments.get(CLASS_ARGUMENT);
    if (mainClass == null || mainClass.isBlank()) {
      throw new IllegalStateException("job " + name + " has no " + CLASS_ARGUMENT + " in DefaultArguments");
    }
    return mainClass;
  }
}
