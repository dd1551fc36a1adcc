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
  void smallRunReportsEveryFigure() {
    assertThat(run("--rows", "7000", "--threads", "1", "--warmup", "0", "--rounds", "2", "--out", temp.toString()))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("  round 1: ", "  round 2: ", "Median of 2 measured round(s)");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("rows ", "bytes ", "files ", "wall s ", "rows/s ", "cpu s ", "rows/s/core ", "worker cpu s ",
            "MB/s ", "JIT ms ", "GC ms ", "peak RSS ");
    assertThat(temp.resolve("lake/raw/payments/ingest_date=2026-10-05/part-00000.csv")).isRegularFile();
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
