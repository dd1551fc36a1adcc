package com.paymentslake.generator;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;

/** The generator's view of a lake root: atomic writes of files addressed by relative path. */
interface ObjectStore extends Closeable {

  /** A new file at {@code path} (relative to the lake root, '/'-separated). */
  AtomicOutput create(String path) throws IOException;

  /**
   * Deletes the part files ({@link PaymentGenerator#isPartFile}) directly under {@code folder} that
   * are not in {@code keep}: leftovers of an earlier run that wrote more files into the same partition.
   */
  void deleteStaleParts(String folder, Set<String> keep) throws IOException;

  /** The absolute location of a path, for messages. */
  String describe(String path);

  static ObjectStore open(OutputTarget target) throws IOException {
    if (target instanceof LocalDirectoryTarget local) {
      return new LocalObjectStore(local.root(), local.directIo());
    }
    if (target instanceof S3Target s3) {
      return new S3ObjectStore(s3);
    }
    throw new IllegalArgumentException("Unsupported output target " + target);
  }
}
