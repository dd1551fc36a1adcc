package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SeasonTest {
  @Test
  void datesFallInTheDocumentedSeasons() {
    assertThat(Season.of(LocalDate.parse("2026-11-19"))).isEqualTo(Season.REGULAR);
    assertThat(Season.of(LocalDate.parse("2026-11-20"))).isEqualTo(Season.HOLIDAY);
    assertThat(Season.of(LocalDate.parse("2026-12-31"))).isEqualTo(Season.HOLIDAY);
    assertThat(Season.of(LocalDate.parse("2027-01-01"))).isEqualTo(Season.WINTER);
    assertThat(Season.of(LocalDate.parse("2028-02-29"))).isEqualTo(Season.WINTER);
    assertThat(Season.of(LocalDate.parse("2027-03-01"))).isEqualTo(Season.REGULAR);
    assertThat(Season.of(LocalDate.parse("2027-06-01"))).isEqualTo(Season.SUMMER);
    assertThat(Season.of(LocalDate.parse("2027-08-31"))).isEqualTo(Season.SUMMER);
    assertThat(Season.of(LocalDate.parse("2027-09-01"))).isEqualTo(Season.REGULAR);
  }

  @Test
  void volumeWeightsAreTheSpecs() {
    // SPEC: late Nov-Dec x2, Jan-Feb x0.75, summer x1.25.
    assertThat(Realism.defaults().volumeWeight(Season.of(LocalDate.parse("2026-12-10")))).isEqualTo(2.0);
    assertThat(Realism.defaults().volumeWeight(Season.of(LocalDate.parse("2027-02-10")))).isEqualTo(0.75);
    assertThat(Realism.defaults().volumeWeight(Season.of(LocalDate.parse("2027-07-10")))).isEqualTo(1.25);
    assertThat(Realism.defaults().volumeWeight(Season.of(LocalDate.parse("2027-10-10")))).isEqualTo(1.0);
  }

  @Test
  void seasonsShiftPurchasesBetweenCategoriesAndLeaveTheRegularWeightsAlone() {
    for (Segment segment : Segment.values()) {
      for (MerchantCategory category : Segment.PURCHASE_CATEGORIES) {
        assertThat(segment.purchaseWeight(category, Season.REGULAR)).isEqualTo(segment.purchaseWeight(category));
      }
      assertThat(segment.purchaseWeight(MerchantCategory.DEPARTMENT_STORE, Season.HOLIDAY))
          .isEqualTo(1.8 * segment.purchaseWeight(MerchantCategory.DEPARTMENT_STORE));
      assertThat(segment.purchaseWeight(MerchantCategory.HOTEL, Season.SUMMER))
          .isEqualTo(1.8 * segment.purchaseWeight(MerchantCategory.HOTEL));
      assertThat(segment.purchaseWeight(MerchantCategory.PHARMACY, Season.WINTER))
          .isEqualTo(1.3 * segment.purchaseWeight(MerchantCategory.PHARMACY));
      assertThat(segment.purchaseWeight(MerchantCategory.GROCERY, Season.SUMMER))
          .isEqualTo(segment.purchaseWeight(MerchantCategory.GROCERY));
      // The pick tables are the season's weights, cumulated.
      for (Season season : Season.values()) {
        double[] cumulative = segment.purchaseCumulative[season.ordinal()];
        assertThat(cumulative[cumulative.length - 1])
            .isCloseTo(RealismModel.totalPurchaseWeight(segment, season), org.assertj.core.api.Assertions.within(1e-9));
      }
    }
  }
}
