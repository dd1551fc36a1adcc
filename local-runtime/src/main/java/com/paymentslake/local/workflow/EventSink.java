package com.paymentslake.local.workflow;

/**
 * Where the engine sends the Glue events of a run (the default EventBridge bus locally), as JSON text
 * in AWS's exact shape ({@link GlueEvents}). The alerts twin implements it by matching the alert
 * rules' patterns and mailing the topic's subscribers.
 *
 * <p>Delivery is best effort, as in AWS: an exception here is logged and never fails the run.
 */
@FunctionalInterface
public interface EventSink {
  /** Discards every event. */
  EventSink NONE = event -> {};

  void publish(String eventJson);
}
