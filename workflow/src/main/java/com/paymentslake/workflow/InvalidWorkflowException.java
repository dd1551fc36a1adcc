package com.paymentslake.workflow;

import java.util.List;

/**
 * A workflow definition that breaks one or more of the rules Glue, EventBridge and SNS (or this
 * project) impose. The message lists every problem, one per line, each naming the offending entry.
 */
public final class InvalidWorkflowException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> problems;

  public InvalidWorkflowException(String source, List<String> problems) {
    super(message(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** Where the definition came from (a file or resource name). */
  public String source() {
    return source;
  }

  /** Every problem found, in the order of the definition. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    StringBuilder message =
        new StringBuilder("workflow definition ")
            .append(source)
            .append(" is not valid (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    problems.forEach(problem -> message.append("\n  - ").append(problem));
    return message.toString();
  }
}
