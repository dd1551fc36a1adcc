package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.TruthManifest;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The defective lines one file (or one partition) holds: per defect kind, their txn_ids, packed
 * ({@link TxnIds}), and the manifest detail of those that have one. Eight bytes per line besides the
 * detail, where a txn_id String and its list and map entries took about a hundred: the logs of a
 * large run stay small in the generator's heap and on a Spark driver that collects them. The ids
 * are spelled out only for the manifest ({@link #entries}). Serializable: it travels in a {@link
 * ChunkResult}.
 */
public final class DefectLog implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final DefectKind[] KINDS = DefectKind.values();
  /** The most lines of one kind a log holds (the largest array a JVM allocates). */
  static final int MAX_LINES = Integer.MAX_VALUE - 8;

  private final Lines[] byKind = new Lines[KINDS.length];

  /** The capacity to grow to from {@code current} for {@code needed} lines: doubling, at most {@link #MAX_LINES}. */
  static int capacity(long needed, int current) {
    if (needed > MAX_LINES) {
      throw new IllegalStateException("A defect kind has more than " + MAX_LINES + " lines in one"
          + " partition; its truth manifest would not fit in memory (lower the rate or the rows per day)");
    }
    return (int) Math.min(MAX_LINES, Math.max(needed, Math.max(Lines.INITIAL_CAPACITY, 2L * current)));
  }

  /** Logs one line; {@code detail} may be null. */
  void add(DefectKind kind, long packedTxnId, String detail) {
    lines(kind).add(packedTxnId, detail);
  }

  /** Appends every line of another log (a file's, to its partition's). */
  void addAll(DefectLog other) {
    for (int k = 0; k < KINDS.length; k++) {
      Lines theirs = other.byKind[k];
      if (theirs != null && theirs.size > 0) {
        lines(KINDS[k]).addAll(theirs);
      }
    }
  }

  /** Lines logged with this kind. */
  public long count(DefectKind kind) {
    Lines lines = byKind[kind.ordinal()];
    return lines == null ? 0 : lines.size;
  }

  /**
   * Manifest entries of the kinds logged, txn_ids sorted; a txn_id logged more than once keeps the
   * last detail given for it.
   */
  Map<DefectKind, TruthManifest.DefectEntry> entries() {
    Map<DefectKind, TruthManifest.DefectEntry> out = new EnumMap<>(DefectKind.class);
    TxnIds.Formatter formatter = new TxnIds.Formatter();
    for (int k = 0; k < KINDS.length; k++) {
      Lines lines = byKind[k];
      if (lines != null) {
        out.put(KINDS[k], lines.entry(formatter));
      }
    }
    return out;
  }

  private Lines lines(DefectKind kind) {
    Lines lines = byKind[kind.ordinal()];
    if (lines == null) {
      lines = new Lines();
      byKind[kind.ordinal()] = lines;
    }
    return lines;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof DefectLog log)) {
      return false;
    }
    for (int k = 0; k < KINDS.length; k++) {
      if (!Lines.same(byKind[k], log.byKind[k])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (Lines lines : byKind) {
      hash = 31 * hash + (lines == null ? 0 : lines.hash());
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("DefectLog{");
    for (int k = 0; k < KINDS.length; k++) {
      if (byKind[k] != null && byKind[k].size > 0) {
        text.append(text.length() > 10 ? ", " : "").append(KINDS[k]).append('=').append(byKind[k].size);
      }
    }
    return text.append('}').toString();
  }

  /** The lines of one kind in the order logged: packed ids and, once any has one, details. */
  private static final class Lines implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int INITIAL_CAPACITY = 16;
    private static final int RECENT = 64;

    private long[] ids = new long[INITIAL_CAPACITY];
    /** Null until a line with a detail is logged; then as long as {@link #ids}. */
    private String[] details;
    private int size;
    /** Details logged lately, by hash ({@link #shared}); not part of the value. */
    private transient String[] recent;

    void add(long id, String detail) {
      if (size == ids.length) {
        grow(size + 1);
      }
      ids[size] = id;
      if (detail != null) {
        if (details == null) {
          details = new String[ids.length];
        }
        details[size] = shared(detail);
      }
      size++;
    }

    /**
     * The detail, or an equal one this kind logged lately: most details repeat (a date, a status, a
     * column name, a currency), so one String serves their lines, here and after serialization,
     * which keeps shared references. A small direct-mapped table per kind, so the unique details of
     * another kind (amounts) never evict these, and cost no entries.
     */
    private String shared(String detail) {
      if (recent == null) {
        recent = new String[RECENT];
      }
      int slot = detail.hashCode() & (RECENT - 1);
      String seen = recent[slot];
      if (detail.equals(seen)) {
        return seen;
      }
      recent[slot] = detail;
      return detail;
    }

    void addAll(Lines other) {
      if ((long) size + other.size > ids.length) {
        grow((long) size + other.size);
      }
      System.arraycopy(other.ids, 0, ids, size, other.size);
      if (other.details != null) {
        if (details == null) {
          details = new String[ids.length];
        }
        System.arraycopy(other.details, 0, details, size, other.size);
      }
      size += other.size;
    }

    private void grow(long needed) {
      int capacity = capacity(needed, ids.length);
      ids = Arrays.copyOf(ids, capacity);
      if (details != null) {
        details = Arrays.copyOf(details, capacity);
      }
    }

    String detail(int i) {
      return details == null ? null : details[i];
    }

    TruthManifest.DefectEntry entry(TxnIds.Formatter formatter) {
      long[] sortedIds = Arrays.copyOf(ids, size);
      String[] sortedDetails = details == null ? null : Arrays.copyOf(details, size);
      sortByIds(sortedIds, sortedDetails);
      List<String> txnIds = new ArrayList<>(size);
      Map<String, String> detail =
          sortedDetails == null ? Map.of() : new HashMap<>((int) Math.min(1 << 30, size * 4L / 3 + 1));
      for (int i = 0; i < size; i++) {
        String txnId = formatter.text(sortedIds[i]);
        txnIds.add(txnId);
        if (sortedDetails != null && sortedDetails[i] != null) {
          detail.put(txnId, sortedDetails[i]);
        }
      }
      return new TruthManifest.DefectEntry(size, txnIds, detail);
    }

    /** Trimmed to its size before it is written, so a serialized log carries no spare capacity. */
    private void writeObject(ObjectOutputStream out) throws IOException {
      ids = Arrays.copyOf(ids, size);
      if (details != null) {
        details = Arrays.copyOf(details, size);
      }
      out.defaultWriteObject();
    }

    static boolean same(Lines a, Lines b) {
      int sizeA = a == null ? 0 : a.size;
      int sizeB = b == null ? 0 : b.size;
      if (sizeA != sizeB) {
        return false;
      }
      for (int i = 0; i < sizeA; i++) {
        if (a.ids[i] != b.ids[i] || !Objects.equals(a.detail(i), b.detail(i))) {
          return false;
        }
      }
      return true;
    }

    int hash() {
      int hash = 1;
      for (int i = 0; i < size; i++) {
        hash = 31 * hash + Long.hashCode(ids[i]);
        hash = 31 * hash + Objects.hashCode(detail(i));
      }
      return hash;
    }
  }

  /**
   * Sorts {@code ids} ascending and moves {@code details} (null, or as long) with them; stable, so
   * equal ids keep their logged order. A bottom-up merge sort: a partition's log is a few sorted
   * runs (each file's lines are logged in sequence order), which it merges in linear passes.
   */
  static void sortByIds(long[] ids, String[] details) {
    int n = ids.length;
    long[] idsFrom = ids;
    long[] idsTo = new long[n];
    String[] detailsFrom = details;
    String[] detailsTo = details == null ? null : new String[n];
    for (int width = 1; width < n; width *= 2) {
      for (int low = 0; low < n; low += 2 * width) {
        int mid = Math.min(low + width, n);
        int high = Math.min(low + 2 * width, n);
        if (mid == high || idsFrom[mid - 1] <= idsFrom[mid]) {
          // Already in order: copy the pair of runs as they are.
          System.arraycopy(idsFrom, low, idsTo, low, high - low);
          if (detailsFrom != null) {
            System.arraycopy(detailsFrom, low, detailsTo, low, high - low);
          }
          continue;
        }
        int i = low;
        int j = mid;
        for (int t = low; t < high; t++) {
          boolean left = j >= high || (i < mid && idsFrom[i] <= idsFrom[j]);
          int from = left ? i++ : j++;
          idsTo[t] = idsFrom[from];
          if (detailsFrom != null) {
            detailsTo[t] = detailsFrom[from];
          }
        }
      }
      long[] swapIds = idsFrom;
      idsFrom = idsTo;
      idsTo = swapIds;
      String[] swapDetails = detailsFrom;
      detailsFrom = detailsTo;
      detailsTo = swapDetails;
    }
    if (idsFrom != ids) {
      System.arraycopy(idsFrom, 0, ids, 0, n);
      if (details != null) {
        System.arraycopy(detailsFrom, 0, details, 0, n);
      }
    }
  }
}
