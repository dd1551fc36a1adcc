package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxnIdsTest {
  @Test
  void spellsTheTxnIdTheEncoderWrites() {
    GeneratorConfig config = GeneratorBench.config(1_000, 1, 3).withStartDate(LocalDate.parse("2026-12-30"));
    Row row = new Row();
    TxnIds.Formatter formatter = new TxnIds.Formatter();
    for (int d = 0; d < config.days(); d++) {
      DayPlan day = new DayPlan(config, d);
      for (long seq : new long[] {0, 7, 999, 1_234_567_890L, TxnIds.MAX_SEQ}) {
        for (boolean drift : new boolean[] {false, true}) {
          row.start(day, seq, drift);
          LineBuffer encoded = new LineBuffer(32);
          RowEncoder.putTxnId(row, encoded);
          String expected = new String(encoded.copy(0, encoded.size()), StandardCharsets.US_ASCII);

          long packed = row.packedTxnId();
          assertThat(formatter.text(packed)).isEqualTo(expected);
          assertThat(TxnIds.text(packed)).isEqualTo(expected);
          assertThat(TxnIds.epochDay(packed)).isEqualTo(day.epochDay);
          assertThat(TxnIds.drift(packed)).isEqualTo(drift);
          assertThat(TxnIds.seq(packed)).isEqualTo(seq);
        }
      }
    }
    assertThat(TxnIds.text(TxnIds.pack(LocalDate.parse("2027-01-01").toEpochDay(), true, 42)))
        .isEqualTo("T20270101-X0000000042");
  }

  @Test
  void packedIdsSortAsTheirText() {
    SplitMix64 rng = new SplitMix64(11);
    long firstDay = LocalDate.parse("1969-12-25").toEpochDay(); // negative epoch days too
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long day = firstDay + rng.nextInt(40_000);
      long seq = switch (rng.nextInt(3)) {
        case 0 -> rng.nextInt(1_000);
        case 1 -> rng.nextLong(TxnIds.MAX_SEQ + 1);
        default -> TxnIds.MAX_SEQ - rng.nextInt(3);
      };
      ids.add(TxnIds.pack(day, rng.nextInt(2) == 1, seq));
    }
    List<Long> byValue = new ArrayList<>(ids);
    byValue.sort(null);
    List<Long> byText = new ArrayList<>(ids);
    byText.sort(Comparator.comparing(TxnIds::text));
    assertThat(byValue).isEqualTo(byText);
  }

  @Test
  void refusesADateWithoutEightDigits() {
    long day = LocalDate.of(10_000, 1, 1).toEpochDay();
    assertThatThrownBy(() -> TxnIds.text(TxnIds.pack(day, false, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Epoch day " + day + " (+10000-01-01) has no 8-digit txn_id date");
  }

  @Test
  void refusesASequenceNumberWithoutDigitsInTheId() {
    assertThatThrownBy(() -> TxnIds.pack(20_000, false, TxnIds.MAX_SEQ + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Sequence number 10000000000 is outside [0, 9999999999]");
    assertThatThrownBy(() -> TxnIds.pack(20_000, false, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Sequence number -1 is outside [0, 9999999999]");
  }
}
