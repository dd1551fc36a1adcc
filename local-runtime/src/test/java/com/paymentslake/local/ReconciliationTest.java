package com.paymentslake.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.jobs.bronze.BronzeResult;
import com.paymentslake.jobs.silver.SilverResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
  private static final List<LocalDate> DATES = List.of(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));

  /** 1,000 raw lines: 10 rejected + 20 drift + 900 new + 30 replaced + 5 loaded + 25 duplicates + 10 superseded. */
  private static BronzeResult bronze(long rawLines) {
    return new BronzeResult("bronze-1", DATES, 3, rawLines, 1, 20, 10, 25, 10, 900, 30, 5, DATES, 100, 1_000);
  }

  private static SilverResult silver(long inScope, long silverRows, long auditRows) {
    return new SilverResult("silver-1", DATES, inScope, silverRows, auditRows, Map.of("completeness.amount", auditRows), "s3a://b/x.json");
  }

  @Test
  void balancesWhenEveryRawLineAndEveryBronzeRowIsAccountedFor() {
    Reconciliation reconciliation = new Reconciliation(1_000, 3, bronze(1_000), Optional.of(silver(1_000, 990, 10)));

    assertThat(reconciliation.bronzeAccountedLines()).isEqualTo(10 + 20 + 900 + 30 + 5 + 25 + 10);
    assertThat(reconciliation.balanced()).isTrue();
    assertThat(reconciliation.table())
        .contains(
            "bronze: raw 1,000 = rejected 10 + drift 20 + new 900 + replaced 30 + already loaded 5 + duplicates 25"
                + " + superseded 10  OK",
            "silver: bronze rows in scope 1,000 = silver 990 + audit 10  OK")
        .anyMatch(line -> line.startsWith("  schema drift (file quarantined whole)") && line.endsWith("20  1 file"))
        .anyMatch(line -> line.startsWith("bronze rejects written") && line.contains(" 30  rejected + drift"));
  }

  @Test
  void saysFailedForTheEquationThatDoesNotHold() {
    Reconciliation bronzeLost = new Reconciliation(1_001, 3, bronze(1_001), Optional.of(silver(1_000, 990, 10)));
    Reconciliation silverLost = new Reconciliation(1_000, 3, bronze(1_000), Optional.of(silver(1_000, 990, 9)));

    assertThat(bronzeLost.bronzeBalanced()).isFalse();
    assertThat(bronzeLost.balanced()).isFalse();
    assertThat(bronzeLost.table()).anyMatch(line -> line.startsWith("bronze: raw 1,001 = ") && line.endsWith("FAILED"));
    assertThat(silverLost.silverBalanced()).isFalse();
    assertThat(silverLost.table()).contains("silver: bronze rows in scope 1,000 = silver 990 + audit 9  FAILED");
  }

  @Test
  void withoutASilverRunOnlyBronzeIsReconciled() {
    Reconciliation reconciliation = new Reconciliation(1_000, 3, bronze(1_000), Optional.empty());

    assertThat(reconciliation.balanced()).isTrue();
    assertThat(reconciliation.table())
        .contains("silver: no successful run (see the run graph above)")
        .noneMatch(line -> line.startsWith("silver: bronze rows in scope"));
  }
}
