package com.paymentslake.jobs.testing;

import com.paymentslake.contract.ContractColumn;
import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.PaymentSchemas;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Payment rows that read like the domain, for bronze, silver and end-to-end tests.
 *
 * <pre>{@code
 * Payment eur = PaymentFixtures.approvedPurchase("T1").withAmount("12.34").withCurrency("EUR");
 * Payment broken = PaymentFixtures.approvedPurchase("T2").withNull("merchant_id");
 * Dataset<Row> bronze = PaymentFixtures.bronze(eur, broken);
 * String csv = PaymentFixtures.csv(eur, broken);
 * }</pre>
 *
 * <p>A payment holds raw contract values as text (null = empty field) plus bronze lineage. Its
 * defaults are a clean, approved card-present purchase of 12.34 USD at a grocery on Monday
 * 2026-11-02 18:04:05 UTC, ingested the same day; every value passes the silver rules.
 */
public final class PaymentFixtures {
  /** Default event time: Monday 2026-11-02, 18:04:05 UTC. */
  public static final String DEFAULT_TXN_TS = "2026-11-02T18:04:05Z";

  public static final String DEFAULT_SOURCE_FILE = "payments-0001.csv";

  private PaymentFixtures() {}

  /** A clean approved card-present purchase (see the class comment for every default). */
  public static Payment approvedPurchase(String txnId) {
    return new Payment(txnId);
  }

  /** A clean purchase the issuer declined (DE39 51: insufficient funds). */
  public static Payment declinedPurchase(String txnId) {
    return approvedPurchase(txnId).withStatus("DECLINED").with("response_code", "51");
  }

  /** A purchase still waiting for the issuer (no response code yet). */
  public static Payment pendingPurchase(String txnId) {
    return approvedPurchase(txnId).withStatus("PENDING").withNull("response_code");
  }

  /** A clean approved online (card-not-present) purchase. */
  public static Payment onlinePurchase(String txnId) {
    return approvedPurchase(txnId).withChannel("ECOM").with("device_id", "D-WEB-0001");
  }

  /** The bronze rows of some payments, typed as {@link PaymentSchemas#bronze()}. */
  public static Dataset<Row> bronze(Payment... payments) {
    return bronze(Arrays.asList(payments));
  }

  public static Dataset<Row> bronze(List<Payment> payments) {
    List<Row> rows = payments.stream().map(Payment::toBronzeRow).toList();
    return SparkTestSession.get().createDataFrame(rows, PaymentSchemas.bronze());
  }

  /** A raw CSV file: the contract header and one line per payment, CRLF-terminated (RFC 4180). */
  public static String csv(Payment... payments) {
    StringBuilder csv = new StringBuilder(RawContract.current().header()).append("\r\n");
    for (Payment payment : payments) {
      csv.append(payment.toCsvLine()).append("\r\n");
    }
    return csv.toString();
  }

  /** One payment under construction; every {@code with...} method returns this payment. */
  public static final class Payment {
    private final Map<String, String> raw = new LinkedHashMap<>();
    private LocalDate ingestDate;
    private LocalDate txnDate;
    private String sourceFile = DEFAULT_SOURCE_FILE;
    private long sourceLine = 2;

    private Payment(String txnId) {
      Objects.requireNonNull(txnId, "txnId");
      for (String column : RawContract.current().columnNames()) {
        raw.put(column, null);
      }
      raw.put("txn_id", txnId);
      raw.put("txn_ts", DEFAULT_TXN_TS);
      raw.put("user_id", "U000001");
      raw.put("merchant_id", "M000001");
      raw.put("merchant_name", "Corner Grocery, Main St");
      raw.put("mcc", "5411");
      raw.put("txn_type", "PURCHASE");
      raw.put("channel", "POS");
      raw.put("amount", "12.34");
      raw.put("currency", "USD");
      raw.put("status", "APPROVED");
      raw.put("response_code", "00");
      raw.put("card_brand", "VISA");
      raw.put("card_bin", "411111");
      raw.put("card_last4", "1111");
      raw.put("hash_pan", sha256Hex("pan-of-" + txnId));
      raw.put("country", "US");
      raw.put("city", "New York");
      raw.put("latitude", "40.7128");
      raw.put("longitude", "-74.006");
      raw.put("device_id", "D000001");
      raw.put("is_fraud", "0");
    }

    /** Sets a raw contract column to a text value (null means an empty field). */
    public Payment with(String column, String value) {
      if (!raw.containsKey(column)) {
        throw new IllegalArgumentException(
            "Column '" + column + "' is not in raw contract v" + RawContract.VERSION + "; columns: " + raw.keySet());
      }
      raw.put(column, value);
      return this;
    }

    /** Empties a raw contract column (null in bronze). */
    public Payment withNull(String column) {
      return with(column, null);
    }

    public Payment withAmount(String amount) {
      return with("amount", amount);
    }

    public Payment withCurrency(String currency) {
      return with("currency", currency);
    }

    public Payment withStatus(String status) {
      return with("status", status);
    }

    public Payment withTxnType(String txnType) {
      return with("txn_type", txnType);
    }

    public Payment withChannel(String channel) {
      return with("channel", channel);
    }

    public Payment withCardBrand(String cardBrand) {
      return with("card_brand", cardBrand);
    }

    public Payment withMcc(String mcc) {
      return with("mcc", mcc);
    }

    public Payment withCountry(String country) {
      return with("country", country);
    }

    public Payment withMerchant(String merchantId, String merchantName) {
      return with("merchant_id", merchantId).with("merchant_name", merchantName);
    }

    public Payment fraudulent() {
      return with("is_fraud", "1");
    }

    /** Sets the event time (ISO-8601 instant); txn_date follows it unless set explicitly. */
    public Payment withTxnTs(String isoInstant) {
      return with("txn_ts", isoInstant);
    }

    /** Ingest date of the raw partition the row came from; default: the UTC date of txn_ts. */
    public Payment withIngestDate(String isoDate) {
      this.ingestDate = LocalDate.parse(isoDate);
      return this;
    }

    /** Overrides the txn_date partition value; default: the UTC date of txn_ts. */
    public Payment withTxnDate(String isoDate) {
      this.txnDate = LocalDate.parse(isoDate);
      return this;
    }

    public Payment withSource(String file, long line) {
      this.sourceFile = Objects.requireNonNull(file, "file");
      this.sourceLine = line;
      return this;
    }

    public String txnId() {
      return raw.get("txn_id");
    }

    /** The raw text of a contract column (null when empty). */
    public String raw(String column) {
      if (!raw.containsKey(column)) {
        throw new IllegalArgumentException("Column '" + column + "' is not in raw contract v" + RawContract.VERSION);
      }
      return raw.get(column);
    }

    /** The UTC date of txn_ts, or null without txn_ts. */
    public LocalDate eventDate() {
      String ts = raw.get("txn_ts");
      return ts == null ? null : Instant.parse(ts).atZone(ZoneOffset.UTC).toLocalDate();
    }

    public LocalDate txnDate() {
      if (txnDate != null) {
        return txnDate;
      }
      LocalDate eventDate = eventDate();
      return eventDate != null ? eventDate : ingestDate();
    }

    public LocalDate ingestDate() {
      if (ingestDate != null) {
        return ingestDate;
      }
      LocalDate eventDate = eventDate();
      if (eventDate == null) {
        throw new IllegalStateException(
            "Payment " + txnId() + " has no txn_ts; give it an ingest date (withIngestDate) for bronze lineage");
      }
      return eventDate;
    }

    /**
     * The bronze row: contract columns typed as {@link PaymentSchemas#bronze()}, then ingest_date,
     * source_file, source_line and txn_date.
     *
     * @throws IllegalStateException when a value cannot be typed (bronze would reject that line)
     */
    public Row toBronzeRow() {
      List<Object> values = new ArrayList<>();
      for (ContractColumn column : RawContract.current().columns()) {
        values.add(typed(column, raw.get(column.name())));
      }
      values.add(Date.valueOf(ingestDate()));
      values.add(sourceFile);
      values.add(sourceLine);
      values.add(Date.valueOf(txnDate()));
      return RowFactory.create(values.toArray());
    }

    /** The raw CSV line in contract order: RFC 4180 quoting, an empty field for null. */
    public String toCsvLine() {
      return raw.values().stream().map(Payment::csvField).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
      return "Payment" + raw;
    }

    private Object typed(ContractColumn column, String text) {
      if (text == null) {
        return null;
      }
      try {
        return switch (column.type()) {
          case STRING -> text;
          case TIMESTAMP -> Timestamp.from(Instant.parse(text));
          case DECIMAL -> new BigDecimal(text);
          case DOUBLE -> Double.valueOf(text);
          case BOOLEAN -> parseBoolean(text);
        };
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "Payment " + txnId() + ": " + column.name() + " '" + text + "' is not a " + column.type()
                + "; bronze would reject this line, so it has no bronze row",
            e);
      }
    }

    private static Boolean parseBoolean(String text) {
      return switch (text) {
        case "1", "true" -> Boolean.TRUE;
        case "0", "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("not 0 or 1");
      };
    }

    private static String csvField(String value) {
      if (value == null) {
        return "";
      }
      if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
      }
      return value;
    }
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
