package com.paymentslake.generator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A local directory used as the lake root. Each file is written to a hidden temporary file in its
 * partition folder and atomically renamed into place, so readers never see a partial file.
 *
 * @param root the lake root; created when missing
 */
public record LocalDirectoryTarget(Path root) implements OutputTarget {
  public LocalDirectoryTarget {
    Objects.requireNonNull(root, "root");
    root = root.toAbsolutePath().normalize();
  }

  @Override
  public String uri() {
    return root.toUri().toString();
  }
}
