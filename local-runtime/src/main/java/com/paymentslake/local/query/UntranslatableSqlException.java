package com.paymentslake.local.query;

/**
 * An Athena (Trino) construct that {@link AthenaSql} does not translate to Spark SQL, because the
 * two engines would read it differently. The message names the line, the construct and what to
 * write instead.
 */
public class UntranslatableSqlException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;

  public UntranslatableSqlException(int line, String construct, String hint) {
    super("line " + line + ": " + construct + " cannot be translated to Spark SQL: " + hint);
    this.line = line;
  }

  /** The 1-based line of the query where the construct starts. */
  public int line() {
    return line;
  }
}
