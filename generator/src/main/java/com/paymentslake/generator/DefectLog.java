package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.TruthManifest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The defective lines one file (or one partition) holds: txn_ids and details per kind. */
final class DefectLog {
  private final EnumMap<DefectKind, List<String>> ids = new EnumMap<>(DefectKind.class);
  private final EnumMap<DefectKind, Map<String, String>> details = new EnumMap<>(DefectKind.class);

  void add(DefectKind kind, String txnId, String detail) {
    ids.computeIfAbsent(kind, k -> new ArrayList<>()).add(txnId);
    if (detail != null) {
      details.computeIfAbsent(kind, k -> new HashMap<>()).put(txnId, detail);
    }
  }

  void addAll(ChunkResult result) {
    result.txnIds().forEach((kind, list) -> ids.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list));
    result.details().forEach((kind, map) -> details.computeIfAbsent(kind, k -> new HashMap<>()).putAll(map));
  }

  Map<DefectKind, List<String>> ids() {
    return ids;
  }

  Map<DefectKind, Map<String, String>> details() {
    return details;
  }

  long count(DefectKind kind) {
    List<String> list = ids.get(kind);
    return list == null ? 0 : list.size();
  }

  /** Manifest entries, txn_ids sorted. */
  Map<DefectKind, TruthManifest.DefectEntry> entries() {
    Map<DefectKind, TruthManifest.DefectEntry> out = new EnumMap<>(DefectKind.class);
    ids.forEach((kind, list) -> {
      List<String> sorted = new ArrayList<>(list);
      sorted.sort(null);
      out.put(kind, new TruthManifest.DefectEntry(sorted.size(), sorted, details.getOrDefault(kind, Map.of())));
    });
    return out;
  }
}
