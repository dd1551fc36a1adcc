package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorBenchTest {
  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpDocumentsEveryOptionWithItsDefault() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--rows N", "(default 1000000)")
        .contains("--threads N", "(default: available processors")
        .contains("--out DIR", "temporary directory, deleted after")
        .contains("--seed N", "(default 42)")
        .contains("--warmup N|auto", "(default auto)")
        .contains("--rounds N", "(default 3)")
        .contains("--compression none|gzip", "(default none)")
        .contains("--no-direct-io")
        .contains("--help");
  }

  @Test
  void notesAHeapTooSmallWhenGarbageCollectionTakesMoreThanOneTwentiethOfTheRound() {
    assertThat(GeneratorBench.heapNote(50, 1.0, 128L << 20)).isNull();
    assertThat(GeneratorBench.heapNote(0, 0.0, 128L << 20)).isNull();
    assertThat(GeneratorBench.heapNote(8, 0.149, 256L << 20)).as("one young collection of a short round").isNull();
    assertThat(GeneratorBench.heapNote(400, 4.0, 128L << 20))
        .isEqualTo("Note: garbage collection took 10% of the round's wall time: the heap (-Xmx 128 MB) is small"
            + " for this many rows; give the JVM more (./lake bench: LAKE_BENCH_HEAP=512m).");
    assertThat(GeneratorBench.heapNote(400, 4.0, 2044L << 20)).endsWith("(./lake bench: LAKE_BENCH_HEAP=4096m).");
  }

  @Test
  void notesAHeapTooSmallToCacheThePopulation() {
    // 1M rows: 71,429 holders, all with card slots of their own; their traits need 9 MB of heap.
    assertThat(GeneratorBench.cacheNote(GeneratorBench.config(1_000_000, 1, 42), 256L << 20)).isNull();
    // 40M rows: 2,857,143 holders, 2,594,999 of them in the set-associative part: 1.35 cards each at
    // two slots a card want 2^23 slots of 64 bytes, a quarter of the heap: 2048 MB.
    GeneratorConfig large = GeneratorBench.config(40_000_000, 1, 42);
    assertThat(GeneratorBench.cacheNote(large, 2048L << 20)).isNull();
    assertThat(GeneratorBench.cacheNote(large, 256L << 20))
        .isEqualTo("Note: the heap (-Xmx 256 MB) is too small to cache the cards and traits of this many rows'"
            + " 2,857,143 card holders, so rows recompute them (slower, same data); the caches' full size needs"
            + " -Xmx 2048 MB (./lake bench: LAKE_BENCH_HEAP=2304m).");
  }

  @Test
  void smallRunReportsEveryFigure() {
    Path dir = temp.resolve("not/there/yet"); // --out makes its folder
    assertThat(run("--rows", "7000", "--threads", "1", "--warmup", "0", "--rounds", "2", "--out", dir.toString()))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("  round 1: ", "  round 2: ", "Median of 2 measured round(s)");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("rows ", "bytes ", "files ", "wall s ", "rows/s ", "cpu s ", "rows/s/core ", "worker cpu s ",
            "MB/s ", "JIT ms ", "GC ms ", "peak RSS ", "fastest round ");
    if (java.lang.management.ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
      assertThat(out.toString(StandardCharsets.UTF_8))
          .containsPattern("reference loop [\\d,]+ rows/s/core")
          .containsPattern("reference loop +[\\d,]+ rows/s/core \\(median over the rounds: a plain StringBuilder loop"
              + " writing 7,000 CSV rows of 1[6-9]\\d bytes")
          .containsPattern("of reference +\\d+\\.\\d\\d");
    }
    assertThat(dir.resolve("reference.csv")).doesNotExist();
    if (ThreadCpu.snapshot() != null) {
      assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("other threads cpu s writer \\d+\\.\\d\\d, "
          + "gc\\+vm \\d+\\.\\d\\d, jit \\d+\\.\\d\\d, other \\d+\\.\\d\\d");
    }
    assertThat(dir.resolve("lake/raw/payments/ingest_date=2026-10-05/part-00000.csv")).isRegularFile();
  }

  @Test
  void threadCpuReadsUserAndSystemTicksAfterTheThreadName() {
    // /proc/PID/task/TID/stat: the name may hold spaces and parentheses; utime and stime are fields
    // 14 and 15 of the line.
    String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194624 10 0 0 0 37 5 0 0 20 0 30 0 123 0 0";
    assertThat(ThreadCpu.ticks(stat)).isEqualTo(42);
    assertThat(ThreadCpu.ticks("7 (a) b) c) R 1 7 7 0 -1 0 0 0 0 0 3 4 0 0")).isEqualTo(7);
    assertThat(ThreadCpu.role("file-sink-write")).isEqualTo(ThreadCpu.WRITER);
    assertThat(ThreadCpu.role("VM Thread")).isEqualTo(ThreadCpu.GC_VM);
    assertThat(ThreadCpu.role("C1 CompilerThre")).isEqualTo(ThreadCpu.JIT);
    assertThat(ThreadCpu.role("payment-generat")).isEqualTo(ThreadCpu.WORKER);
    assertThat(ThreadCpu.role("main")).isEqualTo(ThreadCpu.OTHER);
  }

  @Test
  void badValueExitsWith2AndNamesTheOption() {
    assertThat(run("--rows", "3")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Error: Option --rows is 3 but must be an integer in [7, 1000000000]");
  }

  private int run(String... args) {
    return GeneratorBench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
