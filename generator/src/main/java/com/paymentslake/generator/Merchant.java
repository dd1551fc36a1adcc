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
  /** {@code merchant_id,merchant_name,} as written in a clean line (mcc follows). */
  final byte[] idAndName;
  /** {@code ,country,city,latitude,longitude} of a clean line (follows hash_pan). */
  final byte[] place;
  /** {@link #place} with null coordinates: {@code ,country,city,,}. */
  final byte[] placeWithoutCoordinates;

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
    LineBuffer head = new LineBuffer(64);
    head.put(id);
    head.put((byte) ',');
    head.put(csvName);
    head.put((byte) ',');
    this.idAndName = head.copy(0, head.size());
    LineBuffer tail = new LineBuffer(64);
    tail.put((byte) ',');
    tail.put(city.countryCode);
    tail.put((byte) ',');
    tail.put(city.csvName);
    tail.put((byte) ',');
    int coordinates = tail.size();
    tail.putFixed(latitudeMicros, 6, 1_000_000L);
    tail.put((byte) ',');
    tail.putFixed(longitudeMicros, 6, 1_000_000L);
    this.place = tail.copy(0, tail.size());
    tail.size(coordinates);
    tail.put((byte) ',');
    this.placeWithoutCoordinates = tail.copy(0, tail.size());
    if (this.mcc.length != 4) {
      throw new IllegalArgumentException("Merchant category code '" + mcc + "' does not have 4 digits");
    }
  }
}
