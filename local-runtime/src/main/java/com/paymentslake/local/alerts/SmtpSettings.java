package com.paymentslake.local.alerts;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP server the local SNS twin sends alert emails through.
 *
 * <p>From the environment ({@link #fromEnvironment(Map)}):
 *
 * <table>
 *   <caption>SMTP configuration</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@value #HOST_ENV}</td><td>(unset)</td><td>SMTP host. Unset or empty means no server is
 *       configured: the demo then starts an embedded one ({@link EmbeddedSmtpServer}).</td></tr>
 *   <tr><td>{@value #PORT_ENV}</td><td>587 with STARTTLS, else 25</td><td>SMTP port</td></tr>
 *   <tr><td>{@value #FROM_ENV}</td><td>{@value #DEFAULT_FROM}</td><td>sender address</td></tr>
 *   <tr><td>{@value #USER_ENV}</td><td>(none)</td><td>login; unset means no authentication</td></tr>
 *   <tr><td>{@value #PASSWORD_ENV}</td><td>(none)</td><td>password; needs a login</td></tr>
 *   <tr><td>{@value #STARTTLS_ENV}</td><td>false</td><td>{@code true} requires STARTTLS</td></tr>
 * </table>
 *
 * @param host the server's host name or address
 * @param port the server's port, 1 to 65535
 * @param from the sender address
 * @param username the login, or {@code null} for none
 * @param password the password, or {@code null}; only with a username
 * @param startTls whether STARTTLS is required
 */
public record SmtpSettings(String host, int port, String from, String username, String password, boolean startTls) {
  public static final String HOST_ENV = "LAKE_SMTP_HOST";
  public static final String PORT_ENV = "LAKE_SMTP_PORT";
  public static final String FROM_ENV = "LAKE_SMTP_FROM";
  public static final String USER_ENV = "LAKE_SMTP_USER";
  public static final String PASSWORD_ENV = "LAKE_SMTP_PASSWORD";
  public static final String STARTTLS_ENV = "LAKE_SMTP_STARTTLS";

  /** Sender when none is configured. */
  public static final String DEFAULT_FROM = "payments-lake-alerts@localhost";

  public SmtpSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("SMTP host is empty but must be a host name or address");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SMTP port is set to " + port + " but must be between 1 and 65535");
    }
    Objects.requireNonNull(from, "from");
    try {
      new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("SMTP from address is set to '" + from + "' but must be an email address", e);
    }
    username = username == null || username.isEmpty() ? null : username;
    password = password == null || password.isEmpty() ? null : password;
    if (password != null && username == null) {
      throw new IllegalArgumentException("an SMTP password is set but no username; set both or neither");
    }
  }

  /** An unauthenticated plain-SMTP server, such as the embedded one. */
  public static SmtpSettings plain(String host, int port, String from) {
    return new SmtpSettings(host, port, from, null, null, false);
  }

  /**
   * The settings given by the {@code LAKE_SMTP_*} variables.
   *
   * @param environment usually {@code System.getenv()}
   * @return empty when {@value #HOST_ENV} is unset or empty: no server is configured
   * @throws IllegalArgumentException naming the variable when a value is invalid
   */
  public static Optional<SmtpSettings> fromEnvironment(Map<String, String> environment) {
    String host = value(environment, HOST_ENV);
    if (host == null) {
      return Optional.empty();
    }
    boolean startTls = flag(environment, STARTTLS_ENV);
    String portText = value(environment, PORT_ENV);
    int port = startTls ? 587 : 25;
    if (portText != null) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(PORT_ENV + " is set to '" + portText + "' but must be a port number (1 to 65535)");
      }
    }
    String from = value(environment, FROM_ENV);
    return Optional.of(new SmtpSettings(host, port, from == null ? DEFAULT_FROM : from,
        value(environment, USER_ENV), value(environment, PASSWORD_ENV), startTls));
  }

  /** True when a username is set. */
  public boolean authenticated() {
    return username != null;
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "SmtpSettings[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
        + ", password=" + (password == null ? "(none)" : "****") + ", startTls=" + startTls + "]";
  }

  private static String value(Map<String, String> environment, String key) {
    String value = environment.get(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static boolean flag(Map<String, String> environment, String key) {
    String value = value(environment, key);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException(key + " is set to '" + value + "' but must be true or false");
  }
}
