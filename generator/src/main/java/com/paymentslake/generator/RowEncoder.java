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

  /** Room for the longest clean line (fixed-width fields plus the longest merchant and city). */
  private static final int CLEAN_LINE_BOUND = 512;
  private static final int TXN_ID_PREFIX_LENGTH = 10;
  /** ISO 18245 merchant category codes have four digits. */
  private static final int MCC_LENGTH = 4;
  private static final int CHANNEL_COUNT = Channel.values().length;
  /** {@code TYPE,CHANNEL,} for every pair, {@link Ascii#padded}, indexed type x channel. */
  private static final byte[][] TYPE_CHANNEL = typeChannel();
  private static final int[] TYPE_CHANNEL_LENGTH = unpaddedLengths(TYPE_CHANNEL);
  /** {@code STATUS,} {@link Ascii#padded}. */
  private static final byte[][] STATUS_COMMA = padded(STATUSES, ",");
  private static final int[] STATUS_COMMA_LENGTH = unpaddedLengths(STATUS_COMMA);
  /** {@code BRAND,} {@link Ascii#padded}. */
  private static final byte[][] BRAND_COMMA = padded(names(com.paymentslake.contract.CardBrand.values()), ",");
  private static final int[] BRAND_COMMA_LENGTH = unpaddedLengths(BRAND_COMMA);

  /**
   * Encodes a row that no defect touched, in contract order: the same bytes as {@link
   * #encodeColumns}, written into the buffer's array with the position in a local, from slices the
   * day, merchant and currency prepared once. About 256 bytes per line.
   */
  static void encodeClean(Row row, LineBuffer out) {
    out.ensure(CLEAN_LINE_BOUND);
    byte[] b = out.array();
    int p = out.size();
    DayPlan day = row.day;
    p = Ascii.copy(b, p, day.paddedTxnIdPrefix, TXN_ID_PREFIX_LENGTH);
    if (row.drift) {
      b[p++] = 'X';
    }
    p = Ascii.digits(b, p, row.seq, 10);
    b[p++] = ',';
    p = out.timestamp(b, p, row.epochSecond);
    b[p++] = ',';
    b[p++] = 'U';
    p = Ascii.eight(b, p, (int) row.userNumber);
    b[p++] = ',';
    byte[] arena = row.arena;
    long slices = row.slices;
    p = Ascii.copy(b, p, arena, World.headAt(slices), World.headLength(slices));
    if (!row.mccNull) {
      p = Ascii.copy(b, p, arena, World.mccAt(slices), MCC_LENGTH);
    }
    b[p++] = ',';
    int typeChannel = row.type.ordinal() * CHANNEL_COUNT + row.channel.ordinal();
    p = Ascii.copy(b, p, TYPE_CHANNEL[typeChannel], TYPE_CHANNEL_LENGTH[typeChannel]);
    Money money = row.money;
    p = Ascii.minorUnits(b, p, row.amountMinor, money.minorUnits, money.scale);
    p = Ascii.copy(b, p, money.paddedCommaCodeComma, money.commaCodeCommaLength);
    int status = row.status.ordinal();
    p = Ascii.copy(b, p, STATUS_COMMA[status], STATUS_COMMA_LENGTH[status]);
    byte[] code = row.responseCode;
    if (code != null) {
      b[p] = code[0];
      b[p + 1] = code[1];
      p += 2;
    }
    b[p++] = ',';
    long card = row.cardPacked;
    int brand = Card.packedBrand(card);
    p = Ascii.copy(b, p, BRAND_COMMA[brand], BRAND_COMMA_LENGTH[brand]);
    p = Ascii.digits(b, p, Card.packedBin(card), Card.BIN_LENGTH);
    b[p++] = ',';
    p = Ascii.four(b, p, Card.packedLast4(card));
    b[p++] = ',';
    p = Ascii.hex16(b, p, row.hash0);
    p = Ascii.hex16(b, p, row.hash1);
    p = Ascii.hex16(b, p, row.hash2);
    p = Ascii.hex16(b, p, row.hash3);
    p = row.latLonNull
        ? Ascii.copy(b, p, arena, World.bareAt(slices), World.bareLength(slices))
        : Ascii.copy(b, p, arena, World.placeAt(slices), World.placeLength(slices));
    b[p++] = ',';
    if (row.deviceId >= 0) {
      b[p] = 'd';
      b[p + 1] = 'e';
      b[p + 2] = 'v';
      b[p + 3] = '_';
      p = Ascii.hex12(b, p + 4, row.deviceId);
    }
    b[p] = ',';
    b[p + 1] = (byte) (row.fraud ? '1' : '0');
    b[p + 2] = '\r';
    b[p + 3] = '\n';
    out.size(p + 4);
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
    out.putMinorUnits(minor, money.minorUnits, money.scale);
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

  private static byte[][] typeChannel() {
    TxnType[] types = TxnType.values();
    Channel[] channels = Channel.values();
    byte[][] out = new byte[types.length * channels.length][];
    for (TxnType type : types) {
      for (Channel channel : channels) {
        out[type.ordinal() * channels.length + channel.ordinal()] =
            Ascii.padded((type.name() + "," + channel.name() + ",").getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out;
  }

  private static byte[][] padded(byte[][] names, String suffix) {
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      out[i] = Ascii.padded((new String(names[i], StandardCharsets.US_ASCII) + suffix).getBytes(StandardCharsets.US_ASCII));
    }
    return out;
  }

  /** Lengths of padded ASCII slices without their zero padding (ASCII text holds no zero byte). */
  private static int[] unpaddedLengths(byte[][] padded) {
    int[] out = new int[padded.length];
    for (int i = 0; i < padded.length; i++) {
      int length = padded[i].length;
      while (length > 0 && padded[i][length - 1] == 0) {
        length--;
      }
      out[i] = length;
    }
    return out;
  }
}
