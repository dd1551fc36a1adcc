package com.paymentslake.local.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of delivering one topic message to one subscription.
 *
 * @param time when the delivery was attempted
 * @param topic the topic name
 * @param protocol the subscription's protocol ({@code email})
 * @param endpoint the subscription's endpoint (the address)
 * @param subject the email subject
 * @param delivered whether the SMTP server accepted the message
 * @param error why it was not, or {@code null} when it was
 */
public record DeliveryResult(
    Instant time, String topic, String protocol, String endpoint, String subject, boolean delivered, String error) {
  public DeliveryResult {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(topic, "topic");
    if (delivered == (error != null)) {
      throw new IllegalArgumentException("a delivery has an error exactly when it failed; delivered=" + delivered
          + ", error=" + error);
    }
  }

  public static DeliveryResult succeeded(Instant time, String topic, String protocol, String endpoint, String subject) {
    return new DeliveryResult(time, topic, protocol, endpoint, subject, true, null);
  }

  public static DeliveryResult failed(
      Instant time, String topic, String protocol, String endpoint, String subject, String error) {
    return new DeliveryResult(time, topic, protocol, endpoint, subject, false, Objects.requireNonNull(error, "error"));
  }

  public Optional<String> failure() {
    return Optional.ofNullable(error);
  }
}
