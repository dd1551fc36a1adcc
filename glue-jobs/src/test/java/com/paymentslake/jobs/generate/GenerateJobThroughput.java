package com.paymentslake.jobs.generate;

import com.paymentslake.generator.GenerationListener;
import com.paymentslake.generator.GenerationSummary;
import com.paymentslake.generator.LocalDirectoryTarget;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.jobs.testing.SparkTestSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * A measurement, not a test: runs the generation job on the test's {@code local[2]} session and the
 * single-process generator (2 threads) on the same options into temporary folders, and prints
 * lines, bytes, files, seconds and lines/s of each (after one warm-up round of each). Arguments: the
 * job's generator options, e.g. {@code --days 7 --rows-per-day 150000 --rows-per-file 250000}.
 */
public final class GenerateJobThroughput {
  private GenerateJobThroughput() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    SparkSession spark = SparkTestSession.get();
    Path work = Files.createTempDirectory("generate-throughput");
    try {
      for (String round : List.of("warm-up", "measured")) {
        Path lake = work.resolve(round + "-job");
        String[] jobArgs = Stream.concat(Stream.of("--lake-root", lake.toUri().toString()), Stream.of(args))
            .toArray(String[]::new);
        GenerateConfig config = GenerateJob.config(jobArgs, Map.of(), Clock.systemUTC());
        GenerateResult job = GenerateJob.run(spark, config);
        out.printf(Locale.ROOT, "%-8s Spark job local[2]:        %,d lines, %,.1f MB, %d files, %.2f s, %,.0f lines/s%n",
            round, job.dataLines(), job.bytes() / 1e6, job.files(), job.elapsed().toNanos() / 1e9,
            job.linesPerSecond());
        GenerationSummary single = new PaymentGenerator(config.generator().withThreads(2))
            .generate(new LocalDirectoryTarget(work.resolve(round + "-single")), GenerationListener.NONE);
        out.printf(Locale.ROOT, "%-8s single process 2 threads:  %,d lines, %,.1f MB, %d files, %.2f s, %,.0f lines/s%n",
            round, single.dataLines(), single.bytes() / 1e6, single.files(), single.elapsed().toNanos() / 1e9,
            single.dataLines() / (single.elapsed().toNanos() / 1e9));
        delete(lake);
        delete(work.resolve(round + "-single"));
      }
    } finally {
      delete(work);
      spark.stop();
    }
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
