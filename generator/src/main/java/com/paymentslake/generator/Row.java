package com.paymentslake.generator;

import com.paymentslake.contract.Channel;
import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.PaymentStatus;
import com.paymentslake.contract.TxnType;
import java.util.Arrays;

/**
 * One generated transaction, reused from row to row by a single worker (no allocation per row).
 * The encoder turns it into a CSV line; a defect may override raw fields of that line.
 */
final class Row {
  DayPlan day;
  long seq;
  boolean drift;
  /** The defect drawn for this base row; null for a clean row. */
  DefectKind defect;
  /** For REPLAY_LATER_STATUS: the replay line goes to the next ingest partition. */
  boolean replayNextDay;

  /** Set by {@link RowEngine#begin}: the card holder, the card's key and the streams' states. */
  final RowEngine.Customer customer = new RowEngine.Customer();
  int cardIndex;
  long cardKey;
  long rngState;
  /** Position in the row's fraud burst, or -1 for a genuine row; then the burst's length. */
  int burstIndex = -1;
  int burstLength;
  long blockState;

  long epochSecond;
  long userNumber;
  Merchant merchant;
  MerchantCategory category;
  /** The world's merchant arena and where the merchant's slices lie in it ({@link World#slices}). */
  byte[] arena;
  long slices;
  boolean mccNull;
  TxnType type;
  Channel channel;
  long amountMinor;
  Money money;
  /** UTC offset in seconds of the city where the payment happens, on the row's date. */
  int utcOffset;
  PaymentStatus status;
  /** DE39 response code; null while PENDING. */
  byte[] responseCode;
  /** The card: brand, BIN and last 4 packed as in {@link Card#packed()}, and the hash. */
  long cardPacked;
  long hash0;
  long hash1;
  long hash2;
  long hash3;
  boolean latLonNull;
  /** 48-bit device fingerprint; negative when absent. */
  long deviceId;
  boolean fraud;

  /** Raw (already CSV-encoded) replacements of single fields, by column ordinal. */
  final byte[][] overrides = new byte[Column.COUNT][];
  private boolean overridden;
  /** How many columns to write (fewer than the contract for TOO_FEW_COLUMNS). */
  int columnLimit = Column.COUNT;
  /** Raw bytes appended after the last column, commas included (TOO_MANY_COLUMNS). */
  byte[] extra;

  void start(DayPlan day, long seq, boolean drift) {
    this.day = day;
    this.seq = seq;
    this.drift = drift;
    this.defect = null;
    this.replayNextDay = false;
    this.fraud = false;
    this.deviceId = -1;
    if (overridden) {
      Arrays.fill(overrides, null);
      overridden = false;
    }
    columnLimit = Column.COUNT;
    extra = null;
  }

  void setCard(long packed, long h0, long h1, long h2, long h3) {
    cardPacked = packed;
    hash0 = h0;
    hash1 = h1;
    hash2 = h2;
    hash3 = h3;
  }

  boolean isOverridden() {
    return overridden;
  }

  void override(Column column, byte[] raw) {
    overrides[column.ordinal()] = raw;
    overridden = true;
  }

  /** The txn_id, packed ({@link TxnIds}): what the defect log keeps. */
  long packedTxnId() {
    return TxnIds.pack(day.epochDay, drift, seq);
  }
}
