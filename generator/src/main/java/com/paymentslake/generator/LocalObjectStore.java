package com.paymentslake.generator;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * Files under a local directory. Each file is written to a hidden temporary sibling ({@code
 * .name.inprogress}, ignored by Spark and Hadoop readers) and renamed into place atomically.
 */
final class LocalObjectStore implements ObjectStore {
  private final Path root;
  private final boolean directIo;

  LocalObjectStore(Path root, boolean directIo) throws IOException {
    this.root = root;
    this.directIo = directIo;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new IOException("Cannot create lake root directory " + root + ": " + reason(e), e);
    }
  }

  @Override
  public AtomicOutput create(String path) throws IOException {
    Path target = root.resolve(path);
    Path temp = target.resolveSibling("." + target.getFileName() + ".inprogress");
    FileSink out;
    try {
      Path folder = target.getParent();
      if (!Files.isDirectory(folder)) {
        // Only when missing: on an existing folder createDirectories costs a thrown and caught exception.
        Files.createDirectories(folder);
      }
      out = FileSink.create(temp, directIo);
    } catch (IOException e) {
      throw new IOException("Cannot write " + target + ": " + reason(e), e);
    }
    return new AtomicOutput() {
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw new IOException("Cannot write " + target + ": " + reason(e), e);
        }
      }

      @Override
      void commit() throws IOException {
        closed = true;
        try {
          out.close();
          try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          Files.deleteIfExists(temp);
          throw new IOException("Cannot write " + target + ": " + reason(e), e);
        }
      }

      @Override
      public void close() throws IOException {
        if (!closed) {
          closed = true;
          try {
            out.abandon();
          } finally {
            Files.deleteIfExists(temp);
          }
        }
      }
    };
  }

  @Override
  public void deleteStaleParts(String folder, Set<String> keep) throws IOException {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (PaymentGenerator.isPartFile(name) && !keep.contains(name)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  @Override
  public String describe(String path) {
    return root.resolve(path).toString();
  }

  @Override
  public void close() {}

  private static String reason(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
  }
}
