package com.paymentslake.generator;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/** A real city of the embedded reference table ({@code generator/cities.v2.csv}). */
final class City {
  final int index;
  final String name;
  final String country;
  final double latitude;
  final double longitude;
  final Money money;
  final double weight;
  final byte[] csvName;
  final byte[] countryCode;
  /** Local time: payments follow their time-of-day profiles on this zone's clock. */
  final ZoneId zone;

  City(int index, String name, String country, double latitude, double longitude, Money money, double weight,
      ZoneId zone) {
    this.index = index;
    this.name = name;
    this.country = country;
    this.latitude = latitude;
    this.longitude = longitude;
    this.money = money;
    this.weight = weight;
    this.csvName = Csv.field(name);
    this.countryCode = country.getBytes(StandardCharsets.US_ASCII);
    this.zone = zone;
  }

  @Override
  public String toString() {
    return name + " (" + country + ")";
  }
}
