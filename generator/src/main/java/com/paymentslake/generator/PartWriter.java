package com.paymentslake.generator;

import com.paymentslake.contract.ContractColumn;
import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.PaymentStatus;
import com.paymentslake.contract.RawContract;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Writes one part file: the base rows of a (day, file) chunk with their defects injected, the
 * extra lines (duplicates, same-file replays, replays carried over from the previous day) placed
 * later in the file, or a whole schema-drift file. The content depends only on the chunk, never on
 * the thread that writes it. One instance per worker.
 */
final class PartWriter {
  static final int FLUSH_BYTES = 1 << 16;
  /**
   * Base rows generated together: their cards (random slots of a large cache, main-memory misses)
   * are fetched in one burst, so the misses overlap instead of stalling one row each.
   */
  static final int BATCH = 16;
  /** An exact duplicate follows its original within this many base rows. */
  static final int DUPLICATE_DISTANCE = 200;
  /** A same-file replay follows its PENDING original within this many base rows. */
  static final int REPLAY_DISTANCE = 2_000;

  /** The required columns a MISSING_REQUIRED_FIELD defect may empty (never txn_id or txn_ts). */
  static final Column[] EMPTYABLE = RawContract.current().columns().stream()
      .filter(ContractColumn::required)
      .map(ContractColumn::name)
      .filter(name -> !name.equals("txn_id") && !name.equals("txn_ts"))
      .map(Column::named)
      .toArray(Column[]::new);

  static final String[] UNKNOWN_STATUSES = {"SETTLED", "AUTHORISED", "VOIDED", "ON_HOLD", "CHARGEBACK"};
  static final String[] JUNK_CURRENCIES = {"XQZ", "US$", "EURO", "E$"};
  private static final byte[] EXTRA_FIELD = ",EXTRA".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY = new byte[0];

  private final RowEngine engine;
  private final Row row = new Row();
  private final Row[] batch = rows(BATCH);
  private final LineBuffer buffer = new LineBuffer(FLUSH_BYTES + 4096);
  private final PriorityQueue<Pending> pending = new PriorityQueue<>();
  private long pendingOrder;

  PartWriter(RowEngine engine) {
    this.engine = engine;
  }

  /** Writes data file {@code file} of {@code day}; {@code previous} is the day before, if in the run. */
  Content writeData(DayPlan day, DayPlan previous, int file, OutputStream out, DefectLog log) throws IOException {
    buffer.reset();
    pending.clear();
    buffer.put(RowEncoder.header(RowEncoder.CONTRACT_ORDER).getBytes(StandardCharsets.UTF_8));
    buffer.put(Csv.CRLF);

    long start = day.fileStart(file);
    long end = day.fileEnd(file);
    if (previous != null) {
      carryReplaysIn(previous, day, file, start, end, log);
    }
    long lines = 0;
    for (long first = start; first < end; first += BATCH) {
      int count = (int) Math.min(BATCH, end - first);
      // Phase by phase for the whole batch, so each phase's memory loads overlap (RowEngine.begin).
      for (int i = 0; i < count; i++) {
        engine.begin(day, first + i, batch[i]);
      }
      engine.prefetchTraits(batch, count);
      for (int i = 0; i < count; i++) {
        engine.cards(batch[i]);
      }
      engine.prefetchCards(batch, count);
      for (int i = 0; i < count; i++) {
        engine.middle(batch[i]);
      }
      engine.prefetchMerchants(batch, count);
      for (int i = 0; i < count; i++) {
        Row row = batch[i];
        engine.finish(row);
        emit(row, log);
        lines++;
        while (!pending.isEmpty() && pending.peek().position <= row.seq) {
          buffer.put(pending.poll().line);
          lines++;
        }
      }
      if (buffer.size() >= FLUSH_BYTES) {
        flush(out);
      }
    }
    while (!pending.isEmpty()) {
      buffer.put(pending.poll().line);
      lines++;
    }
    flush(out);
    return new Content(lines);
  }

  /** Writes a generated base row's line with its defect applied (extra lines are scheduled). */
  private void emit(Row row, DefectLog log) {
    DefectKind kind = row.defect;
    if (kind == null) {
      RowEncoder.encode(row, RowEncoder.CONTRACT_ORDER, buffer);
    } else if (kind == DefectKind.EXACT_DUPLICATE) {
      int from = buffer.size();
      RowEncoder.encode(row, RowEncoder.CONTRACT_ORDER, buffer);
      schedule(row.seq + 1 + engine.rng().nextInt(DUPLICATE_DISTANCE), buffer.copy(from, buffer.size()));
      log.add(kind, row.packedTxnId(), null);
    } else if (kind == DefectKind.REPLAY_LATER_STATUS) {
      PaymentStatus finalStatus = row.status;
      byte[] finalCode = row.responseCode;
      row.status = PaymentStatus.PENDING;
      row.responseCode = null;
      RowEncoder.encode(row, RowEncoder.CONTRACT_ORDER, buffer);
      if (!row.replayNextDay) {
        row.status = finalStatus;
        row.responseCode = finalCode;
        schedule(row.seq + 1 + engine.rng().nextInt(REPLAY_DISTANCE), encodeAlone(row));
        log.add(kind, row.packedTxnId(), finalStatus.name());
      }
    } else {
      String detail = inject(kind, row, engine.rng());
      RowEncoder.encode(row, RowEncoder.CONTRACT_ORDER, buffer);
      log.add(kind, row.packedTxnId(), detail);
    }
  }

  /** Writes the day's schema-drift file: clean rows under a header with amount and currency swapped. */
  Content writeDrift(DayPlan day, OutputStream out, DefectLog log) throws IOException {
    buffer.reset();
    buffer.put(RowEncoder.header(RowEncoder.DRIFT_ORDER).getBytes(StandardCharsets.UTF_8));
    buffer.put(Csv.CRLF);
    for (long seq = 0; seq < day.driftRows; seq++) {
      engine.generateDrift(day, seq, row);
      RowEncoder.encode(row, RowEncoder.DRIFT_ORDER, buffer);
      log.add(DefectKind.SCHEMA_DRIFT, row.packedTxnId(), null);
      if (buffer.size() >= FLUSH_BYTES) {
        flush(out);
      }
    }
    flush(out);
    return new Content(day.driftRows);
  }

  /**
   * The replays whose PENDING original was written the day before, in a file {@code j} of that day
   * with {@code j % day.files == file}: regenerated from their row index and placed at a
   * deterministic position of this file.
   */
  private void carryReplaysIn(DayPlan previous, DayPlan day, int file, long start, long end, DefectLog log) {
    long span = end - start;
    for (int j = file; j < previous.files; j += day.files) {
      for (long seq = previous.fileStart(j), to = previous.fileEnd(j); seq < to; seq++) {
        if (engine.replaysNextDay(previous, seq)) {
          engine.generate(previous, seq, row);
          long position = start + Math.floorMod(SplitMix64.mix(previous.key ^ seq), span);
          schedule(position, encodeAlone(row));
          log.add(DefectKind.REPLAY_LATER_STATUS, row.packedTxnId(), row.status.name());
        }
      }
    }
  }

  /** Applies a single-line defect to the row; returns the manifest detail. */
  static String inject(DefectKind kind, Row row, SplitMix64 rng) {
    switch (kind) {
      case LATE_ARRIVAL -> {
        row.epochSecond -= (1 + rng.nextInt(3)) * 86_400L;
        return txnDate(row);
      }
      case FUTURE_TIMESTAMP -> {
        row.epochSecond += (2 + rng.nextInt(29)) * 86_400L;
        return txnDate(row);
      }
      case NON_POSITIVE_AMOUNT -> {
        String amount = rng.nextDouble() < 0.4
            ? text(RowEncoder.amountBytes(0, row.money))
            : "-" + text(RowEncoder.amountBytes(row.amountMinor, row.money));
        row.override(Column.AMOUNT, ascii(amount));
        return amount;
      }
      case NON_NUMERIC_AMOUNT -> {
        String amount = nonNumeric(row, rng.nextInt(3));
        row.override(Column.AMOUNT, Csv.field(amount));
        return amount;
      }
      case BAD_CURRENCY -> {
        String code = switch (rng.nextInt(3)) {
          case 0 -> row.money.info.code().toLowerCase(Locale.ROOT);
          case 1 -> Currencies.WITHDRAWN.get(rng.nextInt(Currencies.WITHDRAWN.size()));
          default -> JUNK_CURRENCIES[rng.nextInt(JUNK_CURRENCIES.length)];
        };
        row.override(Column.CURRENCY, Csv.field(code));
        return code;
      }
      case UNKNOWN_STATUS -> {
        String status = UNKNOWN_STATUSES[rng.nextInt(UNKNOWN_STATUSES.length)];
        row.override(Column.STATUS, ascii(status));
        return status;
      }
      case MISSING_REQUIRED_FIELD -> {
        Column column = EMPTYABLE[rng.nextInt(EMPTYABLE.length)];
        row.override(column, EMPTY);
        return column.columnName();
      }
      case TOO_FEW_COLUMNS -> {
        row.columnLimit = Column.COUNT - 1 - rng.nextInt(3);
        return Integer.toString(row.columnLimit);
      }
      case TOO_MANY_COLUMNS -> {
        String name = row.merchant.name;
        int commas = (int) name.chars().filter(c -> c == ',').count();
        if (commas > 0 && name.indexOf('"') < 0 && rng.nextDouble() < 0.5) {
          // The classic writer bug: a name with a comma left unquoted.
          row.override(Column.MERCHANT_NAME, name.getBytes(StandardCharsets.UTF_8));
          return Integer.toString(Column.COUNT + commas);
        }
        int extra = 1 + rng.nextInt(2);
        byte[] raw = new byte[EXTRA_FIELD.length * extra];
        for (int i = 0; i < extra; i++) {
          System.arraycopy(EXTRA_FIELD, 0, raw, i * EXTRA_FIELD.length, EXTRA_FIELD.length);
        }
        row.extra = raw;
        return Integer.toString(Column.COUNT + extra);
      }
      case UNBALANCED_QUOTE -> {
        // An opening quote that is never closed on the line.
        String raw = "\"" + row.merchant.name.replace("\"", "\"\"");
        row.override(Column.MERCHANT_NAME, raw.getBytes(StandardCharsets.UTF_8));
        return null;
      }
      default -> throw new IllegalArgumentException("Defect " + kind + " is not a single-line defect");
    }
  }

  /** An amount that is not a decimal number: "12.3O", "N/A", or with a separator comma. */
  static String nonNumeric(Row row, int variant) {
    String amount = text(RowEncoder.amountBytes(row.amountMinor, row.money));
    if (variant == 0) {
      return amount.substring(0, amount.length() - 1) + "O";
    }
    if (variant == 2) {
      long major = row.amountMinor / row.money.scale;
      if (major >= 1000) {
        int point = amount.indexOf('.');
        String integer = point < 0 ? amount : amount.substring(0, point);
        String fraction = point < 0 ? "" : amount.substring(point);
        StringBuilder grouped = new StringBuilder(integer);
        for (int i = integer.length() - 3; i > 0; i -= 3) {
          grouped.insert(i, ',');
        }
        return grouped + fraction;
      }
      if (row.money.minorUnits > 0) {
        return amount.replace('.', ','); // decimal comma
      }
    }
    return "N/A";
  }

  private static String txnDate(Row row) {
    return LocalDate.ofEpochDay(Math.floorDiv(row.epochSecond, 86_400L)).toString();
  }

  private byte[] encodeAlone(Row r) {
    int from = buffer.size();
    RowEncoder.encode(r, RowEncoder.CONTRACT_ORDER, buffer);
    byte[] line = buffer.copy(from, buffer.size());
    buffer.size(from);
    return line;
  }

  private void schedule(long position, byte[] line) {
    pending.add(new Pending(position, pendingOrder++, line));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  private record Pending(long position, long order, byte[] line) implements Comparable<Pending> {
    @Override
    public int compareTo(Pending other) {
      int byPosition = Long.compare(position, other.position);
      return byPosition != 0 ? byPosition : Long.compare(order, other.order);
    }
  }

  private void flush(OutputStream out) throws IOException {
    buffer.writeTo(out);
    buffer.reset();
  }

  /** What a written file holds besides its defects. */
  record Content(long dataLines) {}

  private static Row[] rows(int count) {
    Row[] rows = new Row[count];
    for (int i = 0; i < count; i++) {
      rows[i] = new Row();
    }
    return rows;
  }
}
