package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.paymentslake.contract.CardBrand;
import com.paymentslake.contract.Channel;
import com.paymentslake.contract.Currencies;
import com.paymentslake.contract.TxnType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Realism targets of the spec, measured on a clean two-day run (~125,000 rows). */
class RealismTest {
  @TempDir static Path root;
  private static List<RawLake.Line> rows;
  private static List<RawLake.Line> fraud;
  private static List<RawLake.Line> genuine;

  @BeforeAll
  static void generate() throws Exception {
    GeneratorConfig config = GeneratorConfig.defaults()
        .withStartDate(LocalDate.of(2026, 10, 8))
        .withDays(2)
        .withRowsPerDay(60_000)
        .withDefects(DefectRates.none())
        .withThreads(2);
    new PaymentGenerator(config).generate(new LocalDirectoryTarget(root), GenerationListener.NONE);
    RawLake lake = RawLake.read(root);
    rows = lake.lines().toList();
    rows.forEach(TruthCheck::assertClean);
    fraud = rows.stream().filter(r -> r.field("is_fraud").equals("1")).toList();
    genuine = rows.stream().filter(r -> r.field("is_fraud").equals("0")).toList();
  }

  @Test
  void transactionTypesFollowTheTargetMix() {
    Map<String, Double> share = shares(r -> r.field("txn_type"));
    assertThat(share.get("PURCHASE")).isCloseTo(0.85, within(0.006));
    assertThat(share.get("CASH_ADVANCE")).isCloseTo(0.05, within(0.004));
    assertThat(share.get("BALANCE_TRANSFER")).isCloseTo(0.04, within(0.004));
    assertThat(share.get("REFUND")).isCloseTo(0.03, within(0.003));
    assertThat(share.get("ATM_WITHDRAWAL")).isCloseTo(0.02, within(0.003));
    assertThat(share.get("BILL_PAYMENT") + share.get("P2P_TRANSFER")).isCloseTo(0.01, within(0.002));
  }

  @Test
  void channelAndMccAreConsistentWithTheType() {
    for (RawLake.Line row : rows) {
      TxnType type = TxnType.valueOf(row.field("txn_type"));
      Channel channel = Channel.valueOf(row.field("channel"));
      String mcc = row.field("mcc");
      switch (type) {
        case ATM_WITHDRAWAL -> {
          check(channel == Channel.ATM, "ATM withdrawals at ATMs", row);
          check(mcc.isEmpty() || mcc.equals("6011"), "ATM mcc 6011", row);
        }
        case CASH_ADVANCE -> check(channel == Channel.ATM ? mcc.isEmpty() || mcc.equals("6011")
            : channel == Channel.POS && (mcc.isEmpty() || mcc.equals("6010")), "cash advance at ATM or counter", row);
        case BALANCE_TRANSFER, BILL_PAYMENT, P2P_TRANSFER ->
            check(channel.cardNotPresent(), type + " is card-not-present", row);
        case PURCHASE, REFUND -> check(channel != Channel.ATM, type + " not at an ATM", row);
      }
    }
  }

  @Test
  void fraudIsAboutThreeInAThousandAndSkewed() {
    assertThat((double) fraud.size() / rows.size()).isCloseTo(0.003, within(0.001));
    double cnpFraud = share(fraud, r -> Channel.valueOf(r.field("channel")).cardNotPresent());
    double cnpGenuine = share(genuine, r -> Channel.valueOf(r.field("channel")).cardNotPresent());
    assertThat(cnpFraud).isGreaterThan(cnpGenuine * 1.5);
    double nightFraud = share(fraud, r -> hour(r) < 5);
    double nightGenuine = share(genuine, r -> hour(r) < 5);
    assertThat(nightFraud).isGreaterThan(nightGenuine * 3);
  }

  @Test
  void fraudComesInShortPerCardWindowsFarFromHome() {
    Map<String, List<RawLake.Line>> byCardAndDay = fraud.stream()
        .collect(Collectors.groupingBy(r -> r.field("hash_pan") + r.ingestDate));
    long inBursts = byCardAndDay.values().stream()
        .filter(list -> list.size() >= 2)
        .filter(list -> span(list) <= 2 * 3600)
        .mapToLong(List::size)
        .sum();
    assertThat((double) inBursts / fraud.size()).isGreaterThan(0.9);

    // Home country of a card holder: where most of their genuine payments happen.
    Map<String, Map<String, Long>> countries = genuine.stream().collect(Collectors.groupingBy(
        r -> r.field("user_id"), Collectors.groupingBy(r -> r.field("country"), Collectors.counting())));
    Predicate<RawLake.Line> abroad = r -> {
      Map<String, Long> seen = countries.get(r.field("user_id"));
      return seen != null && !r.field("country").equals(
          seen.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
    };
    List<RawLake.Line> knownFraud = fraud.stream().filter(r -> countries.containsKey(r.field("user_id"))).toList();
    assertThat(share(knownFraud, abroad)).isGreaterThan(3 * share(genuine, abroad));
  }

  @Test
  void noisyFieldsAreNullAtTheirRates() {
    assertThat(share(rows, r -> r.field("device_id").isEmpty())).isCloseTo(0.08, within(0.01));
    assertThat(share(rows, r -> r.field("mcc").isEmpty())).isCloseTo(0.05, within(0.005));
    assertThat(share(rows, r -> r.field("latitude").isEmpty())).isCloseTo(0.01, within(0.003));
    assertThat(rows).allMatch(r -> r.field("latitude").isEmpty() == r.field("longitude").isEmpty());
  }

  @Test
  void amountsUseEachCurrencysMinorUnitsAndCurrenciesAreActive() {
    Set<String> currencies = rows.stream().map(r -> r.field("currency")).collect(Collectors.toSet());
    assertThat(currencies).contains("USD", "EUR", "GBP", "JPY", "KRW", "KWD", "BHD");
    assertThat(Currencies.codes()).containsAll(currencies);
    assertThat(rows).filteredOn(r -> r.field("currency").equals("JPY")).allMatch(r -> r.field("amount").matches("\\d+"));
    assertThat(rows).filteredOn(r -> r.field("currency").equals("KWD"))
        .allMatch(r -> r.field("amount").matches("\\d+\\.\\d{3}"));
    assertThat(rows).filteredOn(r -> r.field("currency").equals("USD"))
        .allMatch(r -> r.field("amount").matches("\\d+\\.\\d{2}"));
  }

  @Test
  void amountsAreLogNormalPerCategory() {
    // The median of a category's purchases in USD is that of the log-normal mixture over segments:
    // median x spend factor, weighted by holder share x the segment's weight of the category (a
    // weekday run, so no weekend effect). Half of the purchases lie below it, within 5 binomial
    // standard errors; the population's realized segment mix moves it by well under one.
    for (String mcc : List.of("5411", "4511")) {
      MerchantCategory category = mcc.equals("5411") ? MerchantCategory.GROCERY : MerchantCategory.AIRLINE;
      double[] weights = RealismModel.purchaseSegmentWeights(category, RealismModel.holderShares());
      double median = RealismModel.amountQuantile(category, weights, 0.5);
      List<Double> usd = usd(r -> r.field("mcc").equals(mcc) && r.field("txn_type").equals("PURCHASE")
          && r.field("is_fraud").equals("0"));
      double below = (double) usd.stream().filter(x -> x < median).count() / usd.size();
      assertThat(below).as("%s purchases below the model median %.2f USD (n=%d)", category, median, usd.size())
          .isCloseTo(0.5, within(5 * RealismModel.standardError(0.5, usd.size())));
    }
    assertThat(rows).filteredOn(r -> r.field("txn_type").equals("ATM_WITHDRAWAL") && r.field("currency").equals("USD"))
        .allMatch(r -> r.field("amount").matches("\\d*0\\.00"));
  }

  @Test
  void paymentsPeakInTheEvening() {
    int[] hours = new int[24];
    genuine.forEach(r -> hours[hour(r)]++);
    int peak = 0;
    for (int h = 1; h < 24; h++) {
      if (hours[h] > hours[peak]) {
        peak = h;
      }
    }
    assertThat(peak).isBetween(16, 19);
    // The segments' time-of-day mixtures, weighted by holder share (~N(18h, 3h) overall).
    double[] model = RealismModel.rowHourShares(RealismModel.holderShares());
    double expected = 0;
    for (int h = 15; h < 21; h++) {
      expected += model[h];
    }
    double evening = share(genuine, r -> hour(r) >= 15 && hour(r) < 21);
    assertThat(evening).as("share of genuine rows at 15-21h").isCloseTo(expected, within(0.02));
    assertThat(expected).as("the model's share at 15-21h, N(18h, 3h) has 0.683").isCloseTo(0.683, within(0.03));
    assertThat(genuine).allMatch(r -> TruthCheck.txnDate(r).equals(r.ingestDate));
  }

  @Test
  void statusesAndResponseCodesAreConsistent() {
    assertThat(share(rows, r -> r.field("status").equals("DECLINED"))).isCloseTo(0.05, within(0.005));
    assertThat(share(rows, r -> r.field("status").equals("REVERSED"))).isCloseTo(0.005, within(0.0015));
    assertThat(share(rows, r -> r.field("status").equals("PENDING"))).isCloseTo(0.002, within(0.001));
    Set<String> declineCodes = rows.stream().filter(r -> r.field("status").equals("DECLINED"))
        .map(r -> r.field("response_code")).collect(Collectors.toSet());
    assertThat(declineCodes).contains("05", "51", "54", "14").doesNotContain("00");
    assertThat(rows).filteredOn(r -> r.field("response_code").equals("55") || r.field("response_code").equals("75"))
        .allMatch(r -> r.field("channel").equals("ATM"));
    assertThat(rows).filteredOn(r -> r.field("txn_type").equals("REFUND"))
        .noneMatch(r -> r.field("status").equals("REVERSED"));
  }

  @Test
  void cardsAndMerchantsAreAFinitePopulationWithStableAttributes() {
    Map<String, String> cardOfHash = new HashMap<>();
    Map<String, String> merchantOfId = new HashMap<>();
    Map<String, Set<String>> cardsOfUser = new HashMap<>();
    for (RawLake.Line r : rows) {
      String card = r.field("card_brand") + "/" + r.field("card_bin") + "/" + r.field("card_last4");
      String previousCard = cardOfHash.putIfAbsent(r.field("hash_pan"), card);
      check(previousCard == null || previousCard.equals(card), "one card per hash_pan", r);
      check(CardBrand.ofBin(r.field("card_bin")) == CardBrand.valueOf(r.field("card_brand")), "brand of BIN", r);
      String merchant = r.field("merchant_name") + "/" + r.field("city") + "/" + r.field("country");
      String previousMerchant = merchantOfId.putIfAbsent(r.field("merchant_id"), merchant);
      check(previousMerchant == null || previousMerchant.equals(merchant), "one merchant per merchant_id", r);
      if (r.field("is_fraud").equals("0")) {
        cardsOfUser.computeIfAbsent(r.field("user_id"), u -> new java.util.HashSet<>()).add(r.field("hash_pan"));
      }
    }
    assertThat(cardsOfUser.values()).allMatch(cards -> cards.size() <= 2);
    assertThat(cardsOfUser.values().stream().filter(c -> c.size() == 2).count()).isPositive();
    assertThat(cardsOfUser.size()).isLessThan(rows.size() / 2);
    assertThat(merchantOfId.values()).anyMatch(m -> m.contains(",")).anyMatch(m -> m.contains("\""));
    assertThat(rows).extracting(r -> r.field("city")).contains("São Paulo", "Zürich");
  }

  private static List<Double> usd(Predicate<RawLake.Line> filter) {
    List<Double> usd = new ArrayList<>();
    for (RawLake.Line r : rows) {
      if (filter.test(r)) {
        usd.add(Double.parseDouble(r.field("amount"))
            * Currencies.of(r.field("currency")).usdPerUnit().doubleValue());
      }
    }
    assertThat(usd).hasSizeGreaterThan(100);
    return usd;
  }

  private static long span(List<RawLake.Line> list) {
    List<Long> seconds = list.stream().map(r -> Instant.parse(r.field("txn_ts")).getEpochSecond()).sorted().toList();
    return seconds.get(seconds.size() - 1) - seconds.get(0);
  }

  /** The local hour of the payment, on the clock of its city (txn_ts is UTC, checked by assertClean). */
  private static int hour(RawLake.Line r) {
    ZoneId zone = ZONES.get(r.field("city"));
    assertThat(zone).as("zone of city %s", r.field("city")).isNotNull();
    return Instant.parse(r.field("txn_ts")).atZone(zone).getHour();
  }

  private static final Map<String, ZoneId> ZONES = java.util.Arrays.stream(new World(0).cities)
      .collect(Collectors.toMap(c -> c.name, c -> c.zone));

  private static Map<String, Double> shares(java.util.function.Function<RawLake.Line, String> key) {
    Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    Map<String, Double> out = new HashMap<>();
    counts.forEach((k, v) -> out.put(k, (double) v / rows.size()));
    return out;
  }

  private static double share(List<RawLake.Line> list, Predicate<RawLake.Line> predicate) {
    return (double) list.stream().filter(predicate).count() / list.size();
  }

  private static void check(boolean condition, String rule, RawLake.Line row) {
    TruthCheck.check(condition, rule, row);
  }
}
