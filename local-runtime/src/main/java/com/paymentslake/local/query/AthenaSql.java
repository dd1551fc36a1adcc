package com.paymentslake.local.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Translates the Athena engine v3 (Trino) SQL of {@code athena-queries/} into Spark 3.5 SQL, so the
 * local twin runs the very files Athena runs. The translation is deliberately narrow: it rewrites
 * only constructs whose syntax or meaning differs between the two engines and that the packaged
 * queries use, and it fails with {@link UntranslatableSqlException} on constructs known to differ
 * that it does not handle, rather than letting Spark run them with another meaning.
 *
 * <h2>Rewrites</h2>
 *
 * <table>
 *   <caption>Athena (Trino) to Spark SQL</caption>
 *   <tr><th>Athena</th><th>Spark</th><th>why</th></tr>
 *   <tr><td>{@code "name"}</td><td>{@code `name`}</td><td>Spark reads a double-quoted token as a string literal</td></tr>
 *   <tr><td>{@code 'it''s'}, {@code 'a\b'}</td><td>{@code 'it\'s'}, {@code 'a\\b'}</td><td>Spark concatenates {@code 'it' 's'} and treats backslash as an escape</td></tr>
 *   <tr><td>{@code ARRAY[a, b]}</td><td>{@code array(a, b)}</td><td>array constructor syntax</td></tr>
 *   <tr><td>{@code CROSS JOIN UNNEST(x) [AS] t (y)}</td><td>{@code LATERAL VIEW explode(x) t AS y}</td><td>Spark has no UNNEST; one array, one column</td></tr>
 *   <tr><td>{@code date_add('day', n, d)}</td><td>{@code date_add(d, n)}</td><td>argument order; only unit 'day', on a date</td></tr>
 *   <tr><td>a trailing {@code ;}</td><td>removed</td><td>one statement per file</td></tr>
 * </table>
 *
 * <h2>Refused</h2>
 *
 * <p>Array subscripts {@code x[i]} (1-based in Trino, 0-based in Spark: use {@code element_at},
 * 1-based in both), {@code UNNEST} in any other form (several arrays, {@code WITH ORDINALITY}, not
 * after {@code CROSS JOIN}), {@code date_add} with another unit or argument count, backquoted
 * identifiers (not Trino SQL), several statements, and functions whose arguments or formats differ:
 * {@code date_diff}, {@code date_format}, {@code date_parse}, {@code format_datetime}, {@code
 * parse_datetime}, {@code from_unixtime}, {@code to_unixtime}, {@code AT TIME ZONE}.
 *
 * <h2>Not checked (rules for query authors)</h2>
 *
 * <p>Integer division truncates in Trino and yields a double in Spark: divide after {@code CAST(x AS
 * double)}. Division by zero fails (integers) or yields Infinity/NaN (doubles) in Trino and NULL in
 * Spark: divide by {@code NULLIF(d, 0)}. {@code date_add('day', ...)} must be applied to a date, not
 * a timestamp. Comments are kept as they are.
 */
public final class AthenaSql {
  private static final Map<String, String> REFUSED_FUNCTIONS =
      Map.of(
          "date_diff", "its (unit, start, end) arguments differ from Spark's datediff(end, start)",
          "date_format", "Trino uses MySQL format codes (%Y-%m-%d), Spark uses Java patterns (yyyy-MM-dd)",
          "date_parse", "Trino uses MySQL format codes, Spark's to_timestamp uses Java patterns",
          "format_datetime", "Trino uses Joda patterns; Spark has no such function",
          "parse_datetime", "Trino uses Joda patterns; Spark has no such function",
          "from_unixtime", "Trino returns a timestamp with time zone, Spark returns a string",
          "to_unixtime", "Trino returns a double; Spark has no such function");

  private AthenaSql() {}

  /**
   * The Spark SQL for one Athena query; see the class comment for what is rewritten and refused.
   *
   * @throws UntranslatableSqlException naming the construct, its line and what to write instead
   */
  public static String toSpark(String athenaSql) {
    Objects.requireNonNull(athenaSql, "athenaSql");
    List<Token> tokens = stripTrailingSemicolons(Lexer.tokens(athenaSql));
    StringBuilder spark = new StringBuilder();
    new Translator(tokens).translate(0, tokens.size(), spark);
    return spark.toString();
  }

  private static List<Token> stripTrailingSemicolons(List<Token> tokens) {
    List<Token> kept = new ArrayList<>(tokens);
    int last = kept.size() - 1;
    while (last >= 0 && (kept.get(last).isTrivia() || kept.get(last).is(";"))) {
      if (kept.get(last).is(";")) {
        kept.remove(last);
      }
      last--;
    }
    for (Token token : kept) {
      if (token.is(";")) {
        throw new UntranslatableSqlException(token.line(), "';' in the middle of the query", "one statement per file");
      }
    }
    return kept;
  }

  enum Kind {
    WHITESPACE,
    COMMENT,
    WORD,
    NUMBER,
    STRING,
    QUOTED_IDENTIFIER,
    SYMBOL
  }

  /** A lexical token: its kind, its text as written, and the line it starts on. */
  record Token(Kind kind, String text, int line) {
    boolean isTrivia() {
      return kind == Kind.WHITESPACE || kind == Kind.COMMENT;
    }

    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }
  }

  /** Splits Trino SQL into tokens; strings, quoted identifiers and comments are kept whole. */
  static final class Lexer {
    private Lexer() {}

    static List<Token> tokens(String sql) {
      List<Token> tokens = new ArrayList<>();
      int line = 1;
      int i = 0;
      while (i < sql.length()) {
        char c = sql.charAt(i);
        int end;
        Kind kind;
        if (Character.isWhitespace(c)) {
          end = i;
          while (end < sql.length() && Character.isWhitespace(sql.charAt(end))) {
            end++;
          }
          kind = Kind.WHITESPACE;
        } else if (sql.startsWith("--", i)) {
          end = sql.indexOf('\n', i);
          end = end < 0 ? sql.length() : end;
          kind = Kind.COMMENT;
        } else if (sql.startsWith("/*", i)) {
          end = sql.indexOf("*/", i + 2);
          if (end < 0) {
            throw new UntranslatableSqlException(line, "a /* comment that is never closed", "close it with */");
          }
          end += 2;
          kind = Kind.COMMENT;
        } else if (c == '\'' || c == '"') {
          end = quotedEnd(sql, i, c, line);
          kind = c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER;
        } else if (c == '`') {
          throw new UntranslatableSqlException(
              line, "a `backquoted` identifier", "Athena (Trino) SQL quotes identifiers with double quotes");
        } else if (Character.isLetter(c) || c == '_') {
          end = i;
          while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
          }
          kind = Kind.WORD;
        } else if (Character.isDigit(c) || (c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
          end = i;
          while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
            end++;
          }
          kind = Kind.NUMBER;
        } else {
          end = i + 1;
          kind = Kind.SYMBOL;
        }
        String text = sql.substring(i, end);
        tokens.add(new Token(kind, text, line));
        line += (int) text.chars().filter(ch -> ch == '\n').count();
        i = end;
      }
      return tokens;
    }

    private static int quotedEnd(String sql, int start, char quote, int line) {
      int i = start + 1;
      while (i < sql.length()) {
        if (sql.charAt(i) == quote) {
          if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
            i += 2;
            continue;
          }
          return i + 1;
        }
        i++;
      }
      throw new UntranslatableSqlException(
          line, (quote == '\'' ? "a string literal" : "a quoted identifier") + " that is never closed", "close it with " + quote);
    }
  }

  /** Rewrites token ranges into Spark SQL. */
  private static final class Translator {
    private final List<Token> tokens;

    Translator(List<Token> tokens) {
      this.tokens = tokens;
    }

    /** Appends the Spark SQL of tokens [from, to). */
    void translate(int from, int to, StringBuilder out) {
      int i = from;
      while (i < to) {
        Token token = tokens.get(i);
        switch (token.kind()) {
          case STRING -> {
            out.append(sparkString(token.text()));
            i++;
          }
          case QUOTED_IDENTIFIER -> {
            out.append(sparkIdentifier(token.text()));
            i++;
          }
          case WORD -> i = word(i, to, out);
          case SYMBOL -> {
            if (token.is("[")) {
              throw new UntranslatableSqlException(
                  token.line(), "an array subscript x[i]",
                  "subscripts are 1-based in Athena and 0-based in Spark: write element_at(x, i), 1-based in both");
            }
            out.append(token.text());
            i++;
          }
          default -> {
            out.append(token.text());
            i++;
          }
        }
      }
    }

    /** Translates a construct starting with a word; returns the index after it. */
    private int word(int i, int to, StringBuilder out) {
      Token token = tokens.get(i);
      String lower = token.text().toLowerCase(Locale.ROOT);
      int next = nextSignificant(i + 1, to);
      if (lower.equals("array") && next < to && tokens.get(next).is("[")) {
        int close = matching(next, to, "[", "]");
        out.append("array(");
        translate(next + 1, close, out);
        out.append(')');
        return close + 1;
      }
      if (lower.equals("cross") && next < to && tokens.get(next).isWord("join")) {
        int unnest = nextSignificant(next + 1, to);
        if (unnest < to && tokens.get(unnest).isWord("unnest")) {
          return crossJoinUnnest(i, unnest, to, out);
        }
      }
      if (lower.equals("unnest")) {
        throw new UntranslatableSqlException(
            token.line(), "UNNEST not written as CROSS JOIN UNNEST(array) AS t (column)",
            "Spark has no UNNEST; only that form is translated (to LATERAL VIEW explode)");
      }
      if (lower.equals("at") && next < to && tokens.get(next).isWord("time")) {
        throw new UntranslatableSqlException(
            token.line(), "AT TIME ZONE", "Spark has no time zone types; convert with from_utc_timestamp in a Spark-only query");
      }
      if (next < to && tokens.get(next).is("(")) {
        if (lower.equals("date_add")) {
          return dateAdd(i, next, to, out);
        }
        if (REFUSED_FUNCTIONS.containsKey(lower)) {
          throw new UntranslatableSqlException(token.line(), lower + "(...)", REFUSED_FUNCTIONS.get(lower));
        }
      }
      out.append(token.text());
      return i + 1;
    }

    /** {@code CROSS JOIN UNNEST(x) [AS] t (y)} to {@code LATERAL VIEW explode(x) t AS y}. */
    private int crossJoinUnnest(int cross, int unnest, int to, StringBuilder out) {
      int line = tokens.get(cross).line();
      int open = nextSignificant(unnest + 1, to);
      if (open >= to || !tokens.get(open).is("(")) {
        throw unnestForm(line, "UNNEST without its (array) argument");
      }
      int close = matching(open, to, "(", ")");
      List<int[]> arguments = arguments(open, close);
      if (arguments.size() != 1) {
        throw unnestForm(line, "UNNEST of " + arguments.size() + " arrays");
      }
      int k = nextSignificant(close + 1, to);
      if (k < to && tokens.get(k).isWord("with")) {
        throw unnestForm(line, "UNNEST ... WITH ORDINALITY");
      }
      if (k < to && tokens.get(k).isWord("as")) {
        k = nextSignificant(k + 1, to);
      }
      if (k >= to || tokens.get(k).kind() != Kind.WORD) {
        throw unnestForm(line, "UNNEST without a table alias");
      }
      String alias = tokens.get(k).text();
      int columnsOpen = nextSignificant(k + 1, to);
      if (columnsOpen >= to || !tokens.get(columnsOpen).is("(")) {
        throw unnestForm(line, "UNNEST without a column alias list t (column)");
      }
      int columnsClose = matching(columnsOpen, to, "(", ")");
      List<int[]> columns = arguments(columnsOpen, columnsClose);
      if (columns.size() != 1) {
        throw unnestForm(line, "UNNEST with " + columns.size() + " column aliases");
      }
      int column = nextSignificant(columns.get(0)[0], columns.get(0)[1]);
      out.append("LATERAL VIEW explode(");
      translate(arguments.get(0)[0], arguments.get(0)[1], out);
      out.append(") ").append(alias).append(" AS ").append(tokenSql(tokens.get(column)));
      return columnsClose + 1;
    }

    private static UntranslatableSqlException unnestForm(int line, String what) {
      return new UntranslatableSqlException(
          line, what, "only CROSS JOIN UNNEST(array) [AS] t (column) is translated (to LATERAL VIEW explode)");
    }

    /** {@code date_add('day', n, d)} to {@code date_add(d, n)}. */
    private int dateAdd(int name, int open, int to, StringBuilder out) {
      int line = tokens.get(name).line();
      int close = matching(open, to, "(", ")");
      List<int[]> arguments = arguments(open, close);
      int unit = arguments.isEmpty() ? -1 : nextSignificant(arguments.get(0)[0], arguments.get(0)[1]);
      if (arguments.size() != 3 || unit < 0 || tokens.get(unit).kind() != Kind.STRING) {
        throw new UntranslatableSqlException(
            line, "date_add with " + arguments.size() + " arguments", "Athena's date_add takes (unit, value, date)");
      }
      String unitName = tokens.get(unit).text();
      if (!unitName.equalsIgnoreCase("'day'")) {
        throw new UntranslatableSqlException(
            line, "date_add(" + unitName + ", ...)", "only unit 'day' is translated (to Spark's date_add(date, days))");
      }
      out.append(tokens.get(name).text()).append('(');
      translate(trimStart(arguments.get(2)), arguments.get(2)[1], out);
      out.append(", ");
      translate(trimStart(arguments.get(1)), arguments.get(1)[1], out);
      out.append(')');
      return close + 1;
    }

    private int trimStart(int[] range) {
      return nextSignificant(range[0], range[1]);
    }

    /** Token ranges [start, end) of the comma-separated items between open and close. */
    private List<int[]> arguments(int open, int close) {
      List<int[]> ranges = new ArrayList<>();
      if (nextSignificant(open + 1, close) == close) {
        return ranges;
      }
      int depth = 0;
      int start = open + 1;
      for (int i = open + 1; i < close; i++) {
        Token token = tokens.get(i);
        if (token.is("(") || token.is("[")) {
          depth++;
        } else if (token.is(")") || token.is("]")) {
          depth--;
        } else if (token.is(",") && depth == 0) {
          ranges.add(new int[] {start, i});
          start = i + 1;
        }
      }
      ranges.add(new int[] {start, close});
      return ranges;
    }

    private int matching(int open, int to, String opening, String closing) {
      int depth = 0;
      for (int i = open; i < to; i++) {
        if (tokens.get(i).is(opening)) {
          depth++;
        } else if (tokens.get(i).is(closing) && --depth == 0) {
          return i;
        }
      }
      throw new UntranslatableSqlException(tokens.get(open).line(), "an unbalanced '" + opening + "'", "close it with '" + closing + "'");
    }

    private int nextSignificant(int from, int to) {
      int i = from;
      while (i < to && tokens.get(i).isTrivia()) {
        i++;
      }
      return i;
    }

    private static String tokenSql(Token token) {
      return token.kind() == Kind.QUOTED_IDENTIFIER ? sparkIdentifier(token.text()) : token.text();
    }
  }

  /** A Trino string literal ('' escapes a quote; backslash is plain) as a Spark literal. */
  static String sparkString(String trinoLiteral) {
    String content = trinoLiteral.substring(1, trinoLiteral.length() - 1).replace("''", "'");
    return "'" + content.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A Trino quoted identifier ("" escapes a quote) as a Spark backquoted one. */
  static String sparkIdentifier(String trinoIdentifier) {
    String name = trinoIdentifier.substring(1, trinoIdentifier.length() - 1).replace("\"\"", "\"");
    return "`" + name.replace("`", "``") + "`";
  }
}
