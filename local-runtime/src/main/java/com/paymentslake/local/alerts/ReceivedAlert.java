package com.paymentslake.local.alerts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An alert email the embedded SMTP server received.
 *
 * @param receivedAt when it was saved
 * @param subject its subject
 * @param to its recipients
 * @param emlFile the saved message (RFC 822, opens in any mail client)
 */
public record ReceivedAlert(Instant receivedAt, String subject, List<String> to, Path emlFile) {
  public ReceivedAlert {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(emlFile, "emlFile");
    subject = subject == null ? "" : subject;
    to = List.copyOf(to);
  }
}
