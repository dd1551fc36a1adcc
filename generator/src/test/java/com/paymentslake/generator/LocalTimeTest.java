package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Payments follow their time-of-day profiles on the local clock of the city where they happen. */
class LocalTimeTest {
  private static final City[] CITIES = new World(0).cities;

  @Test
  void everyCityHasARealZoneInItsCountry() {
    for (City city : CITIES) {
      // The zone's own country code, from the JDK's data, is not available; its name's region is a
      // cheap guard against a shifted column (a Sydney with an American zone).
      String region = city.zone.getId().substring(0, city.zone.getId().indexOf('/'));
      String expected = switch (city.country) {
        case "US", "CA", "MX", "BR", "CL" -> "America";
        case "AE", "SA", "KW", "BH", "OM", "JO", "IN", "SG", "HK", "CN", "KR", "JP" -> "Asia";
        case "ZA", "TN" -> "Africa";
        case "AU" -> "Australia";
        case "NZ" -> "Pacific";
        case "IS" -> "Atlantic";
        default -> "Europe";
      };
      assertThat(region).as("zone %s of %s", city.zone, city).isEqualTo(expected);
    }
  }

  @Test
  void offsetsAreTheZonesOnTheDateIncludingSummerTime() {
    City newYork = city("New York");
    City sydney = city("Sydney");
    City tokyo = city("Tokyo");
    long winter = LocalDate.parse("2026-01-15").toEpochDay();
    long summer = LocalDate.parse("2026-07-15").toEpochDay();
    assertThat(World.utcOffsets(winter)[newYork.index]).isEqualTo(-5 * 3600);
    assertThat(World.utcOffsets(summer)[newYork.index]).isEqualTo(-4 * 3600);
    assertThat(World.utcOffsets(winter)[sydney.index]).isEqualTo(11 * 3600);
    assertThat(World.utcOffsets(summer)[sydney.index]).isEqualTo(10 * 3600);
    assertThat(World.utcOffsets(summer)[tokyo.index]).isEqualTo(9 * 3600);
    // Mumbai is UTC+05:30: offsets are seconds, not whole hours.
    assertThat(World.utcOffsets(summer)[city("Mumbai").index]).isEqualTo(5 * 3600 + 1800);
  }

  @Test
  void aLocalSecondBecomesTheSameMomentInUtcWrappedIntoTheDay() {
    int tokyo = 9 * 3600;
    // 18:00 in Tokyo is 09:00 UTC.
    assertThat(RowEngine.utcSecond(18 * 3600, tokyo)).isEqualTo(9 * 3600);
    // 02:00 in Tokyo is 17:00 UTC the day before: wrapped into the ingest date, the clock time holds.
    assertThat(RowEngine.utcSecond(2 * 3600, tokyo)).isEqualTo(17 * 3600);
    // 20:00 in New York (UTC-5) is 01:00 UTC.
    assertThat(RowEngine.utcSecond(20 * 3600, -5 * 3600)).isEqualTo(3600);
    for (int offset : new int[] {-8 * 3600, 0, 5 * 3600 + 1800, 13 * 3600}) {
      for (int local = 0; local < 86_400; local += 611) {
        int utc = RowEngine.utcSecond(local, offset);
        assertThat(utc).isBetween(0, 86_399);
        assertThat(Math.floorMod(utc + offset, 86_400)).isEqualTo(local);
      }
    }
  }

  @Test
  void aBurstStaysWithinTheUtcDayMovingAtMostHalfItsWindow() {
    assertThat(RowEngine.burstStart(3600, 7200)).isEqualTo(3600);
    assertThat(RowEngine.burstStart(86_399 - 600, 600)).isEqualTo(86_399 - 600);
    // Mostly before midnight: ends at 23:59:59.
    assertThat(RowEngine.burstStart(85_500, 1200)).isEqualTo(86_399 - 1200);
    // Mostly after midnight: starts at 00:00:00.
    assertThat(RowEngine.burstStart(86_300, 1200)).isZero();
    for (int window = 600; window < 7200; window += 97) {
      for (int start = 0; start < 86_400; start += 53) {
        int moved = RowEngine.burstStart(start, window);
        assertThat(moved).isBetween(0, 86_399 - window);
        int distance = Math.min(Math.abs(moved - start), 86_400 - Math.abs(moved - start));
        assertThat(distance).as("start %d window %d", start, window).isLessThanOrEqualTo((window + 1) / 2);
      }
    }
  }

  @Test
  void generatedRowsKeepTheirLocalEveningAcrossZones() {
    GeneratorConfig config = GeneratorConfig.defaults().withStartDate(LocalDate.parse("2026-03-02")).withDays(1)
        .withRowsPerDay(40_000);
    Population population = new Population(config);
    RowEngine engine = new RowEngine(population, DefectRates.none(), config.panHashKey());
    DayPlan day = new DayPlan(config, 0);
    Row row = new Row();
    long[] tokyoUtcHours = new long[24];
    long[] tokyoLocalHours = new long[24];
    ZoneId tokyo = city("Tokyo").zone;
    for (long seq = 0; seq < day.baseRows; seq++) {
      engine.generate(day, seq, row);
      if (!row.fraud && row.merchant.city.zone.equals(tokyo)) {
        Instant at = Instant.ofEpochSecond(row.epochSecond);
        tokyoUtcHours[at.atZone(ZoneId.of("UTC")).getHour()]++;
        tokyoLocalHours[at.atZone(tokyo).getHour()]++;
        assertThat(row.epochSecond / 86_400).as("txn_ts on the ingest date").isEqualTo(day.epochDay);
      }
    }
    assertThat(Arrays.stream(tokyoLocalHours).sum()).as("rows in Tokyo").isGreaterThan(500);
    // The evening peak is local: 16-20h in Tokyo, which is 07-11h UTC.
    assertThat(argMax(tokyoLocalHours)).isBetween(16, 20);
    assertThat(argMax(tokyoUtcHours)).isBetween(7, 11);
  }

  private static int argMax(long[] counts) {
    int best = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] > counts[best]) {
        best = i;
      }
    }
    return best;
  }

  private static City city(String name) {
    return Arrays.stream(CITIES).filter(c -> c.name.equals(name)).findFirst().orElseThrow();
  }
}
