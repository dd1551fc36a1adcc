package com.paymentslake.crawlers;

import com.paymentslake.crawlers.CrawlerException.ErrorCode;

/**
 * A failure inside one target's crawl, before the crawler and target are known to the code that
 * raised it; {@link LocalCrawler} turns it into a {@link CrawlerException}.
 */
final class CrawlFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  CrawlFailure(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  ErrorCode code() {
    return code;
  }
}
