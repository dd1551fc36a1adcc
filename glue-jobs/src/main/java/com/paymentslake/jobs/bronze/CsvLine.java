package com.paymentslake.jobs.bronze;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one physical CSV line into fields (RFC 4180, with the raw contract's restriction that no
 * field spans lines). A field may be quoted; inside quotes a comma is data and {@code ""} is one
 * quote. An empty field, quoted or not, is null.
 */
final class CsvLine {
  private CsvLine() {}

  /** The outcome of splitting a line: either fields or the reason it cannot be split. */
  sealed interface Split permits Fields, Malformed {}

  /** The line's fields, nulls for empty ones. */
  record Fields(List<String> values) implements Split {}

  /** The line breaks RFC 4180 quoting; {@code detail} says where. */
  record Malformed(String detail) implements Split {}

  static Split split(String line) {
    List<String> values = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int length = line.length();
    int i = 0;
    while (true) {
      field.setLength(0);
      if (i < length && line.charAt(i) == '"') {
        int opening = i;
        i++;
        boolean closed = false;
        while (i < length) {
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < length && line.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        if (!closed) {
          return new Malformed(
              "quote opened at character " + (opening + 1) + " (field " + (values.size() + 1)
                  + ") is never closed");
        }
        if (i < length && line.charAt(i) != ',') {
          return new Malformed(
              "unexpected character after closing quote at character " + (i + 1) + " (field "
                  + (values.size() + 1) + ")");
        }
      } else {
        while (i < length && line.charAt(i) != ',') {
          field.append(line.charAt(i));
          i++;
        }
      }
      values.add(field.length() == 0 ? null : field.toString());
      if (i >= length) {
        return new Fields(values);
      }
      i++; // the comma
      if (i == length) {
        values.add(null);
        return new Fields(values);
      }
    }
  }

  /** The first field as written (up to the first comma, quotes removed), for reject rows. */
  static String firstField(String line) {
    int comma = line.indexOf(',');
    String first = comma < 0 ? line : line.substring(0, comma);
    first = first.replace("\"", "").strip();
    return first.isEmpty() || first.length() > 64 ? null : first;
  }
}
