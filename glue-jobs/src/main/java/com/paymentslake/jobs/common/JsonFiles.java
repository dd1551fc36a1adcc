package com.paymentslake.jobs.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/** Writes small JSON documents (run summaries) to any Hadoop path: s3://, s3a://, file://. */
public final class JsonFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .registerModule(
              new SimpleModule("java-time-as-iso-text")
                  .addSerializer(LocalDate.class, ToStringSerializer.instance)
                  .addSerializer(Instant.class, ToStringSerializer.instance)
                  .addDeserializer(LocalDate.class, new IsoDateDeserializer()));

  private JsonFiles() {}

  /** Reads the ISO dates the serializer above writes. */
  private static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    IsoDateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return LocalDate.parse(parser.getValueAsString());
    }
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  /** Writes the document at {@code path}, replacing any file there. */
  public static void write(SparkSession spark, String path, Object document) {
    new LakeFiles(spark).writeText(path, toJson(document));
  }

  /** Reads a document as a JSON tree. */
  public static JsonNode readTree(SparkSession spark, String path) {
    String text = new LakeFiles(spark).readText(path);
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot parse " + path + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Binds part of a document (e.g. a summary's {@code result}) to a type, dates as ISO text. */
  public static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return JSON.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read " + type.getSimpleName() + " from " + node + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a document written by {@link #write}. */
  public static <T> T read(SparkSession spark, String path, Class<T> type) {
    String text = new LakeFiles(spark).readText(path);
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot parse " + path + " as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
