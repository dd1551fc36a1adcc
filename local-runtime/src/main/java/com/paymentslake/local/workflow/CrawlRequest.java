package com.paymentslake.local.workflow;

import com.paymentslake.workflow.CrawlerDefinition;
import java.util.Objects;

/**
 * One crawl, as a workflow run starts it.
 *
 * @param crawler the (placeholder-resolved) crawler definition
 * @param crawlId the crawl's id (a UUID, as Glue's CrawlId)
 * @param workflowName the workflow the run belongs to
 * @param workflowRunId the workflow run
 */
public record CrawlRequest(CrawlerDefinition crawler, String crawlId, String workflowName, String workflowRunId) {
  public CrawlRequest {
    Objects.requireNonNull(crawler, "crawler");
    Objects.requireNonNull(crawlId, "crawlId");
  }

  public String crawlerName() {
    return crawler.name();
  }
}
