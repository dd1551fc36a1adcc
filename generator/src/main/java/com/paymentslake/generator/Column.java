package com.paymentslake.generator;

import com.paymentslake.contract.RawContract;
import java.util.Arrays;
import java.util.List;

/**
 * The raw contract's columns in file order, as the encoder knows them. Checked against {@link
 * RawContract#current()} when the class loads, so a contract change cannot silently shift columns.
 */
enum Column {
  TXN_ID, TXN_TS, USER_ID, MERCHANT_ID, MERCHANT_NAME, MCC, TXN_TYPE, CHANNEL, AMOUNT, CURRENCY,
  STATUS, RESPONSE_CODE, CARD_BRAND, CARD_BIN, CARD_LAST4, HASH_PAN, COUNTRY, CITY, LATITUDE,
  LONGITUDE, DEVICE_ID, IS_FRAUD;

  static final Column[] VALUES = values();
  static final int COUNT = VALUES.length;

  static {
    List<String> names = Arrays.stream(VALUES).map(Column::columnName).toList();
    List<String> contract = RawContract.current().columnNames();
    if (!names.equals(contract)) {
      throw new IllegalStateException(
          "The generator writes raw contract columns " + names + " but contract v"
              + RawContract.current().version() + " has " + contract);
    }
  }

  String columnName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Column named(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
