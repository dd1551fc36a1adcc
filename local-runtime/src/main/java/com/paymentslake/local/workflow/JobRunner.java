package com.paymentslake.local.workflow;

/**
 * Runs one attempt of a Glue job for the {@link WorkflowEngine}. The engine calls {@link #run} on a
 * worker thread of its own and decides the attempt's state: returning normally is SUCCEEDED, throwing
 * is FAILED (the exception's message becomes the run's error message, PAN-masked), running past the
 * job's Timeout is TIMEOUT.
 */
public interface JobRunner {
  /**
   * Runs the attempt to its end.
   *
   * @throws Exception when the job fails
   */
  void run(JobRunRequest request) throws Exception;

  /**
   * Asks a timed-out (or stopped) attempt to stop, called from the engine's thread while {@link #run}
   * may still be executing; the engine also interrupts the worker thread. Default: nothing beyond
   * that interrupt.
   */
  default void cancel(JobRunRequest request) {}
}
