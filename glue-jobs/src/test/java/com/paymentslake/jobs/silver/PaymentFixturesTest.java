package com.paymentslake.jobs.silver;

import static com.paymentslake.jobs.testing.PaymentFixtures.approvedPurchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.contract.RawContract;
import com.paymentslake.jobs.common.PaymentSchemas;
import com.paymentslake.jobs.testing.PaymentFixtures;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The shared payment fixtures (com.paymentslake.jobs.testing) that bronze, silver and e2e tests use. */
class PaymentFixturesTest {
  @Test
  void csvLinesFollowTheContractOrderWithRfc4180Quoting() {
    String line =
        approvedPurchase("T1").withMerchant("M9", "Bob's \"Best\" Bagels, Ltd").withNull("mcc").withAmount("12.34").toCsvLine();

    String[] expectedStart = {"T1", PaymentFixtures.DEFAULT_TXN_TS, "U000001", "M9"};
    assertThat(line).startsWith(String.join(",", expectedStart) + ",\"Bob's \"\"Best\"\" Bagels, Ltd\",,PURCHASE,POS,12.34,USD,");
    assertThat(PaymentFixtures.csv(approvedPurchase("T1"))).startsWith(RawContract.current().header() + "\r\n");
  }

  @Test
  void bronzeRowsAreTypedInBronzeSchemaOrderWithLineage() {
    Row row = approvedPurchase("T1").withIngestDate("2026-11-03").withSource("f.csv", 7).toBronzeRow();

    assertThat(row.length()).isEqualTo(PaymentSchemas.bronze().size());
    assertThat(row.get(RawContract.current().indexOf("txn_ts"))).isEqualTo(Timestamp.from(Instant.parse(PaymentFixtures.DEFAULT_TXN_TS)));
    assertThat(row.get(RawContract.current().indexOf("amount"))).isEqualTo(new BigDecimal("12.34"));
    assertThat(row.get(RawContract.current().indexOf("is_fraud"))).isEqualTo(false);
    assertThat(row.get(RawContract.current().columnCount())).isEqualTo(Date.valueOf("2026-11-03"));
    assertThat(row.get(RawContract.current().columnCount() + 1)).isEqualTo("f.csv");
    assertThat(row.get(RawContract.current().columnCount() + 2)).isEqualTo(7L);
    assertThat(row.get(RawContract.current().columnCount() + 3)).as("txn_date").isEqualTo(Date.valueOf("2026-11-02"));
  }

  @Test
  void aValueBronzeWouldRejectHasNoBronzeRow() {
    assertThatThrownBy(() -> approvedPurchase("T1").withAmount("12,34").toBronzeRow())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Payment T1: amount '12,34' is not a DECIMAL; bronze would reject this line, so it has no bronze row");
  }

  @Test
  void onlyContractColumnsCanBeSet() {
    assertThatThrownBy(() -> approvedPurchase("T1").with("amount_usd", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Column 'amount_usd' is not in raw contract v1; columns: [txn_id, txn_ts,");
  }
}
