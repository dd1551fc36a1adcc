package com.paymentslake.jobs.bronze;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One raw CSV file to promote.
 *
 * @param uri the file's full URI (read by executors)
 * @param relativePath its path under the lake root, recorded as {@code source_file}
 * @param ingestDate its ingest partition
 * @param driftDetail how its header differs from the contract, or null when it matches
 */
record RawFile(String uri, String relativePath, LocalDate ingestDate, String driftDetail) implements Serializable {
  RawFile {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(ingestDate, "ingestDate");
  }

  boolean drifted() {
    return driftDetail != null;
  }
}
