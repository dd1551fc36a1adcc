package com.paymentslake.local.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paymentslake.contract.PanSafety;
import com.paymentslake.workflow.JobRunState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the EventBridge events Glue emits, as JSON text in AWS's exact shape (keys, nesting, and
 * value types: the crawler counts are strings, as AWS sends them), so the alert rules' event
 * patterns and input transformers see locally what they see in AWS.
 *
 * <ul>
 *   <li>{@code Glue Job State Change}: detail {@code jobName, severity, state, jobRunId, message}, for
 *       the final states SUCCEEDED, FAILED, TIMEOUT and STOPPED of every job run (each attempt).
 *   <li>{@code Glue Crawler State Change}: Started (detail {@code accountId, crawlerName, startTime,
 *       state, message}), Succeeded (counts, {@code runningTime (sec)}, {@code completionDate}, ...)
 *       and Failed ({@code errorMessage}, ...).
 * </ul>
 *
 * <p>Messages are PAN-masked before they are put in an event.
 */
public final class GlueEvents {
  /** The account of the local twin. */
  public static final String LOCAL_ACCOUNT = "000000000000";
  /** The region of the local twin. */
  public static final String LOCAL_REGION = "us-east-1";

  public static final String JOB_STATE_CHANGE = "Glue Job State Change";
  public static final String CRAWLER_STATE_CHANGE = "Glue Crawler State Change";
  public static final String SOURCE = "aws.glue";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String account;
  private final String region;
  private final Clock clock;

  /**
   * @param account the 12-digit account id events carry
   * @param region the region events carry
   * @param clock the time events carry
   */
  public GlueEvents(String account, String region, Clock clock) {
    if (account == null || !account.matches("\\d{12}")) {
      throw new IllegalArgumentException("account is '" + account + "' but must be 12 digits");
    }
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region must not be blank");
    }
    this.account = account;
    this.region = region;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Events of the local twin: account {@value #LOCAL_ACCOUNT}, region {@value #LOCAL_REGION}. */
  public static GlueEvents local() {
    return new GlueEvents(LOCAL_ACCOUNT, LOCAL_REGION, Clock.systemUTC());
  }

  public String account() {
    return account;
  }

  public String region() {
    return region;
  }

  /**
   * Glue's severity of a final job state: INFO for SUCCEEDED, WARN for STOPPED, ERROR for FAILED and
   * TIMEOUT.
   */
  public static String severity(JobRunState state) {
    return switch (state) {
      case SUCCEEDED -> "INFO";
      case STOPPED -> "WARN";
      case FAILED, TIMEOUT -> "ERROR";
      default -> throw new IllegalArgumentException(
          "Glue emits Glue Job State Change only for SUCCEEDED, FAILED, TIMEOUT and STOPPED, not " + state);
    };
  }

  /**
   * A {@code Glue Job State Change} event.
   *
   * @param state SUCCEEDED, FAILED, TIMEOUT or STOPPED
   * @param message "Job run succeeded" for SUCCEEDED, otherwise the error message
   */
  public String jobStateChange(String jobName, String jobRunId, JobRunState state, String message) {
    ObjectNode event = envelope(JOB_STATE_CHANGE);
    ObjectNode detail = event.putObject("detail");
    detail.put("jobName", jobName);
    detail.put("severity", severity(state));
    detail.put("state", state.name());
    detail.put("jobRunId", jobRunId);
    detail.put("message", PanSafety.mask(message == null ? "" : message));
    return json(event);
  }

  /** A {@code Glue Crawler State Change} event with state Started. */
  public String crawlerStarted(String crawlerName, Instant startTime) {
    ObjectNode event = envelope(CRAWLER_STATE_CHANGE);
    ObjectNode detail = event.putObject("detail");
    detail.put("accountId", account);
    detail.put("crawlerName", crawlerName);
    detail.put("startTime", iso(startTime));
    detail.put("state", "Started");
    detail.put("message", "Crawler Started");
    return json(event);
  }

  /** A {@code Glue Crawler State Change} event with state Succeeded and what the crawl changed. */
  public String crawlerSucceeded(String crawlerName, CrawlCounts counts, Duration runningTime, Instant completionDate) {
    ObjectNode event = envelope(CRAWLER_STATE_CHANGE);
    ObjectNode detail = event.putObject("detail");
    detail.put("tablesCreated", String.valueOf(counts.tablesCreated()));
    detail.put("warningMessage", "N/A");
    detail.put("partitionsUpdated", String.valueOf(counts.partitionsUpdated()));
    detail.put("tablesUpdated", String.valueOf(counts.tablesUpdated()));
    detail.put("message", "Crawler Succeeded");
    detail.put("partitionsDeleted", String.valueOf(counts.partitionsDeleted()));
    detail.put("accountId", account);
    detail.put("runningTime (sec)", String.valueOf(runningTime.toSeconds()));
    detail.put("tablesDeleted", String.valueOf(counts.tablesDeleted()));
    detail.put("crawlerName", crawlerName);
    detail.put("completionDate", iso(completionDate));
    detail.put("state", "Succeeded");
    detail.put("partitionsCreated", String.valueOf(counts.partitionsCreated()));
    detail.put("cloudWatchLogLink", logLink(crawlerName));
    return json(event);
  }

  /** A {@code Glue Crawler State Change} event with state Failed. */
  public String crawlerFailed(String crawlerName, String errorMessage) {
    ObjectNode event = envelope(CRAWLER_STATE_CHANGE);
    ObjectNode detail = event.putObject("detail");
    detail.put("crawlerName", crawlerName);
    detail.put("errorMessage", PanSafety.mask(errorMessage == null ? "" : errorMessage));
    detail.put("accountId", account);
    detail.put("cloudWatchLogLink", logLink(crawlerName));
    detail.put("state", "Failed");
    detail.put("message", "Crawler Failed");
    return json(event);
  }

  private ObjectNode envelope(String detailType) {
    ObjectNode event = MAPPER.createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", detailType);
    event.put("source", SOURCE);
    event.put("account", account);
    event.put("time", iso(clock.instant()));
    event.put("region", region);
    event.putArray("resources");
    return event;
  }

  /** Where AWS points crawler events: the crawler's stream in CloudWatch Logs. */
  private String logLink(String crawlerName) {
    return "https://console.aws.amazon.com/cloudwatch/home?region=" + region
        + "#logEventViewer:group=/aws-glue/crawlers;stream=" + crawlerName;
  }

  /** EventBridge's time format: ISO-8601 UTC to the second, e.g. 2017-11-11T01:25:00Z. */
  static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String json(ObjectNode event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize event", e);
    }
  }
}
