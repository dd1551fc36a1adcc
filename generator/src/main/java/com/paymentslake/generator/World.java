package com.paymentslake.generator;

import com.paymentslake.contract.ReferenceTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The static world of a seed: real cities (from {@code generator/cities.v1.csv}) and a finite
 * merchant population in each of them, per category. Built once per generator, read-only after.
 */
final class World {
  static final String CITIES_RESOURCE = "/generator/cities.v1.csv";
  /** Merchants per city and category. */
  static final int MERCHANTS_PER_CITY_AND_CATEGORY = 20;
  /** Merchants lie uniformly within this distance of the city centre. */
  static final double MERCHANT_RADIUS_KM = 15.0;
  private static final long MERCHANT_SALT = 0x6D65726368616E74L;

  private static final List<City> CITIES = loadCities();

  final City[] cities;
  final double[] cityCumulative;
  private final int[] cityGuide;
  /** Per city, the other cities of the same country. */
  final int[][] domestic;
  /** Per city, the cities of other countries. */
  final int[][] foreign;
  /** [city][category][k]. */
  final Merchant[][][] merchants;

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
      List<Integer> same = new ArrayList<>();
      List<Integer> other = new ArrayList<>();
      for (City c : cities) {
        if (c != city) {
          (c.country.equals(city.country) ? same : other).add(c.index);
        }
      }
      domestic[city.index] = same.stream().mapToInt(Integer::intValue).toArray();
      foreign[city.index] = other.stream().mapToInt(Integer::intValue).toArray();
    }
    this.merchants = buildMerchants(seed);
    layOutArena(merchants);
  }

  /**
   * Puts every merchant's prepared slices into one array, in merchant order (city, category,
   * popularity): the clean-line encoder reads a merchant's fields from a few adjacent cache lines
   * instead of four arrays spread over the heap. Plus {@link Ascii#SLACK} bytes at the end, as
   * {@link Ascii#copy} reads whole words.
   */
  private static void layOutArena(Merchant[][][] merchants) {
    int size = Ascii.SLACK;
    for (Merchant[][] ofCity : merchants) {
      for (Merchant[] list : ofCity) {
        for (Merchant merchant : list) {
          size += merchant.arenaBytes();
        }
      }
    }
    byte[] arena = new byte[size];
    int at = 0;
    for (Merchant[][] ofCity : merchants) {
      for (Merchant[] list : ofCity) {
        for (Merchant merchant : list) {
          at = merchant.layOut(arena, at);
        }
      }
    }
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

  /** A merchant of the city and category; popular merchants (low k) are chosen more often. */
  Merchant pickMerchant(City city, MerchantCategory category, SplitMix64 rng) {
    Merchant[] list = merchants[city.index][category.ordinal()];
    double u = rng.nextDouble();
    return list[(int) (u * u * list.length)];
  }

  private Merchant[][][] buildMerchants(long seed) {
    SplitMix64 rng = new SplitMix64(SplitMix64.mix(seed ^ MERCHANT_SALT));
    Merchant[][][] all = new Merchant[cities.length][MerchantCategory.VALUES.length][];
    int number = 1;
    for (City city : cities) {
      for (MerchantCategory category : MerchantCategory.VALUES) {
        Merchant[] list = new Merchant[MERCHANTS_PER_CITY_AND_CATEGORY];
        for (int k = 0; k < list.length; k++) {
          String stem = category.names[rng.nextInt(category.names.length)];
          String name = category.physical ? stem + " #" + (k + 1) : stem;
          String mcc = category.mccs[rng.nextInt(category.mccs.length)];
          // Uniform in a disc around the centre (sqrt for an even spread over the area).
          double distanceKm = MERCHANT_RADIUS_KM * StrictMath.sqrt(rng.nextDouble());
          double bearing = 2 * Math.PI * rng.nextDouble();
          double dLat = distanceKm * StrictMath.cos(bearing) / 111.32;
          double dLon =
              distanceKm * StrictMath.sin(bearing) / (111.32 * StrictMath.cos(Math.toRadians(city.latitude)));
          list[k] = new Merchant(number++, category, city, name, mcc,
              Math.round((city.latitude + dLat) * 1e6), Math.round((city.longitude + dLon) * 1e6));
        }
        all[city.index][category.ordinal()] = list;
      }
    }
    return all;
  }

  private static List<City> loadCities() {
    List<City> cities = new ArrayList<>();
    for (ReferenceTable.Row row :
        ReferenceTable.readResource(World.class, CITIES_RESOURCE, "city,country,latitude,longitude,currency,weight")) {
      if (!row.field(1).matches("[A-Z]{2}")) {
        throw row.error("country '" + row.field(1) + "' is not ISO 3166-1 alpha-2");
      }
      cities.add(new City(cities.size(), row.field(0), row.field(1), Double.parseDouble(row.field(2)),
          Double.parseDouble(row.field(3)), Money.of(row.field(4)), Double.parseDouble(row.field(5))));
    }
    return List.copyOf(cities);
  }
}
