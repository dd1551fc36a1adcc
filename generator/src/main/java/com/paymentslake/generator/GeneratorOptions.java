package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import com.paymentslake.contract.TxnType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The options that say <em>what</em> to generate, shared by every front end of the generator: the
 * {@code generate} command ({@link GeneratorCli}) and the Spark generation job, which takes the same
 * options as Glue job arguments. Where to write (and how) is each front end's own business.
 *
 * <p>Every option has a default; {@link #helpLines()} documents them. Values are given as a map
 * from option name (with its {@code --}) to text; flags map to {@code "true"}. "Today" is the date
 * of the given {@link Clock} in UTC.
 */
public final class GeneratorOptions {
  /** Environment variable holding the PAN hash key (overridden by {@code --pan-hash-key}). */
  public static final String PAN_HASH_KEY_ENV = "LAKE_PAN_HASH_KEY";
  static final String RATE_PREFIX = "--rate-";

  /** Options that take no value. */
  public static final List<String> FLAGS = List.of("--no-defects");

  private static final String MODE = "--mode";
  private static final String DAYS = "--days";
  private static final String START_DATE = "--start-date";
  private static final String END_DATE = "--end-date";
  private static final String ROWS_PER_DAY = "--rows-per-day";
  private static final String TARGET_SIZE = "--target-size";
  private static final String SEED = "--seed";
  private static final String THREADS = "--threads";
  private static final String ROWS_PER_FILE = "--rows-per-file";
  private static final String COMPRESSION = "--compression";
  private static final String PAN_HASH_KEY = "--pan-hash-key";
  private static final String NO_DEFECTS = "--no-defects";
  private static final String SCHEMA_DRIFT_EVERY = "--schema-drift-every";
  private static final String FRAUD_RATE = "--fraud-rate";
  private static final String TYPE_MIX = "--type-mix";
  private static final String NULL_RATE_DEVICE_ID = "--null-rate-device-id";
  private static final String NULL_RATE_MCC = "--null-rate-mcc";
  private static final String NULL_RATE_LAT_LON = "--null-rate-lat-lon";
  private static final String DECLINE_RATE = "--decline-rate";
  private static final String REVERSAL_RATE = "--reversal-rate";
  private static final String PENDING_RATE = "--pending-rate";
  private static final String WEEKDAY_WEIGHTS = "--weekday-weights";
  private static final String SEASON_WEIGHTS = "--season-weights";
  private static final List<String> SEASONS = List.of("holiday", "winter", "summer");

  /** Each option: usage and description (with its default). */
  private static final List<String[]> OPTIONS = List.of(
      new String[] {MODE + " MODE", "Which ingest dates: " + modeValues() + " (default "
          + GenerationMode.RANGE.optionValue() + "). range: --days dates from --start-date; initial-load: the"
          + " backfill of history, every date from --start-date (default " + GenerationMode.DEFAULT_INITIAL_LOAD_START
          + ") to --end-date (default today UTC minus " + GenerationMode.INITIAL_LOAD_END_DAYS_AGO + "); nightly:"
          + " the last " + GenerationMode.NIGHTLY_DAYS + " days (today UTC minus " + GenerationMode.NIGHTLY_DAYS
          + " .. yesterday), no date options"},
      new String[] {DAYS + " N", "Ingest dates in range mode, 1-" + GeneratorConfig.MAX_DAYS + " (default "
          + GeneratorConfig.DEFAULT_DAYS + "); at most two of --days, --start-date, --end-date"},
      new String[] {START_DATE + " YYYY-MM-DD", "First ingest date (default: range: today UTC minus --days, so"
          + " the run ends yesterday; initial-load: " + GenerationMode.DEFAULT_INITIAL_LOAD_START + ")"},
      new String[] {END_DATE + " YYYY-MM-DD", "Last ingest date, inclusive (default: range: --start-date plus"
          + " --days minus 1; initial-load: today UTC minus " + GenerationMode.INITIAL_LOAD_END_DAYS_AGO
          + "); a run spans at most " + GeneratorConfig.MAX_DAYS + " days"},
      new String[] {ROWS_PER_DAY + " N", "Base rows of an average day, 1-" + GeneratorConfig.MAX_ROWS_PER_DAY
          + ", scaled per date by weekday and season weights (default " + GeneratorConfig.DEFAULT_ROWS_PER_DAY
          + "); not with --target-size"},
      new String[] {TARGET_SIZE + " SIZE", "Total size of the run's data files as written (gzip-compressed"
          + " with --compression gzip) instead of --rows-per-day, e.g. 10GB, 500MB, 2GiB: the rows per day"
          + " are solved from a " + TargetSize.SAMPLE_ROWS + "-row sample of the same options (default: none,"
          + " --rows-per-day applies)"},
      new String[] {SEED + " N", "Random seed, any 64-bit integer (default " + GeneratorConfig.DEFAULT_SEED + ")"},
      new String[] {THREADS + " N", "Worker threads, 1-" + GeneratorConfig.MAX_THREADS + " (default: the"
          + " available processors, here " + GeneratorConfig.defaultThreads() + "); never changes the output"},
      new String[] {ROWS_PER_FILE + " N", "Base rows per part file, 1-" + GeneratorConfig.MAX_ROWS_PER_FILE
          + ", and enough for the busiest date to fit in " + GeneratorConfig.MAX_FILES_PER_DAY + " files (default "
          + GeneratorConfig.DEFAULT_ROWS_PER_FILE + ", about 64 MB of CSV)"},
      new String[] {COMPRESSION + " " + String.join("|", compressionValues()), "Part files as .csv or"
          + " .csv.gz (default " + Compression.NONE.optionValue() + ")"},
      new String[] {FRAUD_RATE + " FRACTION", "Fraud rows as a fraction of base rows, 0-"
          + GeneratorConfig.MAX_FRAUD_RATE + ", in short per-card bursts (default "
          + GeneratorConfig.DEFAULT_FRAUD_RATE + ", the ML-dataset default; real portfolios are about"
          + " 0.0003-0.0015)"},
      new String[] {TYPE_MIX + " TYPE=W,...", "Relative weights of transaction types; the types given replace"
          + " their defaults, the others keep theirs (default " + typeMix(Realism.defaults()).replace(",", ", ") + ")"},
      new String[] {NULL_RATE_DEVICE_ID + " FRACTION", "Genuine rows without a device_id, 0-1 (default "
          + plain(Realism.DEFAULT_DEVICE_NULL_RATE) + "; fraud rows: 0.15)"},
      new String[] {NULL_RATE_MCC + " FRACTION", "Rows without an mcc, 0-1 (default "
          + plain(Realism.DEFAULT_MCC_NULL_RATE) + ")"},
      new String[] {NULL_RATE_LAT_LON + " FRACTION", "Rows without latitude and longitude, 0-1 (default "
          + plain(Realism.DEFAULT_LAT_LON_NULL_RATE) + ")"},
      new String[] {DECLINE_RATE + " FRACTION", "Genuine rows DECLINED, 0-1; refunds at 2/5 of it (default "
          + plain(Realism.DEFAULT_DECLINE_RATE) + "); with --reversal-rate and --pending-rate at most 1"},
      new String[] {REVERSAL_RATE + " FRACTION", "Purchases, cash advances and ATM withdrawals REVERSED, 0-1"
          + " (default " + plain(Realism.DEFAULT_REVERSAL_RATE) + ")"},
      new String[] {PENDING_RATE + " FRACTION", "Genuine rows left PENDING, 0-1 (default "
          + plain(Realism.DEFAULT_PENDING_RATE) + ")"},
      new String[] {WEEKDAY_WEIGHTS + " MON,...,SUN", "Seven volume weights, Monday to Sunday, each in (0, "
          + plain(Realism.MAX_VOLUME_WEIGHT) + "], scaled to average 1 so --rows-per-day stays the average day"
          + " (default " + weekdays(Realism.defaults()) + ")"},
      new String[] {SEASON_WEIGHTS + " SEASON=W,...", "Volume weights of holiday (20 Nov - 31 Dec), winter"
          + " (Jan-Feb) and summer (Jun-Aug), each in (0, " + plain(Realism.MAX_VOLUME_WEIGHT) + "]; other dates"
          + " weigh 1 (default " + seasons(Realism.defaults()) + ")"},
      new String[] {PAN_HASH_KEY + " KEY", "HMAC-SHA256 key of hash_pan, at least "
          + GeneratorConfig.MIN_PAN_HASH_KEY_LENGTH + " characters (default: $" + PAN_HASH_KEY_ENV
          + ", else the public local-demo key)"},
      new String[] {NO_DEFECTS, "Write clean data: every defect rate 0 and no drift file; explicit --rate-*"
          + " options still apply (default: off, the default rates below)"},
      new String[] {SCHEMA_DRIFT_EVERY + " N", "Drift file every N-th date from the 2nd, 0-"
          + GeneratorConfig.MAX_DAYS + ", 0 = never (default " + DefectRates.DEFAULT_SCHEMA_DRIFT_EVERY_NTH_DAY
          + ")"});

  private GeneratorOptions() {}

  /**
   * What the options asked for.
   *
   * @param config the config to generate
   * @param mode how the ingest dates were chosen
   * @param targetBytes the {@code --target-size} in bytes the config's rows per day were solved for,
   *     or empty when {@code --rows-per-day} (or its default) applies
   */
  public record Parsed(GeneratorConfig config, GenerationMode mode, OptionalLong targetBytes) {
    public Parsed {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(targetBytes, "targetBytes");
    }
  }

  /** Whether {@code name} (with its {@code --}) is one of these options. */
  public static boolean isOption(String name) {
    if (name.startsWith(RATE_PREFIX)) {
      return kindOf(name) != null;
    }
    return names().contains(name);
  }

  /** The option names, {@code --rate-<kind>} aside. */
  public static List<String> names() {
    return OPTIONS.stream().map(o -> o[0].split(" ")[0]).toList();
  }

  /** The names for an "allowed:" message, the rate options summarized. */
  public static List<String> allowedNames() {
    List<String> names = new ArrayList<>(names());
    names.add(RATE_PREFIX + "<kind> with kind one of "
        + Arrays.stream(DefectKind.values()).map(GeneratorOptions::kindSuffix).toList());
    return names;
  }

  /**
   * Help entries: usage, then description, for every option including each {@code --rate-<kind>}.
   * An entry with an empty usage continues the description of the entry before it.
   */
  public static List<String[]> helpLines() {
    List<String[]> lines = new ArrayList<>(OPTIONS);
    lines.add(new String[] {RATE_PREFIX + "<kind> FRACTION", "Rate of one defect kind in [0, 1]: the fraction"
        + " of base rows with that defect (schema-drift: the drift file's rows as a fraction of --rows-per-day,"
        + " at least 10 rows; 0 = no drift file). The row rates must add up to at most 1. Kinds and defaults:"});
    DefectRates defaults = DefectRates.defaults();
    for (DefectKind kind : DefectKind.values()) {
      lines.add(new String[] {"", rateOption(kind) + " (default " + plain(defaults.rate(kind)) + ")"});
    }
    return List.copyOf(lines);
  }

  /**
   * The config the options describe.
   *
   * @param values option name to text, only options of this class (see {@link #isOption})
   * @param env where {@value #PAN_HASH_KEY_ENV} is looked up
   * @param clock today's date (UTC) for the defaults relative to today
   * @throws IllegalArgumentException naming the option, its value and the rule it breaks
   */
  public static Parsed parse(Map<String, String> values, Map<String, String> env, Clock clock) {
    for (String name : values.keySet()) {
      if (!isOption(name)) {
        throw new IllegalArgumentException("Unknown option '" + name + "'; allowed: " + String.join(", ", allowedNames()));
      }
    }
    if (values.containsKey(ROWS_PER_DAY) && values.containsKey(TARGET_SIZE)) {
      throw new IllegalArgumentException("Options --rows-per-day and --target-size cannot be used together:"
          + " --target-size sets the rows per day");
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    GenerationMode mode = values.containsKey(MODE) ? GenerationMode.parse(values.get(MODE)) : GenerationMode.RANGE;
    Dates dates = dates(mode, values, today);
    long seed = integer(values, SEED, GeneratorConfig.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
    int threads = (int) integer(values, THREADS, GeneratorConfig.defaultThreads(), 1, GeneratorConfig.MAX_THREADS);
    int rowsPerFile = (int) integer(values, ROWS_PER_FILE, GeneratorConfig.DEFAULT_ROWS_PER_FILE, 1,
        GeneratorConfig.MAX_ROWS_PER_FILE);
    Compression compression = values.containsKey(COMPRESSION) ? compression(values.get(COMPRESSION)) : Compression.NONE;
    String key = panHashKey(values, env);
    DefectRates defects = defects(values);
    double fraudRate = values.containsKey(FRAUD_RATE)
        ? fraction(FRAUD_RATE, values.get(FRAUD_RATE), GeneratorConfig.MAX_FRAUD_RATE, "0.001")
        : GeneratorConfig.DEFAULT_FRAUD_RATE;
    Realism realism = realism(values);

    long rowsPerDay;
    OptionalLong target = OptionalLong.empty();
    if (values.containsKey(TARGET_SIZE)) {
      String text = values.get(TARGET_SIZE);
      long bytes = ByteSize.parse(TARGET_SIZE, text);
      // Everything that shapes the bytes of a row is known; rows per day and per file do not matter yet.
      GeneratorConfig run = new GeneratorConfig(dates.start, dates.days, 1, seed, threads,
          GeneratorConfig.MAX_ROWS_PER_FILE, defects, key, compression, fraudRate, realism);
      try {
        rowsPerDay = TargetSize.rowsPerDay(run, bytes);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Option --target-size is '" + text + "' but " + e.getMessage(), e);
      }
      target = OptionalLong.of(bytes);
    } else {
      rowsPerDay = integer(values, ROWS_PER_DAY, GeneratorConfig.DEFAULT_ROWS_PER_DAY, 1,
          GeneratorConfig.MAX_ROWS_PER_DAY);
    }
    checkRowsPerFile(rowsPerDay, rowsPerFile, target.isPresent(), realism);
    GeneratorConfig config = new GeneratorConfig(dates.start, dates.days, rowsPerDay, seed, threads, rowsPerFile,
        defects, key, compression, fraudRate, realism);
    return new Parsed(config, mode, target);
  }

  /** The ingest dates of a run: {@code days} dates from {@code start}. */
  private record Dates(LocalDate start, int days) {}

  private static Dates dates(GenerationMode mode, Map<String, String> values, LocalDate today) {
    switch (mode) {
      case NIGHTLY -> {
        for (String option : List.of(DAYS, START_DATE, END_DATE)) {
          if (values.containsKey(option)) {
            throw new IllegalArgumentException("Option " + option + " cannot be used with --mode nightly, which"
                + " always generates the last " + GenerationMode.NIGHTLY_DAYS + " days (today UTC minus "
                + GenerationMode.NIGHTLY_DAYS + " .. yesterday)");
          }
        }
        return new Dates(GenerationMode.nightlyStart(today), GenerationMode.NIGHTLY_DAYS);
      }
      case INITIAL_LOAD -> {
        if (values.containsKey(DAYS)) {
          throw new IllegalArgumentException("Option --days cannot be used with --mode initial-load, which runs"
              + " from --start-date (default " + GenerationMode.DEFAULT_INITIAL_LOAD_START + ") to --end-date"
              + " (default today UTC minus " + GenerationMode.INITIAL_LOAD_END_DAYS_AGO + ")");
        }
        LocalDate start = values.containsKey(START_DATE) ? date(values, START_DATE)
            : LocalDate.parse(GenerationMode.DEFAULT_INITIAL_LOAD_START);
        if (values.containsKey(END_DATE)) {
          return span(start, date(values, END_DATE));
        }
        LocalDate end = GenerationMode.initialLoadEnd(today);
        if (end.isBefore(start)) {
          throw new IllegalArgumentException("Option --start-date is " + start + " but must not be after "
              + end + ", the last date of an initial load (today UTC minus "
              + GenerationMode.INITIAL_LOAD_END_DAYS_AGO + "; set --end-date to change it)");
        }
        return span(start, end);
      }
      default -> {
        boolean hasDays = values.containsKey(DAYS);
        boolean hasStart = values.containsKey(START_DATE);
        boolean hasEnd = values.containsKey(END_DATE);
        if (hasDays && hasStart && hasEnd) {
          throw new IllegalArgumentException("Options --days, --start-date and --end-date cannot all be used"
              + " together: give at most two of them");
        }
        if (hasStart && hasEnd) {
          return span(date(values, START_DATE), date(values, END_DATE));
        }
        int days = (int) integer(values, DAYS, GeneratorConfig.DEFAULT_DAYS, 1, GeneratorConfig.MAX_DAYS);
        if (hasStart) {
          return new Dates(date(values, START_DATE), days);
        }
        LocalDate end = hasEnd ? date(values, END_DATE) : today.minusDays(1);
        return new Dates(end.minusDays(days - 1L), days);
      }
    }
  }

  private static Dates span(LocalDate start, LocalDate end) {
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (days < 1) {
      throw new IllegalArgumentException("Option --end-date is " + end + " but must not be before --start-date "
          + start);
    }
    if (days > GeneratorConfig.MAX_DAYS) {
      throw new IllegalArgumentException("The dates " + start + " .. " + end + " span " + days
          + " days but a run covers at most " + GeneratorConfig.MAX_DAYS + "; split them into several runs"
          + " with --start-date and --end-date");
    }
    return new Dates(start, (int) days);
  }

  private static void checkRowsPerFile(long rowsPerDay, int rowsPerFile, boolean fromTarget, Realism realism) {
    long busiestDay = realism.maxBaseRows(rowsPerDay);
    long minRowsPerFile = (busiestDay + GeneratorConfig.MAX_FILES_PER_DAY - 1) / GeneratorConfig.MAX_FILES_PER_DAY;
    if (rowsPerFile < minRowsPerFile) {
      String volume = fromTarget
          ? "--target-size (" + rowsPerDay + " rows per day)"
          : "--rows-per-day " + rowsPerDay;
      throw new IllegalArgumentException("Option --rows-per-file is " + rowsPerFile + " but must be at least "
          + minRowsPerFile + " with " + volume + " (the busiest day, " + busiestDay + " base rows, must fit in "
          + GeneratorConfig.MAX_FILES_PER_DAY + " files)");
    }
  }

  private static String panHashKey(Map<String, String> values, Map<String, String> env) {
    String key = values.get(PAN_HASH_KEY);
    if (key == null) {
      key = env.get(PAN_HASH_KEY_ENV);
    }
    if (key == null || key.isEmpty()) {
      key = GeneratorConfig.DEMO_PAN_HASH_KEY;
    }
    if (key.length() < GeneratorConfig.MIN_PAN_HASH_KEY_LENGTH) {
      // Never echo the key itself: it protects every hash_pan.
      String source = values.containsKey(PAN_HASH_KEY) ? "Option --pan-hash-key" : "$" + PAN_HASH_KEY_ENV;
      throw new IllegalArgumentException(source + " has " + key.length()
          + " characters but must have at least " + GeneratorConfig.MIN_PAN_HASH_KEY_LENGTH);
    }
    return key;
  }

  private static DefectRates defects(Map<String, String> values) {
    DefectRates defects = values.containsKey(NO_DEFECTS) ? DefectRates.none() : DefectRates.defaults();
    int driftEvery = (int) integer(values, SCHEMA_DRIFT_EVERY, defects.schemaDriftEveryNthDay(), 0,
        GeneratorConfig.MAX_DAYS);
    Map<DefectKind, Double> rates = new EnumMap<>(defects.rates());
    for (Map.Entry<String, String> entry : values.entrySet()) {
      if (entry.getKey().startsWith(RATE_PREFIX)) {
        rates.put(kindOf(entry.getKey()), fraction(entry.getKey(), entry.getValue()));
      }
    }
    BigDecimal rowLevel = BigDecimal.ZERO;
    for (Map.Entry<DefectKind, Double> entry : rates.entrySet()) {
      if (entry.getKey() != DefectKind.SCHEMA_DRIFT) {
        rowLevel = rowLevel.add(BigDecimal.valueOf(entry.getValue()));
      }
    }
    if (rowLevel.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("The row defect rates (--rate-* options and defaults) add up to "
          + rowLevel.stripTrailingZeros().toPlainString() + " but must add up to at most 1");
    }
    return new DefectRates(rates, driftEvery);
  }

  /**
   * The settings of a config that shape its rows besides the seed and the dates, as option name
   * (without its {@code --}) to the text that option takes: rows per day, fraud rate, the realism
   * settings and the defect rates. Recorded in each truth manifest, so the data can be compared with
   * what it was asked to be, and a run repeated.
   */
  public static Map<String, String> settings(GeneratorConfig config) {
    Realism realism = config.realism();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(name(ROWS_PER_DAY), Long.toString(config.rowsPerDay()));
    settings.put(name(FRAUD_RATE), plain(config.fraudRate()));
    settings.put(name(TYPE_MIX), typeMix(realism));
    settings.put(name(NULL_RATE_DEVICE_ID), plain(realism.deviceNullRate()));
    settings.put(name(NULL_RATE_MCC), plain(realism.mccNullRate()));
    settings.put(name(NULL_RATE_LAT_LON), plain(realism.latLonNullRate()));
    settings.put(name(DECLINE_RATE), plain(realism.declineRate()));
    settings.put(name(REVERSAL_RATE), plain(realism.reversalRate()));
    settings.put(name(PENDING_RATE), plain(realism.pendingRate()));
    settings.put(name(WEEKDAY_WEIGHTS), weekdays(realism));
    settings.put(name(SEASON_WEIGHTS), seasons(realism));
    for (DefectKind kind : DefectKind.values()) {
      settings.put(name(rateOption(kind)), plain(config.defects().rate(kind)));
    }
    settings.put(name(SCHEMA_DRIFT_EVERY), Integer.toString(config.defects().schemaDriftEveryNthDay()));
    return settings;
  }

  private static String name(String option) {
    return option.substring(2);
  }

  /** The realism settings: the defaults, changed by the options given. */
  private static Realism realism(Map<String, String> values) {
    Realism realism = Realism.defaults();
    if (values.containsKey(TYPE_MIX)) {
      realism = realism.withTypeWeights(typeWeights(values.get(TYPE_MIX), realism));
    }
    realism = realism.withNullRates(
        optionalFraction(values, NULL_RATE_DEVICE_ID, realism.deviceNullRate()),
        optionalFraction(values, NULL_RATE_MCC, realism.mccNullRate()),
        optionalFraction(values, NULL_RATE_LAT_LON, realism.latLonNullRate()));
    double decline = optionalFraction(values, DECLINE_RATE, realism.declineRate());
    double reversal = optionalFraction(values, REVERSAL_RATE, realism.reversalRate());
    double pending = optionalFraction(values, PENDING_RATE, realism.pendingRate());
    if (decline + reversal + pending > 1.0) {
      throw new IllegalArgumentException("Options " + DECLINE_RATE + " (" + plain(decline) + "), " + REVERSAL_RATE
          + " (" + plain(reversal) + ") and " + PENDING_RATE + " (" + plain(pending) + "), defaults included, add up"
          + " to more than 1");
    }
    realism = realism.withStatusRates(decline, reversal, pending);
    if (values.containsKey(WEEKDAY_WEIGHTS)) {
      realism = realism.withWeekdayWeights(weekdayWeights(values.get(WEEKDAY_WEIGHTS)));
    }
    if (values.containsKey(SEASON_WEIGHTS)) {
      Map<String, Double> given = pairs(SEASON_WEIGHTS, values.get(SEASON_WEIGHTS), SEASONS, "holiday=1.5,summer=1");
      for (Map.Entry<String, Double> entry : given.entrySet()) {
        volumeWeight(SEASON_WEIGHTS + " " + entry.getKey(), entry.getValue());
      }
      realism = realism.withSeasonWeights(given.getOrDefault("holiday", realism.holidayWeight()),
          given.getOrDefault("winter", realism.winterWeight()), given.getOrDefault("summer", realism.summerWeight()));
    }
    return realism;
  }

  private static Map<TxnType, Double> typeWeights(String text, Realism defaults) {
    List<String> names = Arrays.stream(TxnType.values()).map(Enum::name).toList();
    Map<String, Double> given = pairs(TYPE_MIX, text, names, "PURCHASE=0.8,REFUND=0.08");
    Map<TxnType, Double> weights = new EnumMap<>(defaults.typeWeights());
    for (Map.Entry<String, Double> entry : given.entrySet()) {
      double weight = entry.getValue();
      if (!(weight >= 0 && weight <= Realism.MAX_TYPE_WEIGHT)) {
        throw new IllegalArgumentException("Option " + TYPE_MIX + " gives " + entry.getKey() + " the weight "
            + entry.getValue() + " but a weight must be in [0, 1e9]");
      }
      weights.put(TxnType.valueOf(entry.getKey()), weight);
    }
    if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw new IllegalArgumentException("Option " + TYPE_MIX + " is '" + text + "' but leaves every type at"
          + " weight 0; at least one needs a positive weight");
    }
    return weights;
  }

  /** Seven weights, scaled to average 1. */
  private static List<Double> weekdayWeights(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 7) {
      throw new IllegalArgumentException("Option " + WEEKDAY_WEIGHTS + " is '" + text + "' but needs 7"
          + " comma-separated weights, Monday to Sunday, e.g. 0.9,0.92,0.94,0.98,1.1,1.12,1.04");
    }
    double[] weights = new double[7];
    double sum = 0;
    for (int i = 0; i < 7; i++) {
      weights[i] = volumeWeight(WEEKDAY_WEIGHTS + " " + DayOfWeek.of(i + 1), number(WEEKDAY_WEIGHTS,
          parts[i], text));
      sum += weights[i];
    }
    List<Double> scaled = new ArrayList<>();
    for (double weight : weights) {
      // Weights that already average 1 (the defaults, a manifest's settings) are taken as they are.
      scaled.add(sum == 7.0 ? weight : weight * 7 / sum);
    }
    return scaled;
  }

  /**
   * {@code NAME=NUMBER} pairs separated by commas; names are matched case-insensitively against
   * {@code allowed} and returned as spelled there.
   */
  private static Map<String, Double> pairs(String option, String text, List<String> allowed, String example) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String part : text.split(",", -1)) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("Option " + option + " is '" + text + "' but '" + part.strip()
            + "' is not NAME=WEIGHT; e.g. " + example);
      }
      String name = part.substring(0, equals).strip();
      String match = allowed.stream().filter(a -> a.equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Option " + option + " names '" + name
              + "' but the names are " + allowed));
      if (out.put(match, number(option, part.substring(equals + 1), text)) != null) {
        throw new IllegalArgumentException("Option " + option + " names " + match + " more than once");
      }
    }
    return out;
  }

  private static double number(String option, String part, String text) {
    try {
      return Double.parseDouble(part.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option " + option + " is '" + text + "' but '" + part.strip()
          + "' is not a number");
    }
  }

  private static double volumeWeight(String what, double value) {
    if (!(value > 0 && value <= Realism.MAX_VOLUME_WEIGHT)) {
      throw new IllegalArgumentException("Option " + what + " is " + plainOrText(value) + " but a volume weight"
          + " must be in (0, " + plain(Realism.MAX_VOLUME_WEIGHT) + "]");
    }
    return value;
  }

  private static double optionalFraction(Map<String, String> values, String option, double fallback) {
    return values.containsKey(option) ? fraction(option, values.get(option)) : fallback;
  }

  private static String typeMix(Realism realism) {
    return String.join(",", realism.typeWeights().entrySet().stream()
        .map(e -> e.getKey().name() + "=" + plain(e.getValue())).toList());
  }

  private static String weekdays(Realism realism) {
    return String.join(",", realism.weekdayWeights().stream().map(GeneratorOptions::plain).toList());
  }

  private static String seasons(Realism realism) {
    return "holiday=" + plain(realism.holidayWeight()) + ",winter=" + plain(realism.winterWeight()) + ",summer="
        + plain(realism.summerWeight());
  }

  private static String plainOrText(double value) {
    return Double.isFinite(value) ? plain(value) : Double.toString(value);
  }

  private static Compression compression(String text) {
    try {
      return Compression.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Option --compression is '" + text + "' but must be one of "
          + compressionValues());
    }
  }

  private static List<String> compressionValues() {
    return Arrays.stream(Compression.values()).map(Compression::optionValue).toList();
  }

  private static String modeValues() {
    return String.join(" | ", Arrays.stream(GenerationMode.values()).map(GenerationMode::optionValue).toList());
  }

  private static LocalDate date(Map<String, String> values, String option) {
    String text = values.get(option);
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Option " + option + " is '" + text + "' but must be a date YYYY-MM-DD, e.g. 2026-11-01");
    }
  }

  /** An integer option: {@code fallback} when absent; underscores allowed ({@code 1_000_000}). */
  static long integer(Map<String, String> values, String option, long fallback, long min, long max) {
    String text = values.get(option);
    if (text == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Option " + option + " is '" + text + "' but must be an integer in " + range(min, max));
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "Option " + option + " is " + value + " but must be an integer in " + range(min, max));
    }
    return value;
  }

  private static double fraction(String option, String text) {
    return fraction(option, text, 1.0, "0.001");
  }

  /** A fraction in [0, max]; the error names the option, its value, the range and an example. */
  private static double fraction(String option, String text, double max, String example) {
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value >= 0.0 && value <= max)) {
      throw new IllegalArgumentException("Option " + option + " is '" + text + "' but must be a fraction in [0, "
          + (max == 1.0 ? "1" : Double.toString(max)) + "], e.g. " + example);
    }
    return value;
  }

  private static String range(long min, long max) {
    return "[" + min + ", " + max + "]";
  }

  static String rateOption(DefectKind kind) {
    return RATE_PREFIX + kindSuffix(kind);
  }

  private static String kindSuffix(DefectKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static DefectKind kindOf(String option) {
    for (DefectKind kind : DefectKind.values()) {
      if (rateOption(kind).equals(option)) {
        return kind;
      }
    }
    return null;
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
