package com.paymentslake.local.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
  @Test
  void noHostMeansNoServerConfigured() {
    assertThat(SmtpSettings.fromEnvironment(Map.of())).isEmpty();
    assertThat(SmtpSettings.fromEnvironment(Map.of("LAKE_SMTP_HOST", " ", "LAKE_SMTP_PORT", "2525"))).isEmpty();
  }

  @Test
  void defaultsPinned() {
    assertThat(SmtpSettings.fromEnvironment(Map.of("LAKE_SMTP_HOST", "mail.example.com")))
        .contains(new SmtpSettings("mail.example.com", 25, "payments-lake-alerts@localhost", null, null, false));
    assertThat(SmtpSettings.fromEnvironment(Map.of("LAKE_SMTP_HOST", "mail.example.com", "LAKE_SMTP_STARTTLS", "true")))
        .map(SmtpSettings::port).contains(587);
  }

  @Test
  void everyVariableIsRead() {
    Optional<SmtpSettings> settings = SmtpSettings.fromEnvironment(Map.of(
        "LAKE_SMTP_HOST", "smtp.example.com",
        "LAKE_SMTP_PORT", "2525",
        "LAKE_SMTP_FROM", "lake@example.com",
        "LAKE_SMTP_USER", "lake",
        "LAKE_SMTP_PASSWORD", "s3cret",
        "LAKE_SMTP_STARTTLS", "TRUE"));

    assertThat(settings).contains(new SmtpSettings("smtp.example.com", 2525, "lake@example.com", "lake", "s3cret", true));
    assertThat(settings.orElseThrow().authenticated()).isTrue();
  }

  @Test
  void portThatIsNotANumberIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("LAKE_SMTP_HOST", "h", "LAKE_SMTP_PORT", "smtp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LAKE_SMTP_PORT is set to 'smtp' but must be a port number (1 to 65535)");
  }

  @Test
  void portOutOfRangeIsRejected() {
    assertThatThrownBy(() -> SmtpSettings.plain("h", 70000, "a@b.c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SMTP port is set to 70000 but must be between 1 and 65535");
  }

  @Test
  void startTlsFlagMustBeTrueOrFalse() {
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("LAKE_SMTP_HOST", "h", "LAKE_SMTP_STARTTLS", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LAKE_SMTP_STARTTLS is set to 'yes' but must be true or false");
  }

  @Test
  void passwordWithoutUsernameIsRejected() {
    assertThatThrownBy(() -> new SmtpSettings("h", 25, "a@b.c", null, "pw", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an SMTP password is set but no username; set both or neither");
  }

  @Test
  void fromMustBeAnAddress() {
    assertThatThrownBy(() -> SmtpSettings.plain("h", 25, "not an address"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SMTP from address is set to 'not an address' but must be an email address");
  }

  @Test
  void passwordNeverShows() {
    assertThat(new SmtpSettings("h", 25, "a@b.c", "user", "s3cret", false).toString())
        .doesNotContain("s3cret")
        .contains("password=****");
  }
}
