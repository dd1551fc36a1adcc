package com.paymentslake.generator;

import java.nio.charset.StandardCharsets;

/** A merchant (or ATM) of the finite merchant population, fixed for a seed. */
final class Merchant {
  final MerchantCategory category;
  final City city;
  final String name;
  final byte[] id;
  final byte[] csvName;
  final byte[] mcc;
  final long latitudeMicros;
  final long longitudeMicros;

  Merchant(int number, MerchantCategory category, City city, String name, String mcc,
      long latitudeMicros, long longitudeMicros) {
    this.category = category;
    this.city = city;
    this.name = name;
    LineBuffer buffer = new LineBuffer(8);
    buffer.put((byte) 'M');
    buffer.putDigits(number, 7);
    this.id = buffer.copy(0, buffer.size());
    this.csvName = Csv.field(name);
    this.mcc = mcc.getBytes(StandardCharsets.US_ASCII);
    this.latitudeMicros = latitudeMicros;
    this.longitudeMicros = longitudeMicros;
  }
}
