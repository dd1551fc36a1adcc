package com.paymentslake.generator;

import com.paymentslake.contract.ReferenceTable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The static world of a seed: real cities (from {@code generator/cities.v2.csv}) and a finite
 * merchant population in each of them, per category. Built once per generator, read-only after.
 */
final class World {
  static final String CITIES_RESOURCE = "/generator/cities.v2.csv";
  /** Merchants per city and category. */
  static final int MERCHANTS_PER_CITY_AND_CATEGORY = 20;
  /** Merchants lie uniformly within this distance of the city centre. */
  static final double MERCHANT_RADIUS_KM = 15.0;
  private static final int CATEGORIES = MerchantCategory.VALUES.length;
  /** ISO 18245 codes have four digits; the arena gives them a whole word. */
  private static final int MCC_BYTES = 8;
  private static final long MERCHANT_SALT = 0x6D65726368616E74L;

  private static final List<City> CITIES = loadCities();

  final City[] cities;
  final double[] cityCumulative;
  private final int[] cityGuide;
  /** Per city, the other cities of the same country. */
  final int[][] domestic;
  /** Per city, the cities of other countries. */
  final int[][] foreign;
  /** Every merchant by flat index ({@link #index}): by city, category, then popularity k. */
  final Merchant[] flat;
  /** Every merchant's clean-line slices side by side ({@link #layOutArena}). */
  final byte[] arena;
  /** Per flat index, where the merchant's slices lie in {@link #arena}. */
  final long[] slices;

  World(long seed) {
    this.cities = CITIES.toArray(new City[0]);
    double[] weights = new double[cities.length];
    for (int i = 0; i < cities.length; i++) {
      weights[i] = cities[i].weight;
    }
    this.cityCumulative = SplitMix64.cumulative(weights);
    this.cityGuide = SplitMix64.guide(cityCumulative, 256);
    this.domestic = new int[cities.length][];
    this.foreign = new int[cities.length][];
    for (City city : cities) {
      domestic[city.index] = others(cities, city, true);
      foreign[city.index] = others(cities, city, false);
    }
    this.flat = buildMerchants(seed);
    this.slices = new long[flat.length];
    this.arena = layOutArena(flat, slices);
  }

  /**
   * The indexes of the cities other than {@code city} in its own country ({@code domestic}) or in
   * other countries, in index order.
   *
   * <p>The world is built once per run, but a benchmark or a Spark executor builds many: its loops
   * call small methods, which the JIT compiles early, so that it never has to recompile one large
   * constructor in the middle of a later run.
   */
  private static int[] others(City[] cities, City city, boolean domestic) {
    int[] out = new int[cities.length];
    int count = 0;
    for (City c : cities) {
      if (c != city && c.country.equals(city.country) == domestic) {
        out[count++] = c.index;
      }
    }
    return Arrays.copyOf(out, count);
  }

  /**
   * Puts every merchant's clean-line slices into one array, in flat index order (city, category,
   * popularity), each slice starting on an 8-byte boundary: {@code merchant_id,merchant_name,}, the
   * mcc (8 bytes), {@code ,country,city,lat,lon} and the same without coordinates. A clean line's
   * merchant fields then come from two or three adjacent cache lines of one array, and the encoder
   * needs no merchant object. {@code slices[i]} gets merchant i's arena offset and slice lengths
   * ({@link #packSlices}). Plus {@link Ascii#SLACK} bytes at the end, as {@link Ascii#copy} reads
   * whole words.
   */
  private static byte[] layOutArena(Merchant[] merchants, long[] slices) {
    int size = Ascii.SLACK;
    for (Merchant merchant : merchants) {
      size += words(merchant.idAndName) + MCC_BYTES + words(merchant.place) + words(merchant.placeWithoutCoordinates);
    }
    byte[] arena = new byte[size];
    int at = 0;
    for (int i = 0; i < merchants.length; i++) {
      Merchant merchant = merchants[i];
      slices[i] = packSlices(at, merchant.idAndName.length, merchant.place.length,
          merchant.placeWithoutCoordinates.length);
      at = put(arena, at, merchant.idAndName, words(merchant.idAndName));
      at = put(arena, at, merchant.mcc, MCC_BYTES);
      at = put(arena, at, merchant.place, words(merchant.place));
      at = put(arena, at, merchant.placeWithoutCoordinates, words(merchant.placeWithoutCoordinates));
    }
    return arena;
  }

  /** Arena offset (bits 0-31) and the lengths of head, place and place without coordinates. */
  static long packSlices(int offset, int headLength, int placeLength, int bareLength) {
    for (int length : new int[] {headLength, placeLength, bareLength}) {
      if (length > 0xFF) {
        throw new IllegalArgumentException("A merchant slice of " + length + " bytes exceeds 255");
      }
    }
    return (offset & 0xFFFF_FFFFL) | (long) headLength << 32 | (long) placeLength << 40 | (long) bareLength << 48;
  }

  static int headAt(long slices) {
    return (int) slices;
  }

  static int headLength(long slices) {
    return (int) (slices >>> 32) & 0xFF;
  }

  static int mccAt(long slices) {
    return headAt(slices) + ((headLength(slices) + 7) & ~7);
  }

  static int placeAt(long slices) {
    return mccAt(slices) + MCC_BYTES;
  }

  static int placeLength(long slices) {
    return (int) (slices >>> 40) & 0xFF;
  }

  static int bareAt(long slices) {
    return placeAt(slices) + ((placeLength(slices) + 7) & ~7);
  }

  static int bareLength(long slices) {
    return (int) (slices >>> 48) & 0xFF;
  }

  private static int words(byte[] slice) {
    return Math.max(8, (slice.length + 7) & ~7);
  }

  private static int put(byte[] arena, int at, byte[] slice, int room) {
    System.arraycopy(slice, 0, arena, at, slice.length);
    return at + room;
  }

  /** The flat index of the {@code k}-th merchant of a city and category. */
  static int index(City city, MerchantCategory category, int k) {
    return (city.index * CATEGORIES + category.ordinal()) * MERCHANTS_PER_CITY_AND_CATEGORY + k;
  }

  static List<City> cities() {
    return CITIES;
  }

  City pickCity(SplitMix64 rng) {
    return cities[rng.pick(cityCumulative, cityGuide)];
  }

  /** A city other than home: domestic with probability {@code domesticShare} when one exists. */
  City pickAway(City home, double domesticShare, SplitMix64 rng) {
    int[] same = domestic[home.index];
    if (same.length > 0 && rng.chance(domesticShare)) {
      return cities[same[rng.nextInt(same.length)]];
    }
    int[] other = foreign[home.index];
    return cities[other[rng.nextInt(other.length)]];
  }

  /**
   * A merchant of the city and category, as a flat index (the merchant itself is not loaded):
   * popular merchants (low k) are chosen more often; {@code u} is a uniform in [0, 1).
   */
  int pickMerchantIndex(City city, MerchantCategory category, double u) {
    return index(city, category, (int) (u * u * MERCHANTS_PER_CITY_AND_CATEGORY));
  }

  /** Every merchant in flat index order; merchant_id is the flat index plus one. */
  private Merchant[] buildMerchants(long seed) {
    SplitMix64 rng = new SplitMix64(SplitMix64.mix(seed ^ MERCHANT_SALT));
    Merchant[] all = new Merchant[cities.length * CATEGORIES * MERCHANTS_PER_CITY_AND_CATEGORY];
    for (City city : cities) {
      for (MerchantCategory category : MerchantCategory.VALUES) {
        for (int k = 0; k < MERCHANTS_PER_CITY_AND_CATEGORY; k++) {
          int index = index(city, category, k);
          all[index] = merchant(rng, index, city, category, k);
        }
      }
    }
    return all;
  }

  /** The {@code k}-th merchant of a city and category, with the draws of {@code rng} in a fixed order. */
  private static Merchant merchant(SplitMix64 rng, int index, City city, MerchantCategory category, int k) {
    String stem = category.names[rng.nextInt(category.names.length)];
    String name = category.physical ? stem + " #" + (k + 1) : stem;
    String mcc = category.mccs[rng.nextInt(category.mccs.length)];
    // Uniform in a disc around the centre (sqrt for an even spread over the area).
    double distanceKm = MERCHANT_RADIUS_KM * StrictMath.sqrt(rng.nextDouble());
    double bearing = 2 * Math.PI * rng.nextDouble();
    double dLat = distanceKm * StrictMath.cos(bearing) / 111.32;
    double dLon = distanceKm * StrictMath.sin(bearing) / (111.32 * StrictMath.cos(Math.toRadians(city.latitude)));
    return new Merchant(index + 1, category, city, name, mcc, Math.round((city.latitude + dLat) * 1e6),
        Math.round((city.longitude + dLon) * 1e6));
  }

  /**
   * Every city's UTC offset in seconds on a date (days since 1970-01-01), by city index: the offset
   * at noon UTC, so a date has one offset per city even when its clocks change that night.
   */
  static int[] utcOffsets(long epochDay) {
    Instant noon = Instant.ofEpochSecond(epochDay * 86_400L + 43_200L);
    int[] offsets = new int[CITIES.size()];
    for (City city : CITIES) {
      offsets[city.index] = city.zone.getRules().getOffset(noon).getTotalSeconds();
    }
    return offsets;
  }

  private static List<City> loadCities() {
    List<City> cities = new ArrayList<>();
    for (ReferenceTable.Row row :
        ReferenceTable.readResource(World.class, CITIES_RESOURCE, "city,country,latitude,longitude,currency,weight,zone")) {
      if (!row.field(1).matches("[A-Z]{2}")) {
        throw row.error("country '" + row.field(1) + "' is not ISO 3166-1 alpha-2");
      }
      ZoneId zone;
      try {
        zone = ZoneId.of(row.field(6));
      } catch (DateTimeException e) {
        throw row.error("zone '" + row.field(6) + "' is not an IANA time zone");
      }
      cities.add(new City(cities.size(), row.field(0), row.field(1), Double.parseDouble(row.field(2)),
          Double.parseDouble(row.field(3)), Money.of(row.field(4)), Double.parseDouble(row.field(5)), zone));
    }
    return List.copyOf(cities);
  }
}
