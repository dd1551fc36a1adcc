package com.paymentslake.cdk;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * What varies between deployments of the lake, read from CDK context values ({@code -c key=value}).
 *
 * <table>
 *   <caption>Context keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #NAME_PREFIX}</td><td>the workflow's name, {@code payments-lake}</td><td>stack
 *       name and the prefix of every Glue, EventBridge, SNS and Athena name</td></tr>
 *   <tr><td>{@value #ALERT_EMAIL}</td><td>none: give the stack parameter {@code AlertEmail} at
 *       deploy</td><td>default of the {@code AlertEmail} parameter</td></tr>
 *   <tr><td>{@value #NIGHTLY_SCHEDULE}</td><td>none: runs start on demand only</td><td>a Glue cron
 *       expression, e.g. {@code cron(0 2 * * ? *)}; the start trigger becomes SCHEDULED (runs can
 *       still be started on demand)</td></tr>
 *   <tr><td>{@value #GENERATOR_WORKER_TYPE}</td><td>the definition's, {@code G.1X}</td><td>Glue
 *       worker type of the generation job ({@link Generator#WORKER_TYPES})</td></tr>
 *   <tr><td>{@value #GENERATOR_WORKERS}</td><td>the definition's, {@code 2}</td><td>Glue workers of
 *       the generation job, 2 or more (one runs the Spark driver)</td></tr>
 *   <tr><td>{@value #GENERATOR_SCHEDULE}</td><td>none: the generation job runs when started</td><td>a
 *       Glue cron expression; a SCHEDULED trigger outside the workflow starts the generation job with
 *       its default arguments (the last 7 ingest dates), e.g. {@code cron(0 1 * * ? *)}, an hour
 *       before a {@value #NIGHTLY_SCHEDULE} of {@code cron(0 2 * * ? *)}</td></tr>
 * </table>
 *
 * @param namePrefix see the table
 * @param alertEmail see the table
 * @param nightlySchedule see the table
 * @param generator the generation job's settings
 * @param assets the files uploaded as assets
 */
public record LakeStackConfig(
    String namePrefix,
    Optional<String> alertEmail,
    Optional<String> nightlySchedule,
    Generator generator,
    LakeAssets assets) {
  public static final String NAME_PREFIX = "namePrefix";
  public static final String ALERT_EMAIL = "alertEmail";
  public static final String NIGHTLY_SCHEDULE = "nightlySchedule";
  public static final String GENERATOR_WORKER_TYPE = "generatorWorkerType";
  public static final String GENERATOR_WORKERS = "generatorWorkers";
  public static final String GENERATOR_SCHEDULE = "generatorSchedule";

  /** Lower-case, short enough for every derived name (Glue, SNS, IAM, Athena). */
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{1,30}[a-z0-9]");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CRON = Pattern.compile("cron\\(.+\\)");

  public LakeStackConfig {
    if (!PREFIX.matcher(namePrefix).matches()) {
      throw new IllegalArgumentException(
          "'" + NAME_PREFIX + "' is set to '" + namePrefix + "' but must be 3-32 lower-case letters, digits or"
              + " hyphens, starting with a letter");
    }
    alertEmail.filter(email -> !EMAIL.matcher(email).matches()).ifPresent(email -> {
      throw new IllegalArgumentException("'" + ALERT_EMAIL + "' is set to '" + email + "' but must be an email address");
    });
    requireCron(NIGHTLY_SCHEDULE, nightlySchedule);
  }

  /** The configuration from the context of a construct tree (usually the app's). */
  public static LakeStackConfig fromContext(Node node, String defaultNamePrefix, LakeAssets assets) {
    return new LakeStackConfig(
        context(node, NAME_PREFIX).orElse(defaultNamePrefix),
        context(node, ALERT_EMAIL),
        context(node, NIGHTLY_SCHEDULE),
        new Generator(
            context(node, GENERATOR_WORKER_TYPE),
            integer(GENERATOR_WORKERS, context(node, GENERATOR_WORKERS)),
            context(node, GENERATOR_SCHEDULE)),
        assets);
  }

  /**
   * The generation job's deployment settings; empty values keep the definition's.
   *
   * @param workerType Glue worker type, one of {@link #WORKER_TYPES}
   * @param workers Glue workers, at least 2
   * @param schedule Glue cron expression of a trigger starting the job; none: no trigger
   */
  public record Generator(Optional<String> workerType, OptionalInt workers, Optional<String> schedule) {
    /** The definition's settings, no schedule. */
    public static final Generator DEFINED = new Generator(Optional.empty(), OptionalInt.empty(), Optional.empty());

    /** Glue 5.0's worker types for Spark batch jobs (G.025X is for streaming jobs only). */
    public static final Set<String> WORKER_TYPES =
        Set.of("G.1X", "G.2X", "G.4X", "G.8X", "G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X");

    public Generator {
      workerType.filter(type -> !WORKER_TYPES.contains(type)).ifPresent(type -> {
        throw new IllegalArgumentException("'" + GENERATOR_WORKER_TYPE + "' is set to '" + type + "' but must be a"
            + " Glue worker type for Spark jobs, one of " + new TreeSet<>(WORKER_TYPES));
      });
      if (workers.isPresent() && workers.getAsInt() < 2) {
        throw new IllegalArgumentException("'" + GENERATOR_WORKERS + "' is set to " + workers.getAsInt()
            + " but must be >= 2 (one worker runs the Spark driver)");
      }
      requireCron(GENERATOR_SCHEDULE, schedule);
    }

    /** Whether any setting differs from the definition's. */
    boolean changesTheJob() {
      return workerType.isPresent() || workers.isPresent();
    }
  }

  private static void requireCron(String key, Optional<String> schedule) {
    schedule.filter(cron -> !CRON.matcher(cron).matches()).ifPresent(cron -> {
      throw new IllegalArgumentException(
          "'" + key + "' is set to '" + cron + "' but must be a Glue cron expression such as cron(0 2 * * ? *)");
    });
  }

  private static OptionalInt integer(String key, Optional<String> value) {
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.get()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + key + "' is set to '" + value.get() + "' but must be an integer", e);
    }
  }

  private static Optional<String> context(Node node, String key) {
    Object value = node.tryGetContext(key);
    return Optional.ofNullable(value).map(Object::toString).map(String::strip).filter(text -> !text.isEmpty());
  }
}
