package com.paymentslake.jobs.generate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFiles} on Hadoop's real local filesystem (the rename path). */
class AtomicFilesTest {
  private static final Configuration HADOOP = new Configuration();

  @TempDir Path dir;

  private org.apache.hadoop.fs.Path target() {
    return new org.apache.hadoop.fs.Path(dir.toUri().toString() + "raw/part-00000.csv");
  }

  private AtomicFiles files() throws IOException {
    return AtomicFiles.of(target(), HADOOP);
  }

  @Test
  void aCommittedFileAppearsWholeWithoutSideFiles() throws IOException {
    try (AtomicFiles.AtomicFile out = files().create(target())) {
      out.write("header\r\nline\r\n".getBytes(UTF_8));
      assertThat(dir.resolve("raw/part-00000.csv")).as("invisible before the commit").doesNotExist();
      out.commit();
    }

    assertThat(dir.resolve("raw/part-00000.csv")).hasContent("header\r\nline\r\n");
    assertThat(names(dir.resolve("raw"))).containsExactly("part-00000.csv");
  }

  @Test
  void aFailedWriteLeavesNothingVisibleAndThePreviousFileIntact() throws IOException {
    Files.createDirectories(dir.resolve("raw"));
    Files.writeString(dir.resolve("raw/part-00000.csv"), "previous run\r\n");

    assertThatThrownBy(() -> {
      try (AtomicFiles.AtomicFile out = files().create(target())) {
        out.write("half a fi".getBytes(UTF_8));
        throw new IOException("disk full");
      }
    }).hasMessage("disk full");

    assertThat(dir.resolve("raw/part-00000.csv")).hasContent("previous run\r\n");
    assertThat(names(dir.resolve("raw"))).containsExactly("part-00000.csv");
  }

  @Test
  void aCommitReplacesAnExistingFile() throws IOException {
    files().write(target(), "first\r\n".getBytes(UTF_8));
    files().write(target(), "second\r\n".getBytes(UTF_8));

    assertThat(dir.resolve("raw/part-00000.csv")).hasContent("second\r\n");
    assertThat(names(dir.resolve("raw"))).containsExactly("part-00000.csv");
  }

  @Test
  void aFileCommitsOnce() throws IOException {
    try (AtomicFiles.AtomicFile out = files().create(target())) {
      out.commit();
      assertThatThrownBy(out::commit)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("File " + target() + " is already committed or discarded");
    }
  }

  @Test
  void listsFilesOfAFolderAndNothingOfAMissingOne() throws IOException {
    files().write(target(), new byte[0]);
    Files.createDirectories(dir.resolve("raw/sub"));

    assertThat(files().fileNames(target().getParent())).containsExactly("part-00000.csv");
    assertThat(files().fileNames(new org.apache.hadoop.fs.Path(dir.toUri() + "missing"))).isEmpty();
  }

  @Test
  void aRelativeRootIsQualifiedOnTheDriver() throws IOException {
    assertThat(AtomicFiles.qualified("target/lake", HADOOP))
        .isEqualTo("file:" + Path.of("target/lake").toAbsolutePath());
    assertThat(AtomicFiles.qualified("file:///tmp/lake", HADOOP)).isEqualTo("file:/tmp/lake");
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
