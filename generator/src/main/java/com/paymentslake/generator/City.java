package com.paymentslake.generator;

import java.nio.charset.StandardCharsets;

/** A real city of the embedded reference table ({@code generator/cities.v1.csv}). */
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

  City(int index, String name, String country, double latitude, double longitude, Money money, double weight) {
    this.index = index;
    this.name = name;
    this.country = country;
    this.latitude = latitude;
    this.longitude = longitude;
    this.money = money;
    this.weight = weight;
    this.csvName = Csv.field(name);
    this.countryCode = country.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return name + " (" + country + ")";
  }
}
