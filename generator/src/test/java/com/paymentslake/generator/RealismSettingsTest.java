package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.paymentslake.contract.TxnType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realism settings ({@link Realism}, the {@code --type-mix}, {@code --null-rate-*}, status-rate,
 * {@code --weekday-weights} and {@code --season-weights} options): parsed with clear errors, and
 * followed by the data. A clean run of three dates with settings far from the defaults is measured;
 * the expected shares are the settings themselves, within 5 binomial standard errors.
 */
class RealismSettingsTest {
  private static final double SIGMAS = 5.0;
  private static final long ROWS_PER_DAY = 20_000;
  /** Thursday 19 Nov (regular season), then Friday and Saturday of the holiday season. */
  private static final LocalDate START = LocalDate.of(2026, 11, 19);

  @TempDir static Path root;
  private static Realism realism;
  private static RawLake lake;
  private static List<RawLake.Line> genuine;

  @BeforeAll
  static void generate() throws Exception {
    GeneratorOptions.Parsed parsed = GeneratorOptionsTest.parse("--start-date", START.toString(), "--days", "3",
        "--rows-per-day", Long.toString(ROWS_PER_DAY), "--no-defects", "--threads", "2",
        "--type-mix", "purchase=0.5,REFUND=0.3,atm_withdrawal=0.2,CASH_ADVANCE=0,BALANCE_TRANSFER=0,"
            + "BILL_PAYMENT=0,P2P_TRANSFER=0",
        "--null-rate-device-id", "0.3", "--null-rate-mcc", "0.2", "--null-rate-lat-lon", "0.1",
        "--decline-rate", "0.1", "--reversal-rate", "0.05", "--pending-rate", "0.02",
        "--weekday-weights", "1,1,1,2,1,1,1", "--season-weights", "holiday=3");
    GeneratorConfig config = parsed.config();
    realism = config.realism();
    new PaymentGenerator(config).generate(new LocalDirectoryTarget(root), GenerationListener.NONE);
    lake = RawLake.read(root);
    genuine = lake.lines().filter(r -> r.field("is_fraud").equals("0")).toList();
  }

  @Test
  void theDefaultsAreTheSpecs() {
    Realism defaults = GeneratorOptionsTest.parse().config().realism();
    assertThat(defaults).isEqualTo(Realism.defaults());
    assertThat(defaults.typeWeights()).containsEntry(TxnType.PURCHASE, 0.85).containsEntry(TxnType.CASH_ADVANCE, 0.05)
        .containsEntry(TxnType.BALANCE_TRANSFER, 0.04).containsEntry(TxnType.REFUND, 0.03)
        .containsEntry(TxnType.ATM_WITHDRAWAL, 0.02).containsEntry(TxnType.BILL_PAYMENT, 0.006)
        .containsEntry(TxnType.P2P_TRANSFER, 0.004);
    assertThat(List.of(defaults.deviceNullRate(), defaults.mccNullRate(), defaults.latLonNullRate()))
        .containsExactly(0.08, 0.05, 0.01);
    assertThat(List.of(defaults.declineRate(), defaults.refundDeclineRate(), defaults.reversalRate(),
        defaults.pendingRate())).containsExactly(0.05, 0.02, 0.0054, 0.002);
    assertThat(defaults.weekdayWeights()).containsExactly(0.90, 0.92, 0.94, 0.98, 1.10, 1.12, 1.04);
    assertThat(List.of(defaults.holidayWeight(), defaults.winterWeight(), defaults.summerWeight()))
        .containsExactly(2.0, 0.75, 1.25);
  }

  @Test
  void optionsChangeOnlyWhatTheyName() {
    Realism typed = GeneratorOptionsTest.parse("--type-mix", "refund=0.1").config().realism();
    assertThat(typed.typeWeights()).containsEntry(TxnType.REFUND, 0.1).containsEntry(TxnType.PURCHASE, 0.85);
    assertThat(typed.withTypeWeights(Realism.defaults().typeWeights())).isEqualTo(Realism.defaults());

    Realism seasons = GeneratorOptionsTest.parse("--season-weights", "SUMMER=2").config().realism();
    assertThat(List.of(seasons.holidayWeight(), seasons.winterWeight(), seasons.summerWeight()))
        .containsExactly(2.0, 0.75, 2.0);

    // Weekday weights are scaled to average 1: --rows-per-day stays the average day.
    Realism weekdays = GeneratorOptionsTest.parse("--weekday-weights", "2,2,2,2,2,2,2").config().realism();
    assertThat(weekdays.weekdayWeights()).containsOnly(1.0);
    assertThat(realism.weekdayWeights()).containsExactly(0.875, 0.875, 0.875, 1.75, 0.875, 0.875, 0.875);

    assertThat(GeneratorOptions.helpLines()).extracting(line -> line[0].split(" ")[0]).contains("--type-mix",
        "--null-rate-device-id", "--null-rate-mcc", "--null-rate-lat-lon", "--decline-rate", "--reversal-rate",
        "--pending-rate", "--weekday-weights", "--season-weights");
  }

  @Test
  void badSettingsAreRejectedNamingTheOptionAndTheRule() {
    Map<List<String>, String> cases = Map.of(
        List.of("--type-mix", "coffee=1"), "Option --type-mix names 'coffee' but the names are [PURCHASE,"
            + " CASH_ADVANCE, BALANCE_TRANSFER, REFUND, ATM_WITHDRAWAL, BILL_PAYMENT, P2P_TRANSFER]",
        List.of("--type-mix", "PURCHASE"), "Option --type-mix is 'PURCHASE' but 'PURCHASE' is not NAME=WEIGHT;"
            + " e.g. PURCHASE=0.8,REFUND=0.08",
        List.of("--type-mix", "REFUND=-1"), "Option --type-mix gives REFUND the weight -1.0 but a weight must be"
            + " in [0, 1e9]",
        List.of("--type-mix", "REFUND=1,refund=2"), "Option --type-mix names REFUND more than once",
        List.of("--weekday-weights", "1,2"), "Option --weekday-weights is '1,2' but needs 7 comma-separated"
            + " weights, Monday to Sunday, e.g. 0.9,0.92,0.94,0.98,1.1,1.12,1.04",
        List.of("--weekday-weights", "1,1,1,1,1,1,0"), "Option --weekday-weights SUNDAY is 0 but a volume weight"
            + " must be in (0, 10]",
        List.of("--season-weights", "spring=2"), "Option --season-weights names 'spring' but the names are"
            + " [holiday, winter, summer]",
        List.of("--season-weights", "winter=x"), "Option --season-weights is 'winter=x' but 'x' is not a number",
        List.of("--null-rate-mcc", "1.5"), "Option --null-rate-mcc is '1.5' but must be a fraction in [0, 1],"
            + " e.g. 0.001",
        List.of("--decline-rate", "0.6", "--reversal-rate", "0.5"), "Options --decline-rate (0.6), --reversal-rate"
            + " (0.5) and --pending-rate (0.002), defaults included, add up to more than 1");
    cases.forEach((args, message) -> assertThatThrownBy(() -> GeneratorOptionsTest.parse(args.toArray(String[]::new)))
        .as(String.join(" ", args)).isInstanceOf(IllegalArgumentException.class).hasMessage(message));
    Map<TxnType, Double> none = new EnumMap<>(TxnType.class);
    for (TxnType type : TxnType.values()) {
      none.put(type, 0.0);
    }
    assertThatThrownBy(() -> Realism.defaults().withTypeWeights(none)).hasMessageContaining("add up to 0");
  }

  @Test
  void eachManifestRecordsTheSettingsAsOptionsThatGiveThemBack() {
    for (RawLake.Partition partition : lake.partitions) {
      Map<String, String> settings = partition.manifest.settings();
      assertThat(settings).containsEntry("rows-per-day", "20000").containsEntry("fraud-rate", "0.003")
          .containsEntry("null-rate-device-id", "0.3").containsEntry("decline-rate", "0.1")
          .containsEntry("season-weights", "holiday=3,winter=0.75,summer=1.25");
      List<String> args = new java.util.ArrayList<>();
      settings.forEach((name, value) -> {
        args.add("--" + name);
        args.add(value);
      });
      GeneratorConfig again = GeneratorOptionsTest.parse(args.toArray(String[]::new)).config();
      assertThat(again.realism()).isEqualTo(realism);
      assertThat(again.fraudRate()).isEqualTo(0.003);
      assertThat(again.rowsPerDay()).isEqualTo(ROWS_PER_DAY);
      assertThat(again.defects()).isEqualTo(DefectRates.none());
    }
    Map<String, String> defaults = GeneratorOptions.settings(GeneratorOptionsTest.parse().config());
    List<String> args = new java.util.ArrayList<>();
    defaults.forEach((name, value) -> {
      args.add("--" + name);
      args.add(value);
    });
    GeneratorConfig again = GeneratorOptionsTest.parse(args.toArray(String[]::new)).config();
    assertThat(again.realism()).isEqualTo(Realism.defaults());
    assertThat(again.defects()).isEqualTo(DefectRates.defaults());
  }

  @Test
  void eachDateHasTheRowsItsWeekdayAndSeasonWeightsGive() {
    // Thursday weighs 2 of a week of 8 (x 7/8 to average 1), the holiday season 3.
    long[] expected = {Math.round(ROWS_PER_DAY * 1.75), Math.round(ROWS_PER_DAY * 0.875 * 3),
        Math.round(ROWS_PER_DAY * 0.875 * 3)};
    assertThat(lake.partitions).hasSize(3);
    for (int i = 0; i < 3; i++) {
      RawLake.Partition partition = lake.partitions.get(i);
      assertThat(partition.date).isEqualTo(START.plusDays(i));
      assertThat((long) partition.lines.size()).as(partition.date.toString()).isEqualTo(expected[i]);
      assertThat(realism.baseRows(partition.date, ROWS_PER_DAY)).isEqualTo(expected[i]);
    }
  }

  @Test
  void genuineTypesFollowTheMix() {
    Map<String, Long> counts = genuine.stream().collect(Collectors.groupingBy(r -> r.field("txn_type"),
        Collectors.counting()));
    assertThat(counts.keySet()).containsExactlyInAnyOrder("PURCHASE", "REFUND", "ATM_WITHDRAWAL");
    assertShare("PURCHASE", counts.get("PURCHASE"), genuine.size(), 0.5);
    assertShare("REFUND", counts.get("REFUND"), genuine.size(), 0.3);
    assertShare("ATM_WITHDRAWAL", counts.get("ATM_WITHDRAWAL"), genuine.size(), 0.2);
  }

  @Test
  void noisyFieldsAreNullAtTheGivenRates() {
    List<RawLake.Line> all = lake.lines().toList();
    assertShare("device_id null (genuine)", count(genuine, r -> r.field("device_id").isEmpty()), genuine.size(), 0.3);
    assertShare("mcc null", count(all, r -> r.field("mcc").isEmpty()), all.size(), 0.2);
    assertShare("latitude/longitude null", count(all, r -> r.field("latitude").isEmpty()), all.size(), 0.1);
    assertThat(all).allSatisfy(r -> assertThat(r.field("longitude").isEmpty()).isEqualTo(r.field("latitude").isEmpty()));
  }

  @Test
  void statusesFollowTheGivenRates() {
    for (String type : List.of("PURCHASE", "REFUND", "ATM_WITHDRAWAL")) {
      List<RawLake.Line> rows = genuine.stream().filter(r -> r.field("txn_type").equals(type)).toList();
      boolean refund = type.equals("REFUND");
      assertShare(type + " PENDING", count(rows, r -> r.field("status").equals("PENDING")), rows.size(), 0.02);
      assertShare(type + " REVERSED", count(rows, r -> r.field("status").equals("REVERSED")), rows.size(),
          refund ? 0.0 : 0.05);
      assertShare(type + " DECLINED", count(rows, r -> r.field("status").equals("DECLINED")), rows.size(),
          refund ? 0.04 : 0.1);
    }
  }

  private static long count(List<RawLake.Line> rows, Predicate<RawLake.Line> test) {
    return rows.stream().filter(test).count();
  }

  private static void assertShare(String what, long count, long n, double expected) {
    double tolerance = SIGMAS * Math.sqrt(Math.max(expected * (1 - expected), 1e-9) / n);
    assertThat((double) count / n).as(what + " (" + count + " of " + n + ")").isCloseTo(expected, within(tolerance));
  }
}
