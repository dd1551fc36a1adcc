package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileSinkTest {
  @TempDir Path temp;

  /** Sizes around the alignment and the block, each with and without direct I/O. */
  static Stream<Arguments> sizes() {
    int block = FileSink.BLOCK_BYTES;
    return IntStream.of(0, 1, 4095, 4096, 4097, block - 1, block, block + 1, 3 * block + block / 2 + 3)
        .boxed()
        .flatMap(size -> Stream.of(Arguments.of(size, true), Arguments.of(size, false)));
  }

  /** Written in uneven pieces, from single bytes to pieces larger than a block. */
  @ParameterizedTest
  @MethodSource("sizes")
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

  @Test
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

  /** A run's worker threads end with it: the next run's threads reuse their buffers. */
  @Test
  void buffersOutliveTheThreadThatUsedThemAndStayBounded() throws Exception {
    Thread writer = new Thread(() -> {
      try (FileSink sink = FileSink.create(temp.resolve("by-thread.csv"), true)) {
        sink.write(new byte[] {'t'});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    writer.start();
    writer.join();
    int free = FileSink.freeBuffers();
    assertThat(free).isBetween(2, FileSink.MAX_FREE_BUFFERS);
    try (FileSink sink = FileSink.create(temp.resolve("reuses.csv"), true)) {
      assertThat(FileSink.freeBuffers()).isEqualTo(free - 2);
    }

    List<FileSink> open = new ArrayList<>();
    for (int i = 0; i < FileSink.MAX_FREE_BUFFERS / 2 + 3; i++) {
      open.add(FileSink.create(temp.resolve("open-" + i + ".csv"), true));
    }
    assertThat(FileSink.freeBuffers()).isZero();
    for (FileSink sink : open) {
      sink.close();
    }
    assertThat(FileSink.freeBuffers()).isEqualTo(FileSink.MAX_FREE_BUFFERS);
  }
}
