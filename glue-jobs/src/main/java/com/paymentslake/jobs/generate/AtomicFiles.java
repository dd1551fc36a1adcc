package com.paymentslake.jobs.generate;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole files written through Hadoop's FileSystem API, so {@code s3://} on Glue, {@code s3a://},
 * {@code hdfs://} and {@code file:} all work, each visible under its name only once complete:
 *
 * <ul>
 *   <li>On an object store ({@link GenerateConfig#OBJECT_STORE_SCHEMES}) a file is written in place:
 *       the store shows it only when its stream closes (one PUT or a completed multipart upload). A
 *       failed write is aborted when the stream supports it (S3A does); otherwise the stream is left
 *       unclosed, so its upload is never completed and nothing appears.
 *   <li>On any other filesystem the file is written to a hidden temporary sibling ({@link
 *       GenerationPlan#temporaryName}) and renamed into place; a failed write deletes it. Local files
 *       are written without Hadoop's {@code .crc} side files, as the single-process generator writes
 *       them.
 * </ul>
 *
 * <p>Re-writing an existing file replaces it (a re-run, or a retried Spark task, writes the same
 * bytes). On HDFS, whose rename refuses an existing target, the old file is deleted just before the
 * rename.
 */
final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  private final FileSystem fs;
  private final boolean objectStore;

  private AtomicFiles(FileSystem fs, boolean objectStore) {
    this.fs = fs;
    this.objectStore = objectStore;
  }

  /** The files of the filesystem holding {@code location}. */
  static AtomicFiles of(Path location, Configuration configuration) throws IOException {
    FileSystem fs = location.getFileSystem(configuration);
    String scheme = fs.getUri().getScheme() == null ? "" : fs.getUri().getScheme().toLowerCase(Locale.ROOT);
    boolean objectStore = GenerateConfig.OBJECT_STORE_SCHEMES.contains(scheme);
    if (fs instanceof ChecksumFileSystem checksummed) {
      fs = checksummed.getRawFileSystem();
    }
    return new AtomicFiles(fs, objectStore);
  }

  /** The fully qualified form of a location ({@code lake} becomes {@code file:/current/dir/lake}). */
  static String qualified(String location, Configuration configuration) throws IOException {
    Path path = new Path(location);
    return path.getFileSystem(configuration).makeQualified(path).toString();
  }

  /** A new file that appears at {@code target} on {@link AtomicFile#commit()}. */
  AtomicFile create(Path target) throws IOException {
    if (objectStore) {
      return new InPlace(target, fs.create(target, true));
    }
    Path temporary = new Path(target.getParent(), GenerationPlan.temporaryName(target.getName()));
    return new Renamed(target, temporary, fs.create(temporary, false));
  }

  /** Writes a whole small file (a truth manifest), replacing any file there. */
  void write(Path target, byte[] content) throws IOException {
    try (AtomicFile out = create(target)) {
      out.write(content);
      out.commit();
    }
  }

  /** Names of the files directly in a folder; empty when the folder does not exist. */
  List<String> fileNames(Path folder) throws IOException {
    FileStatus[] statuses;
    try {
      statuses = fs.listStatus(folder);
    } catch (FileNotFoundException e) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (FileStatus status : statuses) {
      if (status.isFile()) {
        names.add(status.getPath().getName());
      }
    }
    return names;
  }

  /** Deletes a file; false when it was not there. */
  boolean delete(Path file) throws IOException {
    return fs.delete(file, false);
  }

  /**
   * A file being written. {@link #commit()} makes it visible; {@link #close()} without a commit
   * discards it (use try-with-resources, so a failure never leaves a partial file visible).
   */
  abstract static class AtomicFile extends OutputStream {
    final Path target;
    final FSDataOutputStream out;
    private boolean done;

    AtomicFile(Path target, FSDataOutputStream out) {
      this.target = target;
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    /** Completes the file: afterwards it is visible at its target, whole. */
    void commit() throws IOException {
      if (done) {
        throw new IllegalStateException("File " + target + " is already committed or discarded");
      }
      done = true;
      publish();
    }

    /** Discards the file unless it was committed. */
    @Override
    public void close() {
      if (!done) {
        done = true;
        discard();
      }
    }

    abstract void publish() throws IOException;

    abstract void discard();
  }

  /** Object store: visible when the stream closes. */
  private static final class InPlace extends AtomicFile {
    InPlace(Path target, FSDataOutputStream out) {
      super(target, out);
    }

    @Override
    void publish() throws IOException {
      out.close();
    }

    @Override
    void discard() {
      if (out.hasCapability(StreamCapabilities.ABORTABLE_STREAM)) {
        out.abort();
        LOG.info("Aborted the upload of {}: nothing was made visible", target);
      } else {
        // Closing would complete the upload and publish a partial file: leave it unfinished.
        LOG.warn("The stream of {} cannot be aborted; its upload is left unfinished, so it never becomes"
            + " visible (a bucket lifecycle rule should abort incomplete multipart uploads)", target);
      }
    }
  }

  /** Other filesystems: a hidden temporary file renamed into place. */
  private final class Renamed extends AtomicFile {
    private final Path temporary;

    Renamed(Path target, Path temporary, FSDataOutputStream out) {
      super(target, out);
      this.temporary = temporary;
    }

    @Override
    void publish() throws IOException {
      try {
        out.close();
        if (!fs.rename(temporary, target)) {
          // HDFS (unlike POSIX rename) does not replace an existing file.
          if (!fs.exists(target) || !fs.delete(target, false) || !fs.rename(temporary, target)) {
            throw new IOException("Cannot rename " + temporary + " to " + target);
          }
        }
      } catch (IOException e) {
        deleteTemporary();
        throw e;
      }
    }

    @Override
    void discard() {
      try {
        out.close();
      } catch (IOException e) {
        LOG.debug("Closing the discarded temporary file {} failed", temporary, e);
      }
      deleteTemporary();
    }

    private void deleteTemporary() {
      try {
        fs.delete(temporary, false);
      } catch (IOException e) {
        LOG.warn("Cannot delete the temporary file {}: {}", temporary, e.toString());
      }
    }
  }
}
