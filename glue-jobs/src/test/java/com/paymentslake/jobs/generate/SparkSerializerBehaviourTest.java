package com.paymentslake.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.generator.Chunk;
import com.paymentslake.generator.ChunkResult;
import com.paymentslake.generator.GeneratorConfig;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.jobs.common.HadoopConf;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Why the job hands Spark only chunk numbers and bytes: RDD elements, task results and broadcasts
 * go through {@code spark.serializer}, and Kryo (a common setting on Glue and EMR) cannot restore
 * records. If a Kryo upgrade ever handles them, the first test fails and the detour can go.
 */
class SparkSerializerBehaviourTest {
  private static final ClassTag<Object> ANY = ClassTag$.MODULE$.apply(Object.class);
  private static final GeneratorConfig CONFIG = GeneratorConfig.defaults()
      .withStartDate(LocalDate.parse("2026-11-17")).withDays(1).withRowsPerDay(2_000).withRowsPerFile(1_000);

  private final SerializerInstance kryo = new KryoSerializer(new SparkConf()).newInstance();

  @Test
  void kryoCannotCarryTheGeneratorsRecords() throws IOException {
    ChunkResult result = written(0);

    assertThatThrownBy(() -> kryo.serialize(result, ANY))
        .hasRootCauseMessage("can't get field offset on a record class: private final"
            + " com.paymentslake.generator.Chunk com.paymentslake.generator.ChunkResult.chunk");
  }

  @Test
  void whatTheJobHandsSparkSurvivesKryo() throws IOException {
    ChunkResult result = written(1);
    Configuration configuration = new Configuration(false);
    configuration.set("fs.s3a.endpoint", "http://127.0.0.1:9000");

    Object number = roundTrip(1);
    byte[] resultBytes = (byte[]) roundTrip(JavaSerialization.bytes(result));
    byte[] hadoopBytes = (byte[]) roundTrip(JavaSerialization.bytes(new HadoopConf(configuration)));

    assertThat(number).isEqualTo(1);
    assertThat(JavaSerialization.value(resultBytes, ChunkResult.class)).isEqualTo(result);
    assertThat(JavaSerialization.value(hadoopBytes, HadoopConf.class).configuration().get("fs.s3a.endpoint"))
        .isEqualTo("http://127.0.0.1:9000");
  }

  private Object roundTrip(Object value) {
    return kryo.deserialize(kryo.serialize(value, ANY), ANY);
  }

  private static ChunkResult written(int number) throws IOException {
    PaymentGenerator generator = new PaymentGenerator(CONFIG);
    Chunk chunk = generator.chunks().get(number);
    return generator.chunkWriter().write(chunk, OutputStream.nullOutputStream());
  }
}
