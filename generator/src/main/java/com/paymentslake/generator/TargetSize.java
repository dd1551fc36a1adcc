package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * Turns a target volume ({@code --target-size 10GB}) into base rows per average day: the generator
 * writes a sample of the configured data (same seed, defects and compression) to measure its bytes
 * per base row, then solves {@code bytes(rowsPerDay) = target} over the run's weekday and season
 * weights. Deterministic: the same options give the same rowsPerDay. The data files of the run then
 * add up to the target within about 1% (headers and the binomial scatter of the defects aside).
 */
final class TargetSize {
  /** Base rows of the sample: enough for every kind of line and a stable average. */
  static final int SAMPLE_ROWS = 20_000;

  private TargetSize() {}

  /** Bytes per base row of the config's data, extra lines (duplicates, replays) included. */
  static double bytesPerBaseRow(GeneratorConfig template) {
    GeneratorConfig sample = template.withDays(1).withRowsPerDay(SAMPLE_ROWS).withRowsPerFile(SAMPLE_ROWS * 2);
    PaymentGenerator generator = new PaymentGenerator(sample);
    Chunk chunk = generator.chunks().get(0);
    Discard discard = new Discard();
    try {
      ChunkResult result = generator.chunkWriter().write(chunk, discard);
      return (double) result.bytes() / chunk.baseRows();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a counting sink does no I/O
    }
  }

  /**
   * Base rows per average day for which the run's data files add up to about {@code targetBytes}.
   *
   * @throws IllegalArgumentException when the target needs more than {@link
   *     GeneratorConfig#MAX_ROWS_PER_DAY} rows per day
   */
  static long rowsPerDay(GeneratorConfig template, long targetBytes) {
    double perBaseRow = bytesPerBaseRow(template);
    double perDriftRow = perBaseRow / (1 + extraLinesPerBaseRow(template.defects()));
    double weights = 0;
    int driftDays = 0;
    for (int i = 0; i < template.days(); i++) {
      LocalDate date = template.startDate().plusDays(i);
      weights += DailyVolume.weekdayWeight(date.getDayOfWeek()) * DailyVolume.seasonWeight(date);
      if (template.defects().driftOn(i)) {
        driftDays++;
      }
    }
    double bytesPerRowPerDay = perBaseRow * weights
        + perDriftRow * driftDays * template.defects().rate(DefectKind.SCHEMA_DRIFT);
    double rows = Math.rint(targetBytes / bytesPerRowPerDay);
    if (rows > GeneratorConfig.MAX_ROWS_PER_DAY) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "Option --target-size %s needs %,.0f base rows per day over %d day(s), more than the maximum %,d;"
              + " generate more days or a smaller size", ByteSize.format(targetBytes), rows, template.days(),
          GeneratorConfig.MAX_ROWS_PER_DAY));
    }
    return Math.max(1L, (long) rows);
  }

  private static double extraLinesPerBaseRow(DefectRates defects) {
    return defects.rate(DefectKind.EXACT_DUPLICATE) + defects.rate(DefectKind.REPLAY_LATER_STATUS);
  }

  /** Drops the bytes: the chunk writer counts them. */
  private static final class Discard extends OutputStream {
    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
