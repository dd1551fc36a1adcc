package com.paymentslake.jobs.bronze;

import com.paymentslake.jobs.common.PaymentSchemas;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of every raw data line after parsing: the bronze columns (null for rejected lines, except a
 * best-effort txn_id) plus the reject reason, detail and PAN-masked raw line (null for good lines).
 */
final class ParsedLines {
  static final String REJECT_REASON = "reject_reason";
  static final String REJECT_DETAIL = "reject_detail";
  static final String RAW_LINE = "raw_line";

  private ParsedLines() {}

  static StructType schema() {
    return PaymentSchemas.typedContract()
        .add(PaymentSchemas.INGEST_DATE, DataTypes.DateType, false)
        .add(PaymentSchemas.SOURCE_FILE, DataTypes.StringType, false)
        .add(PaymentSchemas.SOURCE_LINE, DataTypes.LongType, false)
        .add(PaymentSchemas.TXN_DATE, DataTypes.DateType, true)
        .add(REJECT_REASON, DataTypes.StringType, true)
        .add(REJECT_DETAIL, DataTypes.StringType, true)
        .add(RAW_LINE, DataTypes.StringType, true);
  }
}
