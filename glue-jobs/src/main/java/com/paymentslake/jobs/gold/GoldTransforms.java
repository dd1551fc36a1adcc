package com.paymentslake.jobs.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.paymentslake.contract.Channel;
import com.paymentslake.contract.PaymentStatus;
import com.paymentslake.contract.TxnType;
import com.paymentslake.jobs.common.PaymentSchemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * The gold job's pure transformations (no I/O): business aggregates of silver rows, one row per
 * txn_date and currency ({@code gold/daily_totals}) and one per txn_date and merchant ({@code
 * gold/merchant_daily}).
 *
 * <p>Every measure is additive: summing a measure over any set of gold rows gives the measure of
 * the union of their silver rows, so analysts roll days up to weeks, or merchants up to countries,
 * with {@code sum}. Rates (approval rate, fraud rate, average ticket) are not stored; they are
 * computed at query time as a ratio of sums, never as an average of stored rates.
 *
 * <h2>Measures</h2>
 *
 * <p>Silver rows are curated and validated, so status, txn_type and channel hold contract values.
 *
 * <ul>
 *   <li>{@code txn_count}: silver rows (every status, every type). Conservation: the sum of
 *       txn_count over either table equals the silver rows in scope.
 *   <li>{@code approved_count}, {@code declined_count}, {@code reversed_count}, {@code
 *       pending_count}: rows whose status is APPROVED, DECLINED, REVERSED (approved, then reversed;
 *       no money moved) and PENDING (no issuer answer yet). The four add up to txn_count. Approval
 *       rate at query time: {@code approved_count / (approved_count + declined_count)}.
 *   <li>{@code refund_count}: rows of txn_type REFUND, whatever their status.
 *   <li>{@code fraud_count}: rows labelled {@code is_fraud}, whatever their status.
 *   <li>{@code card_not_present_count} (daily_totals): rows through ECOM or MOTO.
 *   <li>{@code gross_amount} (daily_totals; the currency's major units, decimal(28,3)) and {@code
 *       gross_amount_usd} (decimal(28,2), sum of silver's amount_usd): APPROVED rows that are not
 *       refunds, i.e. the value that moved from card holders to merchants. Declined, pending and
 *       reversed rows add nothing; refunds are not subtracted here.
 *   <li>{@code refund_amount}, {@code refund_amount_usd}: APPROVED REFUND rows, as a positive
 *       amount (silver amounts are always positive).
 *   <li>{@code net_amount}, {@code net_amount_usd}: gross minus refund amount.
 * </ul>
 *
 * <p>merchant_daily carries amounts in USD only: one day of a merchant could in principle mix
 * currencies, and USD amounts add up across them. Its {@code merchant_name} and {@code mcc} are the
 * greatest non-null value of the merchant's rows that day (a merchant has one name and MCC; mcc is
 * null on about 5% of rows, and null only when it is null on all of that day's rows).
 *
 * <p>No run id or wall-clock value is stored: re-running gold on the same silver yields the same
 * rows.
 */
final class GoldTransforms {
  static final String CURRENCY = "currency";
  static final String MERCHANT_ID = "merchant_id";
  static final String MERCHANT_NAME = "merchant_name";
  static final String MCC = "mcc";

  static final String TXN_COUNT = "txn_count";
  static final String APPROVED_COUNT = "approved_count";
  static final String DECLINED_COUNT = "declined_count";
  static final String REVERSED_COUNT = "reversed_count";
  static final String PENDING_COUNT = "pending_count";
  static final String REFUND_COUNT = "refund_count";
  static final String FRAUD_COUNT = "fraud_count";
  static final String CARD_NOT_PRESENT_COUNT = "card_not_present_count";
  static final String GROSS_AMOUNT = "gross_amount";
  static final String REFUND_AMOUNT = "refund_amount";
  static final String NET_AMOUNT = "net_amount";
  static final String GROSS_AMOUNT_USD = "gross_amount_usd";
  static final String REFUND_AMOUNT_USD = "refund_amount_usd";
  static final String NET_AMOUNT_USD = "net_amount_usd";

  /** Sums of silver's decimal(18,3) amount: ten more integer digits, as Spark's sum widens. */
  static final DecimalType AMOUNT_SUM_TYPE = DataTypes.createDecimalType(28, 3);

  /** Sums of silver's decimal(18,2) amount_usd. */
  static final DecimalType USD_SUM_TYPE = DataTypes.createDecimalType(28, 2);

  private GoldTransforms() {}

  /** The silver columns gold reads, typed as silver writes them; {@code txn_date} last. */
  static StructType silverInput() {
    return new StructType()
        .add(MERCHANT_ID, DataTypes.StringType)
        .add(MERCHANT_NAME, DataTypes.StringType)
        .add(MCC, DataTypes.StringType)
        .add("txn_type", DataTypes.StringType)
        .add("channel", DataTypes.StringType)
        .add("amount", PaymentSchemas.AMOUNT_TYPE)
        .add(CURRENCY, DataTypes.StringType)
        .add("status", DataTypes.StringType)
        .add("is_fraud", DataTypes.BooleanType)
        .add("amount_usd", DataTypes.createDecimalType(18, 2))
        .add(PaymentSchemas.TXN_DATE, DataTypes.DateType);
  }

  /** Columns of gold/daily_totals, in order; {@code txn_date} (the partition column) last. */
  static List<String> dailyTotalsColumns() {
    return List.of(
        CURRENCY, TXN_COUNT, APPROVED_COUNT, DECLINED_COUNT, REVERSED_COUNT, PENDING_COUNT, REFUND_COUNT, FRAUD_COUNT,
        CARD_NOT_PRESENT_COUNT, GROSS_AMOUNT, REFUND_AMOUNT, NET_AMOUNT, GROSS_AMOUNT_USD, REFUND_AMOUNT_USD,
        NET_AMOUNT_USD, PaymentSchemas.TXN_DATE);
  }

  /** Columns of gold/merchant_daily, in order; {@code txn_date} (the partition column) last. */
  static List<String> merchantDailyColumns() {
    return List.of(
        MERCHANT_ID, MERCHANT_NAME, MCC, TXN_COUNT, APPROVED_COUNT, DECLINED_COUNT, REVERSED_COUNT, PENDING_COUNT,
        REFUND_COUNT, FRAUD_COUNT, GROSS_AMOUNT_USD, REFUND_AMOUNT_USD, NET_AMOUNT_USD, PaymentSchemas.TXN_DATE);
  }

  /** One row per txn_date and currency of the silver rows; see the class comment for the measures. */
  static Dataset<Row> dailyTotals(Dataset<Row> silver) {
    List<Column> measures = new ArrayList<>(counts());
    measures.add(countWhere(col("channel").isin(cardNotPresentChannels())).as(CARD_NOT_PRESENT_COUNT));
    measures.add(sumWhere(col("amount"), gross(), AMOUNT_SUM_TYPE).as(GROSS_AMOUNT));
    measures.add(sumWhere(col("amount"), approvedRefund(), AMOUNT_SUM_TYPE).as(REFUND_AMOUNT));
    measures.addAll(usdAmounts());
    Dataset<Row> totals =
        silver
            .groupBy(col(PaymentSchemas.TXN_DATE), col(CURRENCY))
            .agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new))
            .withColumn(NET_AMOUNT, col(GROSS_AMOUNT).minus(col(REFUND_AMOUNT)).cast(AMOUNT_SUM_TYPE));
    return totals.select(dailyTotalsColumns().stream().map(totals::col).toArray(Column[]::new));
  }

  /** One row per txn_date and merchant of the silver rows; see the class comment for the measures. */
  static Dataset<Row> merchantDaily(Dataset<Row> silver) {
    List<Column> measures = new ArrayList<>();
    measures.add(max(col(MERCHANT_NAME)).as(MERCHANT_NAME));
    measures.add(max(col(MCC)).as(MCC));
    measures.addAll(counts());
    measures.addAll(usdAmounts());
    Dataset<Row> daily =
        silver
            .groupBy(col(PaymentSchemas.TXN_DATE), col(MERCHANT_ID))
            .agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new));
    return daily.select(merchantDailyColumns().stream().map(daily::col).toArray(Column[]::new));
  }

  private static List<Column> counts() {
    return List.of(
        count(lit(1)).as(TXN_COUNT),
        countWhere(status(PaymentStatus.APPROVED)).as(APPROVED_COUNT),
        countWhere(status(PaymentStatus.DECLINED)).as(DECLINED_COUNT),
        countWhere(status(PaymentStatus.REVERSED)).as(REVERSED_COUNT),
        countWhere(status(PaymentStatus.PENDING)).as(PENDING_COUNT),
        countWhere(col("txn_type").equalTo(TxnType.REFUND.name())).as(REFUND_COUNT),
        countWhere(col("is_fraud")).as(FRAUD_COUNT));
  }

  /** gross, refund and net amount in USD, net computed from the two sums. */
  private static List<Column> usdAmounts() {
    Column gross = sumWhere(col("amount_usd"), gross(), USD_SUM_TYPE);
    Column refund = sumWhere(col("amount_usd"), approvedRefund(), USD_SUM_TYPE);
    return List.of(gross.as(GROSS_AMOUNT_USD), refund.as(REFUND_AMOUNT_USD), gross.minus(refund).cast(USD_SUM_TYPE).as(NET_AMOUNT_USD));
  }

  private static Column status(PaymentStatus status) {
    return col("status").equalTo(status.name());
  }

  private static Column gross() {
    return status(PaymentStatus.APPROVED).and(col("txn_type").notEqual(TxnType.REFUND.name()));
  }

  private static Column approvedRefund() {
    return status(PaymentStatus.APPROVED).and(col("txn_type").equalTo(TxnType.REFUND.name()));
  }

  /** Rows where the condition is true (false and null count 0); bigint. */
  private static Column countWhere(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }

  /** Sum of value over rows where the condition is true; 0, not null, when there are none. */
  private static Column sumWhere(Column value, Column condition, DecimalType type) {
    return coalesce(sum(when(condition, value)), lit(0)).cast(type);
  }

  private static Object[] cardNotPresentChannels() {
    return Arrays.stream(Channel.values()).filter(Channel::cardNotPresent).map(Channel::name).toArray();
  }
}
