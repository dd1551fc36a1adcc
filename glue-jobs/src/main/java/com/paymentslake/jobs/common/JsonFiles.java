package com.paymentslake.jobs.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Writes small JSON documents (run summaries) to any Hadoop path: s3://, s3a://, file://. */
public final class JsonFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .registerModule(
              new SimpleModule("java-time-as-iso-text")
                  .addSerializer(LocalDate.class, ToStringSerializer.instance)
                  .addSerializer(Instant.class, ToStringSerializer.instance));

  private JsonFiles() {}

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  /** Writes the document at {@code path}, replacing any file there. */
  public static void write(SparkSession spark, String path, Object document) {
    Path target = new Path(path);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(target, true)) {
        out.write(toJson(document).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
  }
}
