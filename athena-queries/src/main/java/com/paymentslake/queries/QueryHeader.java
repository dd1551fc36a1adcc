package com.paymentslake.queries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The comment header every {@code athena-queries/*.sql} file starts with: leading {@code --} lines
 * with the keys {@code Title:}, {@code Question:} and {@code Reads:} (comma-separated {@code
 * database.table} names); a {@code --} line indented by more spaces continues the previous key.
 * Read by the local query runner and by the CDK stack (named queries), so both see the same header.
 */
public final class QueryHeader {
  private QueryHeader() {}

  /** The value of a key, continuation lines joined with single spaces; empty when absent. */
  public static String value(String sql, String key) {
    List<String> parts = new ArrayList<>();
    boolean inKey = false;
    for (String line : sql.split("\\R")) {
      if (!line.startsWith("--")) {
        break;
      }
      String text = line.substring(2);
      if (text.strip().startsWith(key + ":")) {
        inKey = true;
        parts.add(text.strip().substring(key.length() + 1).strip());
      } else if (inKey && text.startsWith("   ")) {
        parts.add(text.strip());
      } else {
        inKey = false;
      }
    }
    return String.join(" ", parts);
  }

  /** The tables of the {@code Reads:} key, in order; empty when absent. */
  public static List<String> tables(String sql) {
    String reads = value(sql, "Reads");
    return reads.isEmpty() ? List.of() : Arrays.stream(reads.split(",")).map(String::strip).toList();
  }
}
