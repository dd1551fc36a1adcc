package com.paymentslake.local.alerts;

import com.paymentslake.contract.PanSafety;
import com.paymentslake.local.S3ProxyServer;
import com.paymentslake.workflow.AlertTopic;
import com.paymentslake.workflow.Placeholders;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local twin of an SNS topic with email subscriptions: each published message is sent as a
 * real email over SMTP (Angus Mail) to every subscription's address.
 *
 * <p>The email follows SNS's: from the topic's display name, the message text as the plain-text
 * body, then a footer naming the topic. Card-number-like digits in the message are masked ({@link
 * PanSafety}) before anything is sent or recorded.
 *
 * <p><b>Deliberate local difference — the subject.</b> SNS mails EventBridge notifications with
 * the fixed subject "AWS Notification Message", which says nothing. Locally the subject is {@code
 * <DisplayName>: <first line of the message>}, with control characters replaced by spaces and cut
 * to SNS's subject limit (fewer than 100 characters, {@value #MAX_SUBJECT_LENGTH}) at a word boundary.
 *
 * <p>A failed delivery (server down, address refused) never reaches the publisher: it is logged,
 * returned by {@link #publish(String)} and listed by {@link #failedDeliveries()}. SNS itself retries
 * email deliveries; locally there is no retry.
 */
public final class LocalSnsTopic {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSnsTopic.class);

  /** SNS subjects must be fewer than 100 characters. */
  public static final int MAX_SUBJECT_LENGTH = 99;

  /** The account id of the local twin's ARNs (as in the events the local workflow emits). */
  public static final String LOCAL_ACCOUNT = "000000000000";

  static final String EMAIL = "email";
  private static final String ELLIPSIS = "...";
  private static final int MAX_WORD_BACKTRACK = 20;
  private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final String displayName;
  private final List<String> emailEndpoints;
  private final SmtpSettings smtp;
  private final Session session;
  private final Clock clock;
  private final List<DeliveryResult> deliveries = new CopyOnWriteArrayList<>();

  /**
   * @param topic the topic and its subscriptions
   * @param placeholderValues values for placeholders in endpoints (e.g. {@code ${AlertEmail}})
   * @param smtp the server to send through
   * @throws IllegalArgumentException naming the topic when a subscription is not an email address
   *     or uses another protocol
   */
  public LocalSnsTopic(AlertTopic topic, Map<String, String> placeholderValues, SmtpSettings smtp) {
    this(topic, placeholderValues, smtp, Clock.systemUTC());
  }

  LocalSnsTopic(AlertTopic topic, Map<String, String> placeholderValues, SmtpSettings smtp, Clock clock) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(placeholderValues, "placeholderValues");
    this.name = Objects.requireNonNull(topic.name(), "topic name");
    this.displayName = topic.displayName() == null || topic.displayName().isBlank() ? name : topic.displayName();
    this.smtp = Objects.requireNonNull(smtp, "smtp");
    this.clock = Objects.requireNonNull(clock, "clock");
    List<String> endpoints = new ArrayList<>();
    for (AlertTopic.Subscription subscription : topic.subscriptions()) {
      if (!EMAIL.equals(subscription.protocol())) {
        throw new IllegalArgumentException("topic '" + name + "' has a subscription with protocol '"
            + subscription.protocol() + "' but the local twin delivers only 'email'");
      }
      String endpoint;
      try {
        endpoint = Placeholders.resolve(subscription.endpoint(), placeholderValues);
        new InternetAddress(endpoint, true);
      } catch (IllegalArgumentException | AddressException | NullPointerException e) {
        throw new IllegalArgumentException("topic '" + name + "' has email subscription '" + subscription.endpoint()
            + "' that is not an email address: " + e.getMessage(), e);
      }
      endpoints.add(endpoint);
    }
    this.emailEndpoints = List.copyOf(endpoints);
    this.session = Session.getInstance(sessionProperties(smtp));
  }

  public String name() {
    return name;
  }

  public String displayName() {
    return displayName;
  }

  /** The resolved email addresses subscribed to the topic. */
  public List<String> emailEndpoints() {
    return emailEndpoints;
  }

  /** The topic's ARN in the local account and region. */
  public String arn() {
    return "arn:aws:sns:" + S3ProxyServer.REGION + ":" + LOCAL_ACCOUNT + ":" + name;
  }

  /**
   * Sends the message to every subscription. Never throws for a delivery failure.
   *
   * @return one result per subscription, also kept in {@link #deliveries()}
   */
  public List<DeliveryResult> publish(String message) {
    Objects.requireNonNull(message, "message");
    String safe = PanSafety.mask(message);
    String subject = subject(displayName, safe);
    List<DeliveryResult> results = new ArrayList<>();
    for (String endpoint : emailEndpoints) {
      DeliveryResult result = send(endpoint, subject, safe + footer(endpoint));
      deliveries.add(result);
      results.add(result);
    }
    if (emailEndpoints.isEmpty()) {
      LOG.warn("Topic {} has no subscriptions; message dropped: {}", name, subject);
    }
    return List.copyOf(results);
  }

  /** Every delivery so far, oldest first. */
  public List<DeliveryResult> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The deliveries that failed. */
  public List<DeliveryResult> failedDeliveries() {
    return deliveries.stream().filter(d -> !d.delivered()).toList();
  }

  /**
   * {@code <display name>: <first non-blank line>}, without control characters, fewer than 100
   * characters: a longer one is cut at a word boundary (when one is near) and ends with "...".
   */
  static String subject(String displayName, String message) {
    String firstLine = message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    String subject = (displayName + ": " + firstLine).replaceAll("\\p{Cntrl}", " ").strip();
    if (subject.length() <= MAX_SUBJECT_LENGTH) {
      return subject;
    }
    int cut = MAX_SUBJECT_LENGTH - ELLIPSIS.length();
    int space = subject.lastIndexOf(' ', cut);
    if (space >= cut - MAX_WORD_BACKTRACK) {
      cut = space;
    }
    return subject.substring(0, cut).stripTrailing() + ELLIPSIS;
  }

  /** SNS ends every email with a footer about the subscription; this one names the topic. */
  String footer(String endpoint) {
    return "\n\n--\n"
        + "Sent by the local SNS twin from topic " + name + " (" + arn() + ") to " + endpoint + ".\n"
        + "On AWS this footer holds the unsubscribe link; locally, change the topic's subscriptions in the"
        + " workflow definition.\n";
  }

  private DeliveryResult send(String endpoint, String subject, String body) {
    Instant now = clock.instant();
    try {
      MimeMessage email = new MimeMessage(session);
      email.setFrom(new InternetAddress(smtp.from(), displayName, StandardCharsets.UTF_8.name()));
      email.setRecipients(Message.RecipientType.TO, InternetAddress.parse(endpoint, true));
      email.setSubject(subject, StandardCharsets.UTF_8.name());
      email.setText(body, StandardCharsets.UTF_8.name());
      email.setSentDate(Date.from(now));
      email.setHeader("X-Lake-Topic-Arn", arn());
      if (smtp.authenticated()) {
        Transport.send(email, smtp.username(), smtp.password());
      } else {
        Transport.send(email);
      }
      LOG.info("Topic {} emailed {}: {}", name, endpoint, subject);
      return DeliveryResult.succeeded(now, name, EMAIL, endpoint, subject);
    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
      String error = describe(e);
      LOG.warn("Topic {} could not email {} through {}:{}: {}", name, endpoint, smtp.host(), smtp.port(), error);
      return DeliveryResult.failed(now, name, EMAIL, endpoint, subject, error);
    }
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    while (cause != null && cause != e) {
      text.append(": ").append(cause.getMessage());
      e = cause;
      cause = cause.getCause();
    }
    return e.getClass().getSimpleName() + " - " + text;
  }

  private static Properties sessionProperties(SmtpSettings smtp) {
    Properties properties = new Properties();
    String timeout = Long.toString(SMTP_TIMEOUT.toMillis());
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", Integer.toString(smtp.port()));
    properties.put("mail.smtp.auth", Boolean.toString(smtp.authenticated()));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
    properties.put("mail.smtp.connectiontimeout", timeout);
    properties.put("mail.smtp.timeout", timeout);
    properties.put("mail.smtp.writetimeout", timeout);
    properties.put("mail.smtp.from", smtp.from());
    return properties;
  }
}
