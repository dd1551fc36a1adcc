package com.paymentslake.generator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** {@code --name value}, {@code --name=value} and flag options of the generator's commands. */
final class CliOptions {
  private CliOptions() {}

  /**
   * Parses options into name (with its {@code --}) to value; a flag's value is {@code "true"}.
   *
   * @param known which names are options
   * @param flags the options that take no value
   * @param allowed the allowed options, for the message about an unknown one
   * @throws IllegalArgumentException naming the option and the problem
   */
  static Map<String, String> parse(String[] args, Predicate<String> known, Collection<String> flags, String allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = null;
      int equals = name.indexOf('=');
      if (name.startsWith("--") && equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (!known.test(name)) {
        throw new IllegalArgumentException("Unknown option '" + name + "'; allowed: " + allowed);
      }
      if (flags.contains(name)) {
        if (value != null) {
          throw new IllegalArgumentException("Option " + name + " takes no value");
        }
        value = "true";
      } else if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Option " + name + " needs a value");
        }
        String next = args[i + 1];
        String nextName = next.indexOf('=') > 0 ? next.substring(0, next.indexOf('=')) : next;
        if (next.startsWith("--") && known.test(nextName)) {
          throw new IllegalArgumentException("Option " + name + " needs a value but is followed by the option "
              + nextName);
        }
        value = args[++i];
      }
      if (values.put(name, value) != null) {
        throw new IllegalArgumentException("Option " + name + " is given more than once");
      }
    }
    return values;
  }
}
