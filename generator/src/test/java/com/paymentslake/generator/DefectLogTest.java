package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.TruthManifest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DefectLogTest {
  private static final long DAY = 20_429; // 2025-12-07

  @Test
  void sortsIdsWithTheirDetailsStably() {
    SplitMix64 rng = new SplitMix64(5);
    for (int n : new int[] {0, 1, 2, 3, 17, 1_000, 4_099}) {
      long[] ids = new long[n];
      String[] details = new String[n];
      for (int i = 0; i < n; i++) {
        ids[i] = rng.nextInt(Math.max(1, n / 2)); // repeated ids, to see stability
        details[i] = ids[i] + "#" + i;
      }
      Integer[] order = new Integer[n];
      Arrays.setAll(order, i -> i);
      long[] original = ids.clone();
      Arrays.sort(order, Comparator.comparingLong(i -> original[i])); // stable
      String[] expected = Arrays.stream(order).map(i -> details[i]).toArray(String[]::new);

      DefectLog.sortByIds(ids, details);

      long[] sorted = original.clone();
      Arrays.sort(sorted);
      assertThat(ids).isEqualTo(sorted);
      assertThat(details).isEqualTo(expected);
    }
  }

  @Test
  void sortsRunsOfFilesIntoOneOrder() {
    // A partition's log: file after file, each carrying the previous day's replays before its own rows.
    long[] ids = {id(DAY, 10), id(DAY, 11), id(DAY - 1, 5), id(DAY - 1, 9), id(DAY, 2), id(DAY, 4), id(DAY - 1, 7)};
    DefectLog.sortByIds(ids, null);
    assertThat(ids).containsExactly(id(DAY - 1, 5), id(DAY - 1, 7), id(DAY - 1, 9), id(DAY, 2), id(DAY, 4),
        id(DAY, 10), id(DAY, 11));
  }

  @Test
  void entriesListSortedTxnIdsAndTheirDetails() {
    DefectLog file0 = new DefectLog();
    file0.add(DefectKind.LATE_ARRIVAL, id(DAY, 30), "2025-12-05");
    file0.add(DefectKind.EXACT_DUPLICATE, id(DAY, 31), null);
    file0.add(DefectKind.LATE_ARRIVAL, id(DAY, 40), "2025-12-06");
    DefectLog file1 = new DefectLog();
    file1.add(DefectKind.REPLAY_LATER_STATUS, id(DAY - 1, 900), "APPROVED");
    file1.add(DefectKind.LATE_ARRIVAL, id(DAY, 3), "2025-12-04");
    file1.add(DefectKind.EXACT_DUPLICATE, id(DAY, 1), null);
    DefectLog partition = new DefectLog();
    partition.addAll(file0);
    partition.addAll(file1);

    Map<DefectKind, TruthManifest.DefectEntry> entries = partition.entries();

    assertThat(entries).containsOnlyKeys(DefectKind.LATE_ARRIVAL, DefectKind.EXACT_DUPLICATE,
        DefectKind.REPLAY_LATER_STATUS);
    TruthManifest.DefectEntry late = entries.get(DefectKind.LATE_ARRIVAL);
    assertThat(late.count()).isEqualTo(3);
    assertThat(late.txnIds()).containsExactly("T20251207-0000000003", "T20251207-0000000030", "T20251207-0000000040");
    assertThat(late.detail()).isEqualTo(new TreeMap<>(Map.of("T20251207-0000000003", "2025-12-04",
        "T20251207-0000000030", "2025-12-05", "T20251207-0000000040", "2025-12-06")));
    assertThat(entries.get(DefectKind.EXACT_DUPLICATE).txnIds())
        .containsExactly("T20251207-0000000001", "T20251207-0000000031");
    assertThat(entries.get(DefectKind.EXACT_DUPLICATE).detail()).isEmpty();
    assertThat(entries.get(DefectKind.REPLAY_LATER_STATUS).detail())
        .containsExactly(Map.entry("T20251206-0000000900", "APPROVED"));
    assertThat(partition.count(DefectKind.LATE_ARRIVAL)).isEqualTo(3);
    assertThat(partition.count(DefectKind.BAD_CURRENCY)).isZero();
  }

  @Test
  void survivesJavaSerializationWithoutItsSpareCapacity() throws IOException, ClassNotFoundException {
    DefectLog log = new DefectLog();
    List<Long> ids = new ArrayList<>();
    for (int seq = 0; seq < 1_000; seq++) {
      log.add(DefectKind.MISSING_REQUIRED_FIELD, id(DAY, seq), seq % 2 == 0 ? "mcc" : null);
      ids.add(id(DAY, seq));
    }
    log.add(DefectKind.SCHEMA_DRIFT, TxnIds.pack(DAY, true, 0), null);

    byte[] bytes = serialized(log);
    DefectLog copy = (DefectLog) new ObjectInputStream(new ByteArrayInputStream(bytes)).readObject();

    assertThat(copy).isEqualTo(log).hasSameHashCodeAs(log);
    assertThat(copy.entries()).isEqualTo(log.entries());
    // 1,000 ids in 8 bytes each and 500 shared detail references, not 1,000 Strings of about 20 characters.
    assertThat(bytes.length).isLessThan(12_000);
    copy.add(DefectKind.MISSING_REQUIRED_FIELD, id(DAY, 5_000), "mcc"); // a trimmed log still grows
    assertThat(copy.count(DefectKind.MISSING_REQUIRED_FIELD)).isEqualTo(1_001);
    assertThat(copy).isNotEqualTo(log);
  }

  @Test
  void repeatedDetailsShareOneStringAlsoAfterSerialization() throws IOException, ClassNotFoundException {
    DefectLog log = new DefectLog();
    for (int seq = 0; seq < 2_000; seq++) {
      // A fresh String each time, as the injector makes them (a date, a status name).
      log.add(DefectKind.LATE_ARRIVAL, id(DAY, seq), new String("2025-12-0" + (5 + seq % 2)));
      log.add(DefectKind.NON_POSITIVE_AMOUNT, id(DAY, seq), "-" + seq + ".00");
    }
    DefectLog copy = (DefectLog) new ObjectInputStream(new ByteArrayInputStream(serialized(log))).readObject();

    for (DefectLog each : List.of(log, copy)) {
      Map<DefectKind, TruthManifest.DefectEntry> entries = each.entries();
      assertThat(distinctInstances(entries.get(DefectKind.LATE_ARRIVAL).detail().values())).isEqualTo(2);
      assertThat(entries.get(DefectKind.LATE_ARRIVAL).detail()).containsEntry("T20251207-0000000003", "2025-12-06");
      // Unique details stay as they are, each its own.
      assertThat(distinctInstances(entries.get(DefectKind.NON_POSITIVE_AMOUNT).detail().values())).isEqualTo(2_000);
    }
    assertThat(copy).isEqualTo(log);
  }

  private static int distinctInstances(java.util.Collection<String> values) {
    java.util.Set<String> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    seen.addAll(values);
    return seen.size();
  }

  @Test
  void equalityIgnoresCapacityAndEmptyKinds() {
    DefectLog a = new DefectLog();
    DefectLog b = new DefectLog();
    for (int seq = 0; seq < 100; seq++) {
      a.add(DefectKind.BAD_CURRENCY, id(DAY, seq), "XQZ");
    }
    DefectLog part = new DefectLog();
    for (int seq = 0; seq < 100; seq++) {
      part.add(DefectKind.BAD_CURRENCY, id(DAY, seq), "XQZ");
    }
    b.addAll(new DefectLog());
    b.addAll(part);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    b.add(DefectKind.BAD_CURRENCY, id(DAY, 100), "nzd");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void growsByDoublingUpToTheLargestArrayAndNoFurther() {
    assertThat(DefectLog.capacity(1, 0)).isEqualTo(16);
    assertThat(DefectLog.capacity(17, 16)).isEqualTo(32);
    assertThat(DefectLog.capacity(5_000, 16)).isEqualTo(5_000); // one merge of a large file's lines
    assertThat(DefectLog.capacity((1L << 30) + 1, 1 << 30)).isEqualTo(DefectLog.MAX_LINES); // no int overflow
    assertThat(DefectLog.capacity(DefectLog.MAX_LINES, DefectLog.MAX_LINES - 1)).isEqualTo(DefectLog.MAX_LINES);
    assertThatThrownBy(() -> DefectLog.capacity(DefectLog.MAX_LINES + 1L, DefectLog.MAX_LINES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A defect kind has more than 2147483639 lines in one partition; its truth manifest would not"
            + " fit in memory (lower the rate or the rows per day)");
  }

  private static long id(long epochDay, long seq) {
    return TxnIds.pack(epochDay, false, seq);
  }

  private static byte[] serialized(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }
}
