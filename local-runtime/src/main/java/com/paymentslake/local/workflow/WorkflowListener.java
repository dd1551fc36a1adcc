package com.paymentslake.local.workflow;

/**
 * Follows a run as it happens, e.g. to print progress on the console. Called on the engine's thread;
 * every method defaults to nothing.
 */
public interface WorkflowListener {
  /** Ignores everything. */
  WorkflowListener NONE = new WorkflowListener() {};

  /** The run started; its start trigger is about to fire. */
  default void runStarted(WorkflowRun run) {}

  /** A job attempt or a crawl started (state RUNNING, no completion time yet). */
  default void actionStarted(ActionRun action) {}

  /** A job attempt or a crawl reached its final state. */
  default void actionFinished(ActionRun action) {}

  /** The run ended: nothing is left to start. */
  default void runFinished(WorkflowRun run) {}
}
