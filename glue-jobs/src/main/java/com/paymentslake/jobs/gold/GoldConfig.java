package com.paymentslake.jobs.gold;

import com.paymentslake.contract.LakeLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of one gold run.
 *
 * @param lake the lake root and zone layout
 * @param txnDates silver txn_date partitions to aggregate (at least one); their gold partitions are
 *     replaced, or removed when silver holds no rows for the date
 * @param runId id of this run; names the run summary file
 */
public record GoldConfig(LakeLayout lake, List<LocalDate> txnDates, String runId) {
  public GoldConfig {
    Objects.requireNonNull(lake, "lake");
    Objects.requireNonNull(runId, "runId");
    txnDates = List.copyOf(txnDates).stream().distinct().sorted().toList();
    if (txnDates.isEmpty()) {
      throw new IllegalArgumentException("txnDates is empty but must name at least one silver txn_date partition");
    }
    if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "runId '" + runId + "' must start with a letter or digit and hold only letters, digits, '.', '_' and '-'"
              + " (it names the run's summary file)");
    }
  }
}
