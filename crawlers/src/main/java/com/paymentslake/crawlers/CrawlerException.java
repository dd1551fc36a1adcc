package com.paymentslake.crawlers;

import java.util.Objects;

/**
 * A crawl that failed: the catalog may hold the tables of the targets crawled before the failing
 * one, and the crawler's seen-folder state is left as it was before the crawl. Glue reports the
 * same situation as crawl state {@code FAILED} with an {@code errorMessage}.
 */
public final class CrawlerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a crawl failed. */
  public enum ErrorCode {
    /** The target could not be listed or a file could not be opened. */
    TARGET_UNREADABLE,
    /** A data file is not readable in its format (e.g. a Parquet footer that cannot be read). */
    CORRUPT_FILE,
    /** The files of one table have schemas that cannot be merged. */
    INCOMPATIBLE_SCHEMA,
    /** One table root holds files of more than one format. */
    MIXED_FORMATS,
    /** The catalog refused a change. */
    CATALOG_FAILURE,
    /** The crawler's seen-folder state could not be read or written. */
    STATE_FAILURE
  }

  private final ErrorCode code;
  private final String crawlerName;
  private final String target;

  CrawlerException(ErrorCode code, String crawlerName, String target, String cause, Throwable e) {
    super(message(code, crawlerName, target, cause), e);
    this.code = Objects.requireNonNull(code, "code");
    this.crawlerName = crawlerName;
    this.target = target;
  }

  private static String message(ErrorCode code, String crawlerName, String target, String cause) {
    return target == null
        ? String.format("Crawler '%s' failed (%s): %s", crawlerName, code, cause)
        : String.format(
            "Crawler '%s' failed on target %s (%s): %s", crawlerName, target, code, cause);
  }

  public ErrorCode code() {
    return code;
  }

  public String crawlerName() {
    return crawlerName;
  }

  /** The target path being crawled when the crawl failed, or null if none. */
  public String target() {
    return target;
  }
}
