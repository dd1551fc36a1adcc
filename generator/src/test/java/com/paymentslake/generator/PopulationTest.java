package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PopulationTest {
  private static final GeneratorConfig CONFIG = GeneratorConfig.defaults()
      .withStartDate(LocalDate.of(2026, 11, 18))
      .withDays(1)
      .withRowsPerDay(200_000)
      .withSeed(3);

  @Test
  void holdersAreOnePerTwoRowsOfADayWithinTheBounds() {
    assertThat(Population.customers(CONFIG)).isEqualTo(100_000);
    assertThat(Population.customers(CONFIG.withRowsPerDay(10))).isEqualTo(Population.MIN_CUSTOMERS);
    assertThat(Population.customers(CONFIG.withRowsPerDay(1_000_000_000L))).isEqualTo(Population.MAX_CUSTOMERS);
  }

  @Test
  void traitsCacheTakesAtMostItsShareOfTheHeap() {
    // A 1/32 share of 8 MiB holds the traits of 65,536 holders (4 bytes each); 1 GiB holds all.
    assertThat(new Population(CONFIG, 8L << 20).traits).hasSize(65_536);
    assertThat(new Population(CONFIG, 1L << 30).traits).hasSize(100_000);
  }

  @Test
  void cardTableGrowsToTwoSlotsPerCardWithinItsBudget() {
    // 19,000 holders beyond the 1,000 with slots of their own, 1.35 cards each: 51,300 cards want
    // 2^16 slots (two per card, rounded up to a power of two) of 64 bytes.
    assertThat(new CardBook(20_000, 1_000, 64L << 20).setSlots()).isEqualTo(1 << 16);
    assertThat(new CardBook(20_000, 1_000, 1L << 20).setSlots()).isEqualTo((1 << 20) / CardBook.SLOT_BYTES);
    assertThat(new CardBook(20_000, 1_000, 0).setSlots()).isEqualTo(CardBook.MIN_SLOTS);
    assertThat(new CardBook(1_000, 1_000, 64L << 20).setSlots()).isZero();
  }

  @Test
  void fullCacheHeapIsWhereTheCachesStopShrinking() {
    // 100,000 holders have card slots of their own: only their traits need heap, 4 bytes at 1/32.
    assertThat(Population.fullCacheHeapBytes(CONFIG)).isEqualTo(100_000L * 4 * 32);
    // 600,000 holders: 337,856 beyond the dense ones want 2^20 set slots of 64 bytes at 1/4 of the heap.
    GeneratorConfig large = CONFIG.withRowsPerDay(1_200_000);
    long heap = Population.fullCacheHeapBytes(large);
    assertThat(heap).isEqualTo((1L << 20) * CardBook.SLOT_BYTES * Population.CARD_HEAP_SHARE);
    Population full = new Population(large, heap);
    assertThat(full.cards.setSlots()).isEqualTo(1 << 20);
    assertThat(full.traits).hasSize(600_000);
    assertThat(new Population(large, heap / 2).cards.setSlots()).isEqualTo(1 << 19);
  }
}
