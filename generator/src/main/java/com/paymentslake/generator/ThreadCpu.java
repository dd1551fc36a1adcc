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

  private final Map<String, Long> ticksByThread;

  private ThreadCpu(Map<String, Long> ticksByThread) {
    this.ticksByThread = ticksByThread;
  }

  /** A snapshot, or null where /proc is not readable (not Linux). */
  static ThreadCpu snapshot() {
    if (!Files.isDirectory(TASKS)) {
      return null;
    }
    Map<String, Long> ticks = new LinkedHashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          long used = ticks(Files.readString(task.resolve("stat")));
          ticks.put(task.getFileName() + " " + name, used);
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read: it is not in this snapshot
        }
      }
    } catch (IOException e) {
      return null;
    }
    return new ThreadCpu(ticks);
  }

  /** utime + stime of a /proc/PID/task/TID/stat line (fields 14 and 15, after the parenthesized name). */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The role of a thread by its name (as /proc shows it: at most 15 characters). */
  static String role(String name) {
    if (name.startsWith("payment-generat")) {
      return WORKER;
    }
    if (name.startsWith("file-sink-writ")) {
      return WRITER;
    }
    if (name.startsWith("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")
        || name.startsWith("VM Periodic")) {
      return GC_VM;
    }
    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
      return JIT;
    }
    return OTHER;
  }

  /** Seconds of CPU per role between {@code before} and this snapshot, for threads in both. */
  Map<String, Double> secondsSince(ThreadCpu before) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (String role : new String[] {WRITER, GC_VM, JIT, OTHER}) {
      seconds.put(role, 0.0);
    }
    ticksByThread.forEach((thread, ticks) -> {
      Long earlier = before.ticksByThread.get(thread);
      long delta = ticks - (earlier == null ? 0 : earlier);
      String role = role(thread.substring(thread.indexOf(' ') + 1));
      if (role.equals(WORKER)) {
        return;
      }
      seconds.merge(role, (double) delta / TICKS_PER_SECOND, Double::sum);
    });
    return seconds;
  }
}
