package com.paymentslake.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.generator.Chunk;
import com.paymentslake.generator.DefectRates;
import com.paymentslake.generator.GeneratorConfig;
import com.paymentslake.generator.PaymentGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenerationPlanTest {
  /** Three days of three files each (2,760-3,360 base rows, 1,000 per file), a drift file on day 2. */
  private static final List<Chunk> CHUNKS = new PaymentGenerator(GeneratorConfig.defaults()
      .withStartDate(LocalDate.parse("2026-11-17"))
      .withDays(3)
      .withRowsPerDay(3_000)
      .withRowsPerFile(1_000)
      .withDefects(DefectRates.defaults().withSchemaDriftEveryNthDay(2)))
      .chunks();

  @Test
  void wavesGroupWholeConsecutiveDatesUpToTheRowBoundEachInTaskOrder() {
    long[] dayRows = new long[3];
    CHUNKS.forEach(c -> dayRows[c.dayIndex()] += c.baseRows());

    // A bound that holds two days but not three: days 1-2, then day 3.
    List<List<Integer>> waves = GenerationPlan.waves(CHUNKS, dayRows[0] + dayRows[1]);
    assertThat(waves).hasSize(2);
    assertThat(dates(waves.get(0))).containsExactly(LocalDate.parse("2026-11-17"), LocalDate.parse("2026-11-18"));
    assertThat(dates(waves.get(1))).containsExactly(LocalDate.parse("2026-11-19"));
    for (List<Integer> wave : waves) {
      assertThat(wave.stream().map(CHUNKS::get).toList())
          .isSortedAccordingTo(GenerationPlan.TASK_ORDER);
      assertThat(wave.stream().mapToLong(i -> CHUNKS.get(i).baseRows()).sum())
          .isLessThanOrEqualTo(dayRows[0] + dayRows[1]);
    }
    // Every chunk once, across the waves.
    assertThat(waves.stream().flatMap(List::stream).sorted().toList())
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, CHUNKS.size()).boxed().toList());

    // A date bigger than the bound is a wave of its own, never split (its manifest needs all its files).
    List<List<Integer>> perDate = GenerationPlan.waves(CHUNKS, 1);
    assertThat(perDate).hasSize(3);
    assertThat(perDate).allSatisfy(wave -> assertThat(dates(wave)).hasSize(1));
    // One wave holds the whole run when it fits: the plain task order.
    assertThat(GenerationPlan.waves(CHUNKS, GenerationPlan.WAVE_ROWS)).containsExactly(GenerationPlan.taskOrder(CHUNKS));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GenerationPlan.waves(CHUNKS, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  private static List<LocalDate> dates(List<Integer> wave) {
    return wave.stream().map(i -> CHUNKS.get(i).ingestDate()).distinct().sorted().toList();
  }

  @Test
  void tasksRunBiggestFileFirstInAnOrderNoInputOrderChanges() {
    List<Chunk> order = GenerationPlan.taskOrder(CHUNKS).stream().map(CHUNKS::get).toList();
    List<Chunk> reversed = new ArrayList<>(CHUNKS);
    Collections.reverse(reversed);

    assertThat(GenerationPlan.taskOrder(CHUNKS)).doesNotHaveDuplicates().hasSize(CHUNKS.size());
    assertThat(order).isSortedAccordingTo(Comparator.comparingLong(Chunk::baseRows).reversed());
    assertThat(GenerationPlan.taskOrder(reversed).stream().map(reversed::get).toList()).containsExactlyElementsOf(order);
    assertThat(order.get(0).baseRows()).isEqualTo(1_000);
    assertThat(order.get(order.size() - 1).drift()).as("the small drift file runs last").isTrue();
  }

  @Test
  void stalePartsAreThePartFilesThisRunDidNotWrite() {
    List<String> existing = List.of("part-00000.csv", "part-00001.csv", "part-00002.csv.gz", "part-drift-00000.csv",
        "_SUCCESS", "notes.txt", "part-00003.parquet", "part-00004.csv.bak", ".part-00005.csv.1a2b3c4d.inprogress",
        "part-00000.csv.crc", "PART-00006.csv");

    assertThat(GenerationPlan.staleParts(existing, Set.of("part-00000.csv")))
        .containsExactly("part-00001.csv", "part-00002.csv.gz", "part-drift-00000.csv");
    assertThat(GenerationPlan.staleParts(existing, Set.of("part-00000.csv", "part-00001.csv", "part-00002.csv.gz",
        "part-drift-00000.csv"))).isEmpty();
  }

  @Test
  void temporaryNamesAreHiddenUniqueAndRecognised() {
    String first = GenerationPlan.temporaryName("part-00001.csv.gz");
    String second = GenerationPlan.temporaryName("part-00001.csv.gz");

    assertThat(first).startsWith(".part-00001.csv.gz.").endsWith(".inprogress").isNotEqualTo(second);
    assertThat(GenerationPlan.isTemporary(first)).isTrue();
    assertThat(GenerationPlan.isTemporary(".part-00001.csv.inprogress")).as("the single-process generator's").isTrue();
    assertThat(GenerationPlan.isTemporary("part-00001.csv")).isFalse();
    assertThat(GenerationPlan.isTemporary("part-00001.csv.inprogress")).as("not hidden: not ours").isFalse();
    assertThat(GenerationPlan.isPartFile(first)).isFalse();
  }
}
