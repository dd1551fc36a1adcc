package com.paymentslake.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TruthManifestTest {
  @Test
  void roundTripsThroughJsonAndListsEveryKind() {
    TruthManifest manifest =
        new TruthManifest(
            1, "0.1.0", 7, "2026-11-01",
            List.of(new TruthManifest.FileEntry("part-00000.csv", 3, 600, false)),
            3,
            Map.of(
                DefectKind.MISSING_REQUIRED_FIELD,
                new TruthManifest.DefectEntry(1, List.of("T1"), Map.of("T1", "currency"))));

    TruthManifest back = TruthManifest.fromJson(manifest.toJson());

    assertThat(back).isEqualTo(manifest);
    assertThat(back.defects()).containsOnlyKeys(DefectKind.values());
    assertThat(back.defect(DefectKind.EXACT_DUPLICATE).count()).isZero();
    assertThat(manifest.toJson()).contains("\"ingest_date\" : \"2026-11-01\"");
  }

  @Test
  void writesDetailsInTxnIdOrderAsUtf8Bytes() {
    java.util.Map<String, String> detail = new java.util.HashMap<>();
    for (int i = 40; i > 0; i--) {
      detail.put(String.format("T20261101-%010d", i * 7919 % 1000), "status " + i);
    }
    List<String> ids = detail.keySet().stream().sorted().toList();
    TruthManifest manifest = new TruthManifest(1, "0.1.0", 7, "2026-11-01",
        List.of(new TruthManifest.FileEntry("part-00000.csv", 40, 9000, false)), 40,
        Map.of(DefectKind.REPLAY_LATER_STATUS, new TruthManifest.DefectEntry(40, ids, detail)));

    byte[] bytes = manifest.toJsonBytes();

    String json = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json).isEqualTo(manifest.toJson());
    List<Integer> positions = ids.stream().map(id -> json.lastIndexOf("\"" + id + "\" : ")).toList();
    assertThat(positions).doesNotContain(-1).isSorted();
    assertThat(TruthManifest.fromJson(json)).isEqualTo(manifest);
  }

  @Test
  void recordsTheGeneratorSettingsAndReadsManifestsWithout() {
    TruthManifest manifest = new TruthManifest(1, "1.0.0", 7, "2026-11-01",
        List.of(new TruthManifest.FileEntry("part-00000.csv", 0, 100, false)), 0, Map.of(),
        Map.of("type-mix", "PURCHASE=0.85,REFUND=0.03", "fraud-rate", "0.003"));

    String json = manifest.toJson();

    assertThat(json).contains("\"settings\" : {\n    \"fraud-rate\" : \"0.003\",\n    \"type-mix\" : \"PURCHASE=0.85,REFUND=0.03\"");
    assertThat(TruthManifest.fromJson(json)).isEqualTo(manifest);
    String withoutSettings = json.substring(0, json.indexOf(",\n  \"settings\"")) + "\n}";
    assertThat(TruthManifest.fromJson(withoutSettings).settings()).isEmpty();
  }

  @Test
  void refusesCountsThatDoNotAddUp() {
    assertThatThrownBy(() -> new TruthManifest.DefectEntry(2, List.of("T1"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Defect count 2 differs from the 1 txn_ids listed");
  }
}
