package com.paymentslake.jobs.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Small file operations through Hadoop's FileSystem, so they work on every scheme Spark reads
 * ({@code s3://} on Glue, {@code s3a://}, {@code file://}).
 */
public final class LakeFiles {
  private final Configuration hadoop;

  public LakeFiles(SparkSession spark) {
    this.hadoop = spark.sparkContext().hadoopConfiguration();
  }

  public boolean exists(String path) {
    try {
      Path target = new Path(path);
      return target.getFileSystem(hadoop).exists(target);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check whether " + path + " exists", e);
    }
  }

  public String readText(String path) {
    Path source = new Path(path);
    try (InputStream in = source.getFileSystem(hadoop).open(source)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  /** Writes (or replaces) a whole file; on S3 the object appears complete when the stream closes. */
  public void writeText(String path, String text) {
    Path target = new Path(path);
    try (OutputStream out = target.getFileSystem(hadoop).create(target, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
  }

  /** The names of the directories directly under a path (none if the path does not exist). */
  public List<String> childDirectories(String path) {
    try {
      Path target = new Path(path);
      FileSystem fs = target.getFileSystem(hadoop);
      if (!fs.exists(target)) {
        return List.of();
      }
      return Arrays.stream(fs.listStatus(target))
          .filter(FileStatus::isDirectory)
          .map(status -> status.getPath().getName())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + path, e);
    }
  }

  /** Deletes a directory tree; returns whether something was there. */
  public boolean deleteRecursively(String path) {
    try {
      Path target = new Path(path);
      FileSystem fs = target.getFileSystem(hadoop);
      return fs.exists(target) && fs.delete(target, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + path, e);
    }
  }
}
