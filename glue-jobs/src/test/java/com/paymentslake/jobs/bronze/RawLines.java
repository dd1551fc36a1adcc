package com.paymentslake.jobs.bronze;

import com.paymentslake.contract.RawContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Raw CSV lines of the contract for bronze tests: a clean approved purchase, then overrides. */
final class RawLines {
  private final Map<String, String> values = new LinkedHashMap<>();

  private RawLines(String txnId) {
    values.put("txn_id", txnId);
    values.put("txn_ts", "2026-11-01T18:04:05Z");
    values.put("user_id", "U000042");
    values.put("merchant_id", "M000007");
    values.put("merchant_name", "Corner Grocer, Ltd");
    values.put("mcc", "5411");
    values.put("txn_type", "PURCHASE");
    values.put("channel", "POS");
    values.put("amount", "12.34");
    values.put("currency", "EUR");
    values.put("status", "APPROVED");
    values.put("response_code", "00");
    values.put("card_brand", "VISA");
    values.put("card_bin", "411111");
    values.put("card_last4", "1111");
    values.put("hash_pan", "a".repeat(64));
    values.put("country", "DE");
    values.put("city", "Berlin");
    values.put("latitude", "52.52");
    values.put("longitude", "13.405");
    values.put("device_id", "D-1");
    values.put("is_fraud", "0");
  }

  static RawLines purchase(String txnId) {
    return new RawLines(txnId);
  }

  RawLines with(String column, String value) {
    RawContract.current().indexOf(column);
    values.put(column, value);
    return this;
  }

  String line() {
    List<String> fields = new ArrayList<>();
    for (String column : RawContract.current().columnNames()) {
      String value = values.get(column);
      if (value == null) {
        fields.add("");
      } else if (value.contains(",") || value.contains("\"")) {
        fields.add('"' + value.replace("\"", "\"\"") + '"');
      } else {
        fields.add(value);
      }
    }
    return String.join(",", fields);
  }
}
