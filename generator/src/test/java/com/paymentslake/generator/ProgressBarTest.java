package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private static final long SECOND = 1_000_000_000L;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now = 42 * SECOND;

  @Test
  void rendersPercentRateAndEta() {
    assertThat(ProgressBar.line(2_500_000, 10_000_000, 2.0))
        .isEqualTo("progress: 2,500,000 of ~10,000,000 rows (25%), 1,250,000 rows/s, ETA 6 s");
    assertThat(ProgressBar.bar(2_500_000, 10_000_000, 2.0, 20))
        .isEqualTo("[=====>              ]  25%  2,500,000 of ~10,000,000 rows  1,250,000 rows/s  ETA 6 s");
    assertThat(ProgressBar.bar(0, 10_000_000, 0.5, 20))
        .isEqualTo("[                    ]   0%  0 of ~10,000,000 rows  0 rows/s  ETA ?");
    assertThat(ProgressBar.bar(10_000_000, 10_000_000, 8.0, 20))
        .isEqualTo("[====================] 100%  10,000,000 of ~10,000,000 rows  1,250,000 rows/s  ETA 0 s");
  }

  @Test
  void theEstimateMayBeExceededWithoutGoingPastHundredPercent() {
    assertThat(ProgressBar.line(10_000_123, 10_000_000, 10.0))
        .isEqualTo("progress: 10,000,123 of ~10,000,000 rows (100%), 1,000,012 rows/s, ETA 0 s");
  }

  @Test
  void etaReadsInSecondsMinutesOrHours() {
    assertThat(ProgressBar.eta(0, 100, 3.0)).isEqualTo("?");
    assertThat(ProgressBar.eta(50, 100, 47.0)).isEqualTo("47 s");
    assertThat(ProgressBar.eta(100, 300, 93.5)).isEqualTo("3 min 07 s");
    assertThat(ProgressBar.eta(1, 3, 3_750.0)).isEqualTo("2 h 05 min");
  }

  @Test
  void withoutATerminalPrintsOneLineEveryFewSecondsAndNeverACarriageReturn() {
    ProgressBar progress = bar(ProgressBar.Style.LINES, 3_000_000);
    long every = ProgressBar.LINE_EVERY.toNanos();

    update(progress, 1 * SECOND, 100_000);
    update(progress, every, 1_000_000);
    update(progress, every + SECOND, 1_200_000);
    update(progress, 2 * every + SECOND, 2_000_000);
    progress.clear();
    progress.finish();

    double first = every / 1e9;
    double second = (2 * every + SECOND) / 1e9;
    assertThat(text()).isEqualTo(
        ProgressBar.line(1_000_000, 3_000_000, first) + System.lineSeparator()
            + ProgressBar.line(2_000_000, 3_000_000, second) + System.lineSeparator());
    assertThat(text()).doesNotContain("\r").startsWith("progress: 1,000,000 of ~3,000,000 rows (33%), ");
  }

  @Test
  void onATerminalRedrawsOneLineInPlaceAndWipesItAtTheEnd() {
    ProgressBar progress = bar(ProgressBar.Style.BAR, 3_000_000);

    update(progress, SECOND, 1_000_000);
    String first = "\r" + ProgressBar.bar(1_000_000, 3_000_000, 1.0, ProgressBar.BAR_WIDTH);
    assertThat(text()).isEqualTo(first);

    update(progress, SECOND + ProgressBar.BAR_EVERY.toNanos() / 2, 1_100_000);
    assertThat(text()).as("throttled").isEqualTo(first);

    update(progress, 2 * SECOND, 2_000_000);
    String second = "\r" + ProgressBar.bar(2_000_000, 3_000_000, 2.0, ProgressBar.BAR_WIDTH);
    assertThat(second).hasSameSizeAs(first);
    assertThat(text()).isEqualTo(first + second);

    progress.clear();
    String wipe = "\r" + " ".repeat(second.length() - 1) + "\r";
    assertThat(text()).isEqualTo(first + second + wipe);

    progress.redraw();
    progress.finish();
    String redrawn = "\r" + ProgressBar.bar(2_000_000, 3_000_000, 2.0, ProgressBar.BAR_WIDTH);
    assertThat(text()).isEqualTo(first + second + wipe + redrawn + wipe);
    assertThat(text()).doesNotContain("\n");
  }

  @Test
  void aShorterRedrawCoversTheRestOfTheLongerOne() {
    ProgressBar progress = bar(ProgressBar.Style.BAR, 3_000_000);
    update(progress, 1000 * SECOND, 1_000_000); // ETA 33 min 20 s
    String longer = ProgressBar.bar(1_000_000, 3_000_000, 1000.0, ProgressBar.BAR_WIDTH);
    update(progress, 1001 * SECOND, 2_999_999); // ETA 0 s
    String shorter = ProgressBar.bar(2_999_999, 3_000_000, 1001.0, ProgressBar.BAR_WIDTH);

    assertThat(shorter.length()).isLessThan(longer.length());
    assertThat(text()).isEqualTo("\r" + longer + "\r" + shorter + " ".repeat(longer.length() - shorter.length()));
  }

  @Test
  void shortRunsAndQuietRunsShowNothing() {
    ProgressBar small = new ProgressBar(err, ProgressBar.Style.BAR, ProgressBar.MIN_LINES - 1,
        ProgressBar.MIN_LINES, () -> now);
    ProgressBar quiet = bar(ProgressBar.Style.OFF, 3_000_000);
    for (ProgressBar progress : new ProgressBar[] {small, quiet}) {
      update(progress, 10 * SECOND, 500_000);
      update(progress, 100 * SECOND, 1_000_000);
      progress.clear();
      progress.redraw();
      progress.finish();
    }

    assertThat(small.style()).isEqualTo(ProgressBar.Style.OFF);
    assertThat(text()).isEmpty();
  }

  private ProgressBar bar(ProgressBar.Style style, long expected) {
    return new ProgressBar(err, style, expected, ProgressBar.MIN_LINES, () -> now);
  }

  /** {@code linesDone} at {@code nanos} after the bar was created (bars are created at 42 s). */
  private void update(ProgressBar progress, long nanos, long linesDone) {
    now = 42 * SECOND + nanos;
    progress.update(linesDone);
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
