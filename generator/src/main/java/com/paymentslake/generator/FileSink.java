package com.paymentslake.generator;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a local file in large blocks from an aligned direct buffer, with direct I/O ({@code
 * O_DIRECT}) where the file system takes it.
 *
 * <p>Why: writing a generated file through the page cache copied every byte once more in the
 * kernel and streamed it through the CPU caches, evicting the generator's own working set (card
 * slots, merchants); on the 2-core build machine that cost a third of a row's CPU time. Direct I/O
 * in 1 MiB blocks hands the buffer to the device instead (measured: about 0.04 CPU s per 258 MB
 * against 0.1-0.14 through the page cache, and no cache pollution). Direct writes wait for the
 * device, so they trade some wall time per thread for CPU; with several threads the waits overlap
 * the other threads' generation.
 *
 * <p>Direct I/O needs the buffer address, the file offset and the length aligned to the device's
 * block size: full buffers are; the last, partial block of a file goes through a second, buffered
 * channel. Where the file system refuses {@code O_DIRECT} (tmpfs on older kernels, some network
 * file systems), or a direct write fails, the sink continues with ordinary buffered writes from
 * the same buffer: the bytes are the same either way.
 */
final class FileSink extends OutputStream {
  /** Bytes per write: large writes amortize the per-request cost of direct I/O. */
  static final int BLOCK_BYTES = 1 << 20;
  /** Alignment of buffer address, offsets and lengths for direct I/O (a multiple of any sector). */
  static final int ALIGNMENT = 4096;

  private final Path path;
  private final ByteBuffer buffer;
  private FileChannel channel;
  private boolean direct;
  private long position;
  private boolean closed;

  /**
   * Each writing thread's block buffer, reused from file to file: a fresh 1 MiB of native memory
   * per file would be zeroed, and freed only when the garbage collector gets to it.
   */
  private static final ThreadLocal<ByteBuffer[]> SPARE = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

  private FileSink(Path path, FileChannel channel, boolean direct) {
    this.path = path;
    this.channel = channel;
    this.direct = direct;
    ByteBuffer[] spare = SPARE.get();
    ByteBuffer reused = spare[0];
    spare[0] = null;
    this.buffer = reused != null ? reused : ByteBuffer.allocateDirect(BLOCK_BYTES + ALIGNMENT).alignedSlice(ALIGNMENT);
    this.buffer.clear();
    this.buffer.limit(BLOCK_BYTES);
  }

  /** Hands the buffer back to this thread for its next file. */
  private void release() {
    ByteBuffer[] spare = SPARE.get();
    if (spare[0] == null) {
      spare[0] = buffer;
    }
  }

  /**
   * Creates (or truncates) the file; with {@code tryDirect}, opens it for direct I/O when the file
   * system accepts that.
   */
  static FileSink create(Path path, boolean tryDirect) throws IOException {
    if (tryDirect) {
      try {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        return new FileSink(path, channel, true);
      } catch (UnsupportedOperationException | IOException e) {
        // The file system does not take O_DIRECT: buffered writes below.
      }
    }
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    return new FileSink(path, channel, false);
  }

  /** Whether writes currently bypass the page cache. */
  boolean direct() {
    return direct;
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    buffer.put((byte) b);
    if (!buffer.hasRemaining()) {
      writeBuffer();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    while (len > 0) {
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
      if (!buffer.hasRemaining()) {
        writeBuffer();
      }
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("File " + path + " is already closed"); // its buffer may serve another file now
    }
  }

  /** Writes the whole buffer (a multiple of the alignment, or anything when buffered). */
  private void writeBuffer() throws IOException {
    buffer.flip();
    writeFully(buffer);
    buffer.clear();
    buffer.limit(BLOCK_BYTES);
  }

  private void writeFully(ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      try {
        position += channel.write(source, position);
      } catch (IOException e) {
        if (!direct) {
          throw e;
        }
        fallBackToBuffered(); // a direct write was refused: the same bytes, buffered
      }
    }
  }

  private void fallBackToBuffered() throws IOException {
    channel.close();
    channel = FileChannel.open(path, StandardOpenOption.WRITE);
    direct = false;
  }

  /** Writes what is buffered and closes the file. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      buffer.flip();
      if (direct) {
        int aligned = buffer.remaining() - buffer.remaining() % ALIGNMENT;
        ByteBuffer whole = buffer.duplicate();
        whole.limit(aligned);
        writeFully(whole);
        buffer.position(aligned);
        if (buffer.hasRemaining() && direct) {
          // The last partial block cannot go direct: append it through the page cache.
          channel.close();
          channel = FileChannel.open(path, StandardOpenOption.WRITE);
          direct = false;
        }
      }
      writeFully(buffer);
    } finally {
      channel.close();
      release();
    }
  }

  /** Closes the file without writing what is buffered (the caller discards the file). */
  void abandon() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } finally {
      release();
    }
  }
}
