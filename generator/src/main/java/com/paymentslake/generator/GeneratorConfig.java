package com.paymentslake.generator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What to generate. Same config (threads aside) means byte-identical output.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>rule</th></tr>
 *   <tr><td>startDate</td><td>today (UTC) minus {@code days}</td><td>first ingest date</td></tr>
 *   <tr><td>days</td><td>7</td><td>[1, 3660] ingest partitions, one per day</td></tr>
 *   <tr><td>rowsPerDay</td><td>100000</td><td>[1, 1e9] base rows of an average day; weekday and
 *       season weights scale it (see {@link #baseRowsFor(LocalDate)})</td></tr>
 *   <tr><td>seed</td><td>42</td><td>any long</td></tr>
 *   <tr><td>threads</td><td>available processors, at most 256 ({@link #defaultThreads()})</td><td>[1,
 *       256]; never changes the output</td></tr>
 *   <tr><td>rowsPerFile</td><td>250000</td><td>[1, 100000000] base rows per part file, and enough
 *       for the busiest day to fit in {@value #MAX_FILES_PER_DAY} files; a file also holds the
 *       extra lines (duplicates, replays) of its rows</td></tr>
 *   <tr><td>defects</td><td>{@link DefectRates#defaults()}</td><td></td></tr>
 *   <tr><td>panHashKey</td><td>{@value #DEMO_PAN_HASH_KEY}</td><td>at least 16 characters; the HMAC
 *       key of {@code hash_pan}. The default is a public demo key: set your own for anything but
 *       local demos</td></tr>
 *   <tr><td>compression</td><td>{@link Compression#NONE}</td><td>{@code part-NNNNN.csv} or, with
 *       {@link Compression#GZIP}, {@code part-NNNNN.csv.gz}</td></tr>
 *   <tr><td>fraudRate</td><td>{@value #DEFAULT_FRAUD_RATE}</td><td>[0, {@value #MAX_FRAUD_RATE}] fraud
 *       rows as a fraction of base rows, in bursts (real portfolios: about 0.0003-0.0015)</td></tr>
 *   <tr><td>realism</td><td>{@link Realism#defaults()}</td><td>type mix, null rates, status rates,
 *       weekday and season volume weights</td></tr>
 * </table>
 */
public record GeneratorConfig(
    LocalDate startDate,
    int days,
    long rowsPerDay,
    long seed,
    int threads,
    int rowsPerFile,
    DefectRates defects,
    String panHashKey,
    Compression compression,
    double fraudRate,
    Realism realism) implements java.io.Serializable {

  public static final int DEFAULT_DAYS = 7;
  public static final long DEFAULT_ROWS_PER_DAY = 100_000;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_ROWS_PER_FILE = 250_000;
  /** Public, documented key for local demos only; never use it for real data. */
  public static final String DEMO_PAN_HASH_KEY = "payments-lake-local-demo-key-not-a-secret";

  public static final int MAX_DAYS = 3660;
  /** The last year a txn_id's eight date digits can spell. */
  public static final int MAX_YEAR = 9999;
  public static final long MAX_ROWS_PER_DAY = 1_000_000_000L;
  public static final int MAX_THREADS = 256;
  public static final int MAX_ROWS_PER_FILE = 100_000_000;
  public static final int MIN_PAN_HASH_KEY_LENGTH = 16;
  /** Fraud rows as a fraction of base rows: the ML-dataset default of the spec. */
  public static final double DEFAULT_FRAUD_RATE = 0.003;
  /**
   * The highest fraud rate: bursts average 4 rows per block of 32, so a block holds a burst with
   * probability {@code 8 x fraudRate}, at most 0.8.
   */
  public static final double MAX_FRAUD_RATE = 0.1;
  /** Part files per ingest date at most (file names carry a 5-digit number). */
  public static final int MAX_FILES_PER_DAY = 100_000;

  public GeneratorConfig {
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(defects, "defects");
    Objects.requireNonNull(panHashKey, "panHashKey");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(realism, "realism");
    requireIn("days", days, 1, MAX_DAYS);
    int startYear = startDate.getYear();
    if (startYear < 0 || startYear > MAX_YEAR || startDate.plusDays(days - 1L).getYear() > MAX_YEAR) {
      throw new IllegalArgumentException("'startDate' is " + startDate + " and 'days' " + days + ", but every ingest"
          + " date must lie in the years 0-" + MAX_YEAR + ": a txn_id carries its date as eight digits");
    }
    requireIn("rowsPerDay", rowsPerDay, 1, MAX_ROWS_PER_DAY);
    requireIn("threads", threads, 1, MAX_THREADS);
    requireIn("rowsPerFile", rowsPerFile, 1, MAX_ROWS_PER_FILE);
    long busiestDay = realism.maxBaseRows(rowsPerDay);
    long minRowsPerFile = (busiestDay + MAX_FILES_PER_DAY - 1) / MAX_FILES_PER_DAY;
    if (rowsPerFile < minRowsPerFile) {
      throw new IllegalArgumentException("'rowsPerFile' is " + rowsPerFile + " but must be at least "
          + minRowsPerFile + " so that the busiest day (" + busiestDay + " base rows) fits in "
          + MAX_FILES_PER_DAY + " files");
    }
    if (!(fraudRate >= 0 && fraudRate <= MAX_FRAUD_RATE)) {
      throw new IllegalArgumentException("'fraudRate' is " + fraudRate + " but must be in [0, " + MAX_FRAUD_RATE + "]");
    }
    if (panHashKey.length() < MIN_PAN_HASH_KEY_LENGTH) {
      // Never echo the key itself: it protects every hash_pan.
      throw new IllegalArgumentException(
          "'panHashKey' has " + panHashKey.length() + " characters but must have at least "
              + MIN_PAN_HASH_KEY_LENGTH);
    }
  }

  /** Default worker threads: the available processors, at most {@value #MAX_THREADS}. */
  public static int defaultThreads() {
    return Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
  }

  /** The defaults of the table above, ending yesterday (UTC). */
  public static GeneratorConfig defaults() {
    return new GeneratorConfig(
        LocalDate.now(ZoneOffset.UTC).minusDays(DEFAULT_DAYS),
        DEFAULT_DAYS,
        DEFAULT_ROWS_PER_DAY,
        DEFAULT_SEED,
        defaultThreads(),
        DEFAULT_ROWS_PER_FILE,
        DefectRates.defaults(),
        DEMO_PAN_HASH_KEY,
        Compression.NONE,
        DEFAULT_FRAUD_RATE,
        Realism.defaults());
  }

  public GeneratorConfig withStartDate(LocalDate value) {
    return new GeneratorConfig(value, days, rowsPerDay, seed, threads, rowsPerFile, defects, panHashKey,
        compression, fraudRate, realism);
  }

  public GeneratorConfig withDays(int value) {
    return new GeneratorConfig(startDate, value, rowsPerDay, seed, threads, rowsPerFile, defects, panHashKey,
        compression, fraudRate, realism);
  }

  public GeneratorConfig withRowsPerDay(long value) {
    return new GeneratorConfig(startDate, days, value, seed, threads, rowsPerFile, defects, panHashKey,
        compression, fraudRate, realism);
  }

  public GeneratorConfig withSeed(long value) {
    return new GeneratorConfig(startDate, days, rowsPerDay, value, threads, rowsPerFile, defects, panHashKey,
        compression, fraudRate, realism);
  }

  public GeneratorConfig withThreads(int value) {
    return new GeneratorConfig(startDate, days, rowsPerDay, seed, value, rowsPerFile, defects, panHashKey,
        compression, fraudRate, realism);
  }

  public GeneratorConfig withRowsPerFile(int value) {
    return new GeneratorConfig(startDate, days, rowsPerDay, seed, threads, value, defects, panHashKey,
        compression, fraudRate, realism);
  }

  public GeneratorConfig withDefects(DefectRates value) {
    return new GeneratorConfig(startDate, days, rowsPerDay, seed, threads, rowsPerFile, value, panHashKey,
        compression, fraudRate, realism);
  }

  public GeneratorConfig withPanHashKey(String value) {
    return new GeneratorConfig(startDate, days, rowsPerDay, seed, threads, rowsPerFile, defects, value,
        compression, fraudRate, realism);
  }

  public GeneratorConfig withCompression(Compression value) {
    return new GeneratorConfig(startDate, days, rowsPerDay, seed, threads, rowsPerFile, defects, panHashKey,
        value, fraudRate, realism);
  }

  public GeneratorConfig withFraudRate(double value) {
    return new GeneratorConfig(startDate, days, rowsPerDay, seed, threads, rowsPerFile, defects, panHashKey, compression,
        value, realism);
  }

  public GeneratorConfig withRealism(Realism value) {
    return new GeneratorConfig(startDate, days, rowsPerDay, seed, threads, rowsPerFile, defects, panHashKey, compression,
        fraudRate, value);
  }

  /** The last ingest date (inclusive). */
  public LocalDate endDate() {
    return startDate.plusDays(days - 1L);
  }

  /** The ingest dates, {@code startDate .. startDate + days - 1}. */
  public List<LocalDate> ingestDates() {
    return Stream.iterate(startDate, d -> d.plusDays(1)).limit(days).toList();
  }

  /**
   * Base rows of one ingest date: {@code max(1, round(rowsPerDay * weekday * season))} with the
   * {@link Realism} weights, by default weekday Mon 0.90, Tue 0.92, Wed 0.94, Thu 0.98, Fri 1.10, Sat
   * 1.12, Sun 1.04 (mean 1) and season 20 Nov - 31 Dec x2.0, Jan-Feb x0.75, Jun-Aug x1.25, otherwise x1.0. Extra lines
   * (duplicates, replays) and the drift file come on top.
   */
  public long baseRowsFor(LocalDate ingestDate) {
    return realism.baseRows(ingestDate, rowsPerDay);
  }

  /** Never prints the PAN hash key. */
  @Override
  public String toString() {
    return "GeneratorConfig[startDate=" + startDate + ", days=" + days + ", rowsPerDay=" + rowsPerDay
        + ", seed=" + seed + ", threads=" + threads + ", rowsPerFile=" + rowsPerFile + ", defects="
        + defects + ", panHashKey=****, compression=" + compression + ", fraudRate=" + fraudRate + ", realism="
        + realism + "]";
  }

  private static void requireIn(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "'" + name + "' is " + value + " but must be in [" + min + ", " + max + "]");
    }
  }
}
