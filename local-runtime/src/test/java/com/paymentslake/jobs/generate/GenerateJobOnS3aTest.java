package com.paymentslake.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.LakeLayout;
import com.paymentslake.generator.GenerationListener;
import com.paymentslake.generator.GeneratorConfig;
import com.paymentslake.generator.GeneratorOptions;
import com.paymentslake.generator.LocalDirectoryTarget;
import com.paymentslake.generator.PaymentGenerator;
import com.paymentslake.local.LocalLakeFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.StreamCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generation job writing to a real S3 API (the local lake's S3Proxy) through S3A, as on Glue or
 * EMR: files byte-identical to the single-process generator's, and a file that is not committed
 * never becomes an object, neither as one PUT nor as a multipart upload.
 */
class GenerateJobOnS3aTest {
  private static final LocalLakeFixture LAKE = LocalLakeFixture.get();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  /** Two days, two files a day plus a drift file, replays crossing into the second day. */
  private static final List<String> OPTIONS = List.of("--start-date", "2026-11-17", "--days", "2",
      "--rows-per-day", "2000", "--rows-per-file", "1000", "--seed", "23", "--schema-drift-every", "2",
      "--rate-replay-later-status", "0.03");
  /** S3A's smallest multipart part. */
  private static final int PART_BYTES = 5 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void writesTheSameObjectsAsTheSingleProcessGeneratorWritesFiles() throws IOException {
    String prefix = "generate-test/" + UUID.randomUUID();
    GenerateConfig config = GenerateJob.config(args(LAKE.lakeRoot() + "/" + prefix), Map.of(), CLOCK);

    GenerateResult result = GenerateJob.run(LAKE.spark(), config);

    Map<String, byte[]> expected = files(singleProcess(dir.resolve("expected")));
    Map<String, byte[]> written = files(LAKE.bucketDirectory().resolve(prefix));
    assertThat(written.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((name, bytes) -> assertThat(written.get(name)).as(name).isEqualTo(bytes));
    assertThat(written.keySet()).anyMatch(name -> name.startsWith(LakeLayout.TRUTH_MANIFESTS))
        .anyMatch(name -> name.endsWith(".csv"));
    assertThat(result.files()).isEqualTo(expected.keySet().stream().filter(n -> n.endsWith(".csv")).count());
  }

  @Test
  void aDiscardedFileNeverBecomesAnObjectAndACommittedOneDoes() throws IOException {
    Configuration conf = new Configuration(LAKE.spark().sparkContext().hadoopConfiguration());
    conf.setBoolean("fs.s3a.impl.disable.cache", true); // a client of its own with small parts
    conf.setLong("fs.s3a.multipart.size", PART_BYTES);
    conf.setLong("fs.s3a.multipart.threshold", PART_BYTES);
    String folder = LAKE.lakeRoot() + "/generate-test/" + UUID.randomUUID();
    org.apache.hadoop.fs.Path small = new org.apache.hadoop.fs.Path(folder + "/small.csv");
    org.apache.hadoop.fs.Path large = new org.apache.hadoop.fs.Path(folder + "/large.csv");
    org.apache.hadoop.fs.Path kept = new org.apache.hadoop.fs.Path(folder + "/kept.csv");
    AtomicFiles files = AtomicFiles.of(small, conf);
    FileSystem fs = small.getFileSystem(conf);

    try (AtomicFiles.AtomicFile out = files.create(small)) {
      assertThat(out.out.hasCapability(StreamCapabilities.ABORTABLE_STREAM)).as("S3A streams abort").isTrue();
      out.write(bytes(1_000));
      // closed without commit: a failed task
    }
    try (AtomicFiles.AtomicFile out = files.create(large)) {
      byte[] block = bytes(1024 * 1024);
      for (int i = 0; i < 12; i++) { // more than two parts: a multipart upload is under way
        out.write(block);
      }
    }
    try (AtomicFiles.AtomicFile out = files.create(kept)) {
      out.write(bytes(3 * PART_BYTES / 2));
      out.commit();
    }

    assertThat(fs.exists(small)).as("discarded small file").isFalse();
    assertThat(fs.exists(large)).as("discarded multipart file").isFalse();
    assertThat(fs.getFileStatus(kept).getLen()).isEqualTo(3L * PART_BYTES / 2);
    assertThat(files.fileNames(kept.getParent())).containsExactly("kept.csv");
    fs.close();
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }

  private static String[] args(String lakeRoot) {
    List<String> args = new ArrayList<>(List.of("--JOB_NAME", "payments-lake-generate", "--lake-root", lakeRoot));
    args.addAll(OPTIONS);
    return args.toArray(String[]::new);
  }

  private static Path singleProcess(Path out) throws IOException {
    Map<String, String> options = new java.util.LinkedHashMap<>();
    for (int i = 0; i < OPTIONS.size(); i += 2) {
      options.put(OPTIONS.get(i), OPTIONS.get(i + 1));
    }
    options.put("--threads", "2");
    GeneratorConfig config = GeneratorOptions.parse(options, Map.of(), CLOCK).config();
    new PaymentGenerator(config).generate(new LocalDirectoryTarget(out), GenerationListener.NONE);
    return out;
  }

  /** Every regular file under a root, by '/'-separated relative path. */
  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }
}
