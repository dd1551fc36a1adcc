package com.paymentslake.local.alerts;

import com.paymentslake.workflow.AlertTopic;
import com.paymentslake.workflow.WorkflowDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alerts half of the local twin, wired from the workflow definition: EventBridge's default bus
 * with the definition's alert rules ({@link LocalEventBus}) notifying its SNS topics ({@link
 * LocalSnsTopic}), which send real email through the configured SMTP server, or through an embedded
 * one ({@link EmbeddedSmtpServer}) when none is configured.
 *
 * <p>The workflow engine hands every Glue event to {@link #publish(String)}. Afterwards {@link
 * #deliveries()} tells what was sent and {@link #receivedAlerts()} what arrived (with the embedded
 * server: subject and {@code .eml} file under {@code <data-dir>/alerts/}).
 *
 * <p>Files under the data directory: {@code events/events.jsonl} (every event published) and, with
 * the embedded server, {@code alerts/*.eml}.
 */
public final class LocalAlerts implements AutoCloseable {
  private final LocalEventBus bus;
  private final List<LocalSnsTopic> topics;
  private final Optional<EmbeddedSmtpServer> embedded;

  private LocalAlerts(LocalEventBus bus, List<LocalSnsTopic> topics, Optional<EmbeddedSmtpServer> embedded) {
    this.bus = bus;
    this.topics = topics;
    this.embedded = embedded;
  }

  /**
   * Wires the definition's alert rules and topics.
   *
   * @param definition the workflow definition (its {@code AlertRules} and {@code AlertTopics})
   * @param placeholderValues values for {@code ${LakeRoot}}, {@code ${LogsLocation}}, {@code
   *     ${AlertEmail}}
   * @param dataDir the local twin's data directory
   * @param smtp the SMTP server to send through; empty starts an embedded one
   * @throws IllegalArgumentException naming the rule or topic that is invalid
   */
  public static LocalAlerts start(
      WorkflowDefinition definition, Map<String, String> placeholderValues, Path dataDir, Optional<SmtpSettings> smtp) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(placeholderValues, "placeholderValues");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(smtp, "smtp");
    Optional<EmbeddedSmtpServer> embedded = smtp.isPresent() ? Optional.empty() : Optional.of(EmbeddedSmtpServer.start(dataDir));
    try {
      SmtpSettings settings = smtp.orElseGet(() -> embedded.orElseThrow().settings());
      List<LocalSnsTopic> topics = new ArrayList<>();
      for (AlertTopic topic : definition.alertTopics()) {
        topics.add(new LocalSnsTopic(topic, placeholderValues, settings));
      }
      LocalEventBus bus = new LocalEventBus(definition.alertRules(), placeholderValues, topics, dataDir);
      return new LocalAlerts(bus, List.copyOf(topics), embedded);
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedSmtpServer::close);
      throw e;
    }
  }

  /**
   * As {@link #start}, with the SMTP server of the {@code LAKE_SMTP_*} environment variables (see
   * {@link SmtpSettings#fromEnvironment(Map)}); embedded when {@code LAKE_SMTP_HOST} is unset.
   */
  public static LocalAlerts fromEnvironment(
      WorkflowDefinition definition, Map<String, String> placeholderValues, Path dataDir) {
    return start(definition, placeholderValues, dataDir, SmtpSettings.fromEnvironment(System.getenv()));
  }

  /**
   * Puts a Glue event on the local bus; matching rules notify their topics. Delivery failures are
   * recorded, never thrown.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public void publish(String eventJson) {
    bus.publish(eventJson);
    embedded.ifPresent(EmbeddedSmtpServer::receivedAlerts);
  }

  /** The bus, for rule matching and transformation checks. */
  public LocalEventBus bus() {
    return bus;
  }

  /** The topics, by definition order. */
  public List<LocalSnsTopic> topics() {
    return topics;
  }

  /** Every email delivery attempted, over all topics. */
  public List<DeliveryResult> deliveries() {
    return topics.stream().flatMap(topic -> topic.deliveries().stream()).toList();
  }

  /** The deliveries that failed, over all topics. */
  public List<DeliveryResult> failedDeliveries() {
    return deliveries().stream().filter(d -> !d.delivered()).toList();
  }

  /** What the embedded SMTP server received; empty when a configured server is used. */
  public List<ReceivedAlert> receivedAlerts() {
    return embedded.map(EmbeddedSmtpServer::receivedAlerts).orElse(List.of());
  }

  /** The embedded SMTP server, when no server was configured. */
  public Optional<EmbeddedSmtpServer> embeddedSmtp() {
    return embedded;
  }

  /** The file every published event is appended to ({@code <data-dir>/events/events.jsonl}). */
  public Path eventArchive() {
    return bus.archive();
  }

  /** Stops the embedded SMTP server, if any, after saving what it received. */
  @Override
  public void close() {
    embedded.ifPresent(EmbeddedSmtpServer::close);
  }
}
