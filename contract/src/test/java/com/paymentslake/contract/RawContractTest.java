package com.paymentslake.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawContractTest {
  private final RawContract contract = RawContract.current();

  @Test
  void listsTheSpecColumnsInOrder() {
    assertThat(contract.columnNames())
        .containsExactly(
            "txn_id", "txn_ts", "user_id", "merchant_id", "merchant_name", "mcc", "txn_type",
            "channel", "amount", "currency", "status", "response_code", "card_brand", "card_bin",
            "card_last4", "hash_pan", "country", "city", "latitude", "longitude", "device_id",
            "is_fraud");
    assertThat(contract.column("amount").type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(contract.column("device_id").required()).isFalse();
    assertThat(contract.header()).startsWith("txn_id,txn_ts,user_id,");
  }

  @Test
  void matchingHeaderHasNoDifference() {
    assertThat(contract.headerDifference(contract.columnNames())).isEmpty();
  }

  @Test
  void swappedColumnsAreReportedAsMoved() {
    List<String> drifted = new ArrayList<>(contract.columnNames());
    Collections.swap(drifted, contract.indexOf("amount"), contract.indexOf("currency"));

    assertThat(contract.headerDifference(drifted))
        .hasValue(
            "header differs from raw contract v1: moved [currency at position 9 (contract: 10),"
                + " amount at position 10 (contract: 9)]");
  }

  @Test
  void missingAndUnexpectedColumnsAreNamed() {
    List<String> drifted = new ArrayList<>(contract.columnNames());
    drifted.set(drifted.size() - 1, "fraud_flag");

    assertThat(contract.headerDifference(drifted).orElseThrow())
        .contains("missing [is_fraud]")
        .contains("unexpected [fraud_flag]");
  }

  @Test
  void unknownColumnIsAClearError() {
    assertThatThrownBy(() -> contract.indexOf("pan"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Column 'pan' is not in raw contract v1; columns: [txn_id,");
  }

  @Test
  void malformedContractLineNamesTheLine() {
    BufferedReader reader = new BufferedReader(new StringReader("# c\ntxn_id,string,true\n"));

    assertThatThrownBy(() -> RawContract.parse(reader, "test.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test.csv line 2: expected column,type,required,description but got 'txn_id,string,true'");
  }
}
