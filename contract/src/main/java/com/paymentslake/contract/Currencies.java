package com.paymentslake.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
    try (InputStream in = Currencies.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Currency table " + resource + " is not on the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, CurrencyInfo> table = new LinkedHashMap<>();
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",");
        if (f.length != 4) {
          throw new IllegalStateException(
              resource + " line " + lineNumber + ": expected code,minor_units,usd_per_unit,home_country");
        }
        CurrencyInfo info =
            new CurrencyInfo(f[0].strip(), Integer.parseInt(f[1].strip()), new BigDecimal(f[2].strip()), f[3].strip());
        if (table.put(info.code(), info) != null) {
          throw new IllegalStateException(resource + " line " + lineNumber + ": " + info.code() + " listed twice");
        }
      }
      return table;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
