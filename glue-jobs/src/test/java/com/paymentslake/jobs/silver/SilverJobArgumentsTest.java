package com.paymentslake.jobs.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.jobs.common.JobFailure;
import com.paymentslake.jobs.common.TxnDateScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SilverJobArgumentsTest {
  private static final String ALLOWED =
      "allowed: --lake-root (required: lake root URI, e.g. s3://bucket or file:///tmp/lake), --txn-dates (required"
          + " unless --ingest-dates: comma-separated bronze txn_date partitions, e.g. 2026-11-01,2026-11-02),"
          + " --ingest-dates (instead of --txn-dates: raw ingest dates; validates the txn_date partitions bronze loaded"
          + " them into), --rules-path (optional: DQDL"
          + " ruleset path; default the packaged dq-rules/silver_payments.dqdl), --run-id (optional: run id; default"
          + " Glue's JOB_RUN_ID, else silver-<UTC time>-<random>)";

  @Test
  void parsesEveryArgument() {
    SilverConfig config =
        SilverJob.config(
            new String[] {
              "--JOB_NAME", "payments-silver", "--lake-root", "s3://lake/", "--txn-dates", "2026-11-02, 2026-11-01",
              "--rules-path", "s3://lake/rules/silver.dqdl", "--run-id", "run-42"
            });

    assertThat(config.lake().root()).isEqualTo("s3://lake");
    assertThat(config.txnDates()).containsExactly(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));
    assertThat(config.rulesPath()).contains("s3://lake/rules/silver.dqdl");
    assertThat(config.runId()).isEqualTo("run-42");
  }

  @Test
  void defaultsToThePackagedRulesAndGluesRunId() {
    SilverConfig config =
        SilverJob.config(
            new String[] {
              "--JOB_NAME", "payments-silver", "--JOB_RUN_ID", "jr_0123abcd", "--TempDir", "s3://tmp/",
              "--enable-metrics", "true", "--lake-root", "file:///tmp/lake", "--txn-dates", "2026-11-01"
            });

    assertThat(config.rulesPath()).isEqualTo(Optional.empty());
    assertThat(config.runId()).isEqualTo("jr_0123abcd");
  }

  @Test
  void generatesARunIdOutsideGlue() {
    SilverConfig config =
        SilverJob.config(new String[] {"--lake-root", "file:///tmp/lake", "--txn-dates", "2026-11-01"});

    assertThat(config.runId()).matches("silver-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
  }

  @Test
  void aMissingRequiredArgumentIsNamed() {
    assertThatThrownBy(() -> SilverJob.config(new String[] {"--txn-dates", "2026-11-01"}))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INVALID_ARGUMENT: job silver needs argument --lake-root");
  }

  @Test
  void aDateThatIsNotIsoIsNamed() {
    assertThatThrownBy(
            () -> SilverJob.config(new String[] {"--lake-root", "s3://lake", "--txn-dates", "2026-11-01,2026-13-01"}))
        .isInstanceOf(JobFailure.class)
        .hasMessage(
            "INVALID_ARGUMENT: job silver: argument --txn-dates item 2 '2026-13-01' is not an ISO date (yyyy-MM-dd);"
                + " expected e.g. 2026-11-01,2026-11-02");
  }

  @Test
  void anUnknownArgumentListsTheAllowedOnes() {
    assertThatThrownBy(
            () -> SilverJob.config(new String[] {"--lake-root", "s3://lake", "--txn-date", "2026-11-01"}))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INVALID_ARGUMENT: job silver: unknown argument --txn-date; " + ALLOWED);
  }

  @Test
  void aRunIdThatCannotNameAFileIsRejected() {
    assertThatThrownBy(
            () -> SilverJob.config(
                new String[] {"--lake-root", "s3://lake", "--txn-dates", "2026-11-01", "--run-id", "a/b"}))
        .isInstanceOf(JobFailure.class)
        .hasMessage(
            "INVALID_ARGUMENT: job silver: runId 'a/b' must start with a letter or digit and hold only letters, digits,"
                + " '.', '_' and '-' (it names the run's DQ summary file)");
  }

  @Test
  void configRejectsAnEmptyDateList() {
    assertThatThrownBy(
            () -> new SilverConfig(new com.paymentslake.contract.LakeLayout("s3://lake"), List.of(), Optional.empty(), "r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("txnDates is empty but must name at least one bronze txn_date partition");
  }

  @Test
  void ingestDatesBecomeTheTxnDatesBronzeLoadedThemInto() {
    Optional<SilverConfig> config =
        SilverJob.config(
            new String[] {"--lake-root", "s3://lake", "--ingest-dates", "2026-11-03,2026-11-04"},
            (lake, ingestDates) -> {
              assertThat(lake.root()).isEqualTo("s3://lake");
              assertThat(ingestDates).containsExactly(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-04"));
              return List.of(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));
            });

    assertThat(config).map(SilverConfig::txnDates).contains(
        List.of(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")));
  }

  @Test
  void ingestDatesWithoutAnyTypedRowLeaveNothingToDo() {
    assertThat(SilverJob.config(new String[] {"--lake-root", "s3://lake", "--ingest-dates", "2026-11-03"},
        (lake, ingestDates) -> List.of())).isEmpty();
  }

  @Test
  void exactlyOneScopeArgumentIsRequired() {
    assertThatThrownBy(() -> SilverJob.config(new String[] {"--lake-root", "s3://lake"}))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INVALID_ARGUMENT: job silver needs exactly one of --txn-dates and --ingest-dates (neither given, and no --WORKFLOW_RUN_ID to look up)");
    assertThatThrownBy(() -> SilverJob.config(
            new String[] {"--lake-root", "s3://lake", "--txn-dates", "2026-11-01", "--ingest-dates", "2026-11-01"}))
        .isInstanceOf(JobFailure.class)
        .hasMessage("INVALID_ARGUMENT: job silver needs exactly one of --txn-dates and --ingest-dates (both given)");
  }

  @Test
  void inAWorkflowRunWithoutDatesTheScopeIsWhatBronzeLoadedInThatRun() {
    TxnDateScope lineage = new TxnDateScope() {
      @Override
      public List<LocalDate> txnDatesOf(com.paymentslake.contract.LakeLayout lake, List<LocalDate> ingestDates) {
        assertThat(ingestDates).containsExactly(LocalDate.parse("2026-11-04"));
        return List.of(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-04"));
      }

      @Override
      public List<LocalDate> ingestDatesOfWorkflowRun(com.paymentslake.contract.LakeLayout lake, String workflowRunId) {
        assertThat(workflowRunId).isEqualTo("wr_7");
        return List.of(LocalDate.parse("2026-11-04"));
      }
    };

    Optional<SilverConfig> config = SilverJob.config(
        new String[] {"--WORKFLOW_NAME", "payments-lake", "--WORKFLOW_RUN_ID", "wr_7", "--lake-root", "s3://lake"},
        lineage);

    assertThat(config).map(SilverConfig::txnDates)
        .contains(List.of(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-04")));
  }
}
