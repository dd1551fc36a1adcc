package com.paymentslake.generator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Progress of a long generation on stderr: percent, rows/s and ETA.
 *
 * <ul>
 *   <li>{@link Style#BAR} (stderr is a terminal): one line redrawn in place with {@code \r} at most
 *       every {@link #BAR_EVERY}; {@link #clear()} wipes it before other output and {@link #finish()}
 *       at the end.
 *   <li>{@link Style#LINES} (stderr goes to a file or a log collector): one plain line every {@link
 *       #LINE_EVERY}, so logs stay readable.
 *   <li>{@link Style#OFF} ({@code --quiet}), or a run expected to write fewer than the threshold
 *       ({@link #MIN_LINES} for the CLI): nothing.
 * </ul>
 *
 * <p>Rates and ETA are averages since the bar was created. Not thread-safe: the generator calls its
 * listener from one thread.
 */
final class ProgressBar {
  /** Runs expected to write fewer lines get no progress output. */
  static final long MIN_LINES = 2_000_000;
  /** Plain lines at most this often. */
  static final Duration LINE_EVERY = Duration.ofSeconds(5);
  /** The bar is redrawn at most this often. */
  static final Duration BAR_EVERY = Duration.ofMillis(200);
  /** Characters between the brackets of the bar. */
  static final int BAR_WIDTH = 30;

  /** How progress is shown. */
  enum Style {
    BAR, LINES, OFF;

    /** {@code --progress} values. */
    String optionValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final PrintStream err;
  private final Style style;
  private final long linesExpected;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastShown;
  private long linesDone;
  private int drawnWidth;

  /**
   * @param err where to write
   * @param style how to show progress
   * @param linesExpected lines the run should write (an estimate)
   * @param minLines runs expected to write fewer lines show nothing
   * @param nanoTime the clock ({@link System#nanoTime} outside tests)
   */
  ProgressBar(PrintStream err, Style style, long linesExpected, long minLines, LongSupplier nanoTime) {
    this.err = Objects.requireNonNull(err, "err");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.style = linesExpected < minLines ? Style.OFF : Objects.requireNonNull(style, "style");
    this.linesExpected = linesExpected;
    this.started = nanoTime.getAsLong();
    this.lastShown = started;
  }

  /** The style in effect: {@link Style#OFF} for short runs. */
  Style style() {
    return style;
  }

  /** Lines written so far (never goes back); shows them when it is time to. */
  void update(long linesDone) {
    this.linesDone = Math.max(this.linesDone, linesDone);
    long now = nanoTime.getAsLong();
    switch (style) {
      case BAR -> {
        if (drawnWidth == 0 || now - lastShown >= BAR_EVERY.toNanos()) {
          lastShown = now;
          draw(now);
        }
      }
      case LINES -> {
        if (now - lastShown >= LINE_EVERY.toNanos()) {
          lastShown = now;
          err.println(line(this.linesDone, linesExpected, seconds(now)));
        }
      }
      default -> { }
    }
  }

  /** Wipes the bar (before writing something else to the terminal); {@link #redraw()} restores it. */
  void clear() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  /** Draws the bar again after {@link #clear()}. */
  void redraw() {
    if (style == Style.BAR && linesDone > 0) {
      draw(nanoTime.getAsLong());
    }
  }

  /** The run is over: the bar is wiped (the caller prints its summary). */
  void finish() {
    clear();
  }

  private void draw(long now) {
    String text = bar(linesDone, linesExpected, seconds(now), BAR_WIDTH);
    // Pad over the rest of a longer previous drawing.
    String padded = text.length() < drawnWidth ? text + " ".repeat(drawnWidth - text.length()) : text;
    err.print("\r" + padded);
    err.flush();
    drawnWidth = padded.length();
  }

  private double seconds(long now) {
    return (now - started) / 1e9;
  }

  /**
   * The in-place bar, e.g. {@code [=======>                      ]  25%  2,500,000 of ~10,000,000
   * rows  1,250,000 rows/s  ETA 6 s}.
   */
  static String bar(long linesDone, long linesExpected, double seconds, int width) {
    int percent = percent(linesDone, linesExpected);
    int filled = (int) ((long) width * percent / 100);
    String bar = filled >= width ? "=".repeat(width)
        : "=".repeat(filled) + (filled > 0 ? ">" : " ") + " ".repeat(width - filled - 1);
    return String.format(Locale.ROOT, "[%s] %3d%%  %,d of ~%,d rows  %s rows/s  ETA %s", bar, percent, linesDone,
        linesExpected, rate(linesDone, seconds), eta(linesDone, linesExpected, seconds));
  }

  /** A plain log line, e.g. {@code progress: 2,500,000 of ~10,000,000 rows (25%), 1,250,000 rows/s, ETA 6 s}. */
  static String line(long linesDone, long linesExpected, double seconds) {
    return String.format(Locale.ROOT, "progress: %,d of ~%,d rows (%d%%), %s rows/s, ETA %s", linesDone,
        linesExpected, percent(linesDone, linesExpected), rate(linesDone, seconds),
        eta(linesDone, linesExpected, seconds));
  }

  /** Time left at the average rate so far: {@code 47 s}, {@code 3 min 07 s}, {@code 2 h 05 min}; {@code ?} before any row. */
  static String eta(long linesDone, long linesExpected, double seconds) {
    if (linesDone <= 0 || seconds <= 0) {
      return "?";
    }
    double left = Math.max(0, linesExpected - linesDone) * seconds / linesDone;
    long s = Math.round(left);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  private static int percent(long linesDone, long linesExpected) {
    if (linesExpected <= 0) {
      return 100;
    }
    return (int) Math.min(100, linesDone * 100 / linesExpected);
  }

  private static String rate(long linesDone, double seconds) {
    return seconds <= 0 ? "?" : String.format(Locale.ROOT, "%,.0f", linesDone / seconds);
  }
}
