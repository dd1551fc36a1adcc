package com.paymentslake.generator;

import com.paymentslake.contract.Channel;
import com.paymentslake.contract.PaymentStatus;
import com.paymentslake.contract.TxnType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/** Encodes a {@link Row} as one CSV record (RFC 4180, CRLF) in a given column order. */
final class RowEncoder {
  /** Contract order. */
  static final int[] CONTRACT_ORDER = IntStream.range(0, Column.COUNT).toArray();
  /** The drift file's order: {@code amount} and {@code currency} swapped. */
  static final int[] DRIFT_ORDER = driftOrder();

  private static final byte[][] TYPES = names(TxnType.values());
  private static final byte[][] CHANNELS = names(Channel.values());
  private static final byte[][] STATUSES = names(PaymentStatus.values());
  private static final byte[] DEVICE_PREFIX = {'d', 'e', 'v', '_'};

  private RowEncoder() {}

  static String header(int[] order) {
    List<String> names = IntStream.of(order).mapToObj(i -> Column.VALUES[i].columnName()).toList();
    return Csv.header(names);
  }

  /** The longest clean line: fixed-width fields plus the longest merchant, city and card. */
  private static final int CLEAN_LINE_BOUND = 512;

  /**
   * Encodes a row that no defect touched, in contract order: the same bytes as {@link
   * #encode(Row, int[], LineBuffer)}, written from slices the merchant and card prepared once.
   */
  static void encodeClean(Row row, LineBuffer out) {
    out.ensure(CLEAN_LINE_BOUND);
    putTxnId(row, out);
    out.put((byte) ',');
    out.putTimestamp(row.epochSecond);
    out.put((byte) ',');
    out.put((byte) 'U');
    out.putDigits(row.userNumber, 8);
    out.put((byte) ',');
    Merchant merchant = row.merchant;
    out.put(merchant.idAndName);
    if (!row.mccNull) {
      out.put(merchant.mcc);
    }
    out.put((byte) ',');
    out.put(TYPES[row.type.ordinal()]);
    out.put((byte) ',');
    out.put(CHANNELS[row.channel.ordinal()]);
    out.put((byte) ',');
    putAmount(row.amountMinor, row.money, out);
    out.put((byte) ',');
    out.put(row.money.code);
    out.put((byte) ',');
    out.put(STATUSES[row.status.ordinal()]);
    out.put((byte) ',');
    if (row.responseCode != null) {
      out.put(row.responseCode);
    }
    out.put((byte) ',');
    Card.putColumns(row.cardPacked, row.hash0, row.hash1, row.hash2, row.hash3, out);
    out.put(row.latLonNull ? merchant.placeWithoutCoordinates : merchant.place);
    out.put((byte) ',');
    if (row.deviceId >= 0) {
      out.put(DEVICE_PREFIX);
      out.putHex(row.deviceId, 12);
    }
    out.put((byte) ',');
    out.put((byte) (row.fraud ? '1' : '0'));
    out.put(Csv.CRLF);
  }

  /** Whether {@link #encodeClean(Row, LineBuffer)} writes this row exactly. */
  static boolean isClean(Row row, int[] order) {
    return order == CONTRACT_ORDER && !row.isOverridden() && row.columnLimit == Column.COUNT && row.extra == null;
  }

  static void encode(Row row, int[] order, LineBuffer out) {
    if (isClean(row, order)) {
      encodeClean(row, out);
      return;
    }
    encodeColumns(row, order, out);
  }

  /** Column by column, honouring overrides, a column limit and extra fields. */
  static void encodeColumns(Row row, int[] order, LineBuffer out) {
    int limit = row.columnLimit;
    for (int i = 0; i < limit; i++) {
      if (i > 0) {
        out.put((byte) ',');
      }
      int column = order[i];
      byte[] raw = row.overrides[column];
      if (raw != null) {
        out.put(raw);
      } else {
        putColumn(row, column, out);
      }
    }
    if (row.extra != null) {
      out.put(row.extra);
    }
    out.put(Csv.CRLF);
  }

  static void putTxnId(Row row, LineBuffer out) {
    out.put((byte) 'T');
    out.put(row.day.dateDigits);
    out.put((byte) '-');
    if (row.drift) {
      out.put((byte) 'X');
    }
    out.putDigits(row.seq, 10);
  }

  /** Amount in major units with exactly the currency's minor-unit digits (JPY 1234, KWD 1.234). */
  static void putAmount(long minor, Money money, LineBuffer out) {
    if (minor < 0) {
      out.put((byte) '-');
      minor = -minor;
    }
    out.putMinorUnits(minor, money.minorUnits);
  }

  static byte[] amountBytes(long minor, Money money) {
    LineBuffer buffer = new LineBuffer(24);
    putAmount(minor, money, buffer);
    return buffer.copy(0, buffer.size());
  }

  static byte[] columnBytes(Row row, Column column) {
    LineBuffer buffer = new LineBuffer(96);
    putColumn(row, column.ordinal(), buffer);
    return buffer.copy(0, buffer.size());
  }

  private static void putColumn(Row row, int column, LineBuffer out) {
    switch (Column.VALUES[column]) {
      case TXN_ID -> putTxnId(row, out);
      case TXN_TS -> out.putTimestamp(row.epochSecond);
      case USER_ID -> {
        out.put((byte) 'U');
        out.putDigits(row.userNumber, 8);
      }
      case MERCHANT_ID -> out.put(row.merchant.id);
      case MERCHANT_NAME -> out.put(row.merchant.csvName);
      case MCC -> {
        if (!row.mccNull) {
          out.put(row.merchant.mcc);
        }
      }
      case TXN_TYPE -> out.put(TYPES[row.type.ordinal()]);
      case CHANNEL -> out.put(CHANNELS[row.channel.ordinal()]);
      case AMOUNT -> putAmount(row.amountMinor, row.money, out);
      case CURRENCY -> out.put(row.money.code);
      case STATUS -> out.put(STATUSES[row.status.ordinal()]);
      case RESPONSE_CODE -> {
        if (row.responseCode != null) {
          out.put(row.responseCode);
        }
      }
      case CARD_BRAND -> Card.putBrand(row.cardPacked, out);
      case CARD_BIN -> out.putDigits(Card.packedBin(row.cardPacked), Card.BIN_LENGTH);
      case CARD_LAST4 -> out.putDigits(Card.packedLast4(row.cardPacked), Card.LAST4_LENGTH);
      case HASH_PAN -> Card.putHash(row.hash0, row.hash1, row.hash2, row.hash3, out);
      case COUNTRY -> out.put(row.merchant.city.countryCode);
      case CITY -> out.put(row.merchant.city.csvName);
      case LATITUDE -> {
        if (!row.latLonNull) {
          out.putFixed(row.merchant.latitudeMicros, 6, 1_000_000L);
        }
      }
      case LONGITUDE -> {
        if (!row.latLonNull) {
          out.putFixed(row.merchant.longitudeMicros, 6, 1_000_000L);
        }
      }
      case DEVICE_ID -> {
        if (row.deviceId >= 0) {
          out.put(DEVICE_PREFIX);
          out.putHex(row.deviceId, 12);
        }
      }
      case IS_FRAUD -> out.put((byte) (row.fraud ? '1' : '0'));
    }
  }

  private static int[] driftOrder() {
    int[] order = IntStream.range(0, Column.COUNT).toArray();
    order[Column.AMOUNT.ordinal()] = Column.CURRENCY.ordinal();
    order[Column.CURRENCY.ordinal()] = Column.AMOUNT.ordinal();
    return order;
  }

  private static byte[][] names(Enum<?>[] values) {
    byte[][] out = new byte[values.length][];
    for (Enum<?> value : values) {
      out[value.ordinal()] = value.name().getBytes(StandardCharsets.US_ASCII);
    }
    return out;
  }
}
