package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.TruthManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-date sequence numbers: txn_id is {@code T<yyyyMMdd>-<10-digit row index of the day>}, a pure
 * function of (date, index), so threads and workers never collide. Proven on a multi-day,
 * multi-file run whose duplicates and replays (some carried into the next day) repeat txn_ids by
 * design.
 */
class SequenceNumberTest {
  private static final Pattern TXN_ID = Pattern.compile("T(\\d{8})-(X?)(\\d{10})");
  private static final String[] OPTIONS = {"--start-date", "2026-11-17", "--days", "4", "--rows-per-day", "6000",
      "--rows-per-file", "2500", "--seed", "11", "--rate-exact-duplicate", "0.02", "--rate-replay-later-status",
      "0.03", "--schema-drift-every", "2"};
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path temp;

  private static GeneratorConfig config;
  private static RawLake lake;

  @BeforeAll
  static void generateWithOneAndFourThreads() throws IOException {
    config = GeneratorOptions.parse(GeneratorOptionsTest.values(OPTIONS), Map.of(), CLOCK).config();
    generate(temp.resolve("one"), "1");
    generate(temp.resolve("four"), "4");
    lake = RawLake.read(temp.resolve("one"));
  }

  @Test
  void txnIdsAreUniquePerPartitionButForTheLinesTheManifestsRepeatOnPurpose() {
    for (RawLake.Partition partition : lake.partitions) {
      Map<String, Integer> counts = new HashMap<>();
      partition.lines.forEach(line -> counts.merge(line.txnId(), 1, Integer::sum));
      Set<String> duplicates = ids(partition.manifest, DefectKind.EXACT_DUPLICATE);
      Set<String> replays = ids(partition.manifest, DefectKind.REPLAY_LATER_STATUS);

      Set<String> repeated = new TreeSet<>();
      counts.forEach((id, count) -> {
        if (count > 1) {
          assertThat(count).as("lines of " + id + " in " + partition.date).isEqualTo(2);
          repeated.add(id);
        }
      });
      Set<String> sameDayReplays = new TreeSet<>();
      for (String id : replays) {
        LocalDate idDate = date(id);
        if (idDate.equals(partition.date)) {
          sameDayReplays.add(id);
        } else {
          assertThat(idDate).as("carried replay " + id).isEqualTo(partition.date.minusDays(1));
          assertThat(counts.get(id)).as("carried replay " + id + " appears once in " + partition.date).isEqualTo(1);
        }
      }
      Set<String> byDesign = new TreeSet<>(duplicates);
      byDesign.addAll(sameDayReplays);
      assertThat(repeated).as("txn_ids repeated in " + partition.date).isEqualTo(byDesign);
    }
  }

  @Test
  void aTxnIdInTwoPartitionsIsAReplayCarriedToTheNextDay() {
    Map<String, List<LocalDate>> partitionsOf = new HashMap<>();
    lake.lines().forEach(line -> partitionsOf.computeIfAbsent(line.txnId(), id -> new ArrayList<>())
        .add(line.ingestDate));
    Map<LocalDate, Set<String>> carried = new TreeMap<>();
    partitionsOf.forEach((id, dates) -> {
      assertThat(dates).as("lines of " + id).hasSizeLessThanOrEqualTo(2);
      if (dates.size() == 2 && !dates.get(0).equals(dates.get(1))) {
        assertThat(dates.get(1)).isEqualTo(dates.get(0).plusDays(1));
        carried.computeIfAbsent(dates.get(1), d -> new TreeSet<>()).add(id);
      }
    });
    for (RawLake.Partition partition : lake.partitions) {
      Set<String> listed = new TreeSet<>();
      for (String id : ids(partition.manifest, DefectKind.REPLAY_LATER_STATUS)) {
        if (!date(id).equals(partition.date)) {
          listed.add(id);
        }
      }
      assertThat(carried.getOrDefault(partition.date, Set.of())).as("carried into " + partition.date)
          .isEqualTo(listed);
    }
    assertThat(carried.values().stream().mapToInt(Set::size).sum()).as("replays crossing days").isPositive();
  }

  @Test
  void sequenceNumbersOfEachDateAreDenseFromZero() {
    Map<LocalDate, Set<Long>> data = new TreeMap<>();
    Map<LocalDate, Set<Long>> drift = new TreeMap<>();
    for (RawLake.Line line : lake.lines().toList()) {
      Matcher m = TXN_ID.matcher(line.txnId());
      assertThat(m.matches()).as(line.txnId()).isTrue();
      LocalDate date = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
      (m.group(2).isEmpty() ? data : drift).computeIfAbsent(date, d -> new HashSet<>()).add(Long.parseLong(m.group(3)));
      assertThat(line.drift).isEqualTo(!m.group(2).isEmpty());
    }
    assertThat(data.keySet()).containsExactlyElementsOf(config.ingestDates());
    for (LocalDate date : config.ingestDates()) {
      long baseRows = config.baseRowsFor(date);
      assertThat(new TreeSet<>(data.get(date))).as("sequence numbers of " + date)
          .containsExactlyElementsOf(LongStream.range(0, baseRows).boxed().toList());
    }
    for (RawLake.Partition partition : lake.partitions) {
      long driftRows = partition.manifest.defect(DefectKind.SCHEMA_DRIFT).count();
      assertThat(new TreeSet<>(drift.getOrDefault(partition.date, Set.of()))).as("drift numbers of " + partition.date)
          .containsExactlyElementsOf(LongStream.range(0, driftRows).boxed().toList());
    }
    assertThat(drift).as("drift files on the 2nd and 4th day").hasSize(2);
    assertThat(lake.partitions.stream().mapToLong(p -> p.manifest.files().size()).sum())
        .as("several files a day").isGreaterThan(2L * config.days());
  }

  @Test
  void oneAndFourThreadsWriteTheSameFiles() throws IOException {
    Map<String, byte[]> one = PaymentGeneratorTest.files(temp.resolve("one"));
    Map<String, byte[]> four = PaymentGeneratorTest.files(temp.resolve("four"));
    assertThat(four.keySet()).containsExactlyElementsOf(one.keySet());
    one.forEach((name, bytes) -> assertThat(four.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void workersWritingSingleChunksInAnyOrderWriteTheSameFiles() throws IOException {
    Map<String, byte[]> files = PaymentGeneratorTest.files(temp.resolve("one"));
    List<Chunk> chunks = new ArrayList<>(new PaymentGenerator(config).chunks());
    java.util.Collections.reverse(chunks);
    for (Chunk chunk : chunks) {
      // A worker of its own: a fresh generator and writer, as a Spark executor or another machine has.
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new PaymentGenerator(config).chunkWriter().write(chunk, out);
      assertThat(out.toByteArray()).as(chunk.path()).isEqualTo(files.get(chunk.path()));
    }
  }

  private static void generate(Path root, String threads) {
    List<String> args = new ArrayList<>(List.of("--out", root.toString(), "--threads", threads));
    args.addAll(List.of(OPTIONS));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = GeneratorCli.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), CLOCK);
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }

  private static Set<String> ids(TruthManifest manifest, DefectKind kind) {
    return new TreeSet<>(manifest.defect(kind).txnIds());
  }

  private static LocalDate date(String txnId) {
    return LocalDate.parse(txnId.substring(1, 9), DateTimeFormatter.BASIC_ISO_DATE);
  }
}
