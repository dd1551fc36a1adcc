package com.paymentslake.generator;

import com.paymentslake.contract.Channel;

/**
 * Merchant categories with their ISO 18245 merchant category codes, a log-normal amount model in USD
 * (median and sigma of the underlying normal) and the channels they take payments through.
 */
enum MerchantCategory {
  GROCERY(new String[] {"5411", "5499"}, 42, 0.70, 97, 3, 0, 0,
      "FreshMart", "Green Basket Grocers", "Corner Market", "Daily Harvest",
      "Smith, Jones & Sons Grocers", "Épicerie Fine"),
  GAS(new String[] {"5541", "5542"}, 45, 0.45, 100, 0, 0, 0,
      "QuickFuel", "Highway Petrol", "Sunrise Gas, Inc.", "EcoFuel Station"),
  RESTAURANT(new String[] {"5812", "5813"}, 38, 0.65, 92, 8, 0, 0,
      "Luigi's Trattoria", "The \"Golden\" Fork", "Blue Door Bistro", "Bread, Butter & Co", "Café Central"),
  FAST_FOOD(new String[] {"5814"}, 12, 0.50, 85, 15, 0, 0,
      "Burger Barn", "Taco Rápido", "Noodle Box", "Pizza Planet", "Fries, Shakes & More"),
  AIRLINE(new String[] {"4511"}, 380, 0.70, 12, 80, 8, 0,
      "SkyWays Airlines", "Atlantic Air", "Pacific Wings", "Nordic Jet"),
  HOTEL(new String[] {"7011"}, 190, 0.60, 55, 35, 10, 0,
      "Grand Plaza Hotel", "Harbor Inn", "Sleep Well Suites, LLC", "City Lodge"),
  ONLINE_RETAIL(new String[] {"5999", "5732", "5942"}, 55, 0.95, 0, 95, 5, 0,
      "ShopSphere.com", "Megastore Online", "ByteBazaar", "Books, Bits & More", "GadgetHub"),
  DEPARTMENT_STORE(new String[] {"5311"}, 70, 0.80, 85, 15, 0, 0,
      "Hartwell's", "Metro Department Store", "Whitmore & Finch", "Galeries Lumière"),
  PHARMACY(new String[] {"5912"}, 25, 0.60, 95, 5, 0, 0,
      "CareWell Pharmacy", "HealthPlus Chemist", "Green Cross Apotheke"),
  TAXI(new String[] {"4121"}, 22, 0.50, 30, 70, 0, 0,
      "RideNow", "City Cabs", "Yellow Line Taxi"),
  /** Automated cash disbursement: ATM withdrawals and cash advances at an ATM. */
  ATM(new String[] {"6011"}, 100, 0.60, 0, 0, 0, 100,
      "First National Bank ATM", "Union Savings ATM", "Citywide Bank ATM", "Cash Point"),
  /** Manual cash disbursement: cash advances at a bank counter. */
  BANK_BRANCH(new String[] {"6010"}, 300, 0.60, 100, 0, 0, 0,
      "First National Bank", "Union Savings", "Citywide Bank"),
  /** Financial institutions, merchandise and services: balance transfers. */
  BANKING(new String[] {"6012"}, 1500, 0.80, 0, 85, 15, 0,
      "First National Bank Online", "Union Savings Online", "Citywide Bank, Transfers"),
  UTILITIES(new String[] {"4900", "4814"}, 120, 0.60, 0, 90, 10, 0,
      "Metro Power & Light", "City Water Utility", "TeleConnect Mobile", "Gas, Water & Power Co"),
  /** Money transfer (wire, money orders): person-to-person payments. */
  MONEY_TRANSFER(new String[] {"4829"}, 80, 0.90, 0, 100, 0, 0,
      "PayFriend", "QuickSend Transfers", "SendHome Remit");

  static final MerchantCategory[] VALUES = values();
  /**
   * The categories a holder buys from, in the order of every segment's purchase weights ({@link
   * Segment}) and every season's purchase factors ({@link Season}).
   */
  static final MerchantCategory[] PURCHASES = {
    GROCERY, RESTAURANT, FAST_FOOD, GAS, ONLINE_RETAIL, DEPARTMENT_STORE, PHARMACY, TAXI, AIRLINE, HOTEL
  };
  private static final Channel[] CHANNELS = Channel.values();

  final String[] mccs;
  final double medianUsd;
  final double sigma;
  /** Cumulative weights over {@link Channel#values()} order: POS, ECOM, ATM, MOTO. */
  final double[] channelCumulative;
  final String[] names;
  /** Whether the category has shops (store numbers in the name); pure online brands have none. */
  final boolean physical;

  MerchantCategory(String[] mccs, double medianUsd, double sigma, double pos, double ecom, double moto,
      double atm, String... names) {
    this.mccs = mccs;
    this.medianUsd = medianUsd;
    this.sigma = sigma;
    this.channelCumulative = SplitMix64.cumulative(pos, ecom, atm, moto);
    this.names = names;
    this.physical = pos > 0 || atm > 0;
  }

  /** The channel of a payment in this category for a uniform {@code u} in [0, 1). */
  Channel channel(double u) {
    return CHANNELS[SplitMix64.pickAt(u, channelCumulative)];
  }
}
