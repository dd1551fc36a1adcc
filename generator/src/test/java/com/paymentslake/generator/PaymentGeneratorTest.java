package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.TruthManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentGeneratorTest {
  /** Three days, several small files a day: chunks cross file and day boundaries. */
  private static final GeneratorConfig SMALL = GeneratorConfig.defaults()
      .withStartDate(LocalDate.of(2026, 11, 18))
      .withDays(3)
      .withRowsPerDay(12_000)
      .withRowsPerFile(5_000)
      .withSeed(7);

  @TempDir Path temp;

  @Test
  void outputIsByteIdenticalWhateverTheThreadCount() throws IOException {
    Path one = temp.resolve("one");
    Path four = temp.resolve("four");
    new PaymentGenerator(SMALL.withThreads(1)).generate(new LocalDirectoryTarget(one), GenerationListener.NONE);
    new PaymentGenerator(SMALL.withThreads(4)).generate(new LocalDirectoryTarget(four), GenerationListener.NONE);

    Map<String, byte[]> a = files(one);
    Map<String, byte[]> b = files(four);
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    assertThat(a.keySet()).hasSizeGreaterThan(6);
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    Path a = temp.resolve("a");
    Path b = temp.resolve("b");
    GeneratorConfig config = SMALL.withDays(1);
    new PaymentGenerator(config).generate(new LocalDirectoryTarget(a), GenerationListener.NONE);
    new PaymentGenerator(config.withSeed(8)).generate(new LocalDirectoryTarget(b), GenerationListener.NONE);
    String file = LakeLayout.RAW_PAYMENTS + "/ingest_date=2026-11-18/part-00000.csv";
    assertThat(Files.readAllBytes(b.resolve(file))).isNotEqualTo(Files.readAllBytes(a.resolve(file)));
  }

  @Test
  void aDateHasTheSameRowsWhetherOrNotTheRunEndsWithIt() throws IOException {
    // 2026-11-19 is the last date of a two-day run and the middle one of a three-day run: its rows
    // are the same; only the replays it sends to 2026-11-20 in the longer run stay with it.
    Path two = temp.resolve("two");
    Path three = temp.resolve("three");
    new PaymentGenerator(SMALL.withDays(2)).generate(new LocalDirectoryTarget(two), GenerationListener.NONE);
    new PaymentGenerator(SMALL).generate(new LocalDirectoryTarget(three), GenerationListener.NONE);

    String middle = LakeLayout.RAW_PAYMENTS + "/ingest_date=2026-11-19";
    List<String> asLast = lines(two.resolve(middle));
    List<String> asMiddle = lines(three.resolve(middle));
    List<String> sentOn = lines(three.resolve(LakeLayout.RAW_PAYMENTS + "/ingest_date=2026-11-20")).stream()
        .filter(line -> line.startsWith("T20261119-"))
        .toList();
    assertThat(sentOn).isNotEmpty();
    assertThat(asLast).containsAll(asMiddle).containsAll(sentOn).hasSize(asMiddle.size() + sentOn.size());
  }

  /** The data lines of a partition's files, header lines left out. */
  private static List<String> lines(Path partition) throws IOException {
    List<String> lines = new ArrayList<>();
    for (byte[] file : files(partition).values()) {
      new String(file, java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("txn_id,"))
          .forEach(lines::add);
    }
    return lines;
  }

  @Test
  void writesTheLakeLayoutAndManifestsThatMatchTheFiles() throws IOException {
    List<String> events = new ArrayList<>();
    GenerationListener listener = new GenerationListener() {
      @Override
      public void fileWritten(LocalDate ingestDate, String fileName, long dataLines, long bytes) {
        events.add(ingestDate + "/" + fileName + " " + dataLines + " " + bytes);
      }

      @Override
      public void partitionWritten(TruthManifest manifest) {
        events.add(manifest.ingestDate() + " manifest " + manifest.dataLines());
      }
    };
    GenerationSummary summary = new PaymentGenerator(SMALL).generate(new LocalDirectoryTarget(temp), listener);

    RawLake lake = RawLake.read(temp);
    TruthCheck.verify(lake);
    assertThat(lake.partitions).extracting(p -> p.date)
        .containsExactly(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20));
    for (LocalDate date : SMALL.ingestDates()) {
      assertThat(temp.resolve(LakeLayout.RAW_PAYMENTS + "/ingest_date=" + date + "/part-00000.csv")).isRegularFile();
      assertThat(temp.resolve(LakeLayout.TRUTH_MANIFESTS + "/ingest_date=" + date + "/truth.json")).isRegularFile();
    }
    // 18 Nov 2026 is a Wednesday; 20 Nov starts the holiday season (x2).
    assertThat(SMALL.baseRowsFor(LocalDate.of(2026, 11, 20))).isEqualTo(Math.round(12_000 * 1.10 * 2.0));

    List<String> expected = new ArrayList<>();
    for (RawLake.Partition partition : lake.partitions) {
      for (TruthManifest.FileEntry file : partition.manifest.files()) {
        expected.add(partition.date + "/" + file.name() + " " + file.dataLines() + " " + file.bytes());
      }
      expected.add(partition.date + " manifest " + partition.manifest.dataLines());
    }
    assertThat(events).containsExactlyElementsOf(expected);
    assertThat(summary.files()).isEqualTo(events.size() - 3);
    try (Stream<Path> all = Files.walk(temp)) {
      assertThat(all.filter(p -> p.getFileName().toString().endsWith(".inprogress"))).isEmpty();
    }
  }

  @Test
  void rerunReplacesThePartitionsFilesAndKeepsForeignOnes() throws IOException {
    Path partition = temp.resolve(LakeLayout.RAW_PAYMENTS + "/ingest_date=2026-11-18");
    Files.createDirectories(partition);
    Files.writeString(partition.resolve("part-00099.csv"), "stale");
    Files.writeString(partition.resolve("_SUCCESS"), "");

    new PaymentGenerator(SMALL.withDays(1)).generate(new LocalDirectoryTarget(temp), GenerationListener.NONE);

    assertThat(partition.resolve("part-00099.csv")).doesNotExist();
    assertThat(partition.resolve("_SUCCESS")).exists();
    assertThat(partition.resolve("part-00000.csv")).exists();
  }

  @Test
  void unwritableRootFailsWithAClearIoError() throws IOException {
    Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
    PaymentGenerator generator = new PaymentGenerator(SMALL.withDays(1));
    assertThatThrownBy(() -> generator.generate(new LocalDirectoryTarget(file.resolve("lake")), GenerationListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("Cannot create lake root directory " + file.resolve("lake") + ": ");
  }

  @Test
  void failureInsideAPartitionLeavesNoPartialFileAndNoManifest() throws IOException {
    Path root = temp.resolve("lake");
    Path blocker = root.resolve(LakeLayout.TRUTH_MANIFESTS + "/ingest_date=2026-11-18");
    Files.createDirectories(blocker.getParent());
    Files.writeString(blocker, "a file where the manifest folder should be");

    PaymentGenerator generator = new PaymentGenerator(SMALL.withDays(1));
    assertThatThrownBy(() -> generator.generate(new LocalDirectoryTarget(root), GenerationListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("truth.json");
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(p -> p.getFileName().toString().endsWith(".inprogress"))).isEmpty();
    }
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path path : all.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(path).toString(), Files.readAllBytes(path));
      }
    }
    return out;
  }
}
