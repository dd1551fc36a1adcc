package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileSinkTest {
  @TempDir Path temp;

  /** Sizes around the alignment and the block, written in uneven pieces. */
  @ParameterizedTest
  @CsvSource({
      "0, true", "1, true", "4095, true", "4096, true", "4097, true", "1048575, true", "1048576, true",
      "1048577, true", "3670019, true", "0, false", "4097, false", "3670019, false"})
  void writesExactlyTheBytesGivenWithOrWithoutDirectIo(int size, boolean direct) throws IOException {
    byte[] data = new byte[size];
    SplitMix64 rng = new SplitMix64(size);
    for (int i = 0; i < size; i++) {
      data[i] = (byte) rng.nextInt(256);
    }
    Path file = temp.resolve("part-" + size + ".csv");
    Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}); // replaced, not appended to
    try (FileSink sink = FileSink.create(file, direct)) {
      int at = 0;
      int piece = 1;
      while (at < size) {
        int length = Math.min(piece, size - at);
        if (length == 1) {
          sink.write(data[at]);
        } else {
          sink.write(data, at, length);
        }
        at += length;
        piece = piece * 3 + 7; // 1, 10, 37, ... up to blocks larger than the buffer
      }
      if (!direct) {
        assertThat(sink.direct()).isFalse();
      }
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(data);
  }

  @org.junit.jupiter.api.Test
  void aClosedSinkRefusesWritesAndItsBufferServesTheNextFileCleanly() throws IOException {
    Path first = temp.resolve("first.csv");
    FileSink sink = FileSink.create(first, true);
    sink.write(new byte[] {'a', 'b', 'c'});
    sink.close();
    assertThatThrownBy(() -> sink.write('d')).isInstanceOf(IOException.class)
        .hasMessage("File " + first + " is already closed");
    Path second = temp.resolve("second.csv");
    try (FileSink next = FileSink.create(second, true)) {
      next.write(new byte[] {'x'});
    }
    assertThat(Files.readAllBytes(first)).containsExactly('a', 'b', 'c');
    assertThat(Files.readAllBytes(second)).containsExactly('x');
  }
}
