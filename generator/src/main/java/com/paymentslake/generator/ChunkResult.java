package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.TruthManifest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one written chunk holds: its size and the defective lines it contains, which the truth
 * manifest of its partition lists. Serializable, so Spark executors can return it to the driver.
 *
 * @param chunk the chunk
 * @param dataLines lines after the header
 * @param bytes size of the file as stored (compressed size for gzip)
 * @param txnIds per defect kind, the txn_ids of the lines injected with it, in file order
 * @param details per defect kind, the manifest detail of each txn_id that has one
 */
public record ChunkResult(Chunk chunk, long dataLines, long bytes, Map<DefectKind, List<String>> txnIds,
    Map<DefectKind, Map<String, String>> details) implements Serializable {
  private static final long serialVersionUID = 1L;

  public ChunkResult {
    Objects.requireNonNull(chunk, "chunk");
    EnumMap<DefectKind, List<String>> ids = new EnumMap<>(DefectKind.class);
    txnIds.forEach((kind, list) -> ids.put(kind, new ArrayList<>(list)));
    EnumMap<DefectKind, Map<String, String>> detail = new EnumMap<>(DefectKind.class);
    details.forEach((kind, map) -> detail.put(kind, new LinkedHashMap<>(map)));
    txnIds = ids;
    details = detail;
  }

  /** Injected lines of one kind. */
  public long count(DefectKind kind) {
    List<String> ids = txnIds.get(kind);
    return ids == null ? 0 : ids.size();
  }

  /** The file's entry in the truth manifest. */
  public TruthManifest.FileEntry fileEntry() {
    return new TruthManifest.FileEntry(chunk.fileName(), dataLines, bytes, chunk.drift());
  }
}
