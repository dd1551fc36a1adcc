package com.paymentslake.jobs.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Java serialization to and from bytes, for the values the job hands to Spark's configured
 * serializer ({@code spark.serializer}): RDD elements, task results and broadcasts go through it,
 * and with Kryo (common on Glue and EMR) records cannot be restored ("can't get field offset on a
 * record class") and a {@code transient} Hadoop configuration arrives empty. Bytes pass any
 * serializer unchanged.
 */
final class JavaSerialization {
  private JavaSerialization() {}

  static byte[] bytes(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize a " + value.getClass().getSimpleName(), e);
    }
    return bytes.toByteArray();
  }

  static <T> T value(byte[] bytes, Class<T> type) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return type.cast(in.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot deserialize a " + type.getSimpleName(), e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot deserialize a " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
