package com.paymentslake.workflow;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deployment placeholders in definition values, written {@code ${Name}} as in CloudFormation's
 * {@code Fn::Sub}. Each deployment supplies its values: the local twin its {@code s3a://} bucket and
 * log directory, the CDK stack its bucket and parameters.
 */
public final class Placeholders {
  /** The lake's root URI, e.g. {@code s3://my-lake} or {@code s3a://payments-lake}. */
  public static final String LAKE_ROOT = "LakeRoot";
  /** Where job and crawler logs can be read (CloudWatch on AWS, a directory locally). */
  public static final String LOGS_LOCATION = "LogsLocation";
  /** The address alert emails go to. */
  public static final String ALERT_EMAIL = "AlertEmail";

  /** Every placeholder a definition may use. */
  public static final Set<String> KNOWN = Set.of(LAKE_ROOT, LOGS_LOCATION, ALERT_EMAIL);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

  private Placeholders() {}

  /** The placeholder names used in a text. */
  public static Set<String> in(String text) {
    Set<String> names = new TreeSet<>();
    if (text != null) {
      Matcher matcher = PLACEHOLDER.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /**
   * Replaces every {@code ${Name}} of the text.
   *
   * @throws IllegalArgumentException naming the placeholder when a value is missing
   */
  public static String resolve(String text, Map<String, String> values) {
    if (text == null) {
      return null;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "no value for placeholder ${" + name + "} in '" + text + "'; values given for " + new TreeSet<>(values.keySet()));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
