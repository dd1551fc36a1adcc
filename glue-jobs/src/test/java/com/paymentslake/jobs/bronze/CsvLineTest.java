package com.paymentslake.jobs.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvLineTest {
  @Test
  void quotedFieldsKeepCommasAndDoubledQuotes() {
    CsvLine.Split split = CsvLine.split("a,\"Joe's \"\"Diner\"\", Inc\",c");

    assertThat(split).isEqualTo(new CsvLine.Fields(Arrays.asList("a", "Joe's \"Diner\", Inc", "c")));
  }

  @Test
  void emptyFieldsAreNullIncludingTheLast() {
    assertThat(CsvLine.split(",x,\"\","))
        .isEqualTo(new CsvLine.Fields(Arrays.asList(null, "x", null, null)));
  }

  @Test
  void unclosedQuoteIsMalformedWithItsPosition() {
    assertThat(CsvLine.split("T1,\"Corner Grocer,5411"))
        .isEqualTo(new CsvLine.Malformed("quote opened at character 4 (field 2) is never closed"));
  }

  @Test
  void textAfterClosingQuoteIsMalformed() {
    assertThat(CsvLine.split("T1,\"ab\"c,d"))
        .isEqualTo(new CsvLine.Malformed("unexpected character after closing quote at character 8 (field 2)"));
  }

  @Test
  void firstFieldIsTheTxnIdEvenOnBrokenLines() {
    assertThat(CsvLine.firstField("T-9,\"broken")).isEqualTo("T-9");
    assertThat(CsvLine.firstField(",x")).isNull();
  }
}
