package com.paymentslake.jobs.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.RawContract;
import com.paymentslake.contract.RejectReason;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RawRecordTyperTest {
  private static final RawContract CONTRACT = RawContract.current();

  @Test
  void typesACleanLineByTheContract() {
    RawRecordTyper.Typed typed = RawRecordTyper.type(RawLines.purchase("T1").with("currency", "KWD").with("amount", "1.234").line());

    assertThat(typed).isInstanceOf(RawRecordTyper.Values.class);
    RawRecordTyper.Values values = (RawRecordTyper.Values) typed;
    assertThat(values.values()[CONTRACT.indexOf("amount")]).isEqualTo(new BigDecimal("1.234"));
    assertThat(values.values()[CONTRACT.indexOf("txn_ts")])
        .isEqualTo(Timestamp.from(Instant.parse("2026-11-01T18:04:05Z")));
    assertThat(values.values()[CONTRACT.indexOf("merchant_name")]).isEqualTo("Corner Grocer, Ltd");
    assertThat(values.values()[CONTRACT.indexOf("latitude")]).isEqualTo(52.52);
    assertThat(values.values()[CONTRACT.indexOf("is_fraud")]).isEqualTo(false);
    assertThat(values.txnDate()).isEqualTo(LocalDate.of(2026, 11, 1));
  }

  @Test
  void emptyOptionalAndRequiredFieldsStayNullForSilverToJudge() {
    RawRecordTyper.Values values =
        (RawRecordTyper.Values) RawRecordTyper.type(RawLines.purchase("T1").with("device_id", null).with("amount", null).line());

    assertThat(values.values()[CONTRACT.indexOf("device_id")]).isNull();
    assertThat(values.values()[CONTRACT.indexOf("amount")]).isNull();
  }

  @Test
  void nonNumericAmountIsATypeCastReject() {
    assertThat(RawRecordTyper.type(RawLines.purchase("T1").with("amount", "12.3O").line()))
        .isEqualTo(new RawRecordTyper.Rejected(RejectReason.TYPE_CAST,
            "amount='12.3O' is not a valid decimal: not a decimal number"));
    assertThat(RawRecordTyper.type(RawLines.purchase("T1").with("amount", "1,234.50").line()))
        .isInstanceOf(RawRecordTyper.Rejected.class);
  }

  @Test
  void amountWithMoreDecimalsThanAnyCurrencyIsRejected() {
    assertThat(RawRecordTyper.type(RawLines.purchase("T1").with("amount", "1.2345").line()))
        .isEqualTo(new RawRecordTyper.Rejected(RejectReason.TYPE_CAST,
            "amount='1.2345' is not a valid decimal: has 4 decimals but at most 3 are allowed"));
  }

  @Test
  void badFlagAndTimestampAreTypeCastRejects() {
    assertThat(((RawRecordTyper.Rejected) RawRecordTyper.type(RawLines.purchase("T1").with("is_fraud", "yes").line())).detail())
        .isEqualTo("is_fraud='yes' is not a valid boolean: expected 0 or 1");
    assertThat(((RawRecordTyper.Rejected) RawRecordTyper.type(RawLines.purchase("T1").with("txn_ts", "2026-13-01T00:00:00Z").line())).reason())
        .isEqualTo(RejectReason.TYPE_CAST);
  }

  @Test
  void wrongFieldCountIsAColumnCountReject() {
    String line = RawLines.purchase("T1").line();

    assertThat(RawRecordTyper.type(line.substring(0, line.lastIndexOf(','))))
        .isEqualTo(new RawRecordTyper.Rejected(RejectReason.COLUMN_COUNT, "expected 22 fields but found 21"));
    assertThat(RawRecordTyper.type(line + ",extra"))
        .isEqualTo(new RawRecordTyper.Rejected(RejectReason.COLUMN_COUNT, "expected 22 fields but found 23"));
  }

  @Test
  void missingKeyCannotBeDeduplicated() {
    assertThat(RawRecordTyper.type(RawLines.purchase("T1").with("txn_ts", null).line()))
        .isEqualTo(new RawRecordTyper.Rejected(RejectReason.MISSING_KEY,
            "txn_ts is empty; bronze needs it to deduplicate and partition the row"));
  }

  @Test
  void aCardNumberQuotedInADetailIsMasked() {
    RawRecordTyper.Rejected rejected =
        (RawRecordTyper.Rejected) RawRecordTyper.type(RawLines.purchase("T1").with("latitude", "4111111111111111x").line());

    assertThat(rejected.detail()).startsWith("latitude='411111******1111x' is not a valid double");
  }
}
