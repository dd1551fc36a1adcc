package com.paymentslake.local.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server for the demo when none is configured: GreenMail, SMTP only, on a free loopback
 * port. Every message it receives is saved under {@code <data-dir>/alerts/} as an {@code .eml} file
 * named {@code <yyyyMMdd'T'HHmmss.SSS'Z'>-<sequence>-<subject>.eml}, so the files sort in arrival
 * order and open in any mail client.
 *
 * <p>Messages are saved when {@link #receivedAlerts()} or {@link #awaitAlerts(int, Duration)} is
 * called (the {@link LocalAlerts} facade calls it after each event). {@link #close()} saves what is
 * left, then stops the server.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

  /** The alerts folder, relative to the data directory. */
  public static final String ALERTS_DIR = "alerts";

  static final String LOOPBACK = "127.0.0.1";
  private static final int MAX_NAME_SUBJECT = 80;
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final GreenMail greenMail;
  private final Path alertsDir;
  private final Clock clock;
  private final Set<String> saved = new HashSet<>();
  private final List<ReceivedAlert> received = new ArrayList<>();

  private EmbeddedSmtpServer(GreenMail greenMail, Path alertsDir, Clock clock) {
    this.greenMail = greenMail;
    this.alertsDir = alertsDir;
    this.clock = clock;
  }

  /** Starts the server; received messages go to {@code <dataDir>/alerts/}. */
  public static EmbeddedSmtpServer start(Path dataDir) {
    return start(dataDir, Clock.systemUTC());
  }

  static EmbeddedSmtpServer start(Path dataDir, Clock clock) {
    Objects.requireNonNull(dataDir, "dataDir");
    Path alertsDir = dataDir.resolve(ALERTS_DIR);
    try {
      Files.createDirectories(alertsDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the alerts folder " + alertsDir, e);
    }
    GreenMail greenMail = new GreenMail(new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
    EmbeddedSmtpServer server = new EmbeddedSmtpServer(greenMail, alertsDir, clock);
    LOG.info("Embedded SMTP server listening on {}:{}; alerts saved to {}", LOOPBACK, server.port(), alertsDir);
    return server;
  }

  /** The port it listens on. */
  public int port() {
    return greenMail.getSmtp().getPort();
  }

  /** Settings that send to this server. */
  public SmtpSettings settings() {
    return SmtpSettings.plain(LOOPBACK, port(), SmtpSettings.DEFAULT_FROM);
  }

  /** Where received messages are saved. */
  public Path alertsDir() {
    return alertsDir;
  }

  /** Every message received so far, saved as {@code .eml}, in arrival order. */
  public synchronized List<ReceivedAlert> receivedAlerts() {
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      String key = key(message);
      if (saved.add(key)) {
        received.add(save(message));
      }
    }
    return List.copyOf(received);
  }

  /**
   * Waits until at least {@code count} messages have arrived (or the timeout passes).
   *
   * @return what has arrived, as {@link #receivedAlerts()}
   */
  public List<ReceivedAlert> awaitAlerts(int count, Duration timeout) {
    greenMail.waitForIncomingEmail(timeout.toMillis(), count);
    return receivedAlerts();
  }

  /** Saves what has arrived, then stops the server. */
  @Override
  public void close() {
    try {
      receivedAlerts();
    } finally {
      greenMail.stop();
    }
  }

  private ReceivedAlert save(MimeMessage message) {
    Instant now = clock.instant();
    try {
      String subject = message.getSubject();
      String name = FILE_TIME.format(now) + "-" + String.format(Locale.ROOT, "%04d", received.size() + 1) + "-"
          + sanitize(subject) + ".eml";
      Path file = alertsDir.resolve(name);
      try (OutputStream out = Files.newOutputStream(file)) {
        message.writeTo(out);
      }
      Address[] recipients = message.getAllRecipients();
      List<String> to = recipients == null ? List.of() : Arrays.stream(recipients).map(Address::toString).toList();
      LOG.info("Alert email received: {} -> {}", subject, file);
      return new ReceivedAlert(now, subject, to, file);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot read a received alert email: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save a received alert email in " + alertsDir, e);
    }
  }

  /** Identifies a message across calls: its Message-ID, or its content when it has none. */
  private static String key(MimeMessage message) {
    try {
      String id = message.getMessageID();
      if (id != null) {
        return id;
      }
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      message.writeTo(content);
      return "content:" + Arrays.hashCode(content.toByteArray());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("cannot read a received alert email: " + e.getMessage(), e);
    }
  }

  /** A subject as a file-name part: letters, digits, dot, dash and underscore only. */
  static String sanitize(String subject) {
    String name = subject == null ? "" : subject.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[_.]+|[_.]+$", "");
    if (name.length() > MAX_NAME_SUBJECT) {
      name = name.substring(0, MAX_NAME_SUBJECT);
    }
    return name.isEmpty() ? "no-subject" : name;
  }
}
