package com.paymentslake.generator;

import com.paymentslake.contract.DefectKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The options that say <em>what</em> to generate, shared by every front end of the generator: the
 * {@code generate} command ({@link GeneratorCli}) and the Spark generation job, which takes the same
 * options as Glue job arguments. Where to write (and how) is each front end's own business.
 *
 * <p>Every option has a default; {@link #helpLines()} documents them. Values are given as a map
 * from option name (with its {@code --}) to text; flags map to {@code "true"}.
 */
public final class GeneratorOptions {
  /** Environment variable holding the PAN hash key (overridden by {@code --pan-hash-key}). */
  public static final String PAN_HASH_KEY_ENV = "LAKE_PAN_HASH_KEY";
  static final String RATE_PREFIX = "--rate-";

  /** Options that take no value. */
  public static final List<String> FLAGS = List.of("--no-defects");

  /** Each option: usage and description (with its default). */
  private static final List<String[]> OPTIONS = List.of(
      new String[] {"--mode MODE", "range | initial-load | nightly (default range). range: --days dates from"
          + " --start-date; initial-load: backfill from --start-date (default " + GenerationMode.DEFAULT_INITIAL_LOAD_START
          + ") to --end-date (default today UTC minus 8); nightly: the " + GenerationMode.NIGHTLY_DAYS
          + " days before today"},
      new String[] {"--days N", "Ingest dates to generate in range mode, 1-" + GeneratorConfig.MAX_DAYS
          + " (default " + GeneratorConfig.DEFAULT_DAYS + ")"},
      new String[] {"--start-date YYYY-MM-DD", "First ingest date (default: today UTC minus --days; initial-load: "
          + GenerationMode.DEFAULT_INITIAL_LOAD_START + ")"},
      new String[] {"--end-date YYYY-MM-DD", "Last ingest date, instead of --days (default: from --days;"
          + " initial-load: today UTC minus 8)"},
      new String[] {"--rows-per-day N", "Base rows of an average day, scaled by weekday and season weights"
          + " (default " + GeneratorConfig.DEFAULT_ROWS_PER_DAY + ")"},
      new String[] {"--target-size SIZE", "Total size of the data files instead of --rows-per-day, e.g. 10GB,"
          + " 500MB, 2GiB (default: none)"},
      new String[] {"--seed N", "Random seed (default " + GeneratorConfig.DEFAULT_SEED + ")"},
      new String[] {"--threads N", "Worker threads, 1-" + GeneratorConfig.MAX_THREADS
          + " (default: available processors); never changes the output"},
      new String[] {"--rows-per-file N", "Base rows per part file (default " + GeneratorConfig.DEFAULT_ROWS_PER_FILE
          + ", about 64 MB)"},
      new String[] {"--compression none|gzip", "Part files as .csv or .csv.gz (default none)"},
      new String[] {"--pan-hash-key KEY", "HMAC-SHA256 key of hash_pan, at least "
          + GeneratorConfig.MIN_PAN_HASH_KEY_LENGTH + " characters (default: $" + PAN_HASH_KEY_ENV
          + ", else the public local-demo key)"},
      new String[] {"--no-defects", "Write clean data: every defect rate 0 and no drift file"
          + " (explicit --rate-* options still apply)"},
      new String[] {"--schema-drift-every N", "Drift file every N-th day from the 2nd, 0 = never"
          + " (default " + DefectRates.DEFAULT_SCHEMA_DRIFT_EVERY_NTH_DAY + ")"});

  private GeneratorOptions() {}

  /** What the options asked for. */
  public record Parsed(GeneratorConfig config, GenerationMode mode, OptionalLong targetBytes) {}

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

  /** Help lines: usage, then description, for every option including each {@code --rate-<kind>}. */
  public static List<String[]> helpLines() {
    List<String[]> lines = new ArrayList<>(OPTIONS);
    lines.add(new String[] {RATE_PREFIX + "<kind> FRACTION",
        "Rate of one defect kind (fraction of base rows; for schema-drift the drift file size"});
    lines.add(new String[] {"", "as a fraction of --rows-per-day). Kinds and defaults:"});
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
    LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    GenerationMode mode = values.containsKey("--mode") ? GenerationMode.parse(values.get("--mode")) : GenerationMode.RANGE;
    LocalDate start;
    int days;
    switch (mode) {
      case NIGHTLY -> {
        for (String option : List.of("--days", "--start-date", "--end-date")) {
          if (values.containsKey(option)) {
            throw new IllegalArgumentException("Option " + option + " cannot be used with --mode nightly, which"
                + " always generates the " + GenerationMode.NIGHTLY_DAYS + " days before today");
          }
        }
        start = GenerationMode.nightlyStart(today);
        days = GenerationMode.NIGHTLY_DAYS;
      }
      case INITIAL_LOAD -> {
        if (values.containsKey("--days")) {
          throw new IllegalArgumentException("Option --days cannot be used with --mode initial-load; give"
              + " --start-date and --end-date");
        }
        start = values.containsKey("--start-date") ? date(values, "--start-date")
            : LocalDate.parse(GenerationMode.DEFAULT_INITIAL_LOAD_START);
        LocalDate end = values.containsKey("--end-date") ? date(values, "--end-date")
            : GenerationMode.initialLoadEnd(today);
        days = span(start, end);
      }
      default -> {
        if (values.containsKey("--end-date")) {
          if (values.containsKey("--days")) {
            throw new IllegalArgumentException("Options --days and --end-date cannot be used together");
          }
          if (!values.containsKey("--start-date")) {
            throw new IllegalArgumentException("Option --end-date needs --start-date");
          }
          start = date(values, "--start-date");
          days = span(start, date(values, "--end-date"));
        } else {
          days = (int) integer(values, "--days", GeneratorConfig.DEFAULT_DAYS, 1, GeneratorConfig.MAX_DAYS);
          start = values.containsKey("--start-date") ? date(values, "--start-date") : today.minusDays(days);
        }
      }
    }

    if (values.containsKey("--rows-per-day") && values.containsKey("--target-size")) {
      throw new IllegalArgumentException("Options --rows-per-day and --target-size cannot be used together");
    }
    long rowsPerDay = integer(values, "--rows-per-day", GeneratorConfig.DEFAULT_ROWS_PER_DAY, 1,
        GeneratorConfig.MAX_ROWS_PER_DAY);
    long seed = integer(values, "--seed", GeneratorConfig.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
    int threads = (int) integer(values, "--threads", Runtime.getRuntime().availableProcessors(), 1,
        GeneratorConfig.MAX_THREADS);
    int rowsPerFile = (int) integer(values, "--rows-per-file", GeneratorConfig.DEFAULT_ROWS_PER_FILE, 1,
        GeneratorConfig.MAX_ROWS_PER_FILE);
    Compression compression = values.containsKey("--compression")
        ? compression(values.get("--compression")) : Compression.NONE;
    String key = panHashKey(values, env);
    DefectRates defects = defects(values);

    GeneratorConfig config = new GeneratorConfig(start, days, Math.min(rowsPerDay, GeneratorConfig.DEFAULT_ROWS_PER_DAY),
        seed, threads, Math.max(rowsPerFile, 1), defects, key, compression);
    OptionalLong target = OptionalLong.empty();
    if (values.containsKey("--target-size")) {
      long bytes = ByteSize.parse("--target-size", values.get("--target-size"));
      target = OptionalLong.of(bytes);
      rowsPerDay = TargetSize.rowsPerDay(config.withRowsPerFile(GeneratorConfig.DEFAULT_ROWS_PER_FILE), bytes);
    }
    checkRowsPerFile(rowsPerDay, rowsPerFile, values.containsKey("--target-size"));
    return new Parsed(config.withRowsPerDay(rowsPerDay).withRowsPerFile(rowsPerFile), mode, target);
  }

  private static void checkRowsPerFile(long rowsPerDay, int rowsPerFile, boolean fromTarget) {
    long busiestDay = DailyVolume.maxBaseRows(rowsPerDay);
    long minRowsPerFile = (busiestDay + GeneratorConfig.MAX_FILES_PER_DAY - 1) / GeneratorConfig.MAX_FILES_PER_DAY;
    if (rowsPerFile < minRowsPerFile) {
      throw new IllegalArgumentException("Option --rows-per-file is " + rowsPerFile + " but must be at least "
          + minRowsPerFile + " with " + (fromTarget ? "--target-size (" : "--rows-per-day ") + rowsPerDay
          + (fromTarget ? " rows per day)" : "") + " (the busiest day, " + busiestDay + " base rows, must fit in "
          + GeneratorConfig.MAX_FILES_PER_DAY + " files)");
    }
  }

  private static String panHashKey(Map<String, String> values, Map<String, String> env) {
    String key = values.get("--pan-hash-key");
    if (key == null) {
      key = env.get(PAN_HASH_KEY_ENV);
    }
    if (key == null || key.isEmpty()) {
      key = GeneratorConfig.DEMO_PAN_HASH_KEY;
    }
    if (key.length() < GeneratorConfig.MIN_PAN_HASH_KEY_LENGTH) {
      // Never echo the key itself: it protects every hash_pan.
      String source = values.containsKey("--pan-hash-key") ? "Option --pan-hash-key" : "$" + PAN_HASH_KEY_ENV;
      throw new IllegalArgumentException(source + " has " + key.length()
          + " characters but must have at least " + GeneratorConfig.MIN_PAN_HASH_KEY_LENGTH);
    }
    return key;
  }

  private static DefectRates defects(Map<String, String> values) {
    DefectRates defects = values.containsKey("--no-defects") ? DefectRates.none() : DefectRates.defaults();
    if (values.containsKey("--schema-drift-every")) {
      defects = defects.withSchemaDriftEveryNthDay(
          (int) integer(values, "--schema-drift-every", 0, 0, GeneratorConfig.MAX_DAYS));
    }
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
    return new DefectRates(rates, defects.schemaDriftEveryNthDay());
  }

  private static Compression compression(String text) {
    try {
      return Compression.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Option --compression is '" + text + "' but must be one of "
          + Arrays.stream(Compression.values()).map(Compression::optionValue).toList());
    }
  }

  private static int span(LocalDate start, LocalDate end) {
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (days < 1) {
      throw new IllegalArgumentException("Option --end-date is " + end + " but must not be before --start-date " + start);
    }
    if (days > GeneratorConfig.MAX_DAYS) {
      throw new IllegalArgumentException("The dates " + start + ".." + end + " span " + days
          + " days but a run covers at most " + GeneratorConfig.MAX_DAYS);
    }
    return (int) days;
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
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(
          "Option " + option + " is '" + text + "' but must be a fraction in [0, 1], e.g. 0.001");
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
