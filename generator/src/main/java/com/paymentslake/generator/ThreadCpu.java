package com.paymentslake.generator;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this process's threads by role, read from {@code /proc/self/task} (Linux): where the
 * benchmark's process CPU goes besides the generator threads. Threads are grouped by the name the
 * JVM gives them: the file writer, the garbage collector and VM thread, and the JIT compilers.
 * Threads that end between two snapshots (a run's worker pool) drop out of the difference; the
 * benchmark measures those itself. Resolution: one clock tick, 10 ms, per thread.
 */
final class ThreadCpu {
  /** Roles in print order. */
  static final String WRITER = "writer";
  static final String GC_VM = "gc+vm";
  static final String JIT = "jit";
  static final String OTHER = "other";
  /** The generator's own threads, which the benchmark times itself: left out here. */
  static final String WORKER = "worker";

  private static final Path TASKS = Path.of("/proc/self/task");
  /** Clock ticks per second of /proc's utime and stime: USER_HZ, 100 on every Linux ABI in use. */
  private static final long TICKS_PER_SECOND = 100;

  /** Per thread id, its role and CPU ticks so far. */
  private final Map<String, Sample> threads;

  private record Sample(String role, long ticks) {}

  private ThreadCpu(Map<String, Sample> threads) {
    this.threads = threads;
  }

  /** A snapshot, or null where /proc is not readable (not Linux). */
  static ThreadCpu snapshot() {
    if (!Files.isDirectory(TASKS)) {
      return null;
    }
    Map<String, Sample> threads = new LinkedHashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String role = role(Files.readString(task.resolve("comm")).strip());
          threads.put(task.getFileName().toString(), new Sample(role, ticks(Files.readString(task.resolve("stat")))));
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read: it is not in this snapshot
        }
      }
    } catch (IOException e) {
      return null;
    }
    return new ThreadCpu(threads);
  }

  /** utime + stime of a /proc/PID/task/TID/stat line (fields 14 and 15, after the parenthesized name). */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The role of a thread by its name as /proc shows it (the first {@value #COMM_LENGTH} characters). */
  static String role(String comm) {
    if (comm.startsWith(shown(PaymentGenerator.WORKER_THREAD_PREFIX))) {
      return WORKER;
    }
    if (comm.startsWith(shown(FileSink.WRITER_THREAD))) {
      return WRITER;
    }
    if (comm.startsWith("VM Thread") || comm.startsWith("GC Thread") || comm.startsWith("G1 ")
        || comm.startsWith("VM Periodic")) {
      return GC_VM;
    }
    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
      return JIT;
    }
    return OTHER;
  }

  /** Linux keeps the first 15 bytes of a thread's name. */
  private static final int COMM_LENGTH = 15;

  private static String shown(String threadName) {
    return threadName.substring(0, Math.min(COMM_LENGTH, threadName.length()));
  }

  /** CPU ticks so far of the threads of one role. */
  long roleTicks(String role) {
    long total = 0;
    for (Sample sample : threads.values()) {
      if (sample.role().equals(role)) {
        total += sample.ticks();
      }
    }
    return total;
  }

  /**
   * Seconds of CPU per role between {@code before} and this snapshot; a thread started since counts
   * from zero, one that ended is missing. The generator's workers are left out.
   */
  Map<String, Double> secondsSince(ThreadCpu before) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (String role : new String[] {WRITER, GC_VM, JIT, OTHER}) {
      seconds.put(role, 0.0);
    }
    threads.forEach((tid, sample) -> {
      Sample earlier = before.threads.get(tid);
      long delta = sample.ticks() - (earlier == null ? 0 : earlier.ticks());
      if (!sample.role().equals(WORKER)) {
        seconds.merge(sample.role(), (double) delta / TICKS_PER_SECOND, Double::sum);
      }
    });
    return seconds;
  }
}
