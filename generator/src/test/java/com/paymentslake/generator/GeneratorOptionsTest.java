package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The options that say what to generate: modes and dates against a fixed clock, defaults, errors. */
class GeneratorOptionsTest {
  /** Late evening of 7 Dec 2026 in UTC; already 8 Dec in Tokyo, which must not matter. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T23:30:00Z"), ZoneId.of("Asia/Tokyo"));
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @Test
  void withoutOptionsGeneratesTheDefaultsEndingYesterday() {
    GeneratorOptions.Parsed parsed = parse();

    GeneratorConfig config = parsed.config();
    assertThat(parsed.mode()).isEqualTo(GenerationMode.RANGE);
    assertThat(parsed.targetBytes()).isEmpty();
    assertThat(config.days()).isEqualTo(GeneratorConfig.DEFAULT_DAYS);
    assertThat(config.endDate()).isEqualTo(TODAY.minusDays(1));
    assertThat(config.startDate()).isEqualTo(TODAY.minusDays(GeneratorConfig.DEFAULT_DAYS));
    assertThat(config.rowsPerDay()).isEqualTo(GeneratorConfig.DEFAULT_ROWS_PER_DAY);
    assertThat(config.seed()).isEqualTo(GeneratorConfig.DEFAULT_SEED);
    assertThat(config.threads()).isEqualTo(Math.min(Runtime.getRuntime().availableProcessors(),
        GeneratorConfig.MAX_THREADS));
    assertThat(config.rowsPerFile()).isEqualTo(GeneratorConfig.DEFAULT_ROWS_PER_FILE);
    assertThat(config.compression()).isEqualTo(Compression.NONE);
    assertThat(config.defects()).isEqualTo(DefectRates.defaults());
    assertThat(config.panHashKey()).isEqualTo(GeneratorConfig.DEMO_PAN_HASH_KEY);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // options                                          | first date | last date
      "--days 3                                           | 2026-12-04 | 2026-12-06",
      "--start-date 2026-11-01                            | 2026-11-01 | 2026-11-07",
      "--start-date 2026-11-01 --days 2                   | 2026-11-01 | 2026-11-02",
      "--end-date 2026-11-30                              | 2026-11-24 | 2026-11-30",
      "--end-date 2026-11-30 --days 30                    | 2026-11-01 | 2026-11-30",
      "--start-date 2026-02-27 --end-date 2026-03-02      | 2026-02-27 | 2026-03-02",
      "--mode range --start-date 2026-01-01 --end-date 2026-01-01 | 2026-01-01 | 2026-01-01",
      "--mode nightly                                     | 2026-11-30 | 2026-12-06",
      "--mode NIGHTLY                                     | 2026-11-30 | 2026-12-06",
      "--mode initial-load                                | 2020-01-01 | 2026-11-29",
      "--mode initial-load --start-date 2026-11-01        | 2026-11-01 | 2026-11-29",
      "--mode initial-load --end-date 2021-12-31          | 2020-01-01 | 2021-12-31",
      "--mode initial-load --start-date 2024-02-28 --end-date 2024-03-01 | 2024-02-28 | 2024-03-01",
  })
  void modesAndDateOptionsChooseTheIngestDates(String options, LocalDate first, LocalDate last) {
    GeneratorConfig config = parse(options.strip().split("\\s+")).config();

    assertThat(config.startDate()).isEqualTo(first);
    assertThat(config.endDate()).isEqualTo(last);
    assertThat(config.days()).isEqualTo(ChronoUnit.DAYS.between(first, last) + 1);
  }

  @Test
  void nightlyIsTheLastWeekAndInitialLoadEndsTheDayBeforeIt() {
    GeneratorConfig nightly = parse("--mode", "nightly").config();
    GeneratorConfig initial = parse("--mode", "initial-load").config();

    assertThat(nightly.days()).isEqualTo(GenerationMode.NIGHTLY_DAYS);
    assertThat(nightly.endDate()).isEqualTo(TODAY.minusDays(1));
    assertThat(initial.startDate()).isEqualTo(LocalDate.parse(GenerationMode.DEFAULT_INITIAL_LOAD_START));
    assertThat(initial.endDate().plusDays(1)).isEqualTo(nightly.startDate());
    assertThat(parse("--mode", "initial-load").mode()).isEqualTo(GenerationMode.INITIAL_LOAD);
  }

  @Test
  void theDayLimitHoldsAnInitialLoadFrom2020ToToday() {
    GeneratorConfig initial = parse("--mode", "initial-load").config();
    long sinceDefaultStart = ChronoUnit.DAYS.between(
        LocalDate.parse(GenerationMode.DEFAULT_INITIAL_LOAD_START), TODAY) + 1;

    assertThat(sinceDefaultStart).isLessThanOrEqualTo(GeneratorConfig.MAX_DAYS);
    assertThat(initial.days()).isEqualTo(sinceDefaultStart - GenerationMode.INITIAL_LOAD_END_DAYS_AGO);
    assertThat(initial.ingestDates()).hasSize(initial.days()).startsWith(initial.startDate())
        .endsWith(initial.endDate());
  }

  @Test
  void fraudRateDefaultsToTheSpecsAndTakesAFractionUpToItsLimit() {
    assertThat(parse().config().fraudRate()).isEqualTo(GeneratorConfig.DEFAULT_FRAUD_RATE).isEqualTo(0.003);
    assertThat(parse("--fraud-rate", "0.001").config().fraudRate()).isEqualTo(0.001);
    assertThat(parse("--fraud-rate", "0").config().fraudRate()).isZero();
    assertThat(parse("--fraud-rate", "0.1").config().fraudRate()).isEqualTo(GeneratorConfig.MAX_FRAUD_RATE);
    for (String bad : new String[] {"0.2", "-0.001", "1%", "NaN", ""}) {
      assertThatThrownBy(() -> parse("--fraud-rate", bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Option --fraud-rate is '" + bad + "' but must be a fraction in [0, 0.1], e.g. 0.001");
    }
    assertThat(GeneratorOptions.helpLines()).anySatisfy(line -> assertThat(line[0]).isEqualTo("--fraud-rate FRACTION"));
  }

  @Test
  void optionsTakeTheirValues() {
    GeneratorConfig config = parse("--rows-per-day", "1_000", "--seed", "-3", "--threads", "3",
        "--rows-per-file", "700", "--compression", "GZIP", "--pan-hash-key", "0123456789abcdef",
        "--rate-late-arrival", "0.5", "--schema-drift-every", "2").config();

    assertThat(config.rowsPerDay()).isEqualTo(1_000);
    assertThat(config.seed()).isEqualTo(-3);
    assertThat(config.threads()).isEqualTo(3);
    assertThat(config.rowsPerFile()).isEqualTo(700);
    assertThat(config.compression()).isEqualTo(Compression.GZIP);
    assertThat(config.panHashKey()).isEqualTo("0123456789abcdef");
    assertThat(config.defects()).isEqualTo(DefectRates.defaults()
        .withRate(com.paymentslake.contract.DefectKind.LATE_ARRIVAL, 0.5).withSchemaDriftEveryNthDay(2));
    assertThat(parse("--no-defects").config().defects()).isEqualTo(DefectRates.none());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--mode weekly|Option --mode is 'weekly' but must be one of [range, initial-load, nightly]",
      "--mode nightly --days 3|Option --days cannot be used with --mode nightly, which always generates the last 7"
          + " days (today UTC minus 7 .. yesterday)",
      "--mode nightly --start-date 2026-01-01|Option --start-date cannot be used with --mode nightly, which always"
          + " generates the last 7 days (today UTC minus 7 .. yesterday)",
      "--mode nightly --end-date 2026-01-01|Option --end-date cannot be used with --mode nightly, which always"
          + " generates the last 7 days (today UTC minus 7 .. yesterday)",
      "--mode initial-load --days 3|Option --days cannot be used with --mode initial-load, which runs from"
          + " --start-date (default 2020-01-01) to --end-date (default today UTC minus 8)",
      "--mode initial-load --start-date 2026-12-01|Option --start-date is 2026-12-01 but must not be after"
          + " 2026-11-29, the last date of an initial load (today UTC minus 8; set --end-date to change it)",
      "--mode initial-load --start-date 2005-01-01|The dates 2005-01-01 .. 2026-11-29 span 8003 days but a run"
          + " covers at most 3660; split them into several runs with --start-date and --end-date",
      "--start-date 2026-11-02 --end-date 2026-11-01|Option --end-date is 2026-11-01 but must not be before"
          + " --start-date 2026-11-02",
      "--days 2 --start-date 2026-11-01 --end-date 2026-11-02|Options --days, --start-date and --end-date cannot"
          + " all be used together: give at most two of them",
      "--end-date 30.11.2026|Option --end-date is '30.11.2026' but must be a date YYYY-MM-DD, e.g. 2026-11-01",
      "--days 3661|Option --days is 3661 but must be an integer in [1, 3660]",
      "--threads 257|Option --threads is 257 but must be an integer in [1, 256]",
      "--rows-per-day 1000000001|Option --rows-per-day is 1000000001 but must be an integer in [1, 1000000000]",
      "--compression zip|Option --compression is 'zip' but must be one of [none, gzip]",
      "--rows-per-day 10 --target-size 1MB|Options --rows-per-day and --target-size cannot be used together:"
          + " --target-size sets the rows per day",
      "--rate-bad-currency NaN|Option --rate-bad-currency is 'NaN' but must be a fraction in [0, 1], e.g. 0.001",
      "--schema-drift-every 3661|Option --schema-drift-every is 3661 but must be an integer in [0, 3660]",
  })
  void badOptionsAreRejectedNamingTheOptionTheValueAndTheRule(String options, String message) {
    assertThatThrownBy(() -> parse(options.split(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void theDayLimitIsTheConfigsAndTheMessagesSayIt() {
    LocalDate start = TODAY.minusDays(GeneratorConfig.MAX_DAYS);
    assertThat(parse("--start-date", start.plusDays(1).toString(), "--end-date", TODAY.toString()).config().days())
        .isEqualTo(GeneratorConfig.MAX_DAYS);
    assertThatThrownBy(() -> parse("--start-date", start.toString(), "--end-date", TODAY.toString()))
        .hasMessage("The dates " + start + " .. " + TODAY + " span " + (GeneratorConfig.MAX_DAYS + 1)
            + " days but a run covers at most " + GeneratorConfig.MAX_DAYS
            + "; split them into several runs with --start-date and --end-date");
  }

  @Test
  void rowsPerFileMustLetTheBusiestDayFitInTheFileLimit() {
    long busiest = Realism.defaults().maxBaseRows(GeneratorConfig.MAX_ROWS_PER_DAY);
    long least = (busiest + GeneratorConfig.MAX_FILES_PER_DAY - 1) / GeneratorConfig.MAX_FILES_PER_DAY;

    assertThat(parse("--rows-per-day", "1000000000", "--rows-per-file", Long.toString(least)).config().rowsPerFile())
        .isEqualTo((int) least);
    assertThatThrownBy(() -> parse("--rows-per-day", "1000000000", "--rows-per-file", Long.toString(least - 1)))
        .hasMessage("Option --rows-per-file is " + (least - 1) + " but must be at least " + least
            + " with --rows-per-day 1000000000 (the busiest day, " + busiest + " base rows, must fit in "
            + GeneratorConfig.MAX_FILES_PER_DAY + " files)");
  }

  @Test
  void thePanHashKeyIsNeverEchoed() {
    assertThatThrownBy(() -> parse("--pan-hash-key", "tiny-secret"))
        .hasMessage("Option --pan-hash-key has 11 characters but must have at least 16");
    assertThatThrownBy(() -> GeneratorOptions.parse(Map.of(), Map.of(GeneratorOptions.PAN_HASH_KEY_ENV, "env-secret"),
            CLOCK))
        .hasMessage("$" + GeneratorOptions.PAN_HASH_KEY_ENV + " has 10 characters but must have at least 16");
  }

  @Test
  void unknownOptionsAreRejectedWithTheAllowedOnes() {
    assertThatThrownBy(() -> parse("--out", "/tmp/x"))
        .hasMessageStartingWith("Unknown option '--out'; allowed: --mode, --days, --start-date, --end-date,"
            + " --rows-per-day, --target-size, --seed, --threads, --rows-per-file, --compression, --fraud-rate,"
            + " --type-mix, --null-rate-device-id, --null-rate-mcc, --null-rate-lat-lon, --decline-rate,"
            + " --reversal-rate, --pending-rate, --weekday-weights, --season-weights, --pan-hash-key,"
            + " --no-defects, --schema-drift-every, --rate-<kind> with kind one of [exact-duplicate,");
    assertThatThrownBy(() -> parse("--rate-typo", "0.1")).hasMessageStartingWith("Unknown option '--rate-typo'");
  }

  static GeneratorOptions.Parsed parse(String... args) {
    return GeneratorOptions.parse(values(args), Map.of(), CLOCK);
  }

  /** {@code --name value} pairs; flags ({@link GeneratorOptions#FLAGS}) take no value. */
  static Map<String, String> values(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (GeneratorOptions.FLAGS.contains(args[i])) {
        values.put(args[i], "true");
      } else {
        values.put(args[i], args[++i]);
      }
    }
    return values;
  }

  @Test
  void todayIsTheUtcDateOfTheClock() {
    Clock utc = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
    Clock beforeMidnight = Clock.fixed(Instant.parse("2026-12-06T23:59:59Z"), ZoneId.of("Asia/Tokyo"));

    assertThat(GeneratorOptions.parse(Map.of(), Map.of(), utc).config().endDate()).isEqualTo(TODAY.minusDays(1));
    assertThat(GeneratorOptions.parse(Map.of(), Map.of(), beforeMidnight).config().endDate())
        .isEqualTo(TODAY.minusDays(2));
  }
}
