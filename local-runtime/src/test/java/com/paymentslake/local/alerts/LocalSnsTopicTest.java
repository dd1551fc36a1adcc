package com.paymentslake.local.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.workflow.AlertTopic;
import com.paymentslake.workflow.AlertTopic.Subscription;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local SNS email: subject rule and subscriptions (delivery itself: {@link LocalAlertsTest}). */
class LocalSnsTopicTest {
  private static final SmtpSettings UNUSED = SmtpSettings.plain("127.0.0.1", 9, SmtpSettings.DEFAULT_FROM);

  @Test
  void subjectIsDisplayNameAndFirstLine() {
    assertThat(LocalSnsTopic.subject("payments-lake alerts", "\n  Glue job x FAILED.\n\nError: boom"))
        .isEqualTo("payments-lake alerts: Glue job x FAILED.");
  }

  @Test
  void longSubjectIsCutAtAWordBelowSnsLimitOf100Characters() {
    String firstLine = "Glue job payments-lake-silver FAILED in run jr_20261122T070000_silver at 2026-11-22T07:00:00Z (account 0)";

    assertThat(LocalSnsTopic.subject("payments-lake alerts", firstLine + "\nmore"))
        .isEqualTo("payments-lake alerts: Glue job payments-lake-silver FAILED in run jr_20261122T070000_silver at...");
  }

  @Test
  void longWordIsCutWhereTheLimitFalls() {
    String runId = "jr_" + "0123456789abcdef".repeat(4);

    String subject = LocalSnsTopic.subject("payments-lake alerts", "Glue job payments-lake-silver FAILED in run " + runId);

    assertThat(subject).hasSize(99).isEqualTo(
        ("payments-lake alerts: Glue job payments-lake-silver FAILED in run " + runId).substring(0, 96) + "...");
  }

  @Test
  void subjectHasNoControlCharacters() {
    assertThat(LocalSnsTopic.subject("alerts", "tab\there\u0007bell")).isEqualTo("alerts: tab here bell");
  }

  @Test
  void endpointPlaceholdersAreResolved() {
    AlertTopic topic = new AlertTopic("t", "T", List.of(new Subscription("email", "${AlertEmail}")));

    LocalSnsTopic sns = new LocalSnsTopic(topic, Map.of("AlertEmail", "ops@example.com"), UNUSED);

    assertThat(sns.emailEndpoints()).containsExactly("ops@example.com");
    assertThat(sns.arn()).isEqualTo("arn:aws:sns:us-east-1:000000000000:t");
  }

  @Test
  void onlyEmailSubscriptionsAreSupported() {
    AlertTopic topic = new AlertTopic("t", "T", List.of(new Subscription("sqs", "arn:aws:sqs:us-east-1:1:q")));

    assertThatThrownBy(() -> new LocalSnsTopic(topic, Map.of(), UNUSED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topic 't' has a subscription with protocol 'sqs' but the local twin delivers only 'email'");
  }

  @Test
  void endpointMustBeAnAddress() {
    AlertTopic topic = new AlertTopic("t", "T", List.of(new Subscription("email", "nobody")));

    assertThatThrownBy(() -> new LocalSnsTopic(topic, Map.of(), UNUSED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("topic 't' has email subscription 'nobody' that is not an email address");
  }
}
