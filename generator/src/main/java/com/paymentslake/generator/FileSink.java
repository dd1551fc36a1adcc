package com.paymentslake.generator;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a local file in large blocks from aligned direct buffers, with direct I/O ({@code
 * O_DIRECT}) where the file system takes it, while the caller fills the next block.
 *
 * <p>Why: writing a generated file through the page cache copied every byte once more in the
 * kernel and streamed it through the CPU caches, evicting the generator's own working set (card
 * slots, merchants). Direct I/O in 4 MiB blocks hands the buffer to the device instead (measured
 * here, writer thread CPU per 258 MB: 0.02-0.03 s, against 0.04-0.05 in 1 MiB blocks and 0.1-0.14
 * through the page cache; each request has a fixed cost, so blocks are large). Direct writes wait
 * for the device, so a full block is written by a background writer thread while the generating
 * thread fills a second buffer: the wait overlaps generation instead of adding to it.
 *
 * <p>Direct I/O needs the buffer address, the file offset and the length aligned to the device's
 * block size: full blocks are, and so are the whole 4 KiB pages of a file's last block; only the
 * bytes past them go through a buffered channel.
 * Where the file system refuses {@code O_DIRECT} (tmpfs on older kernels, some network file
 * systems), or a direct write fails, the sink continues with ordinary buffered writes: the bytes
 * are the same either way.
 *
 * <p>Not thread-safe: one sink per writing thread at a time. The channel is used by at most one
 * thread at a time (the writer, or the owner once the writer's block is done).
 */
final class FileSink extends OutputStream {
  /** Bytes per write: large writes amortize the per-request cost of direct I/O. */
  static final int BLOCK_BYTES = 4 << 20;
  /** Alignment of buffer address, offsets and lengths for direct I/O (a multiple of any sector). */
  static final int ALIGNMENT = 4096;

  /** The name of the background writer threads. */
  static final String WRITER_THREAD = "file-sink-writer";

  /** Writes full blocks in the background; daemon, so it never keeps a JVM alive. */
  private static final ExecutorService WRITER = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, WRITER_THREAD);
    thread.setDaemon(true);
    return thread;
  });

  /** Two files per processor's worth of buffers are kept for reuse; more go to the garbage collector. */
  static final int MAX_FREE_BUFFERS = 4 * Runtime.getRuntime().availableProcessors();

  /**
   * Block buffers no file is using, shared by every thread and reused from file to file: fresh
   * native memory per file would be zeroed, and freed only when the garbage collector gets to it
   * (buffers kept per thread piled up the same way whenever a run's threads ended). A file takes
   * two and gives them back when closed, so at most {@link #MAX_FREE_BUFFERS} stay allocated while
   * no file is open.
   */
  private static final BlockingQueue<ByteBuffer> FREE = new ArrayBlockingQueue<>(MAX_FREE_BUFFERS);

  private final Path path;
  /** The buffer being filled, and the one the writer may still be writing. */
  private ByteBuffer filling;
  private ByteBuffer other;
  private Future<?> pending;
  private FileChannel channel;
  private boolean direct;
  private long position;
  private boolean closed;

  private FileSink(Path path, FileChannel channel, boolean direct) {
    this.path = path;
    this.channel = channel;
    this.direct = direct;
    this.filling = takeBuffer();
    this.other = takeBuffer();
    filling.clear().limit(BLOCK_BYTES);
  }

  private static ByteBuffer takeBuffer() {
    ByteBuffer free = FREE.poll();
    return free != null ? free : ByteBuffer.allocateDirect(BLOCK_BYTES + ALIGNMENT).alignedSlice(ALIGNMENT);
  }

  /** Buffers kept for reuse now (tests). */
  static int freeBuffers() {
    return FREE.size();
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
    filling.put((byte) b);
    if (!filling.hasRemaining()) {
      submitBlock();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    while (len > 0) {
      int n = Math.min(len, filling.remaining());
      filling.put(b, off, n);
      off += n;
      len -= n;
      if (!filling.hasRemaining()) {
        submitBlock();
      }
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("File " + path + " is already closed"); // its buffers may serve another file now
    }
  }

  /** Hands the full buffer to the writer and continues in the other one, once that one is free. */
  private void submitBlock() throws IOException {
    awaitPending();
    ByteBuffer block = filling;
    block.flip();
    long at = position;
    position += block.remaining();
    pending = WRITER.submit(() -> {
      try {
        writeFully(block, at);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    filling = other;
    other = block;
    filling.clear().limit(BLOCK_BYTES);
  }

  /** Waits for the block in the writer; rethrows its failure. */
  private void awaitPending() throws IOException {
    if (pending == null) {
      return;
    }
    try {
      pending.get();
      pending = null;
    } catch (ExecutionException e) {
      pending = null;
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException("Cannot write " + path + ": " + cause, cause);
    } catch (InterruptedException e) {
      // pending stays set: the writer may still use its buffer, which release() then leaves alone
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while writing " + path);
    }
  }

  /** Writes the buffer's remaining bytes at the file offset; falls back to buffered writes. */
  private void writeFully(ByteBuffer source, long at) throws IOException {
    while (source.hasRemaining()) {
      try {
        at += channel.write(source, at);
      } catch (IOException e) {
        if (!direct) {
          throw e;
        }
        reopenBuffered(); // a direct write was refused: the same bytes, buffered
      }
    }
  }

  private void reopenBuffered() throws IOException {
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
      awaitPending();
      filling.flip();
      if (direct) {
        int aligned = filling.remaining() - filling.remaining() % ALIGNMENT;
        ByteBuffer whole = filling.duplicate();
        whole.limit(aligned);
        writeFully(whole, position);
        position += aligned;
        filling.position(aligned);
        if (filling.hasRemaining() && direct) {
          reopenBuffered(); // the last partial block cannot go direct
        }
      }
      writeFully(filling, position);
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
      awaitPending();
    } catch (IOException e) {
      // discarded anyway
    } finally {
      channel.close();
      release();
    }
  }

  /** Hands the buffers back for the next file, of any thread. */
  private void release() {
    if (pending != null) {
      return; // the writer may still use a buffer (interrupted wait): let the garbage collector have them
    }
    FREE.offer(filling); // refused when the pool is full: the garbage collector frees it
    FREE.offer(other);
  }
}
