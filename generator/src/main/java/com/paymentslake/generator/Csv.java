package com.paymentslake.generator;

import java.nio.charset.StandardCharsets;

/** RFC 4180 field encoding as the generator writes it (CRLF records, minimal quoting). */
final class Csv {
  static final byte[] CRLF = {'\r', '\n'};

  private Csv() {}

  /** Whether a value must be quoted: it holds a comma, a double quote, CR or LF. */
  static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** The UTF-8 bytes of one field, quoted (with doubled inner quotes) only when needed. */
  static byte[] field(String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("A raw field never holds CR or LF: '" + value + "'");
    }
    if (!needsQuotes(value)) {
      return value.getBytes(StandardCharsets.UTF_8);
    }
    return ("\"" + value.replace("\"", "\"\"") + "\"").getBytes(StandardCharsets.UTF_8);
  }

  /** A header line for the given column names (no terminator). */
  static String header(Iterable<String> names) {
    return String.join(",", names);
  }
}
