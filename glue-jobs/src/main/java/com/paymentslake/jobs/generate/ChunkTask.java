package com.paymentslake.jobs.generate;

import com.paymentslake.generator.Chunk;
import com.paymentslake.generator.ChunkResult;
import com.paymentslake.generator.GeneratorConfig;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.jobs.common.HadoopConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor side of the generation job: writes one chunk (one file) with the generator core and
 * returns its {@link ChunkResult} to the driver. The chunk comes as its number in the run's plan and
 * the result goes back Java-serialized ({@link JavaSerialization}), so the job works whatever
 * {@code spark.serializer} is. The chunk's bytes depend only on the config and the
 * chunk, so a retried or speculative attempt writes exactly the same file; the file is visible only
 * once complete ({@link AtomicFiles}).
 */
final class ChunkTask implements Function<Integer, byte[]> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ChunkTask.class);

  /** The executor JVM's generator of the last config it served ({@link #generator}). */
  private static PaymentGenerator cached;

  private final GeneratorConfig config;
  private final String lakeRoot;
  private final Broadcast<byte[]> hadoop;

  /**
   * @param config what the run generates
   * @param lakeRoot the qualified lake root (qualified on the driver: a relative path must not
   *     resolve against each executor's own working directory)
   * @param hadoop the driver's Hadoop configuration (credentials, endpoints, filesystem classes), a
   *     Java-serialized {@link HadoopConf}
   */
  ChunkTask(GeneratorConfig config, String lakeRoot, Broadcast<byte[]> hadoop) {
    this.config = Objects.requireNonNull(config, "config");
    this.lakeRoot = Objects.requireNonNull(lakeRoot, "lakeRoot");
    this.hadoop = Objects.requireNonNull(hadoop, "hadoop");
  }

  /** Writes the chunk with this number in the run's plan ({@link PaymentGenerator#chunks()}). */
  @Override
  public byte[] call(Integer number) {
    long started = System.nanoTime();
    PaymentGenerator generator = generator(config);
    Chunk chunk = generator.chunks().get(number);
    Path target = new Path(lakeRoot + "/" + chunk.path());
    try {
      Configuration configuration = JavaSerialization.value(hadoop.value(), HadoopConf.class).configuration();
      AtomicFiles files = AtomicFiles.of(target, configuration);
      try (AtomicFiles.AtomicFile out = files.create(target)) {
        ChunkResult result = generator.chunkWriter().write(chunk, out);
        out.commit();
        LOG.info("Wrote {}: {} lines, {} bytes in {} ms", target, result.dataLines(), result.bytes(),
            (System.nanoTime() - started) / 1_000_000);
        return JavaSerialization.bytes(result);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e, e);
    }
  }

  /**
   * The executor JVM's generator for a config: building one builds the world and fills a card cache
   * of up to a quarter of the executor's heap, so the tasks of a run share one (each task gets its
   * own writer). Holds the last config only, so a JVM that serves several runs keeps one generator.
   */
  static synchronized PaymentGenerator generator(GeneratorConfig config) {
    if (cached == null || !cached.config().equals(config)) {
      cached = new PaymentGenerator(config);
    }
    return cached;
  }
}
