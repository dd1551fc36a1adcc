package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceLoopTest {
  @TempDir Path temp;

  @Test
  void writesOneCsvRowPerNumberOfAboutTheStatedLength() throws Exception {
    Path file = temp.resolve("reference.csv");
    ReferenceLoop.write(file, 5_000);
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    assertThat(text).endsWith("\r\n");
    List<String> lines = List.of(text.split("\r\n"));
    assertThat(lines).hasSize(5_000);
    assertThat(lines.get(0)).startsWith("T10000000000,2026-10-05T");
    assertThat(lines.get(4_999)).startsWith("T10000004999,");
    assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(21));
    double average = (double) Files.size(file) / lines.size();
    assertThat(average).isBetween(ReferenceLoop.ROW_BYTES * 0.95, ReferenceLoop.ROW_BYTES * 1.1);
  }

  @Test
  void reportsRowsPerCpuSecondAndTheBytesWritten() throws Exception {
    Path file = temp.resolve("reference.csv");
    ReferenceLoop.Result result = ReferenceLoop.run(file, 20_000);
    assumeTrue(result != null, "this JVM measures no thread CPU time (the bench prints n/a)");
    assertThat(result.bytes()).isEqualTo(Files.size(file));
    assertThat(result.rowsPerCpuSecond()).isPositive();
  }
}
