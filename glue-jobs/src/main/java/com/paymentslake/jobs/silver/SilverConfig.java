package com.paymentslake.jobs.silver;

import com.paymentslake.contract.LakeLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of one silver run.
 *
 * @param lake the lake root and zone layout
 * @param txnDates bronze txn_date partitions to validate and promote (at least one)
 * @param rulesPath where the DQDL ruleset is read from (any Hadoop path, e.g. s3://.../x.dqdl);
 *     empty means the packaged {@code dq-rules/silver_payments.dqdl}
 * @param runId id of this run; recorded on audit rows and in the DQ summary
 */
public record SilverConfig(LakeLayout lake, List<LocalDate> txnDates, Optional<String> rulesPath, String runId) {
  public SilverConfig {
    Objects.requireNonNull(lake, "lake");
    Objects.requireNonNull(rulesPath, "rulesPath");
    Objects.requireNonNull(runId, "runId");
    txnDates = List.copyOf(txnDates).stream().distinct().sorted().toList();
    if (txnDates.isEmpty()) {
      throw new IllegalArgumentException("txnDates is empty but must name at least one bronze txn_date partition");
    }
    if (runId.isBlank()) {
      throw new IllegalArgumentException("runId is blank");
    }
    if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "runId '" + runId + "' must start with a letter or digit and hold only letters, digits, '.', '_' and '-'"
              + " (it names the run's DQ summary file)");
    }
  }
}
