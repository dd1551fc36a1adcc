package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.DetectionStage;
import com.paymentslake.contract.TruthManifest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-day run with the default defect rates (222,000 base rows, several files per day so replays
 * cross both file and day boundaries), read back from the files alone.
 */
class DirtyDataTest {
  private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);

  @TempDir static Path root;
  private static GeneratorConfig config;
  private static GenerationSummary summary;
  private static RawLake lake;
  private static TruthCheck.Found found;

  @BeforeAll
  static void generate() throws Exception {
    config = GeneratorConfig.defaults()
        .withStartDate(FRIDAY)
        .withDays(2)
        .withRowsPerDay(100_000)
        .withRowsPerFile(40_000)
        .withThreads(2);
    summary = new PaymentGenerator(config).generate(new LocalDirectoryTarget(root), GenerationListener.NONE);
    lake = RawLake.read(root);
    found = TruthCheck.verify(lake);
  }

  @Test
  void manifestsListExactlyTheDefectiveLinesTheFilesShow() {
    // TruthCheck.verify asserted it line by line; here: every kind really occurred.
    for (DefectKind kind : DefectKind.values()) {
      long total = found.defects().values().stream().mapToLong(m -> m.getOrDefault(kind, Map.of()).size()).sum();
      assertThat(total).as(kind.name()).isPositive();
    }
  }

  @Test
  void eachDefectKindAppearsAtItsRate() {
    long baseRows = config.baseRowsFor(FRIDAY) + config.baseRowsFor(FRIDAY.plusDays(1));
    assertThat(baseRows).isEqualTo(110_000 + 112_000);
    for (DefectKind kind : DefectKind.values()) {
      if (kind == DefectKind.SCHEMA_DRIFT) {
        continue;
      }
      double rate = config.defects().rate(kind);
      double expected = baseRows * rate;
      double sigma = Math.sqrt(baseRows * rate * (1 - rate));
      assertThat((double) summary.defects().get(kind)).as(kind.name()).isCloseTo(expected, within(4.5 * sigma + 1));
    }
  }

  @Test
  void theSecondDayGetsOneDriftFileOfTheConfiguredSize() {
    RawLake.Partition second = lake.partitions.get(1);
    assertThat(lake.partitions.get(0).files).doesNotContainKey(DayPlan.DRIFT_FILE_NAME);
    assertThat(second.files).containsKey("part-drift-00000.csv");
    long driftRows = Math.max(10, Math.round(0.002 * 100_000));
    assertThat(second.manifest.defect(DefectKind.SCHEMA_DRIFT).count()).isEqualTo(driftRows);
    assertThat(second.dataLines("part-drift-00000.csv")).isEqualTo(driftRows);
    assertThat(second.lines.stream().filter(l -> l.drift))
        .allSatisfy(line -> {
          assertThat(line.fields.get(8)).as("currency under the swapped header").matches("[A-Z]{3}");
          assertThat(line.fields.get(9)).as("amount under the swapped header").matches("\\d+(\\.\\d+)?");
        });
  }

  @Test
  void someReplaysLandInTheNextPartition() {
    TruthManifest second = lake.partitions.get(1).manifest;
    long carried = second.defect(DefectKind.REPLAY_LATER_STATUS).txnIds().stream()
        .filter(id -> id.startsWith("T20260306-"))
        .count();
    long firstDayReplays = lake.partitions.get(0).manifest.defect(DefectKind.REPLAY_LATER_STATUS).count();
    // Of the first day's replays, about a third moves to the second day.
    assertThat((double) carried / (carried + firstDayReplays)).isBetween(0.2, 0.47);
  }

  @Test
  void linesAddUpByDetectionStage() {
    for (RawLake.Partition partition : lake.partitions) {
      TruthManifest manifest = partition.manifest;
      long reject = 0;
      long dedup = 0;
      long audit = 0;
      for (DefectKind kind : DefectKind.values()) {
        long count = manifest.defect(kind).count();
        if (kind.stage() == DetectionStage.BRONZE_REJECT) {
          reject += count;
        } else if (kind.stage() == DetectionStage.BRONZE_DEDUP) {
          dedup += count;
        } else if (kind.stage() == DetectionStage.SILVER_AUDIT) {
          audit += count;
        }
      }
      // Duplicates and replays look clean line by line; everything else is classified.
      long cleanByContent = found.cleanLooking().get(partition.date);
      assertThat(cleanByContent).isEqualTo(manifest.dataLines() - reject - audit);
      assertThat(manifest.dataLines() - reject - dedup - audit).isPositive();
    }
  }

  @Test
  void summaryMatchesTheManifests() {
    long lines = lake.partitions.stream().mapToLong(p -> p.manifest.dataLines()).sum();
    long bytes = lake.partitions.stream().flatMap(p -> p.files.values().stream()).mapToLong(b -> b.length).sum();
    int files = lake.partitions.stream().mapToInt(p -> p.files.size()).sum();
    assertThat(summary.dataLines()).isEqualTo(lines);
    assertThat(summary.bytes()).isEqualTo(bytes);
    assertThat(summary.files()).isEqualTo(files);
    assertThat(summary.ingestDates()).containsExactly(FRIDAY, FRIDAY.plusDays(1));
    for (DefectKind kind : DefectKind.values()) {
      long listed = lake.partitions.stream().mapToLong(p -> p.manifest.defect(kind).count()).sum();
      assertThat(summary.defects().get(kind)).as(kind.name()).isEqualTo(listed);
    }
  }

  @Test
  void txnIdsAreUniqueExceptForDuplicatesAndReplays() {
    long distinct = lake.lines().map(RawLake.Line::txnId).distinct().count();
    long extra = summary.defects().get(DefectKind.EXACT_DUPLICATE)
        + summary.defects().get(DefectKind.REPLAY_LATER_STATUS);
    assertThat(distinct).isEqualTo(summary.dataLines() - extra);
  }
}
