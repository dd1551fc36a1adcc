package com.paymentslake.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code --key value} (or {@code --key=value}) options of one subcommand, checked against the keys
 * the subcommand declares. Every problem is a {@link UsageException} naming the option and the rule.
 */
final class CommandLine {
  private final String command;
  private final Map<String, String> values;
  private final boolean help;

  private CommandLine(String command, Map<String, String> values, boolean help) {
    this.command = command;
    this.values = values;
    this.help = help;
  }

  /**
   * @param command subcommand name, for messages
   * @param args the arguments after the subcommand
   * @param allowed option names without the leading {@code --}
   */
  static CommandLine parse(String command, List<String> args, List<String> allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String token = args.get(i);
      if (token.equals("--help") || token.equals("-h")) {
        help = true;
        continue;
      }
      if (!token.startsWith("--") || token.length() == 2) {
        throw new UsageException(
            command + ": unexpected argument '" + token + "'; options are --KEY VALUE, one of " + options(allowed));
      }
      String key;
      String value;
      int equals = token.indexOf('=');
      if (equals > 0) {
        key = token.substring(2, equals);
        value = token.substring(equals + 1);
      } else {
        key = token.substring(2);
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new UsageException(command + ": option --" + key + " needs a value");
        }
        value = args.get(++i);
      }
      if (!allowed.contains(key)) {
        throw new UsageException(command + ": unknown option --" + key + "; allowed: " + options(allowed));
      }
      if (values.put(key, value) != null) {
        throw new UsageException(command + ": option --" + key + " is given twice");
      }
    }
    return new CommandLine(command, values, help);
  }

  private static String options(List<String> allowed) {
    return String.join(", ", allowed.stream().map(key -> "--" + key).toList());
  }

  boolean help() {
    return help;
  }

  Optional<String> raw(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The option parsed by {@code parser}, or the default; a parse failure names the option and the rule. */
  <T> T value(String key, T defaultValue, Function<String, T> parser, String rule) {
    String text = values.get(key);
    if (text == null) {
      return defaultValue;
    }
    try {
      return parser.apply(text.strip());
    } catch (RuntimeException e) {
      throw invalid(key, text, rule);
    }
  }

  UsageException invalid(String key, String text, String rule) {
    return new UsageException(command + ": --" + key + " is '" + text + "' but must be " + rule);
  }
}
