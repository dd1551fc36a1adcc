package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.paymentslake.contract.CardBrand;
import com.paymentslake.contract.Channel;
import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.RawContract;
import com.paymentslake.contract.TxnType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SPEC's realism targets measured on about 1,000,000 clean rows: two full weeks from Friday
 * 2026-11-13, the second inside the holiday season (x2 from 20 Nov), so weekday and season weights
 * are both measurable. Every line is streamed once through an accumulator (no row objects are
 * kept), then each test compares one distribution with the model's documented parameters.
 *
 * <p>Tolerances: a share estimated from n independent rows may deviate by {@value #SIGMAS} binomial
 * standard errors (a false alarm has probability 5.7e-7 per check, about 1e-4 for the whole class).
 * Where rows are not independent (fraud bursts share their channel, place and start), the unit is
 * the burst. Rules that hold for every row (formats, consistency) allow no exception.
 *
 * <p>Segments are not in the output: the tests learn each holder's segment, home and trips from the
 * engine's test hook {@link RowEngine#holder(long, DayPlan)}, and prove PANs on the issuing side
 * through {@link CardFactory#issue(long, CardFactory.PanInspector)}. No PAN is written or logged.
 */
class RealismAtScaleTest {
  private static final LocalDate START = LocalDate.of(2026, 11, 13); // a Friday
  private static final int DAYS = 14;
  /** 7 ordinary days and 7 holiday-season days (x2): about 21 x 47,620 = 1,000,020 rows. */
  private static final long ROWS_PER_DAY = 47_620;
  private static final String PAN_HASH_KEY = "realism-at-scale-test-key";
  private static final double SIGMAS = 5.0;

  /** SPEC: weekday weights (Monday first) and seasons. */
  private static final double[] WEEKDAY_WEIGHTS = {0.90, 0.92, 0.94, 0.98, 1.10, 1.12, 1.04};
  /** Fraud: 0.3% of rows as bursts of 2-6 consecutive rows, per block of 32 rows. */
  private static final double FRAUD_RATE = 0.003;
  private static final int FRAUD_BLOCK = 32;
  private static final int MIN_BURST = 2;
  private static final int MAX_BURST = 6;
  private static final double BURST_PROBABILITY = FRAUD_RATE * FRAUD_BLOCK / ((MIN_BURST + MAX_BURST) / 2.0);
  private static final int MIN_WINDOW_SECONDS = 600;
  private static final int MAX_WINDOW_SECONDS = 7_200;
  private static final double FRAUD_CARD_NOT_PRESENT = 0.65;
  private static final double FRAUD_NIGHT_START = 0.60;
  private static final int NIGHT_END_HOUR = 5;
  private static final double FRAUD_ABROAD = 0.65;
  /** Merchants lie within this distance of their city's centre. */
  private static final double MERCHANT_RADIUS_KM = 15.0;
  /** ISO 4217 minor units that are not 2 (of the currencies the world's cities use). */
  private static final Map<String, Integer> MINOR_UNITS_NOT_TWO = Map.of(
      "JPY", 0, "KRW", 0, "ISK", 0, "CLP", 0, "KWD", 3, "BHD", 3, "OMR", 3, "JOD", 3, "TND", 3);
  /** ISO 18245 merchant category codes of each category (README). */
  private static final Map<String, MerchantCategory> MCC_CATEGORIES = mccCategories();
  /** DE39 codes a declined row may carry, by context (RowEngine's model). */
  private static final Map<String, Set<String>> DECLINE_CODES = Map.of(
      "fraud", Set.of("59", "05", "14", "63", "54"),
      "refund", Set.of("12", "57", "91"),
      "ATM", Set.of("51", "55", "61", "05", "75", "91"),
      "card-not-present", Set.of("05", "51", "54", "14", "59", "57", "91"),
      "cash advance at a counter", Set.of("51", "61", "05", "54", "14", "57", "91"),
      "card-present purchase", Set.of("05", "51", "54", "14", "57", "91"));

  private static final int TXN_ID = column("txn_id");
  private static final int TXN_TS = column("txn_ts");
  private static final int USER_ID = column("user_id");
  private static final int MCC = column("mcc");
  private static final int TXN_TYPE = column("txn_type");
  private static final int CHANNEL = column("channel");
  private static final int AMOUNT = column("amount");
  private static final int CURRENCY = column("currency");
  private static final int STATUS = column("status");
  private static final int RESPONSE_CODE = column("response_code");
  private static final int CARD_BRAND = column("card_brand");
  private static final int CARD_BIN = column("card_bin");
  private static final int CARD_LAST4 = column("card_last4");
  private static final int HASH_PAN = column("hash_pan");
  private static final int COUNTRY = column("country");
  private static final int CITY = column("city");
  private static final int LATITUDE = column("latitude");
  private static final int LONGITUDE = column("longitude");
  private static final int DEVICE_ID = column("device_id");
  private static final int IS_FRAUD = column("is_fraud");

  @TempDir static Path root;
  private static GeneratorConfig config;
  private static Holders facts;
  private static Tally tally;

  @BeforeAll
  static void generateAndMeasure() throws Exception {
    config = GeneratorConfig.defaults()
        .withStartDate(START)
        .withDays(DAYS)
        .withRowsPerDay(ROWS_PER_DAY)
        .withDefects(DefectRates.none())
        .withPanHashKey(PAN_HASH_KEY)
        .withThreads(2);
    new PaymentGenerator(config).generate(new LocalDirectoryTarget(root), GenerationListener.NONE);
    facts = new Holders(config);
    tally = new Tally(facts);
    Path raw = root.resolve(LakeLayout.RAW_PAYMENTS);
    for (int day = 0; day < DAYS; day++) {
      LocalDate date = START.plusDays(day);
      Path dir = raw.resolve("ingest_date=" + date);
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.sorted().toList();
      }
      for (Path file : files) {
        tally.read(file, day, date);
      }
    }
  }

  @Test
  void runHasAMillionWellFormedRows() {
    long expected = 0;
    for (int day = 0; day < DAYS; day++) {
      expected += Tally.baseRows(day);
    }
    assertThat(tally.rows).as("rows of the run").isEqualTo(expected).isGreaterThanOrEqualTo(1_000_000L);
    assertThat(tally.malformed).as("lines that are not %d RFC 4180 fields", RawLake.COLUMNS).isZero();
  }

  @Test
  void dayVolumesFollowTheWeekdayAndSeasonWeightsExactly() {
    for (int day = 0; day < DAYS; day++) {
      LocalDate date = START.plusDays(day);
      double weight = WEEKDAY_WEIGHTS[date.getDayOfWeek().getValue() - 1] * season(date);
      long expected = Tally.baseRows(day);
      assertThat(tally.lines[day]).as("lines of %s (%s, weight %.3f)", date, date.getDayOfWeek(), weight)
          .isEqualTo(expected);
    }
    long ordinaryWeek = Arrays.stream(tally.lines, 0, 7).sum();
    long holidayWeek = Arrays.stream(tally.lines, 7, 14).sum();
    assertThat((double) holidayWeek / ordinaryWeek).as("holiday week / ordinary week").isCloseTo(2.0,
        within(1e-4));
  }

  @Test
  void segmentsHaveTheirDocumentedShareOfHolders() {
    long[] holders = new long[Segment.values().length];
    for (byte s : facts.segment) {
      holders[s]++;
    }
    for (Segment segment : Segment.values()) {
      assertShare(segment + " share of holders", holders[segment.ordinal()], facts.holders, segment.share);
    }
  }

  @Test
  void transactionTypesFollowTheSpecMix() {
    for (TxnType type : TxnType.values()) {
      assertShare(type + " share of genuine rows", tally.genuineByType[type.ordinal()], tally.genuine,
          RealismModel.TYPE_SHARES.get(type));
    }
    assertThat(tally.fraudByType.keySet()).as("types of fraud rows")
        .isSubsetOf(TxnType.PURCHASE, TxnType.ATM_WITHDRAWAL);
  }

  @Test
  void fraudIsThreeInAThousandRowsWithinTheBurstModelsSpread() {
    double mean = 0;
    double variance = 0;
    for (int day = 0; day < DAYS; day++) {
      long rows = tally.lines[day];
      double[] full = blockMoments(FRAUD_BLOCK);
      long blocks = rows / FRAUD_BLOCK;
      mean += blocks * full[0];
      variance += blocks * (full[1] - full[0] * full[0]);
      int rest = (int) (rows % FRAUD_BLOCK);
      if (rest > 0) {
        double[] last = blockMoments(rest);
        mean += last[0];
        variance += last[1] - last[0] * last[0];
      }
    }
    double tolerance = SIGMAS * Math.sqrt(variance);
    assertThat((double) tally.fraud)
        .as("fraud rows: expected %.0f (%.4f%% of %d rows) +- %.0f (5 sd of the burst model)", mean,
            100 * mean / tally.rows, tally.rows, tolerance)
        .isBetween(mean - tolerance, mean + tolerance);
    assertThat(mean / tally.rows).as("the burst model's fraud rate").isCloseTo(FRAUD_RATE,
        within(FRAUD_RATE * 0.01));
  }

  @Test
  void fraudComesInShortPerCardBurstsSkewedToCardNotPresentNightAndAbroad() {
    // A burst lies inside one block of 32 rows of a day, so (day, block) identifies it.
    List<Burst> bursts = new ArrayList<>(tally.bursts.values());
    for (Burst b : bursts) {
      assertThat(b.cards).as("cards of burst %s", b).hasSize(1);
      assertThat(b.channels).as("channels of burst %s", b).hasSize(1);
      assertThat(b.cities).as("cities of burst %s", b).hasSize(1);
      assertThat(b.lastSeq - b.firstSeq).as("burst %s has consecutive rows", b).isEqualTo(b.rows - 1);
      assertThat(b.lastSecond - b.firstSecond).as("burst %s lasts less than 2 h", b).isLessThan(MAX_WINDOW_SECONDS);
      // Only the last, partial block of a day can cut a burst short.
      assertThat(b.rows).as("rows of burst %s", b).isBetween(b.lastBlockOfDay ? 1 : MIN_BURST, MAX_BURST);
    }
    int n = bursts.size();
    long cardNotPresent = bursts.stream().filter(b -> b.channels.iterator().next().cardNotPresent()).count();
    assertShare("card-not-present share of fraud bursts", cardNotPresent, n, FRAUD_CARD_NOT_PRESENT);
    long abroad = bursts.stream().filter(b -> b.abroad).count();
    assertShare("share of fraud bursts abroad (not in the holder's home country)", abroad, n, FRAUD_ABROAD);

    // A burst starts at night (00-05h, local time of its city) with 0.6, else at ~N(18h, 3h)
    // wrapped; its first row comes up to one step (window / length) later, which moves some night
    // starts past 05:00. (A burst across UTC midnight moves by at most half its window: rare.)
    double eveningNight = 0;
    double[] evening = RealismModel.mixtureHourShares(1, 18, 3);
    for (int h = 0; h < NIGHT_END_HOUR; h++) {
      eveningNight += evening[h];
    }
    double meanStepPerLength = 0;
    for (int length = MIN_BURST; length <= MAX_BURST; length++) {
      meanStepPerLength += 1.0 / length / (MAX_BURST - MIN_BURST + 1);
    }
    double meanFirstRowDelay = (MIN_WINDOW_SECONDS + MAX_WINDOW_SECONDS) / 2.0 * meanStepPerLength / 2;
    double spill = meanFirstRowDelay / (NIGHT_END_HOUR * 3600.0);
    double night = (FRAUD_NIGHT_START + (1 - FRAUD_NIGHT_START) * eveningNight) * (1 - spill);
    long nightBursts = bursts.stream().filter(b -> b.firstLocalSecond < NIGHT_END_HOUR * 3600).count();
    assertShare("share of fraud bursts starting before 05:00 local time", nightBursts, n, night);

    double genuineNight = 0;
    double genuineCardNotPresent = (double) tally.genuineCardNotPresent / tally.genuine;
    double[] genuineHours = RealismModel.rowHourShares(tally.segmentWeights());
    for (int h = 0; h < NIGHT_END_HOUR; h++) {
      genuineNight += genuineHours[h];
    }
    assertThat((double) nightBursts / n).as("fraud is skewed to the night (genuine rows: %.4f)", genuineNight)
        .isGreaterThan(5 * genuineNight);
    assertThat((double) cardNotPresent / n).as("fraud is skewed to card-not-present (genuine rows: %.4f)",
        genuineCardNotPresent).isGreaterThan(1.5 * genuineCardNotPresent);
    assertThat((double) abroad / n).as("fraud is skewed abroad")
        .isGreaterThan(5.0 * tally.genuineAbroad / tally.genuine);
    assertShare("declined share of fraud rows", tally.fraudDeclined, tally.fraud, RealismModel.FRAUD_DECLINE_RATE);
  }

  @Test
  void noisyFieldsAreNullAtTheirRates() {
    assertShare("device_id null share of genuine rows", tally.genuineDeviceNull, tally.genuine,
        RealismModel.DEVICE_NULL_RATE);
    assertShare("device_id null share of fraud rows (per burst)", tally.bursts.values().stream()
        .filter(b -> b.deviceNull).count(), tally.bursts.size(), RealismModel.FRAUD_DEVICE_NULL_RATE);
    assertShare("mcc null share", tally.mccNull, tally.rows, RealismModel.MCC_NULL_RATE);
    assertShare("latitude/longitude null share", tally.latLonNull, tally.rows, RealismModel.LAT_LON_NULL_RATE);
    tally.violations.assertNone("null:");
  }

  @Test
  void hourOfDayFollowsEachSegmentsMixtureAndPeaksInTheEvening() {
    long[] all = new long[24];
    double[] expectedAll = new double[24];
    for (Segment segment : Segment.values()) {
      long[] observed = tally.hours[segment.ordinal()];
      long n = Arrays.stream(observed).sum();
      double[] shares = RealismModel.segmentHourShares(segment);
      assertHours(segment + " hours", observed, shares, n);
      for (int h = 0; h < 24; h++) {
        all[h] += observed[h];
        expectedAll[h] += shares[h] * n / tally.genuine;
      }
    }
    assertHours("all genuine rows' hours", all, expectedAll, tally.genuine);

    double[] overall = RealismModel.rowHourShares(RealismModel.holderShares());
    assertThat(argMax(overall)).as("peak hour of the model mixed by holder shares").isBetween(17, 19);
    assertThat(argMax(all)).as("peak hour of genuine rows").isBetween(17, 19);
    double mean = 0;
    for (int h = 0; h < 24; h++) {
      mean += (h < 6 ? h + 24.5 : h + 0.5) * overall[h];
    }
    assertThat(mean).as("mean hour of the model (~N(18h, 3h))").isBetween(17.5, 18.5);
    // Segments differ the way the model promises: business earliest, students latest.
    assertThat(meanHour(tally.hours[Segment.BUSINESS.ordinal()]))
        .as("business holders' mean hour").isLessThan(meanHour(tally.hours[Segment.MASS.ordinal()]) - 2);
    assertThat(meanHour(tally.hours[Segment.STUDENT.ordinal()]))
        .as("students' mean hour").isGreaterThan(meanHour(tally.hours[Segment.AFFLUENT.ordinal()]) + 1);
    tally.violations.assertNone("time:");
  }

  @Test
  void businessHoldersPayHalfAsOftenOnWeekends() {
    // A genuine row's holder is floor(v N), v uniform for half of the rows and squared for the other.
    double[] activity = new double[Segment.values().length];
    double n = facts.holders;
    for (int k = 0; k < facts.holders; k++) {
      activity[facts.segment[k]] += 0.5 / n + 0.5 * (Math.sqrt((k + 1) / n) - Math.sqrt(k / n));
    }
    double weekendTotal = 0;
    for (Segment segment : Segment.values()) {
      weekendTotal += activity[segment.ordinal()] * segment.weekendActivity;
    }
    long weekdayRows = Arrays.stream(tally.segmentRows[0]).sum();
    long weekendRows = Arrays.stream(tally.segmentRows[1]).sum();
    for (Segment segment : Segment.values()) {
      int s = segment.ordinal();
      assertShare(segment + " share of weekday rows", tally.segmentRows[0][s], weekdayRows, activity[s]);
      assertShare(segment + " share of weekend rows", tally.segmentRows[1][s], weekendRows,
          activity[s] * segment.weekendActivity / weekendTotal);
    }
    assertThat(Segment.BUSINESS.weekendActivity).isEqualTo(0.5);
  }

  @Test
  void purchaseCategoriesFollowEachSegmentsWeightsInEachSeason() {
    // The run spans 20 Nov: regular days, then holiday-season days.
    assertThat(Season.of(START)).isEqualTo(Season.REGULAR);
    assertThat(Season.of(START.plusDays(DAYS - 1))).isEqualTo(Season.HOLIDAY);
    for (Season season : List.of(Season.REGULAR, Season.HOLIDAY)) {
      for (Segment segment : Segment.values()) {
        long[] counts = tally.categories[season.ordinal()][segment.ordinal()];
        long n = Arrays.stream(counts).sum();
        double total = RealismModel.totalPurchaseWeight(segment, season);
        for (MerchantCategory category : Segment.PURCHASE_CATEGORIES) {
          assertShare(season + " " + segment + " purchases at " + category, counts[category.ordinal()], n,
              segment.purchaseWeight(category, season) / total);
        }
      }
    }
    // Holiday shopping, visible in the data alone: department stores and online retail gain share.
    for (MerchantCategory gift : List.of(MerchantCategory.DEPARTMENT_STORE, MerchantCategory.ONLINE_RETAIL)) {
      assertThat(purchaseShare(Season.HOLIDAY, gift)).as("holiday share of " + gift)
          .isGreaterThan(1.3 * purchaseShare(Season.REGULAR, gift));
    }
    assertThat(purchaseShare(Season.HOLIDAY, MerchantCategory.GROCERY)).as("holiday share of groceries")
        .isLessThan(purchaseShare(Season.REGULAR, MerchantCategory.GROCERY));
    // What the segments are known for.
    assertThat(top(Segment.STUDENT, 4)).containsExactlyInAnyOrder(MerchantCategory.FAST_FOOD,
        MerchantCategory.ONLINE_RETAIL, MerchantCategory.GROCERY, MerchantCategory.TAXI);
    assertThat(top(Segment.BUSINESS, 4)).containsExactlyInAnyOrder(MerchantCategory.RESTAURANT,
        MerchantCategory.TAXI, MerchantCategory.AIRLINE, MerchantCategory.HOTEL);
    assertThat(top(Segment.MASS, 2)).containsExactlyInAnyOrder(MerchantCategory.GROCERY, MerchantCategory.ONLINE_RETAIL);
    for (MerchantCategory luxury : List.of(MerchantCategory.RESTAURANT, MerchantCategory.DEPARTMENT_STORE,
        MerchantCategory.HOTEL, MerchantCategory.AIRLINE)) {
      assertThat(Segment.AFFLUENT.purchaseWeight(luxury)).as("affluent weight of " + luxury)
          .isGreaterThan(Segment.MASS.purchaseWeight(luxury));
    }
  }

  @Test
  void segmentEffectsAreVisibleInPerUserProfiles() {
    // From the data alone: holders whose purchases are mostly travel (airline, hotel) pay earlier in
    // the day; holders of fast food and taxis pay later (business vs student time profiles).
    Group travel = new Group();
    Group snacks = new Group();
    Group rest = new Group();
    for (int u = 0; u < facts.holders; u++) {
      int purchases = tally.userPurchases[u];
      if (purchases < 20) {
        continue;
      }
      Group group = tally.userTravel[u] >= 0.2 * purchases ? travel
          : tally.userSnacks[u] >= 0.4 * purchases ? snacks
          : rest;
      group.add(tally.userRows[u], tally.userHourSum[u]);
    }
    assertThat(travel.users).as("travel-heavy holders").isGreaterThan(100);
    assertThat(snacks.users).as("fast-food-and-taxi-heavy holders").isGreaterThan(100);
    assertThat(rest.mean() - travel.mean())
        .as("travel-heavy holders pay earlier: mean hour %.2f vs %.2f", travel.mean(), rest.mean())
        .isGreaterThan(SIGMAS * Math.hypot(travel.standardError(), rest.standardError()));
    assertThat(snacks.mean() - rest.mean())
        .as("fast-food-and-taxi-heavy holders pay later: mean hour %.2f vs %.2f", snacks.mean(), rest.mean())
        .isGreaterThan(SIGMAS * Math.hypot(snacks.standardError(), rest.standardError()));
  }

  @Test
  void amountQuantilesPerCategoryMatchTheLogNormalSegmentMixture() {
    for (MerchantCategory category : Segment.PURCHASE_CATEGORIES) {
      double[] weights = new double[Segment.values().length];
      for (Segment segment : Segment.values()) {
        for (long[][] ofSeason : tally.categories) {
          weights[segment.ordinal()] += ofSeason[segment.ordinal()][category.ordinal()];
        }
      }
      double[] usd = tally.amounts(category);
      Arrays.sort(usd);
      int n = usd.length;
      for (double p : new double[] {0.10, 0.50, 0.90}) {
        double model = RealismModel.amountQuantile(category, weights, p);
        int below = lowerBound(usd, model);
        double tolerance = SIGMAS * RealismModel.standardError(p, n);
        assertThat((double) below / n)
            .as("%s purchases below the model's p%.0f of %.2f USD (empirical p%.0f %.2f USD, n=%d)", category,
                100 * p, model, 100 * p, usd[(int) (p * (n - 1))], n)
            .isBetween(p - tolerance, p + tolerance);
      }
    }
  }

  @Test
  void amountsHaveTheirCurrencysMinorUnitsAndAtmCashIsWholeNotes() {
    tally.violations.assertNone("amount:");
    assertThat(tally.currencies).as("currencies of the run")
        .contains("USD", "EUR", "GBP", "JPY", "KRW", "KWD", "BHD");
    for (String currency : tally.currencies) {
      assertThat(Currencies.of(currency).minorUnits()).as("minor units of " + currency + " (ISO 4217)")
          .isEqualTo(MINOR_UNITS_NOT_TWO.getOrDefault(currency, 2));
    }
    assertThat(tally.atmRows).as("ATM rows checked for whole notes").isGreaterThan(10_000);
  }

  @Test
  void everyRowsCardIsAnIssuedLuhnValidCardOfItsHolderWithAConsistentBrandAndBin() {
    assertThat(facts.cards).as("cards issued to the population").hasSizeGreaterThan(facts.holders);
    facts.violations.assertNone("");
    tally.violations.assertNone("card:");
    assertThat(tally.cardsSeen.size()).as("distinct cards in the output, each checked above")
        .isGreaterThan(facts.holders / 2);
    assertThat(tally.brands.keySet()).as("brands in the output").containsExactlyInAnyOrder(
        Arrays.stream(CardBrand.values()).map(Enum::name).toArray(String[]::new));
  }

  @Test
  void statusesAndResponseCodesAreConsistentWithTheType() {
    tally.violations.assertNone("status:");
    long declined = 0;
    long reversed = 0;
    double expectedDeclined = tally.fraud * RealismModel.FRAUD_DECLINE_RATE;
    double expectedReversed = 0;
    for (TxnType type : TxnType.values()) {
      long n = tally.genuineByType[type.ordinal()];
      long[] statuses = tally.statuses[type.ordinal()];
      double reversal = RealismModel.reversible(type) ? RealismModel.REVERSAL_RATE : 0.0;
      assertShare(type + " PENDING", statuses[0], n, RealismModel.PENDING_RATE);
      assertShare(type + " REVERSED", statuses[1], n, reversal);
      assertShare(type + " DECLINED", statuses[2], n, RealismModel.declineRate(type));
      declined += statuses[2];
      reversed += statuses[1];
      expectedDeclined += n * RealismModel.declineRate(type);
      expectedReversed += n * reversal;
    }
    declined += tally.fraudDeclined;
    assertShare("DECLINED share of all rows (SPEC ~5%)", declined, tally.rows, expectedDeclined / tally.rows);
    assertShare("REVERSED share of all rows (SPEC ~0.5%)", reversed, tally.rows, expectedReversed / tally.rows);
    assertThat(expectedDeclined / tally.rows).as("model decline rate").isBetween(0.045, 0.055);
    assertThat(expectedReversed / tally.rows).as("model reversal rate").isBetween(0.0045, 0.0055);
    tally.declineCodes.forEach((context, codes) -> assertThat(codes.keySet())
        .as("decline codes used for " + context).containsExactlyInAnyOrderElementsOf(DECLINE_CODES.get(context)));
    assertThat(tally.declineCodes.keySet()).containsExactlyInAnyOrderElementsOf(DECLINE_CODES.keySet());
  }

  @Test
  void holdersPayAtHomeOrOnTheirTripAtMerchantsNearTheCityCentre() {
    tally.violations.assertNone("place:");
    assertThat(tally.genuineAbroad).as("genuine rows abroad (trips)").isPositive();
    assertThat(tally.merchantsChecked).as("rows with coordinates checked").isGreaterThan(900_000);
  }

  @Test
  void channelAndMccFollowTheType() {
    tally.violations.assertNone("type:");
  }

  // ---------------------------------------------------------------------------------------------

  /** Mean and moments of the fraud rows of a block whose first {@code rows} rows exist. */
  private static double[] blockMoments(int rows) {
    double mean = 0;
    double square = 0;
    int lengths = MAX_BURST - MIN_BURST + 1;
    for (int length = MIN_BURST; length <= MAX_BURST; length++) {
      int offsets = FRAUD_BLOCK - length + 1;
      for (int offset = 0; offset < offsets; offset++) {
        int inside = Math.max(0, Math.min(offset + length, rows) - offset);
        double p = BURST_PROBABILITY / lengths / offsets;
        mean += p * inside;
        square += p * inside * inside;
      }
    }
    return new double[] {mean, square};
  }

  private static void assertShare(String what, long count, long n, double expected) {
    double tolerance = SIGMAS * RealismModel.standardError(expected, n);
    assertThat(n).as("rows behind " + what).isPositive();
    assertThat((double) count / n)
        .as("%s: %d of %d, expected %.5f +- %.5f (5 standard errors)", what, count, n, expected, tolerance)
        .isBetween(expected - tolerance, expected + tolerance);
  }

  /**
   * Observed hour counts against expected shares: the quietest hours are pooled into one bin until
   * it expects at least 100 rows (so the normal approximation holds), then every bin is within
   * 5 sigma.
   */
  private static void assertHours(String what, long[] observed, double[] shares, long n) {
    Integer[] byShare = new Integer[24];
    for (int h = 0; h < 24; h++) {
      byShare[h] = h;
    }
    Arrays.sort(byShare, (a, b) -> Double.compare(shares[a], shares[b]));
    long pooledObserved = 0;
    double pooledShare = 0;
    List<Integer> pooled = new ArrayList<>();
    for (int h : byShare) {
      if (pooledShare * n < 100) {
        pooledObserved += observed[h];
        pooledShare += shares[h];
        pooled.add(h);
      } else {
        assertBin(what + " at " + h + "h", observed[h], n, shares[h]);
      }
    }
    assertBin(what + " in the quiet hours " + pooled, pooledObserved, n, pooledShare);
  }

  private static void assertBin(String what, long count, long n, double share) {
    double sd = Math.sqrt(n * share * (1 - share));
    double z = (count - n * share) / sd;
    assertThat(Math.abs(z)).as("%s: %d rows, expected %.1f (z = %.2f)", what, count, n * share, z)
        .isLessThanOrEqualTo(SIGMAS);
  }

  /**
   * The local second of the day of a UTC timestamp in the city's zone (computed here with java.time,
   * at the exact instant); the UTC second when the city is unknown (reported by the place checks).
   */
  static int localSecond(String utcTimestamp, City city, int utcSecondOfDay) {
    if (city == null) {
      return utcSecondOfDay;
    }
    int offset = city.zone.getRules().getOffset(java.time.Instant.parse(utcTimestamp)).getTotalSeconds();
    return Math.floorMod(utcSecondOfDay + offset, 86_400);
  }

  private static double meanHour(long[] hours) {
    double sum = 0;
    long n = 0;
    for (int h = 0; h < 24; h++) {
      sum += (h < 6 ? h + 24.5 : h + 0.5) * hours[h];
      n += hours[h];
    }
    return sum / n;
  }

  private static int argMax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int argMax(long[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return argMax(d);
  }

  /** Observed share of a category among the genuine purchases of a season, all segments. */
  private static double purchaseShare(Season season, MerchantCategory category) {
    long of = 0;
    long all = 0;
    for (long[] counts : tally.categories[season.ordinal()]) {
      of += counts[category.ordinal()];
      all += Arrays.stream(counts).sum();
    }
    return (double) of / all;
  }

  private static List<MerchantCategory> top(Segment segment, int n) {
    return Arrays.stream(Segment.PURCHASE_CATEGORIES)
        .sorted((a, b) -> Double.compare(segment.purchaseWeight(b), segment.purchaseWeight(a)))
        .limit(n)
        .toList();
  }

  private static int lowerBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static double season(LocalDate date) {
    Month month = date.getMonth();
    if (month == Month.DECEMBER || (month == Month.NOVEMBER && date.getDayOfMonth() >= 20)) {
      return 2.0;
    }
    if (month == Month.JANUARY || month == Month.FEBRUARY) {
      return 0.75;
    }
    if (month == Month.JUNE || month == Month.JULY || month == Month.AUGUST) {
      return 1.25;
    }
    return 1.0;
  }

  private static int column(String name) {
    return RawContract.current().indexOf(name);
  }

  private static Map<String, MerchantCategory> mccCategories() {
    Map<String, MerchantCategory> map = new HashMap<>();
    Object[][] table = {
      {MerchantCategory.GROCERY, "5411", "5499"}, {MerchantCategory.GAS, "5541", "5542"},
      {MerchantCategory.RESTAURANT, "5812", "5813"}, {MerchantCategory.FAST_FOOD, "5814"},
      {MerchantCategory.AIRLINE, "4511"}, {MerchantCategory.HOTEL, "7011"},
      {MerchantCategory.ONLINE_RETAIL, "5999", "5732", "5942"}, {MerchantCategory.DEPARTMENT_STORE, "5311"},
      {MerchantCategory.PHARMACY, "5912"}, {MerchantCategory.TAXI, "4121"}, {MerchantCategory.ATM, "6011"},
      {MerchantCategory.BANK_BRANCH, "6010"}, {MerchantCategory.BANKING, "6012"},
      {MerchantCategory.UTILITIES, "4900", "4814"}, {MerchantCategory.MONEY_TRANSFER, "4829"},
    };
    for (Object[] row : table) {
      for (int i = 1; i < row.length; i++) {
        map.put((String) row[i], (MerchantCategory) row[0]);
      }
    }
    return Map.copyOf(map);
  }

  /** Splits an RFC 4180 line into {@code out}; returns the field count, or -1 when it is malformed. */
  static int split(String line, String[] out) {
    int n = 0;
    int i = 0;
    int length = line.length();
    while (true) {
      if (n == out.length) {
        return -1;
      }
      if (i < length && line.charAt(i) == '"') {
        StringBuilder field = new StringBuilder();
        i++;
        while (true) {
          if (i >= length) {
            return -1;
          }
          char c = line.charAt(i++);
          if (c != '"') {
            field.append(c);
          } else if (i < length && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            break;
          }
        }
        if (i < length && line.charAt(i) != ',') {
          return -1;
        }
        out[n++] = field.toString();
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? length : comma;
        out[n++] = line.substring(i, end);
        i = end;
      }
      if (i >= length) {
        return n;
      }
      i++;
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Rule breaks by rule name (prefixed by the area it belongs to), with a first example. */
  static final class Violations {
    final Map<String, Long> counts = new TreeMap<>();
    final Map<String, String> examples = new TreeMap<>();

    void add(String rule, String example) {
      counts.merge(rule, 1L, Long::sum);
      examples.putIfAbsent(rule, example);
    }

    void assertNone(String prefix) {
      List<String> broken = new ArrayList<>();
      counts.forEach((rule, count) -> {
        if (rule.startsWith(prefix)) {
          broken.add("Expected " + rule + " but " + count + " rows break it, e.g. " + examples.get(rule));
        }
      });
      assertThat(broken).as("rule breaks").isEmpty();
    }
  }

  /** Mean hour of a group of holders, with a standard error that treats holders as the units. */
  static final class Group {
    long users;
    long rows;
    double hourSum;
    final List<double[]> perUser = new ArrayList<>();

    void add(long userRows, double userHourSum) {
      users++;
      rows += userRows;
      hourSum += userHourSum;
      perUser.add(new double[] {userRows, userHourSum});
    }

    double mean() {
      return hourSum / rows;
    }

    /** Cluster-robust: sqrt(sum over holders of (hour sum - rows x mean)^2) / rows. */
    double standardError() {
      double mean = mean();
      double sum = 0;
      for (double[] u : perUser) {
        double r = u[1] - u[0] * mean;
        sum += r * r;
      }
      return Math.sqrt(sum) / rows;
    }
  }

  /** One fraud burst: the fraud rows of one block of 32 rows of a day. */
  static final class Burst {
    final String name;
    boolean lastBlockOfDay;
    final Set<String> cards = new java.util.HashSet<>();
    final Set<String> cities = new java.util.HashSet<>();
    int rows;
    long firstSeq = Long.MAX_VALUE;
    long lastSeq = Long.MIN_VALUE;
    /** UTC seconds of the day of its first and last row. */
    int firstSecond = Integer.MAX_VALUE;
    int lastSecond = Integer.MIN_VALUE;
    /** Local second of the day of its first row, on the clock of the burst's city. */
    int firstLocalSecond;
    final Set<Channel> channels = new java.util.HashSet<>();
    boolean abroad;
    boolean deviceNull;

    Burst(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return "day/block " + name + " (" + rows + " rows, " + channels + ", " + cities + ")";
    }
  }

  /** What the model derived for the population, through the engine's and card factory's test hooks. */
  static final class Holders {
    final int holders;
    final byte[] segment;
    final City[] home;
    /** [day][holder]: where card-present payments happen (the trip's destination, else home). */
    final City[][] place;
    final Map<String, IssuedCard> cards = new HashMap<>();
    final Violations violations = new Violations();
    final Map<String, City> cities = new HashMap<>();
    final double[] cosLatitude;

    Holders(GeneratorConfig config) throws Exception {
      Population population = new Population(config);
      this.holders = Math.toIntExact(population.customers);
      RowEngine engine = new RowEngine(population, DefectRates.none(), config.panHashKey());
      this.segment = new byte[holders];
      this.home = new City[holders];
      this.place = new City[config.days()][holders];
      this.cosLatitude = new double[population.world.cities.length];
      for (City city : population.world.cities) {
        cities.put(city.name, city);
        cosLatitude[city.index] = Math.cos(Math.toRadians(city.latitude));
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(config.panHashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      CardFactory factory = new CardFactory(config.panHashKey());
      DayPlan[] days = new DayPlan[config.days()];
      for (int d = 0; d < days.length; d++) {
        days[d] = new DayPlan(config, d);
      }
      for (int k = 0; k < holders; k++) {
        for (int d = 0; d < days.length; d++) {
          RowEngine.Holder holder = engine.holder(k, days[d]);
          place[d][k] = holder.destination();
          if (d == 0) {
            segment[k] = (byte) holder.segment().ordinal();
            home[k] = holder.home();
            for (long cardKey : holder.cardKeys()) {
              int owner = k;
              factory.issue(cardKey, (pan, card) -> verifyPan(pan, card, mac, owner));
            }
          }
        }
      }
    }

    /** Checks one PAN on the issuing side; messages carry the card key, never the PAN. */
    private void verifyPan(CharSequence pan, Card card, Mac mac, int owner) {
      String where = "card key " + card.key + " (" + card.brand + " " + card.binText() + "..." + card.last4Text() + ")";
      int expectedLength = card.brand == CardBrand.AMEX ? 15 : 16;
      if (pan.length() != expectedLength || !pan.chars().allMatch(Character::isDigit)) {
        violations.add("PAN of " + expectedLength + " digits for " + card.brand, where);
        return;
      }
      if (!luhn(pan)) {
        violations.add("Luhn-valid PAN", where);
      }
      if (!inIinRange(card.brand, pan)) {
        violations.add("PAN in an IIN range of " + card.brand, where);
      }
      if (!card.binText().contentEquals(pan.subSequence(0, 6))) {
        violations.add("BIN = first 6 digits of the PAN", where);
      }
      if (!card.last4Text().contentEquals(pan.subSequence(pan.length() - 4, pan.length()))) {
        violations.add("last 4 = last 4 digits of the PAN", where);
      }
      String hash = HexFormat.of().formatHex(mac.doFinal(pan.toString().getBytes(StandardCharsets.US_ASCII)));
      if (!hash.equals(card.hashPanText())) {
        violations.add("hash_pan = HMAC-SHA256(run key, PAN)", where);
      }
      IssuedCard previous = cards.put(hash, new IssuedCard(card.brand.name(), card.binText(), card.last4Text(), owner));
      if (previous != null && previous.holder != owner) {
        violations.add("one holder per card", where);
      }
    }

    /** The Luhn mod-10 check, written here independently of the contract's. */
    static boolean luhn(CharSequence digits) {
      int sum = 0;
      for (int i = 0; i < digits.length(); i++) {
        int d = digits.charAt(digits.length() - 1 - i) - '0';
        if (i % 2 == 1) {
          d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        }
        sum += d;
      }
      return sum % 10 == 0;
    }
  }

  record IssuedCard(String brand, String bin, String last4, long holder) {}

  /** SPEC IIN ranges: Visa 4; Mastercard 51-55, 2221-2720; Amex 34, 37; Discover 6011, 644-649, 65. */
  static boolean inIinRange(CardBrand brand, CharSequence digits) {
    int two = Integer.parseInt(digits, 0, 2, 10);
    int three = Integer.parseInt(digits, 0, 3, 10);
    int four = Integer.parseInt(digits, 0, 4, 10);
    return switch (brand) {
      case VISA -> digits.charAt(0) == '4';
      case MASTERCARD -> (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720);
      case AMEX -> two == 34 || two == 37;
      case DISCOVER -> four == 6011 || (three >= 644 && three <= 649) || two == 65;
    };
  }

  /** Everything the tests measure, accumulated line by line. */
  static final class Tally {
    final Holders facts;
    final Violations violations = new Violations();
    final String[] fields = new String[RawLake.COLUMNS];
    final long[] lines = new long[DAYS];
    long rows;
    long malformed;
    long genuine;
    long fraud;
    long fraudDeclined;
    final long[] genuineByType = new long[TxnType.values().length];
    final Map<TxnType, Long> fraudByType = new EnumMap<>(TxnType.class);
    /** [type][PENDING, REVERSED, DECLINED] of genuine rows. */
    final long[][] statuses = new long[TxnType.values().length][3];
    final Map<String, Map<String, Long>> declineCodes = new TreeMap<>();
    long genuineDeviceNull;
    long mccNull;
    long latLonNull;
    long genuineCardNotPresent;
    long genuineAbroad;
    long atmRows;
    long merchantsChecked;
    /** [segment][hour] of genuine rows. */
    final long[][] hours = new long[Segment.values().length][24];
    /** [weekday 0 / weekend 1][segment] genuine rows. */
    final long[][] segmentRows = new long[2][Segment.values().length];
    /** [season][segment][category ordinal] genuine purchases with an mcc. */
    final long[][][] categories =
        new long[Season.values().length][Segment.values().length][MerchantCategory.values().length];
    /** The season of the file being read. */
    private int season;
    final int[] userPurchases;
    final int[] userTravel;
    final int[] userSnacks;
    final int[] userRows;
    final double[] userHourSum;
    /** USD amounts and categories of genuine purchases with an mcc. */
    double[] purchaseUsd = new double[1 << 20];
    byte[] purchaseCategory = new byte[1 << 20];
    int purchases;
    final Map<String, Burst> bursts = new HashMap<>();
    final Set<String> currencies = new java.util.TreeSet<>();
    final Set<String> cardsSeen = new java.util.HashSet<>();
    final Map<String, Long> brands = new TreeMap<>();
    private final Map<String, double[]> currencyFacts = new HashMap<>();

    Tally(Holders facts) {
      this.facts = facts;
      userPurchases = new int[facts.holders];
      userTravel = new int[facts.holders];
      userSnacks = new int[facts.holders];
      userRows = new int[facts.holders];
      userHourSum = new double[facts.holders];
    }

    void read(Path file, int day, LocalDate date) throws IOException {
      String dateText = date.toString();
      boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      season = Season.of(date).ordinal();
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        assertThat(in.readLine()).as("header of " + file.getFileName()).isEqualTo(RawContract.current().header());
        String line;
        while ((line = in.readLine()) != null) {
          lines[day]++;
          rows++;
          if (split(line, fields) != RawLake.COLUMNS) {
            malformed++;
            continue;
          }
          accept(day, dateText, weekend);
        }
      }
    }

    private void accept(int day, String dateText, boolean weekend) {
      String[] f = fields;
      String id = f[TXN_ID];
      boolean isFraud = f[IS_FRAUD].equals("1");
      if (!isFraud && !f[IS_FRAUD].equals("0")) {
        violations.add("type: is_fraud is 0 or 1", id + " " + f[IS_FRAUD]);
      }
      String ts = f[TXN_TS];
      if (ts.length() != 20 || !ts.startsWith(dateText) || ts.charAt(10) != 'T' || ts.charAt(19) != 'Z') {
        violations.add("time: txn_ts is ISO-8601 UTC on the ingest date", id + " " + ts);
        return;
      }
      int secondOfDay = Integer.parseInt(ts, 11, 13, 10) * 3600 + Integer.parseInt(ts, 14, 16, 10) * 60
          + Integer.parseInt(ts, 17, 19, 10);
      // Time-of-day profiles hold on the local clock of the city where the payment happens.
      int localSecond = localSecond(ts, facts.cities.get(f[CITY]), secondOfDay);
      int hour = localSecond / 3600;
      int user = Integer.parseInt(f[USER_ID], 1, f[USER_ID].length(), 10);
      TxnType type = TxnType.valueOf(f[TXN_TYPE]);
      Channel channel = Channel.valueOf(f[CHANNEL]);
      String mcc = f[MCC];
      MerchantCategory category = null;
      if (mcc.isEmpty()) {
        mccNull++;
      } else {
        category = MCC_CATEGORIES.get(mcc);
        if (category == null) {
          violations.add("type: mcc is one of the model's ISO 18245 codes", id + " " + mcc);
        }
      }
      checkTypeChannelAndMcc(id, type, channel, category, isFraud);
      double usd = checkAmount(id, f[AMOUNT], f[CURRENCY], type, channel, category);
      checkCard(id, user);
      checkStatus(id, type, channel, isFraud);
      boolean abroad = checkPlace(id, user, day, channel, isFraud);
      boolean deviceNull = f[DEVICE_ID].isEmpty();
      if (f[LATITUDE].isEmpty() != f[LONGITUDE].isEmpty()) {
        violations.add("null: latitude and longitude are null together", id);
      }
      if (f[LATITUDE].isEmpty()) {
        latLonNull++;
      }

      if (isFraud) {
        fraud++;
        fraudByType.merge(type, 1L, Long::sum);
        if (f[STATUS].equals("DECLINED")) {
          fraudDeclined++;
        }
        long seq = Long.parseLong(id, id.indexOf('-') + 1, id.length(), 10);
        long block = seq / FRAUD_BLOCK;
        Burst burst = bursts.computeIfAbsent(day + "/" + block, k -> new Burst(k));
        burst.lastBlockOfDay = block == (baseRows(day) - 1) / FRAUD_BLOCK;
        burst.cards.add(f[HASH_PAN]);
        burst.cities.add(f[CITY]);
        burst.rows++;
        burst.firstSeq = Math.min(burst.firstSeq, seq);
        burst.lastSeq = Math.max(burst.lastSeq, seq);
        if (secondOfDay < burst.firstSecond) {
          burst.firstSecond = secondOfDay;
          burst.firstLocalSecond = localSecond;
        }
        burst.lastSecond = Math.max(burst.lastSecond, secondOfDay);
        burst.channels.add(channel);
        burst.abroad = abroad;
        burst.deviceNull = deviceNull;
        return;
      }
      genuine++;
      genuineByType[type.ordinal()]++;
      if (deviceNull) {
        genuineDeviceNull++;
      }
      if (channel.cardNotPresent()) {
        genuineCardNotPresent++;
      }
      if (abroad) {
        genuineAbroad++;
      }
      switch (f[STATUS]) {
        case "PENDING" -> statuses[type.ordinal()][0]++;
        case "REVERSED" -> statuses[type.ordinal()][1]++;
        case "DECLINED" -> statuses[type.ordinal()][2]++;
        default -> { }
      }
      int segment = facts.segment[user];
      hours[segment][hour]++;
      segmentRows[weekend ? 1 : 0][segment]++;
      userRows[user]++;
      userHourSum[user] += hour < 6 ? hour + 24.5 : hour + 0.5;
      if (type == TxnType.PURCHASE && category != null) {
        categories[season][segment][category.ordinal()]++;
        userPurchases[user]++;
        if (category == MerchantCategory.AIRLINE || category == MerchantCategory.HOTEL) {
          userTravel[user]++;
        }
        if (category == MerchantCategory.FAST_FOOD || category == MerchantCategory.TAXI) {
          userSnacks[user]++;
        }
        if (purchases == purchaseUsd.length) {
          purchaseUsd = Arrays.copyOf(purchaseUsd, purchases * 2);
          purchaseCategory = Arrays.copyOf(purchaseCategory, purchases * 2);
        }
        purchaseUsd[purchases] = usd;
        purchaseCategory[purchases] = (byte) category.ordinal();
        purchases++;
      }
    }

    private void checkTypeChannelAndMcc(String id, TxnType type, Channel channel, MerchantCategory category,
        boolean isFraud) {
      boolean ok = switch (type) {
        case ATM_WITHDRAWAL -> channel == Channel.ATM && (category == null || category == MerchantCategory.ATM);
        case CASH_ADVANCE -> channel == Channel.ATM
            ? category == null || category == MerchantCategory.ATM
            : channel == Channel.POS && (category == null || category == MerchantCategory.BANK_BRANCH);
        case BALANCE_TRANSFER -> channel.cardNotPresent() && (category == null || category == MerchantCategory.BANKING);
        case BILL_PAYMENT -> channel.cardNotPresent() && (category == null || category == MerchantCategory.UTILITIES);
        case P2P_TRANSFER -> channel == Channel.ECOM && (category == null || category == MerchantCategory.MONEY_TRANSFER);
        case PURCHASE, REFUND -> channel != Channel.ATM
            && (category == null || Arrays.asList(Segment.PURCHASE_CATEGORIES).contains(category));
      };
      if (!ok) {
        violations.add("type: channel and mcc fit " + type, id + " " + channel + " " + category);
      }
      if (isFraud && type == TxnType.REFUND) {
        violations.add("type: fraud is never a refund", id);
      }
    }

    private double checkAmount(String id, String amount, String currency, TxnType type, Channel channel,
        MerchantCategory category) {
      currencies.add(currency);
      double[] money = currencyFacts.computeIfAbsent(currency, c -> {
        double usdPerUnit = Currencies.of(c).usdPerUnit().doubleValue();
        // Whole notes: the largest power of ten worth at most 20 USD (USD 10, JPY 1000, KWD 1).
        double note = 1;
        while (note * 10 * usdPerUnit <= 20.0) {
          note *= 10;
        }
        return new double[] {MINOR_UNITS_NOT_TWO.getOrDefault(c, 2), usdPerUnit, note};
      });
      int minorUnits = (int) money[0];
      int dot = amount.indexOf('.');
      int decimals = dot < 0 ? 0 : amount.length() - dot - 1;
      // Digits, one dot before exactly the currency's minor units (none for 0), no sign.
      long minor = 0;
      boolean digits = dot != 0 && dot != amount.length() - 1 && !amount.isEmpty();
      for (int i = 0; i < amount.length() && digits; i++) {
        char c = amount.charAt(i);
        if (c >= '0' && c <= '9' && minor < Long.MAX_VALUE / 10) {
          minor = minor * 10 + (c - '0');
        } else if (i != dot) {
          digits = false;
        }
      }
      if (!digits || decimals != minorUnits) {
        violations.add("amount: " + currency + " amounts have " + minorUnits + " decimals", id + " " + amount);
        return 0;
      }
      if (minor <= 0) {
        violations.add("amount: positive", id + " " + amount);
      }
      long scale = (long) Math.pow(10, minorUnits);
      boolean atm = category == MerchantCategory.ATM || type == TxnType.ATM_WITHDRAWAL
          || (type == TxnType.CASH_ADVANCE && channel == Channel.ATM);
      if (atm) {
        atmRows++;
        if (minor % ((long) money[2] * scale) != 0) {
          violations.add("amount: ATM cash in whole notes of " + (long) money[2] + " " + currency, id + " " + amount);
        }
      }
      return (double) minor / scale * money[1];
    }

    private void checkCard(String id, int user) {
      String brand = fields[CARD_BRAND];
      String bin = fields[CARD_BIN];
      String last4 = fields[CARD_LAST4];
      String hash = fields[HASH_PAN];
      brands.merge(brand, 1L, Long::sum);
      CardBrand cardBrand;
      try {
        cardBrand = CardBrand.valueOf(brand);
      } catch (IllegalArgumentException e) {
        violations.add("card: brand is a card scheme", id + " " + brand);
        return;
      }
      if (bin.length() != 6 || !inIinRange(cardBrand, bin)) {
        violations.add("card: BIN in an IIN range of its brand", id + " " + brand + " " + bin);
      }
      IssuedCard issued = facts.cards.get(hash);
      if (issued == null) {
        violations.add("card: hash_pan is the HMAC of a card issued to the population", id);
        return;
      }
      cardsSeen.add(hash);
      if (!issued.brand().equals(brand) || !issued.bin().equals(bin) || !issued.last4().equals(last4)) {
        violations.add("card: brand, BIN and last 4 are those of the issued card", id);
      }
      if (issued.holder() != user) {
        violations.add("card: the card belongs to the row's holder", id + " U" + user);
      }
    }

    private void checkStatus(String id, TxnType type, Channel channel, boolean isFraud) {
      String status = fields[STATUS];
      String code = fields[RESPONSE_CODE];
      switch (status) {
        case "APPROVED" -> {
          if (!code.equals("00")) {
            violations.add("status: APPROVED carries 00", id + " " + code);
          }
        }
        case "REVERSED" -> {
          if (!code.equals("00") || isFraud || !RealismModel.reversible(type)) {
            violations.add("status: REVERSED only for genuine purchases, cash advances and ATM withdrawals, with 00",
                id + " " + type + " " + code);
          }
        }
        case "PENDING" -> {
          if (!code.isEmpty() || isFraud) {
            violations.add("status: PENDING only genuine, without a response code", id + " " + code);
          }
        }
        case "DECLINED" -> {
          String context = isFraud ? "fraud"
              : type == TxnType.REFUND ? "refund"
              : channel == Channel.ATM ? "ATM"
              : channel.cardNotPresent() ? "card-not-present"
              : type == TxnType.CASH_ADVANCE ? "cash advance at a counter"
              : "card-present purchase";
          if (!DECLINE_CODES.get(context).contains(code)) {
            violations.add("status: a " + context + " decline carries one of " + DECLINE_CODES.get(context),
                id + " " + code);
          }
          declineCodes.computeIfAbsent(context, c -> new TreeMap<>()).merge(code, 1L, Long::sum);
        }
        default -> violations.add("status: in the vocabulary", id + " " + status);
      }
    }

    /** Checks where the payment happened; returns whether it is outside the holder's home country. */
    private boolean checkPlace(String id, int user, int day, Channel channel, boolean isFraud) {
      String cityName = fields[CITY];
      City city = facts.cities.get(cityName);
      if (city == null || !city.country.equals(fields[COUNTRY])) {
        violations.add("place: city and country of the world's table", id + " " + cityName + " " + fields[COUNTRY]);
        return false;
      }
      if (!fields[LATITUDE].isEmpty()) {
        merchantsChecked++;
        // The generator's local projection: 111.32 km per degree, longitude scaled by cos(latitude).
        double dLat = (Double.parseDouble(fields[LATITUDE]) - city.latitude) * 111.32;
        double dLon = (Double.parseDouble(fields[LONGITUDE]) - city.longitude) * 111.32
            * facts.cosLatitude[city.index];
        if (Math.sqrt(dLat * dLat + dLon * dLon) > MERCHANT_RADIUS_KM + 0.01) {
          violations.add("place: merchant within 15 km of the city centre", id + " " + cityName);
        }
      }
      City home = facts.home[user];
      if (!isFraud) {
        boolean cardPresent = channel == Channel.POS || channel == Channel.ATM;
        City expected = cardPresent ? facts.place[day][user] : home;
        if (city != expected) {
          violations.add("place: genuine card-present rows where the holder is (home or trip), others at home",
              id + " " + cityName + " instead of " + expected.name);
        }
      }
      return !city.country.equals(home.country);
    }

    /** The base rows of a day (Realism's rule, as the day-volume test states it). */
    static long baseRows(int day) {
      LocalDate date = START.plusDays(day);
      return Math.max(1, Math.round(ROWS_PER_DAY * WEEKDAY_WEIGHTS[date.getDayOfWeek().getValue() - 1] * season(date)));
    }

    /** Genuine rows' segment weights (row counts). */
    double[] segmentWeights() {
      double[] out = new double[Segment.values().length];
      for (Segment segment : Segment.values()) {
        out[segment.ordinal()] = segmentRows[0][segment.ordinal()] + segmentRows[1][segment.ordinal()];
      }
      return out;
    }

    double[] amounts(MerchantCategory category) {
      int n = 0;
      for (int i = 0; i < purchases; i++) {
        if (purchaseCategory[i] == category.ordinal()) {
          n++;
        }
      }
      double[] out = new double[n];
      int j = 0;
      for (int i = 0; i < purchases; i++) {
        if (purchaseCategory[i] == category.ordinal()) {
          out[j++] = purchaseUsd[i];
        }
      }
      return out;
    }
  }
}
