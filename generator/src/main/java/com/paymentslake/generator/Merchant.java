package com.paymentslake.generator;

import java.nio.charset.StandardCharsets;

/** A merchant (or ATM) of the finite merchant population, fixed for a seed. */
final class Merchant {
  /** Arena bytes this merchant's slices take, each rounded up to whole words. */
  int arenaBytes() {
    return words(idAndName) + words(mcc) + words(place) + words(placeWithoutCoordinates);
  }

  /** Copies the slices into the arena from {@code at}; returns the position after them. */
  int layOut(byte[] arena, int at) {
    this.arena = arena;
    idAndNameAt = at;
    at = put(arena, at, idAndName);
    mccAt = at;
    at = put(arena, at, mcc);
    placeAt = at;
    at = put(arena, at, place);
    placeWithoutCoordinatesAt = at;
    return put(arena, at, placeWithoutCoordinates);
  }

  private static int words(byte[] slice) {
    return Math.max(8, (slice.length + 7) & ~7);
  }

  private static int put(byte[] arena, int at, byte[] slice) {
    System.arraycopy(slice, 0, arena, at, slice.length);
    return at + words(slice);
  }

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
  /**
   * The world's merchant arena and where this merchant's slices lie in it ({@link
   * World#layOutArena}): {@link #idAndName}, the mcc, {@link #place} and {@link
   * #placeWithoutCoordinates}, each starting on an 8-byte boundary, one merchant after another, so
   * a clean line's merchant fields come from two or three adjacent cache lines.
   */
  byte[] arena;
  /** Lengths of the slices, kept here so the encoder never loads the slice arrays themselves. */
  final int idAndNameLength;
  final int placeLength;
  final int placeWithoutCoordinatesLength;
  int idAndNameAt;
  int mccAt;
  int placeAt;
  int placeWithoutCoordinatesAt;

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
    tail.truncate(coordinates);
    tail.put((byte) ',');
    this.placeWithoutCoordinates = tail.copy(0, tail.size());
    this.idAndNameLength = idAndName.length;
    this.placeLength = place.length;
    this.placeWithoutCoordinatesLength = placeWithoutCoordinates.length;
    if (this.mcc.length != 4) {
      throw new IllegalArgumentException("Merchant category code '" + mcc + "' does not have 4 digits");
    }
  }
}
