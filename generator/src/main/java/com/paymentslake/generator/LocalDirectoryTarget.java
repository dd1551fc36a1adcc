package com.paymentslake.generator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A local directory used as the lake root. Each file is written to a hidden temporary file in its
 * partition folder and atomically renamed into place, so readers never see a partial file.
 *
 * @param root the lake root; created when missing
 * @param directIo write files with direct I/O where the file system takes it ({@link FileSink});
 *     otherwise through the page cache. The bytes are the same either way.
 */
public record LocalDirectoryTarget(Path root, boolean directIo) implements OutputTarget {
  public LocalDirectoryTarget {
    Objects.requireNonNull(root, "root");
    root = root.toAbsolutePath().normalize();
  }

  /** A directory written with direct I/O where possible (the default). */
  public LocalDirectoryTarget(Path root) {
    this(root, true);
  }

  /** The same directory, written with or without direct I/O. */
  public LocalDirectoryTarget withDirectIo(boolean value) {
    return new LocalDirectoryTarget(root, value);
  }

  @Override
  public String uri() {
    return root.toUri().toString();
  }
}
