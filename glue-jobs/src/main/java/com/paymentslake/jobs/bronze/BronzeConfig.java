package com.paymentslake.jobs.bronze;

import com.paymentslake.contract.LakeLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of one bronze run.
 *
 * @param lake the lake root and zone layout
 * @param ingestDates raw ingest partitions to promote (at least one)
 * @param runId id of this run; recorded on every reject row
 * @param workflowRunId the Glue workflow run this job run belongs to, if any; recorded in the
 *     ingest lineage so the jobs after bronze in the same workflow run find their scope
 */
public record BronzeConfig(LakeLayout lake, List<LocalDate> ingestDates, String runId, Optional<String> workflowRunId) {
  /** A run outside any workflow. */
  public BronzeConfig(LakeLayout lake, List<LocalDate> ingestDates, String runId) {
    this(lake, ingestDates, runId, Optional.empty());
  }

  public BronzeConfig {
    Objects.requireNonNull(lake, "lake");
    Objects.requireNonNull(workflowRunId, "workflowRunId");
    Objects.requireNonNull(runId, "runId");
    ingestDates = List.copyOf(ingestDates).stream().distinct().sorted().toList();
    if (ingestDates.isEmpty()) {
      throw new IllegalArgumentException("ingestDates is empty but must name at least one raw ingest partition");
    }
    if (runId.isBlank()) {
      throw new IllegalArgumentException("runId is blank");
    }
  }
}
