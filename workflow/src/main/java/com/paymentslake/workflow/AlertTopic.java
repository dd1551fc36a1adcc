package com.paymentslake.workflow;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * An SNS topic ({@code AWS::SNS::Topic}) for alerts.
 *
 * @param name the topic name
 * @param displayName shown as the sender of its emails
 * @param subscriptions who receives its messages
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record AlertTopic(String name, String displayName, List<Subscription> subscriptions) {
  public AlertTopic {
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
  }

  /**
   * One subscription.
   *
   * @param protocol {@code email}
   * @param endpoint the address; may be a placeholder such as {@code ${AlertEmail}}
   */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  public record Subscription(String protocol, String endpoint) {}
}
