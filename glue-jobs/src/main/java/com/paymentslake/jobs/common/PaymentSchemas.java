package com.paymentslake.jobs.common;

import com.paymentslake.contract.ColumnType;
import com.paymentslake.contract.ContractColumn;
import com.paymentslake.contract.RawContract;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark schemas of the bronze zone and its rejects, derived from the raw contract. */
public final class PaymentSchemas {
  /** Amounts: up to 15 integer digits and 3 decimals (KWD, BHD) exactly, never a double. */
  public static final DecimalType AMOUNT_TYPE = DataTypes.createDecimalType(18, 3);

  /** Lineage columns bronze adds to every row: where the winning raw line came from. */
  public static final String INGEST_DATE = "ingest_date";

  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_LINE = "source_line";
  /** Partition column of bronze and silver: the UTC date of txn_ts. */
  public static final String TXN_DATE = "txn_date";

  private PaymentSchemas() {}

  public static DataType sparkType(ColumnType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case DECIMAL -> AMOUNT_TYPE;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }

  /** The contract's columns, typed. */
  public static StructType typedContract() {
    List<StructField> fields = new ArrayList<>();
    for (ContractColumn column : RawContract.current().columns()) {
      fields.add(DataTypes.createStructField(column.name(), sparkType(column.type()), true));
    }
    return DataTypes.createStructType(fields);
  }

  /** Bronze rows: typed contract columns, lineage, then the txn_date partition column. */
  public static StructType bronze() {
    return typedContract()
        .add(INGEST_DATE, DataTypes.DateType, false)
        .add(SOURCE_FILE, DataTypes.StringType, false)
        .add(SOURCE_LINE, DataTypes.LongType, false)
        .add(TXN_DATE, DataTypes.DateType, false);
  }

  /** audit/bronze_rejects rows; partitioned by ingest_date. The raw line is PAN-masked. */
  public static StructType bronzeRejects() {
    return new StructType()
        .add("txn_id", DataTypes.StringType, true)
        .add(SOURCE_FILE, DataTypes.StringType, false)
        .add(SOURCE_LINE, DataTypes.LongType, false)
        .add("raw_line", DataTypes.StringType, false)
        .add("reason", DataTypes.StringType, false)
        .add("detail", DataTypes.StringType, false)
        .add("run_id", DataTypes.StringType, false)
        .add(INGEST_DATE, DataTypes.DateType, false);
  }
}
