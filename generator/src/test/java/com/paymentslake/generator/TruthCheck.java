package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.ContractColumn;
import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.PanSafety;
import com.paymentslake.contract.PaymentStatus;
import com.paymentslake.contract.RawContract;
import com.paymentslake.contract.TruthManifest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Classifies every line of a generated lake from its content alone (an independent reading of the
 * raw contract and the defect definitions) and checks the truth manifests list exactly those lines.
 */
final class TruthCheck {
  private static final Set<String> STATUSES =
      Arrays.stream(PaymentStatus.values()).map(Enum::name).collect(Collectors.toSet());
  private static final List<String> REQUIRED = RawContract.current().columns().stream()
      .filter(ContractColumn::required).map(ContractColumn::name).toList();

  private static final Pattern TXN_ID = Pattern.compile("T\\d{8}-X?\\d{10},");

  private TruthCheck() {}

  /**
   * What the files show.
   *
   * @param defects per ingest date and kind, txn_id to detail: what the manifests must list
   * @param cleanLooking per ingest date, lines that look clean on their own (no defect, or a late
   *     arrival; both lines of a duplicate or replay pair)
   */
  record Found(Map<LocalDate, Map<DefectKind, Map<String, String>>> defects, Map<LocalDate, Long> cleanLooking) {}

  /** Classifies every line and checks the manifests list exactly the defective ones. */
  static Found verify(RawLake lake) {
    Map<String, List<RawLake.Line>> byId = new HashMap<>();
    lake.lines().forEach(line -> byId.computeIfAbsent(line.txnId(), id -> new ArrayList<>()).add(line));
    Map<LocalDate, Map<DefectKind, Map<String, String>>> found = new TreeMap<>();
    Map<LocalDate, Long> clean = new TreeMap<>();

    for (RawLake.Partition partition : lake.partitions) {
      verifyFiles(partition);
      Map<DefectKind, Map<String, String>> kinds = new EnumMap<>(DefectKind.class);
      long cleanLooking = 0;
      for (RawLake.Line line : partition.lines) {
        check(PanSafety.isSafe(line.text), "no PAN", line);
        check(TXN_ID.matcher(line.text).lookingAt(), "txn_id first and unquoted", line);
        List<RawLake.Line> same = byId.get(line.txnId());
        if (same.size() > 1) {
          classifyRepeated(line, same, kinds);
          cleanLooking++;
        } else {
          Classified c = classify(line);
          if (c != null) {
            kinds.computeIfAbsent(c.kind, k -> new TreeMap<>()).put(line.txnId(), c.detail);
          }
          if (c == null || c.kind == DefectKind.LATE_ARRIVAL) {
            cleanLooking++;
          }
        }
      }
      found.put(partition.date, kinds);
      clean.put(partition.date, cleanLooking);
      verifyManifest(partition, kinds);
    }
    return new Found(found, clean);
  }

  private static void verifyFiles(RawLake.Partition partition) {
    TruthManifest manifest = partition.manifest;
    assertThat(manifest.ingestDate()).isEqualTo(partition.date.toString());
    assertThat(manifest.contractVersion()).isEqualTo(RawContract.VERSION);
    assertThat(manifest.files().stream().map(TruthManifest.FileEntry::name))
        .as("manifest files of " + partition.date)
        .containsExactlyInAnyOrderElementsOf(partition.files.keySet());
    String swapped = RawContract.current().header()
        .replace(",amount,currency,", ",currency,amount,");
    for (TruthManifest.FileEntry file : manifest.files()) {
      assertThat(file.bytes()).as(file.name() + " bytes").isEqualTo(partition.files.get(file.name()).length);
      assertThat(file.dataLines()).as(file.name() + " lines").isEqualTo(partition.dataLines(file.name()));
      assertThat(file.schemaDrift()).isEqualTo(file.name().startsWith("part-drift-"));
      assertThat(partition.headers.get(file.name()))
          .isEqualTo(file.schemaDrift() ? swapped : RawContract.current().header());
    }
    assertThat(manifest.dataLines()).isEqualTo(partition.lines.size());
    assertThat(PanSafety.isSafe(manifest.toJson())).isTrue();
  }

  private static void verifyManifest(RawLake.Partition partition, Map<DefectKind, Map<String, String>> kinds) {
    for (DefectKind kind : DefectKind.values()) {
      TruthManifest.DefectEntry entry = partition.manifest.defect(kind);
      Map<String, String> expected = kinds.getOrDefault(kind, Map.of());
      assertThat(entry.txnIds()).as(kind + " of " + partition.date).isSorted();
      assertThat(entry.txnIds()).as(kind + " of " + partition.date)
          .containsExactlyElementsOf(new TreeMap<>(expected).keySet());
      for (Map.Entry<String, String> e : expected.entrySet()) {
        if (e.getValue() != null) {
          assertThat(entry.detail().get(e.getKey())).as(kind + " detail of " + e.getKey()).isEqualTo(e.getValue());
        }
      }
    }
  }

  /** Two lines share a txn_id: an exact duplicate or a replay with a later status. */
  private static void classifyRepeated(RawLake.Line line, List<RawLake.Line> same,
      Map<DefectKind, Map<String, String>> kinds) {
    assertThat(same).as("lines of " + line.txnId()).hasSize(2);
    RawLake.Line first = same.get(0);
    RawLake.Line second = same.get(1);
    if (first.text.equals(second.text)) {
      assertThat(first.ingestDate).isEqualTo(second.ingestDate);
      assertThat(first.file).isEqualTo(second.file);
      assertThat(classify(first)).as("a duplicated line is otherwise clean").isNull();
      if (line == second) {
        kinds.computeIfAbsent(DefectKind.EXACT_DUPLICATE, k -> new TreeMap<>()).put(line.txnId(), null);
      }
      return;
    }
    assertThat(first.field("status")).as("replay original of " + line.txnId()).isEqualTo("PENDING");
    assertThat(first.field("response_code")).isEmpty();
    assertThat(second.field("status")).isIn("APPROVED", "DECLINED", "REVERSED");
    assertThat(second.field("response_code")).isNotEmpty();
    assertThat(second.field("txn_ts")).isEqualTo(first.field("txn_ts"));
    List<String> a = new ArrayList<>(first.fields);
    List<String> b = new ArrayList<>(second.fields);
    for (String column : List.of("status", "response_code")) {
      a.set(RawContract.current().indexOf(column), "");
      b.set(RawContract.current().indexOf(column), "");
    }
    assertThat(b).as("a replay differs only in status and response_code").isEqualTo(a);
    assertThat(second.ingestDate).isBetween(first.ingestDate, first.ingestDate.plusDays(1));
    if (second.ingestDate.equals(first.ingestDate)) {
      assertThat(second.file).isEqualTo(first.file);
      assertThat(second.lineNumber).isGreaterThan(first.lineNumber);
    }
    if (line == second) {
      kinds.computeIfAbsent(DefectKind.REPLAY_LATER_STATUS, k -> new TreeMap<>())
          .put(line.txnId(), second.field("status"));
    }
  }

  record Classified(DefectKind kind, String detail) {}

  /** The defect a single line shows, or null when it is clean. */
  static Classified classify(RawLake.Line line) {
    if (line.drift) {
      assertClean(line);
      return new Classified(DefectKind.SCHEMA_DRIFT, null);
    }
    if (line.fields == null) {
      return new Classified(DefectKind.UNBALANCED_QUOTE, null);
    }
    int columns = line.fields.size();
    if (columns < RawLake.COLUMNS) {
      return new Classified(DefectKind.TOO_FEW_COLUMNS, Integer.toString(columns));
    }
    if (columns > RawLake.COLUMNS) {
      return new Classified(DefectKind.TOO_MANY_COLUMNS, Integer.toString(columns));
    }
    for (String column : REQUIRED) {
      if (line.field(column).isEmpty()) {
        check(!column.equals("txn_id") && !column.equals("txn_ts"), "keys never empty", line);
        return new Classified(DefectKind.MISSING_REQUIRED_FIELD, column);
      }
    }
    String amount = line.field("amount");
    if (!amount.matches("-?\\d+(\\.\\d+)?")) {
      return new Classified(DefectKind.NON_NUMERIC_AMOUNT, amount);
    }
    if (new java.math.BigDecimal(amount).signum() <= 0) {
      return new Classified(DefectKind.NON_POSITIVE_AMOUNT, amount);
    }
    String currency = line.field("currency");
    if (Currencies.find(currency).isEmpty()) {
      return new Classified(DefectKind.BAD_CURRENCY, currency);
    }
    String status = line.field("status");
    if (!STATUSES.contains(status)) {
      return new Classified(DefectKind.UNKNOWN_STATUS, status);
    }
    LocalDate txnDate = txnDate(line);
    if (txnDate.isAfter(line.ingestDate.plusDays(1))) {
      check(!txnDate.isAfter(line.ingestDate.plusDays(30)), "future txn_ts within 30 days", line);
      return new Classified(DefectKind.FUTURE_TIMESTAMP, txnDate.toString());
    }
    if (txnDate.isBefore(line.ingestDate)) {
      check(!txnDate.isBefore(line.ingestDate.minusDays(3)), "late txn_ts within 3 days", line);
      assertClean(line);
      return new Classified(DefectKind.LATE_ARRIVAL, txnDate.toString());
    }
    assertClean(line);
    return null;
  }

  static LocalDate txnDate(RawLake.Line line) {
    return LocalDate.parse(line.field("txn_ts").substring(0, 10)); // format checked by assertClean
  }

  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  private static final Pattern[] AMOUNTS = {
    Pattern.compile("[1-9]\\d*"), Pattern.compile("\\d+\\.\\d{1}"), Pattern.compile("\\d+\\.\\d{2}"),
    Pattern.compile("\\d+\\.\\d{3}"), Pattern.compile("\\d+\\.\\d{4}")
  };
  private static final Pattern DECLINE_CODE = Pattern.compile("\\d{2}");
  private static final Pattern BIN = Pattern.compile("\\d{6}");
  private static final Pattern LAST4 = Pattern.compile("\\d{4}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern MCC = Pattern.compile("(\\d{4})?");

  /** What every accepted row satisfies (plain checks: this runs on every line). */
  static void assertClean(RawLake.Line line) {
    check(line.wellFormed(), "well formed", line);
    for (String column : REQUIRED) {
      check(!line.field(column).isEmpty(), column + " is not empty", line);
    }
    check(TIMESTAMP.matcher(line.field("txn_ts")).matches(), "txn_ts is ISO-8601 UTC with seconds", line);
    String amount = line.field("amount");
    int minorUnits = Currencies.of(line.field("currency")).minorUnits();
    check(AMOUNTS[minorUnits].matcher(amount).matches(), "amount has " + minorUnits + " minor digits", line);
    check(new java.math.BigDecimal(amount).signum() > 0, "amount is positive", line);
    String status = line.field("status");
    check(STATUSES.contains(status), "status in vocabulary", line);
    String code = line.field("response_code");
    if (status.equals("PENDING")) {
      check(code.isEmpty(), "PENDING has no response code", line);
    } else if (status.equals("DECLINED")) {
      check(DECLINE_CODE.matcher(code).matches() && !code.equals("00"), "DECLINED has a decline code", line);
    } else {
      check(code.equals("00"), status + " has response code 00", line);
    }
    check(BIN.matcher(line.field("card_bin")).matches(), "card_bin has 6 digits", line);
    check(LAST4.matcher(line.field("card_last4")).matches(), "card_last4 has 4 digits", line);
    check(HASH.matcher(line.field("hash_pan")).matches(), "hash_pan is 64 lowercase hex", line);
    check(COUNTRY.matcher(line.field("country")).matches(), "country is alpha-2", line);
    check(line.field("is_fraud").equals("0") || line.field("is_fraud").equals("1"), "is_fraud is 0/1", line);
    check(line.field("latitude").isEmpty() == line.field("longitude").isEmpty(), "lat/lon null together", line);
    check(MCC.matcher(line.field("mcc")).matches(), "mcc is 4 digits or empty", line);
  }

  static void check(boolean condition, String rule, Object subject) {
    if (!condition) {
      throw new AssertionError("Expected " + rule + ": " + subject);
    }
  }
}
