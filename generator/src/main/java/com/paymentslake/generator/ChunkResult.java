package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.TruthManifest;
import java.io.Serializable;
import java.util.Objects;

/**
 * What one written chunk holds: its size and the defective lines it contains, which the truth
 * manifest of its partition lists. Serializable, so Spark executors can return it to the driver.
 *
 * @param chunk the chunk
 * @param dataLines lines after the header
 * @param bytes size of the file as stored (compressed size for gzip)
 * @param defects the lines injected with a defect, per kind, with their manifest details
 */
public record ChunkResult(Chunk chunk, long dataLines, long bytes, DefectLog defects) implements Serializable {
  private static final long serialVersionUID = 2L;

  public ChunkResult {
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(defects, "defects");
  }

  /** Injected lines of one kind. */
  public long count(DefectKind kind) {
    return defects.count(kind);
  }

  /** The file's entry in the truth manifest. */
  public TruthManifest.FileEntry fileEntry() {
    return new TruthManifest.FileEntry(chunk.fileName(), dataLines, bytes, chunk.drift());
  }
}
