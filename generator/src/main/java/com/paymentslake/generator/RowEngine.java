package com.paymentslake.generator;

import com.paymentslake.contract.Channel;
import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.PaymentStatus;
import com.paymentslake.contract.TxnType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The row engine: fills a {@link Row} for (day, row index) as a pure function of the seed, so rows
 * can be produced by any worker, in any order, on any machine, and any single row can be
 * regenerated (the next day's file regenerates the rows whose replay it carries). One instance per
 * worker thread; it allocates nothing per row once its card cache is warm.
 *
 * <h2>Realism model (v2)</h2>
 *
 * <p>The figures below are the defaults; those marked (R) come from the run's {@link Realism}
 * ({@code --type-mix}, {@code --null-rate-*}, {@code --decline-rate}, {@code --reversal-rate},
 * {@code --pending-rate}, {@code --weekday-weights}, {@code --season-weights}).
 *
 * <ul>
 *   <li>Volume (R): a day has {@link Realism#baseRows} base rows (weekday Mon 0.90 ... Sat 1.12, season
 *       x2.0 from 20 Nov, x0.75 Jan-Feb, x1.25 Jun-Aug); the engine only fills them.
 *   <li>Types (R): PURCHASE 85%, CASH_ADVANCE 5%, BALANCE_TRANSFER 4%, REFUND 3%, ATM_WITHDRAWAL 2%,
 *       BILL_PAYMENT 0.6%, P2P_TRANSFER 0.4%. Channel follows the type and merchant category (ATM
 *       withdrawals at ATMs; transfers and bill payments ECOM or MOTO; purchases per category).
 *   <li>Card holders: a finite population (see {@link Population}) of N holders; a genuine row's
 *       holder is {@code floor(v N)} with v uniform for half of the rows and the square of a uniform
 *       for the other half (heavy users). Each holder has a home city from a weighted table of real
 *       cities, a demographic {@link Segment} (student 15%, mass 55%, affluent 20%, business 10%),
 *       1 card (65%) or 2, and 1 device (70%) or 2. A holder is on a trip in a 4-day window with
 *       the segment's travel probability; card-present payments then happen in the destination
 *       (half domestic when the country has another city), all others at home. On Saturdays and
 *       Sundays a drawn holder is kept with the segment's weekend activity (business 0.5, others 1)
 *       and redrawn otherwise, so the day's volume is unchanged.
 *   <li>Purchase categories: weights per segment (students fast food, online, grocery, taxis;
 *       affluent restaurants, department stores, hotels, airlines; business restaurants, taxis,
 *       airlines, hotels; mass grocery, online, gas), documented in {@link Segment}, times the
 *       date's {@link Season} factors (holiday season: department stores, online retail; summer:
 *       airlines, hotels, gas; Jan-Feb: pharmacies).
 *   <li>Amounts: log-normal per category in USD (median x segment spend factor x exp(sigma
 *       N(0,1)), {@link MerchantCategory}), refunds x0.8, capped at 25,000 USD, converted with the
 *       contract's reference rate and rounded to the currency's minor units (ATM withdrawals to
 *       whole notes: the largest power of ten worth at most 20 USD). Currency = merchant city's.
 *   <li>Time: local time of day in the zone of the city where the payment happens (the merchant's
 *       city; {@code cities.v2.csv}), from the segment's mixture of normals ({@link Segment}:
 *       business earlier, around lunch and business hours; students late in the evening and at
 *       night). Overall mean 17.8 h, sd 3.1 h, peak 18-19 h, local. txn_ts is that moment in UTC,
 *       wrapped into the ingest date (so a Tokyo evening is a UTC morning, and a New York evening
 *       partly the early hours of the same UTC date).
 *   <li>Status (R; DE39 response_code): PENDING 0.2% (empty code); REVERSED 0.54% of purchases,
 *       cash advances and ATM withdrawals ("00", the reversal was accepted; about 0.5% of all rows);
 *       DECLINED 5% (refunds 2/5 of it, 2%; about 5% of all rows) with codes by context: card-present purchases
 *       05/51/54/14/57/91, cash advances at a counter add 61, ATMs 51/55/61/05/75/91,
 *       card-not-present 05/51/54/14/59/57/91, refunds 12/57/91; otherwise APPROVED "00".
 *   <li>Fraud 0.3% ({@code --fraud-rate}): bursts of 2-6 consecutive rows on one card of one holder
 *       within a 10-120 minute window (per block of 32 rows, a burst with probability 8 x the fraud
 *       rate, 0.024), 65% card-not-present
 *       (ECOM 55%, MOTO 10%; ATM 5%, POS 30%), 60% starting at night (00-05h local time of the
 *       burst's city, else ~N(18h, 3h); moved by at most half its window to stay within the UTC day),
 *       65% in a foreign city, a new device (15% none), amounts x1.8, 25% declined (59, 05, 14,
 *       63, 54). Fraud ignores the holder's segment.
 *   <li>Null rates (R): mcc 5%, latitude/longitude 1% (together), device_id 8% (fraud 15%).
 * </ul>
 */
final class RowEngine {
  static final int FRAUD_BLOCK = 32;
  static final int MIN_BURST = 2;
  static final int MAX_BURST = 6;

  static final double FRAUD_DECLINE_RATE = 0.25;
  static final double MAX_AMOUNT_USD = 25_000;
  /** Share of REPLAY_LATER_STATUS replays that land in the next ingest partition. */
  static final double REPLAY_NEXT_DAY_SHARE = 1.0 / 3.0;

  private static final TxnType[] TYPES = {
    TxnType.PURCHASE, TxnType.CASH_ADVANCE, TxnType.BALANCE_TRANSFER, TxnType.REFUND,
    TxnType.ATM_WITHDRAWAL, TxnType.BILL_PAYMENT, TxnType.P2P_TRANSFER
  };

  /** Purchase categories; each segment weighs them its own way ({@link Segment}). */
  private static final MerchantCategory[] PURCHASE_CATEGORIES = Segment.PURCHASE_CATEGORIES;
  private static final MerchantCategory[] REFUND_CATEGORIES = {
    MerchantCategory.ONLINE_RETAIL, MerchantCategory.DEPARTMENT_STORE, MerchantCategory.AIRLINE,
    MerchantCategory.HOTEL, MerchantCategory.GROCERY, MerchantCategory.RESTAURANT, MerchantCategory.PHARMACY
  };
  private static final double[] REFUND_CUMULATIVE = SplitMix64.cumulative(40, 20, 10, 10, 10, 5, 5);

  private static final Channel[] FRAUD_CHANNELS = {Channel.POS, Channel.ECOM, Channel.ATM, Channel.MOTO};
  private static final double[] FRAUD_CHANNEL_CUMULATIVE = SplitMix64.cumulative(0.30, 0.55, 0.05, 0.10);
  private static final MerchantCategory[] FRAUD_CNP_CATEGORIES = {
    MerchantCategory.ONLINE_RETAIL, MerchantCategory.AIRLINE, MerchantCategory.HOTEL
  };
  private static final double[] FRAUD_CNP_CUMULATIVE = SplitMix64.cumulative(70, 15, 15);
  private static final MerchantCategory[] FRAUD_POS_CATEGORIES = {
    MerchantCategory.DEPARTMENT_STORE, MerchantCategory.GROCERY, MerchantCategory.GAS,
    MerchantCategory.RESTAURANT
  };
  private static final double[] FRAUD_POS_CUMULATIVE = SplitMix64.cumulative(40, 20, 20, 20);

  static final byte[] APPROVED_CODE = code("00");
  /** Card-present purchases, DE39: 05 do not honor, 51 insufficient funds, 54 expired card,
   *  14 invalid card number, 57 not permitted to cardholder, 91 issuer unavailable. */
  private static final Codes POS_DECLINES =
      new Codes(new String[] {"05", "51", "54", "14", "57", "91"}, 37, 37, 10, 6, 5, 5);
  /** Cash advances at a bank counter add 61 exceeds withdrawal amount limit (cash only). */
  private static final Codes CASH_DECLINES =
      new Codes(new String[] {"51", "61", "05", "54", "14", "57", "91"}, 35, 20, 20, 10, 5, 5, 5);
  /** Card-not-present adds 59 suspected fraud. */
  private static final Codes CNP_DECLINES =
      new Codes(new String[] {"05", "51", "54", "14", "59", "57", "91"}, 35, 25, 10, 10, 10, 5, 5);
  /** ATMs add 55 incorrect PIN and 75 PIN tries exceeded. */
  private static final Codes ATM_DECLINES =
      new Codes(new String[] {"51", "55", "61", "05", "75", "91"}, 30, 20, 20, 15, 5, 10);
  /** Refunds: 12 invalid transaction. */
  private static final Codes REFUND_DECLINES =
      new Codes(new String[] {"12", "57", "91"}, 50, 30, 20);
  /** Declined fraud: 59 suspected fraud, 63 security violation. */
  private static final Codes FRAUD_DECLINES =
      new Codes(new String[] {"59", "05", "14", "63", "54"}, 40, 30, 10, 10, 10);

  private static final long TRIP_SALT = 0x54726970L;
  private static final long CARD_SALT = 0x43617264L;
  private static final long DEVICE_SALT = 0x446576696365L;
  private static final long DEVICE_MASK = 0xFFFF_FFFF_FFFFL;
  private static final int TRIP_WINDOW_DAYS = 4;

  private final Population population;
  private final World world;
  private final CardFactory cardFactory;
  /** Probability that a block of {@link #FRAUD_BLOCK} rows holds a burst: the fraud rate / mean burst share. */
  private final double burstProbability;
  /** Cumulative thresholds of the row-level defect kinds, in {@link #DEFECT_KINDS} order. */
  private final double[] defectThresholds;
  private final double defectTotal;
  private static final DefectKind[] DEFECT_KINDS = rowLevelKinds();

  /** The {@link Realism} settings, read once into fields of their own. */
  private final double[] typeCumulative;
  /** Per type, where its interval of the type draw starts, and 1 / its width ({@link #pickMerchant}). */
  private final double[] typeLow;
  private final double[] typeScale;
  private final double mccNullRate;
  private final double latLonNullRate;
  private final double deviceNullRate;
  private final double pendingRate;
  private final double reversalRate;
  private final double declineRate;
  private final double refundDeclineRate;

  private final SplitMix64 rng = new SplitMix64(0);
  private final SplitMix64 block = new SplitMix64(0);
  private final SplitMix64 holder = new SplitMix64(0);
  /** The holder of the row being filled: the row's own, so begun rows keep theirs. */
  private Customer customer;
  /**
   * The fraud block last drawn ({@link #beginFill}): its index and key, its burst's length (0: no
   * burst) and offset, and the block stream's state after those draws.
   */
  private long burstBlock = -1;
  private long burstFraudKey;
  private int burstLength;
  private int burstOffset;
  private long burstBlockState;
  /** Sum of the prefetched slots' words: consumed, so the loads are not optimized away. */
  private long prefetched;

  RowEngine(Population population, DefectRates defects, String panHashKey) {
    this(population, defects, panHashKey, GeneratorConfig.DEFAULT_FRAUD_RATE);
  }

  RowEngine(Population population, DefectRates defects, String panHashKey, double fraudRate) {
    this(population, defects, panHashKey, fraudRate, Realism.defaults());
  }

  RowEngine(Population population, DefectRates defects, String panHashKey, double fraudRate, Realism realism) {
    this.population = population;
    double[] typeWeights = new double[TYPES.length];
    for (int i = 0; i < TYPES.length; i++) {
      typeWeights[i] = realism.typeWeights().get(TYPES[i]);
    }
    this.typeCumulative = SplitMix64.cumulative(typeWeights);
    this.typeLow = new double[TYPES.length];
    this.typeScale = new double[TYPES.length];
    double total = typeCumulative[TYPES.length - 1];
    for (int i = 0; i < TYPES.length; i++) {
      double low = i == 0 ? 0.0 : typeCumulative[i - 1] / total;
      typeLow[i] = low;
      typeScale[i] = 1.0 / (typeCumulative[i] / total - low); // infinite for a type never drawn
    }
    this.mccNullRate = realism.mccNullRate();
    this.latLonNullRate = realism.latLonNullRate();
    this.deviceNullRate = realism.deviceNullRate();
    this.pendingRate = realism.pendingRate();
    this.reversalRate = realism.reversalRate();
    this.declineRate = realism.declineRate();
    this.refundDeclineRate = realism.refundDeclineRate();
    this.burstProbability = burstProbability(fraudRate);
    this.world = population.world;
    this.cardFactory = new CardFactory(panHashKey);
    this.defectThresholds = new double[DEFECT_KINDS.length];
    double sum = 0;
    for (int i = 0; i < DEFECT_KINDS.length; i++) {
      sum += defects.rate(DEFECT_KINDS[i]);
      defectThresholds[i] = sum;
    }
    this.defectTotal = sum;
  }

  /** The generator of the current row, for the defect injector's follow-up draws. */
  SplitMix64 rng() {
    return rng;
  }

  /** Whether base row {@code seq} of the day sends its replay line to the next partition. */
  boolean replaysNextDay(DayPlan day, long seq) {
    if (day.last) {
      return false;
    }
    rng.reseed(rowSeed(day.key, seq));
    DefectKind kind = defectFor(rng.nextDouble());
    return kind == DefectKind.REPLAY_LATER_STATUS && rng.nextDouble() < REPLAY_NEXT_DAY_SHARE;
  }

  /** Fills the base row {@code seq} of the day, including its defect draw (not yet applied). */
  void generate(DayPlan day, long seq, Row row) {
    begin(day, seq, row);
    cards(row);
    middle(row);
    finish(row);
  }

  /**
   * First phase of base row {@code seq}: every draw up to its card holder's number. A batch of rows
   * then goes through {@link #prefetchTraits}, {@link #cards} (each row), {@link #prefetchCards},
   * {@link #middle} (each row), {@link #prefetchMerchants} and {@link #finish} (each row, in order):
   * the random-access loads of the batch (holder traits, card slots, merchant slices) overlap instead
   * of stalling each row in turn. Together the phases equal {@link #generate}, draw for draw.
   */
  void begin(DayPlan day, long seq, Row row) {
    row.start(day, seq, false);
    rng.reseed(rowSeed(day.key, seq));
    row.defect = defectFor(rng.nextDouble());
    // The share is drawn for replays only, on the last day too: a row's draws never depend on the
    // length of the run.
    row.replayNextDay = row.defect == DefectKind.REPLAY_LATER_STATUS
        && rng.nextDouble() < REPLAY_NEXT_DAY_SHARE && !day.last;
    beginFill(day, seq, day.fraudKey, row);
  }

  /**
   * Loads the card slots of the begun genuine rows back to back, so their main-memory misses
   * overlap instead of stalling {@link #finish} once per row.
   */
  void prefetchCards(Row[] rows, int count) {
    long touched = 0;
    for (int i = 0; i < count; i++) {
      Row row = rows[i];
      if (row.burstIndex < 0) {
        touched += population.cards.touch(row.userNumber, row.cardIndex, row.cardKey);
      }
    }
    prefetched += touched;
  }

  /** Third phase of a genuine row: its type, category, channel, city and merchant. */
  void middle(Row row) {
    if (row.burstIndex >= 0) {
      return; // a fraud row draws everything in finish, from its burst's stream
    }
    rng.reseed(row.rngState);
    customer = row.customer;
    pickMerchant(row);
    row.rngState = rng.state();
  }

  /** Loads the merchant slices of a batch of rows past {@link #middle}, so the misses overlap. */
  void prefetchMerchants(Row[] rows, int count) {
    byte[] arena = world.arena;
    long touched = 0;
    for (int i = 0; i < count; i++) {
      Row row = rows[i];
      if (row.burstIndex < 0) {
        long slices = row.slices;
        touched += arena[World.headAt(slices)] + arena[World.placeAt(slices)];
      }
    }
    prefetched += touched;
  }

  /** Completes a row past {@link #middle}; {@link #rng()} continues from its last draw. */
  void finish(Row row) {
    rng.reseed(row.rngState);
    customer = row.customer;
    if (row.burstIndex >= 0) {
      block.reseed(row.blockState);
      fillFraud(row.day, row, row.burstIndex, row.burstLength);
    } else {
      fillGenuine(row.day, row);
    }
    if (row.defect == DefectKind.REPLAY_LATER_STATUS && row.status == PaymentStatus.PENDING) {
      // A replay carries a final status.
      row.status = PaymentStatus.APPROVED;
      row.responseCode = APPROVED_CODE;
    }
  }

  /** Fills row {@code seq} of the day's drift file: always clean. */
  void generateDrift(DayPlan day, long seq, Row row) {
    row.start(day, seq, true);
    rng.reseed(rowSeed(day.driftKey, seq));
    rng.nextDouble(); // where a base row draws its defect: drift rows have none
    beginFill(day, seq, day.driftFraudKey, row);
    cards(row);
    middle(row);
    finish(row);
  }

  /**
   * Decides whether the row belongs to a fraud burst of its block; for a genuine row draws its
   * holder and card. Saves the streams' states in the row for {@link #finish}.
   */
  private void beginFill(DayPlan day, long seq, long fraudKey, Row row) {
    long blockIndex = seq / FRAUD_BLOCK;
    int position = (int) (seq % FRAUD_BLOCK);
    if (blockIndex != burstBlock || fraudKey != burstFraudKey) {
      // The block's burst is drawn once for its 32 rows, which mostly come one after another.
      block.reseed(SplitMix64.derive(fraudKey, blockIndex));
      burstLength = 0;
      if (block.nextDouble() < burstProbability) {
        burstLength = MIN_BURST + block.nextInt(MAX_BURST - MIN_BURST + 1);
        burstOffset = block.nextInt(FRAUD_BLOCK - burstLength + 1);
        burstBlockState = block.state();
      }
      burstBlock = blockIndex;
      burstFraudKey = fraudKey;
    }
    row.burstIndex = -1;
    if (position >= burstOffset && position < burstOffset + burstLength) {
      row.burstIndex = position - burstOffset;
      row.burstLength = burstLength;
      row.blockState = burstBlockState;
      row.rngState = rng.state();
      return;
    }
    row.userNumber = nextHolder();
    row.rngState = rng.state();
  }

  /**
   * Loads the cached traits of the begun genuine rows' holders back to back, so their misses
   * overlap instead of stalling {@link #cards} once per row.
   */
  void prefetchTraits(Row[] rows, int count) {
    int[] traits = population.traits;
    long touched = 0;
    for (int i = 0; i < count; i++) {
      Row row = rows[i];
      if (row.burstIndex < 0 && row.userNumber < traits.length) {
        touched += traits[(int) row.userNumber];
      }
    }
    prefetched += touched;
  }

  /** Second phase of a genuine row: its holder (on weekends maybe another one) and card. */
  void cards(Row row) {
    if (row.burstIndex >= 0) {
      return;
    }
    rng.reseed(row.rngState);
    customer = row.customer;
    beginGenuine(row.day, row);
    row.rngState = rng.state();
  }

  /** A genuine row's holder and card: the draws before its card is needed. */
  private void beginGenuine(DayPlan day, Row row) {
    long number = row.userNumber;
    loadCustomer(number, day);
    while (customer.segment.weekendActivity < 1.0 && weekend(day)
        && rng.nextDouble() >= customer.segment.weekendActivity) {
      // Rejected: this holder is less active on weekends; the day's volume goes to another holder.
      number = nextHolder();
      loadCustomer(number, day);
    }
    int cardIndex = customer.cards == 2 && rng.nextDouble() < 0.35 ? 1 : 0;
    row.userNumber = number;
    row.cardIndex = cardIndex;
    row.cardKey = cardKey(customer.key, cardIndex);
  }

  /** A genuine row's type, category, channel and merchant: the draws after its holder's. */
  private void pickMerchant(Row row) {
    double r = rng.nextDouble();
    int typeIndex = SplitMix64.pickAt(r, typeCumulative);
    TxnType type = TYPES[typeIndex];
    // The type's draw, rescaled within the type's interval, is again uniform and independent of the
    // type: it picks the category of a purchase or refund without a draw of its own.
    double within = (r - typeLow[typeIndex]) * typeScale[typeIndex];
    within = Math.max(0.0, Math.min(within, Math.nextDown(1.0))); // rounding never leaves [0, 1)
    // One draw, 32 bits each, for the channel (or ATM or counter) and the merchant.
    long place = rng.nextLong();
    MerchantCategory category;
    Channel channel;
    switch (type) {
      case PURCHASE -> {
        int season = row.day.season.ordinal();
        category = PURCHASE_CATEGORIES[SplitMix64.pickAt(within, customer.segment.purchaseCumulative[season],
            customer.segment.purchaseGuide[season])];
        channel = category.channel(SplitMix64.high(place));
      }
      case REFUND -> {
        category = REFUND_CATEGORIES[SplitMix64.pickAt(within, REFUND_CUMULATIVE)];
        channel = category.channel(SplitMix64.high(place));
      }
      case ATM_WITHDRAWAL -> {
        category = MerchantCategory.ATM;
        channel = Channel.ATM;
      }
      case CASH_ADVANCE -> {
        boolean atAtm = SplitMix64.high(place) < 0.6;
        category = atAtm ? MerchantCategory.ATM : MerchantCategory.BANK_BRANCH;
        channel = atAtm ? Channel.ATM : Channel.POS;
      }
      case BALANCE_TRANSFER -> {
        category = MerchantCategory.BANKING;
        channel = category.channel(SplitMix64.high(place));
      }
      case BILL_PAYMENT -> {
        category = MerchantCategory.UTILITIES;
        channel = category.channel(SplitMix64.high(place));
      }
      default -> {
        category = MerchantCategory.MONEY_TRANSFER;
        channel = Channel.ECOM;
      }
    }
    boolean cardPresent = channel == Channel.POS || channel == Channel.ATM;
    City city = cardPresent && customer.travelling ? customer.destination : customer.home;
    row.type = type;
    row.channel = channel;
    row.category = category;
    row.money = city.money;
    row.utcOffset = row.day.utcOffsets[city.index];
    setMerchant(row, world.pickMerchantIndex(city, category, SplitMix64.low(place)));
  }

  /** The rest of a genuine row, after {@link #pickMerchant}. */
  private void fillGenuine(DayPlan day, Row row) {
    population.cards.fill(row.userNumber, row.cardIndex, row.cardKey, cardFactory, row);
    TxnType type = row.type;
    MerchantCategory category = row.category;
    double usd = category.medianUsd * customer.segment.spendFactor
        * PortableMath.exp(category.sigma * rng.nextGaussian());
    if (type == TxnType.REFUND) {
      usd *= 0.8;
    }
    int secondOfDay = utcSecond(segmentSecond(customer.segment, rng), row.utcOffset);
    long deviceBits = rng.nextLong(); // which device and whether it is missing, 32 bits each
    int deviceIndex = customer.devices == 2 && SplitMix64.high(deviceBits) < 0.3 ? 1 : 0;
    long device = SplitMix64.low(deviceBits) < deviceNullRate ? -1 : deviceId(customer.key, deviceIndex);

    row.amountMinor = amountMinor(category, row.money, usd);
    row.epochSecond = day.startEpochSecond + secondOfDay;
    row.deviceId = device;
    row.fraud = false;
    status(row, type, row.channel, false);
    nulls(row);
  }

  private void fillFraud(DayPlan day, Row row, int burstIndex, int burstLength) {
    // Burst-level facts come from the block stream, identical for every row of the burst.
    long number = block.nextLong(population.customers);
    loadCustomer(number, day);
    int cardIndex = customer.cards == 2 ? block.nextInt(2) : 0;
    Channel channel = FRAUD_CHANNELS[block.pick(FRAUD_CHANNEL_CUMULATIVE)];
    City city = block.nextDouble() < 0.65 ? world.pickAway(customer.home, 0.0, block) : customer.home;
    int window = 600 + block.nextInt(6_600);
    int localStart = block.nextDouble() < 0.6 ? block.nextInt(5 * 3600) : eveningSecond(block);
    int start = burstStart(utcSecond(localStart, day.utcOffsets[city.index]), window);
    long device = block.nextDouble() < 0.85 ? block.nextLong() & DEVICE_MASK : -1;

    MerchantCategory category;
    TxnType type;
    if (channel == Channel.ATM) {
      category = MerchantCategory.ATM;
      type = TxnType.ATM_WITHDRAWAL;
    } else if (channel == Channel.POS) {
      category = FRAUD_POS_CATEGORIES[rng.pick(FRAUD_POS_CUMULATIVE)];
      type = TxnType.PURCHASE;
    } else {
      category = FRAUD_CNP_CATEGORIES[rng.pick(FRAUD_CNP_CUMULATIVE)];
      type = TxnType.PURCHASE;
    }
    setMerchant(row, world.pickMerchantIndex(city, category, rng.nextDouble()));
    double usd = category.medianUsd * 1.8 * PortableMath.exp(category.sigma * rng.nextGaussian());
    int step = window / burstLength;
    int secondOfDay = start + burstIndex * step + rng.nextInt(Math.max(1, step));

    row.userNumber = number;
    row.type = type;
    row.channel = channel;
    row.money = city.money;
    row.amountMinor = amountMinor(category, city.money, usd);
    row.epochSecond = day.startEpochSecond + secondOfDay;
    population.cards.fill(number, cardIndex, cardKey(customer.key, cardIndex), cardFactory, row);
    row.deviceId = device;
    row.fraud = true;
    status(row, type, channel, true);
    nulls(row);
  }

  private void nulls(Row row) {
    long bits = rng.nextLong(); // 32 bits for each of the two nulls
    row.mccNull = SplitMix64.high(bits) < mccNullRate;
    row.latLonNull = SplitMix64.low(bits) < latLonNullRate;
  }

  private void status(Row row, TxnType type, Channel channel, boolean fraud) {
    double u = rng.nextDouble();
    if (fraud) {
      if (u < FRAUD_DECLINE_RATE) {
        row.status = PaymentStatus.DECLINED;
        row.responseCode = FRAUD_DECLINES.pick(rng);
      } else {
        row.status = PaymentStatus.APPROVED;
        row.responseCode = APPROVED_CODE;
      }
      return;
    }
    boolean reversible =
        type == TxnType.PURCHASE || type == TxnType.CASH_ADVANCE || type == TxnType.ATM_WITHDRAWAL;
    double reversal = reversible ? reversalRate : 0.0;
    double decline = type == TxnType.REFUND ? refundDeclineRate : declineRate;
    if (u < pendingRate) {
      row.status = PaymentStatus.PENDING;
      row.responseCode = null;
    } else if (u < pendingRate + reversal) {
      row.status = PaymentStatus.REVERSED;
      row.responseCode = APPROVED_CODE;
    } else if (u < pendingRate + reversal + decline) {
      row.status = PaymentStatus.DECLINED;
      Codes codes = type == TxnType.REFUND ? REFUND_DECLINES
          : channel == Channel.ATM ? ATM_DECLINES
          : channel.cardNotPresent() ? CNP_DECLINES
          : type == TxnType.CASH_ADVANCE ? CASH_DECLINES
          : POS_DECLINES;
      row.responseCode = codes.pick(rng);
    } else {
      row.status = PaymentStatus.APPROVED;
      row.responseCode = APPROVED_CODE;
    }
  }

  private static long amountMinor(MerchantCategory category, Money money, double usd) {
    double capped = Math.min(usd, MAX_AMOUNT_USD);
    return category == MerchantCategory.ATM ? money.atmMinorFromUsd(capped) : money.minorFromUsd(capped);
  }

  /** Points the row at a merchant: the object for defects, its slices for the clean encoder. */
  private void setMerchant(Row row, int merchantIndex) {
    row.merchant = world.flat[merchantIndex];
    row.slices = world.slices[merchantIndex];
    row.arena = world.arena;
  }

  /** A holder number: uniform for half of the rows, skewed to low numbers (heavy users) for the rest. */
  private long nextHolder() {
    long bits = rng.nextLong();
    double v = SplitMix64.unit(bits); // the 53 high bits; the lowest bit, unused by it, picks the skew
    if ((bits & 1) != 0) {
      v = v * v; // half of the payments come from a heavy-user skew
    }
    return (long) (v * population.customers);
  }

  /** Saturday or Sunday (epoch day 0, 1970-01-01, was a Thursday). */
  private static boolean weekend(DayPlan day) {
    return Math.floorMod(day.epochDay + 3, 7L) >= 5;
  }

  /** Second of the day from the segment's time-of-day mixture, wrapped into [0, 24h). */
  static int segmentSecond(Segment segment, SplitMix64 random) {
    int component = random.pick(segment.hourCumulative);
    double seconds = segment.hourMeanSeconds[component]
        + segment.hourSdSeconds[component] * random.nextGaussian();
    return (int) Math.floorMod((long) Math.floor(seconds), 86_400L);
  }

  /** The second of the UTC day at local second {@code localSecond} of a clock {@code utcOffset} seconds ahead. */
  static int utcSecond(int localSecond, int utcOffset) {
    return Math.floorMod(localSecond - utcOffset, 86_400);
  }

  /**
   * Where a burst of {@code window} seconds drawn to start at UTC second {@code start} starts, so that
   * it stays within the UTC day (txn_ts is on the ingest date): a burst that would run past midnight
   * moves to whichever end of the day is nearer, by at most half its window (rounded up).
   */
  static int burstStart(int start, int window) {
    if (start + window <= 86_399) {
      return start;
    }
    int forward = 86_400 - start; // the shift when it starts at 00:00:00
    int backward = start + window - 86_399; // the shift when it ends at 23:59:59
    return forward <= backward ? 0 : 86_399 - window;
  }

  /** Second of the day ~N(18h, 3h), wrapped into [0, 24h). */
  static int eveningSecond(SplitMix64 random) {
    double seconds = 18 * 3600.0 + 3 * 3600.0 * random.nextGaussian();
    return (int) Math.floorMod((long) Math.floor(seconds), 86_400L);
  }

  private void loadCustomer(long number, DayPlan day) {
    Customer c = customer;
    c.key = SplitMix64.derive(population.customerKey, number);
    int[] cache = population.traits;
    int packed = number < cache.length ? cache[(int) number] : 0;
    if (packed == 0) {
      packed = traits(c.key);
      if (number < cache.length) {
        cache[(int) number] = packed;
      }
    }
    c.home = world.cities[packed >>> TRAIT_CITY_SHIFT];
    c.segment = Segment.of(packed >>> TRAIT_SEGMENT_SHIFT & TRAIT_SEGMENT_MASK);
    c.cards = (packed & TRAIT_TWO_CARDS) != 0 ? 2 : 1;
    c.devices = (packed & TRAIT_TWO_DEVICES) != 0 ? 2 : 1;
    // The trip window's key is itself the uniform of the trip draw, and seeds its destination's draws.
    long trip = SplitMix64.derive(c.key ^ TRIP_SALT, Math.floorDiv(day.epochDay, TRIP_WINDOW_DAYS));
    c.travelling = SplitMix64.unit(trip) < c.segment.travelProbability;
    if (c.travelling) {
      holder.reseed(trip);
      c.destination = world.pickAway(c.home, 0.5, holder);
    } else {
      c.destination = c.home;
    }
  }

  private static final int TRAIT_PRESENT = 1;
  private static final int TRAIT_TWO_CARDS = 1 << 1;
  private static final int TRAIT_TWO_DEVICES = 1 << 2;
  private static final int TRAIT_SEGMENT_SHIFT = 3;
  private static final int TRAIT_SEGMENT_MASK = 0x7;
  private static final int TRAIT_CITY_SHIFT = 6;

  /**
   * A holder's fixed traits, drawn from the holder's key, packed for {@link Population#traits}:
   * home city index, segment, two cards, two devices, and a bit that makes every value non-zero.
   */
  private int traits(long customerKey) {
    holder.reseed(customerKey);
    int home = world.pickCity(holder).index;
    int segment = holder.pick(Segment.CUMULATIVE);
    boolean twoCards = holder.nextDouble() < 0.35;
    boolean twoDevices = holder.nextDouble() < 0.3;
    return home << TRAIT_CITY_SHIFT | segment << TRAIT_SEGMENT_SHIFT
        | (twoCards ? TRAIT_TWO_CARDS : 0) | (twoDevices ? TRAIT_TWO_DEVICES : 0) | TRAIT_PRESENT;
  }

  static long cardKey(long customerKey, int cardIndex) {
    return SplitMix64.derive(customerKey ^ CARD_SALT, cardIndex);
  }

  private static long deviceId(long customerKey, int deviceIndex) {
    return SplitMix64.derive(customerKey ^ DEVICE_SALT, deviceIndex) & DEVICE_MASK;
  }

  private DefectKind defectFor(double u) {
    if (u >= defectTotal) {
      return null; // most rows: one comparison instead of a scan of every kind
    }
    for (int i = 0; i < defectThresholds.length; i++) {
      if (u < defectThresholds[i]) {
        return DEFECT_KINDS[i];
      }
    }
    return null;
  }

  /** The probability of a burst per block that gives the fraud rate (bursts of 2-6 rows, 4 on average). */
  static double burstProbability(double fraudRate) {
    return fraudRate * FRAUD_BLOCK / ((MIN_BURST + MAX_BURST) / 2.0);
  }

  static long rowSeed(long key, long seq) {
    return SplitMix64.derive(key, seq);
  }

  private static DefectKind[] rowLevelKinds() {
    return java.util.Arrays.stream(DefectKind.values())
        .filter(k -> k != DefectKind.SCHEMA_DRIFT)
        .toArray(DefectKind[]::new);
  }

  private static byte[] code(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Test hook, not used by the hot path: what the model derives for holder {@code number} on the
   * day (segment, home, cards, trip). Allocates; never call it per generated row.
   */
  Holder holder(long number, DayPlan day) {
    Customer rowHolder = customer;
    customer = new Customer();
    loadCustomer(number, day);
    Customer c = customer;
    customer = rowHolder;
    List<Long> cardKeys = new ArrayList<>();
    for (int i = 0; i < c.cards; i++) {
      cardKeys.add(cardKey(c.key, i));
    }
    return new Holder(number, c.segment, c.home, cardKeys, c.travelling, c.destination);
  }

  /**
   * A card holder as {@link #holder(long, DayPlan)} derives it on one day; {@code destination} is
   * home when not travelling.
   */
  record Holder(long number, Segment segment, City home, List<Long> cardKeys, boolean travelling,
      City destination) {
    Holder {
      cardKeys = List.copyOf(cardKeys);
    }
  }

  /** Mutable view of a row's card holder. */
  static final class Customer {
    long key;
    City home;
    Segment segment;
    int cards;
    int devices;
    boolean travelling;
    City destination;
  }

  /** Weighted DE39 response codes. */
  private static final class Codes {
    final byte[][] codes;
    final double[] cumulative;

    Codes(String[] codes, double... weights) {
      this.codes = new byte[codes.length][];
      for (int i = 0; i < codes.length; i++) {
        this.codes[i] = code(codes[i]);
      }
      this.cumulative = SplitMix64.cumulative(weights);
    }

    byte[] pick(SplitMix64 rng) {
      return codes[rng.pick(cumulative)];
    }
  }
}
