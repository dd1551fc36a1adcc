package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Turns a target volume ({@code --target-size 10GB}) into base rows per average day without writing
 * the volume: the generator writes a {@value #SAMPLE_ROWS}-row sample of the run's data (same seed,
 * defects, PAN key and compression; the first date of the run) to a counting sink to measure the
 * bytes per base row, then picks the rows per day whose predicted size is closest to the target. The
 * prediction uses the run's own plan: every date's base rows after its weekday and season weights,
 * plus the schema-drift files. Deterministic: the same options give the same rows per day.
 *
 * <p>The data files of the run then add up to the target within about 1%: what is left is the
 * sample's error, the binomial scatter of the extra lines (duplicates, replays) and the file headers.
 * Manifests are not counted.
 */
final class TargetSize {
  /** Base rows per average day of the sample: enough for every kind of line and a stable average. */
  static final int SAMPLE_ROWS = 20_000;

  private TargetSize() {}

  /**
   * Bytes per base row of the run's data as written (compressed with the run's compression), the
   * extra lines of duplicates and replays included: a sample of the first date of the run.
   */
  static double bytesPerBaseRow(GeneratorConfig run) {
    GeneratorConfig sample = run.withDays(1).withRowsPerDay(SAMPLE_ROWS)
        .withRowsPerFile(GeneratorConfig.MAX_ROWS_PER_FILE);
    PaymentGenerator generator = new PaymentGenerator(sample);
    Chunk chunk = generator.chunks().get(0);
    try {
      ChunkResult result = generator.chunkWriter().write(chunk, OutputStream.nullOutputStream());
      return (double) result.bytes() / chunk.baseRows();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a null sink does no I/O
    }
  }

  /**
   * The base rows per average day for which the run's data files come closest to {@code
   * targetBytes}.
   *
   * @param run the run's dates, seed, defects, PAN key and compression (its rows per day and per
   *     file are ignored)
   * @throws IllegalArgumentException with a message that completes "Option --target-size is '...'
   *     but ", when the target needs more than {@link GeneratorConfig#MAX_ROWS_PER_DAY} rows per day
   *     or is smaller than one row per day writes
   */
  static long rowsPerDay(GeneratorConfig run, long targetBytes) {
    Prediction prediction = new Prediction(run);
    long max = GeneratorConfig.MAX_ROWS_PER_DAY;
    double most = prediction.bytes(max);
    if (most < targetBytes) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "needs about %,.0f base rows per average day over %d day(s), more than the maximum %,d (about %s);"
              + " give more days or a smaller size",
          targetBytes / most * max, run.days(), max, ByteSize.format((long) most)));
    }
    double least = prediction.bytes(1);
    if (least > targetBytes) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "must be at least %s: the smallest run over these %d day(s), 1 base row per average day, writes"
              + " about that much", ByteSize.format((long) Math.ceil(least)), run.days()));
    }
    // The prediction never decreases with the rows per day: find the first one at or above the target.
    long low = 1;
    long high = max;
    while (low < high) {
      long mid = low + (high - low) / 2;
      if (prediction.bytes(mid) >= targetBytes) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    if (low > 1 && targetBytes - prediction.bytes(low - 1) < prediction.bytes(low) - targetBytes) {
      return low - 1;
    }
    return low;
  }

  /** Predicted bytes of the run's data files for a given rows per day. */
  static double predictedBytes(GeneratorConfig run, long rowsPerDay) {
    return new Prediction(run).bytes(rowsPerDay);
  }

  private static final class Prediction {
    private final GeneratorConfig run;
    private final double perBaseRow;
    private final double perDriftRow;

    Prediction(GeneratorConfig run) {
      this.run = run.withRowsPerFile(GeneratorConfig.MAX_ROWS_PER_FILE);
      this.perBaseRow = bytesPerBaseRow(run);
      DefectRates defects = run.defects();
      // Drift rows are clean rows with no extra line of their own.
      this.perDriftRow = perBaseRow
          / (1 + defects.rate(DefectKind.EXACT_DUPLICATE) + defects.rate(DefectKind.REPLAY_LATER_STATUS));
    }

    double bytes(long rowsPerDay) {
      double bytes = 0;
      for (Chunk chunk : new PaymentGenerator(run.withRowsPerDay(rowsPerDay)).chunks()) {
        bytes += chunk.baseRows() * (chunk.drift() ? perDriftRow : perBaseRow);
      }
      return bytes;
    }
  }
}
