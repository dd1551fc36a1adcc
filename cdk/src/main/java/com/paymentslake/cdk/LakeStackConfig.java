package com.paymentslake.cdk;

import java.util.Optional;
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
 * </table>
 *
 * @param namePrefix see the table
 * @param alertEmail see the table
 * @param nightlySchedule see the table
 * @param assets the files uploaded as assets
 */
public record LakeStackConfig(
    String namePrefix, Optional<String> alertEmail, Optional<String> nightlySchedule, LakeAssets assets) {
  public static final String NAME_PREFIX = "namePrefix";
  public static final String ALERT_EMAIL = "alertEmail";
  public static final String NIGHTLY_SCHEDULE = "nightlySchedule";

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
    nightlySchedule.filter(cron -> !CRON.matcher(cron).matches()).ifPresent(cron -> {
      throw new IllegalArgumentException(
          "'" + NIGHTLY_SCHEDULE + "' is set to '" + cron + "' but must be a Glue cron expression such as"
              + " cron(0 2 * * ? *)");
    });
  }

  /** The configuration from the context of a construct tree (usually the app's). */
  public static LakeStackConfig fromContext(Node node, String defaultNamePrefix, LakeAssets assets) {
    return new LakeStackConfig(
        context(node, NAME_PREFIX).orElse(defaultNamePrefix),
        context(node, ALERT_EMAIL),
        context(node, NIGHTLY_SCHEDULE),
        assets);
  }

  private static Optional<String> context(Node node, String key) {
    Object value = node.tryGetContext(key);
    return Optional.ofNullable(value).map(Object::toString).map(String::strip).filter(text -> !text.isEmpty());
  }
}
