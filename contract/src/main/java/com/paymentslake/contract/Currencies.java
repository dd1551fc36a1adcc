package com.paymentslake.contract;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned static currency table ({@code contract/currencies.v1.csv}): active ISO 4217 codes,
 * their minor units and a fixed USD reference rate. {@code java.util.Currency} is not used because
 * it still lists withdrawn codes (ESP, ITL, ...).
 */
public final class Currencies {
  public static final String TABLE_VERSION = "currencies.v1";

  /** Withdrawn ISO 4217 codes; the generator injects them as bad currencies. */
  public static final List<String> WITHDRAWN = List.of("ESP", "ITL", "DEM", "FRF", "NLG", "BEF", "ATS");

  private static final Map<String, CurrencyInfo> TABLE = load("/contract/" + TABLE_VERSION + ".csv");

  private Currencies() {}

  public static List<CurrencyInfo> all() {
    return List.copyOf(TABLE.values());
  }

  public static List<String> codes() {
    return List.copyOf(TABLE.keySet());
  }

  public static Optional<CurrencyInfo> find(String code) {
    return Optional.ofNullable(code == null ? null : TABLE.get(code));
  }

  public static CurrencyInfo of(String code) {
    return find(code)
        .orElseThrow(
            () -> new IllegalArgumentException(
                "Currency '" + code + "' is not an active code of " + TABLE_VERSION + "; allowed: " + codes()));
  }

  private static Map<String, CurrencyInfo> load(String resource) {
    Map<String, CurrencyInfo> table = new LinkedHashMap<>();
    for (ReferenceTable.Row row :
        ReferenceTable.readResource(Currencies.class, resource, "code,minor_units,usd_per_unit,home_country")) {
      CurrencyInfo info =
          new CurrencyInfo(row.field(0), Integer.parseInt(row.field(1)), new BigDecimal(row.field(2)), row.field(3));
      if (table.put(info.code(), info) != null) {
        throw row.error(info.code() + " listed twice");
      }
    }
    return table;
  }
}
