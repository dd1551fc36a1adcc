package com.paymentslake.generator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** One ingest partition of a run: its rows, files and random keys. Immutable. */
final class DayPlan {
  /** The drift file's name without compression. */
  static final String DRIFT_FILE_NAME = "part-drift-00000.csv";
  private static final long DAY_SALT = 0x64617950617274L;
  private static final long FRAUD_SALT = 0x4672617564L;
  private static final long DRIFT_SALT = 0x4472696674L;

  final int index;
  final LocalDate date;
  final long epochDay;
  final long startEpochSecond;
  /** Each city's UTC offset in seconds on this date ({@link World#utcOffsets}), by city index. */
  final int[] utcOffsets;
  /** Sets the purchase mix ({@link Segment#purchaseCumulative}); the volume is in {@link #baseRows}. */
  final Season season;
  final byte[] dateDigits;
  /** {@code T<yyyyMMdd>-}, the txn_id up to its row index, {@link Ascii#padded}. */
  final byte[] paddedTxnIdPrefix;
  final long baseRows;
  final int rowsPerFile;
  final int files;
  final Compression compression;
  final boolean first;
  final boolean last;
  /** Rows of the drift file; 0 when the day has none. */
  final long driftRows;
  /** Key of the base rows' streams. */
  final long key;
  /** Key of the fraud-burst blocks of the base rows. */
  final long fraudKey;
  /** Key of the drift file's rows. */
  final long driftKey;
  final long driftFraudKey;

  DayPlan(GeneratorConfig config, int index) {
    this.index = index;
    this.date = config.startDate().plusDays(index);
    this.epochDay = date.toEpochDay();
    this.startEpochSecond = epochDay * 86_400L;
    this.utcOffsets = World.utcOffsets(epochDay);
    this.season = Season.of(date);
    this.dateDigits = date.format(DateTimeFormatter.BASIC_ISO_DATE).getBytes(StandardCharsets.US_ASCII);
    this.paddedTxnIdPrefix = Ascii.padded(("T" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-")
        .getBytes(StandardCharsets.US_ASCII));
    this.baseRows = config.baseRowsFor(date);
    this.rowsPerFile = config.rowsPerFile();
    this.files = (int) ((baseRows + rowsPerFile - 1) / rowsPerFile);
    this.compression = config.compression();
    this.first = index == 0;
    this.last = index == config.days() - 1;
    DefectRates defects = config.defects();
    this.driftRows = defects.driftOn(index)
        ? Math.max(10L, Math.round(defects.rate(com.paymentslake.contract.DefectKind.SCHEMA_DRIFT) * config.rowsPerDay()))
        : 0L;
    this.key = SplitMix64.derive(SplitMix64.mix(config.seed() ^ DAY_SALT), epochDay);
    this.fraudKey = SplitMix64.mix(key ^ FRAUD_SALT);
    this.driftKey = SplitMix64.mix(key ^ DRIFT_SALT);
    this.driftFraudKey = SplitMix64.mix(driftKey ^ FRAUD_SALT);
  }

  long fileStart(int file) {
    return (long) file * rowsPerFile;
  }

  long fileEnd(int file) {
    return Math.min(baseRows, fileStart(file) + rowsPerFile);
  }

  String dataFileName(int file) {
    return String.format("part-%05d", file) + compression.extension();
  }

  String driftFileName() {
    return "part-drift-00000" + compression.extension();
  }

  boolean hasDrift() {
    return driftRows > 0;
  }

  @Override
  public String toString() {
    return "ingest_date=" + date;
  }
}
