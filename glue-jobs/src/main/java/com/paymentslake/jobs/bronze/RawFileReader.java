package com.paymentslake.jobs.bronze;

import com.paymentslake.contract.PanSafety;
import com.paymentslake.contract.RawContract;
import com.paymentslake.contract.RejectReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Streams one raw file as {@link ParsedLines} rows, one per data line, with its physical line
 * number (the header is line 1). Runs in executors: one task per file, never the whole file in
 * memory. A drifted file's lines are all rejected with reason SCHEMA_DRIFT.
 */
final class RawFileReader implements Iterator<Row>, AutoCloseable {
  private static final int CONTRACT_COLUMNS = RawContract.current().columnCount();
  private static final int TXN_ID = RawContract.current().indexOf("txn_id");

  private final RawFile file;
  private final Date ingestDate;
  private final BufferedReader reader;
  private long lineNumber = 1;
  private String next;

  RawFileReader(RawFile file, Configuration configuration) {
    this.file = file;
    this.ingestDate = RawRecordTyper.sqlDate(file.ingestDate());
    try {
      Path path = new Path(file.uri());
      FileSystem fs = path.getFileSystem(configuration);
      this.reader = RawText.open(fs, path, configuration, 1 << 20);
      reader.readLine(); // the header, checked by the driver before this task started
      this.next = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read raw file " + file.uri(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      close();
      return false;
    }
    return true;
  }

  @Override
  public Row next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    String line = next;
    lineNumber++;
    try {
      next = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read raw file " + file.uri() + " after line " + lineNumber, e);
    }
    return toRow(line, lineNumber);
  }

  Row toRow(String line, long number) {
    if (file.drifted()) {
      return reject(line, number, RejectReason.SCHEMA_DRIFT, file.driftDetail());
    }
    RawRecordTyper.Typed typed = RawRecordTyper.type(line);
    if (typed instanceof RawRecordTyper.Rejected rejected) {
      return reject(line, number, rejected.reason(), rejected.detail());
    }
    RawRecordTyper.Values values = (RawRecordTyper.Values) typed;
    Object[] row = new Object[CONTRACT_COLUMNS + 7];
    System.arraycopy(values.values(), 0, row, 0, CONTRACT_COLUMNS);
    row[CONTRACT_COLUMNS] = ingestDate;
    row[CONTRACT_COLUMNS + 1] = file.relativePath();
    row[CONTRACT_COLUMNS + 2] = number;
    row[CONTRACT_COLUMNS + 3] = RawRecordTyper.sqlDate(values.txnDate());
    return RowFactory.create(row);
  }

  private Row reject(String line, long number, RejectReason reason, String detail) {
    Object[] row = new Object[CONTRACT_COLUMNS + 7];
    row[TXN_ID] = PanSafety.mask(CsvLine.firstField(line));
    row[CONTRACT_COLUMNS] = ingestDate;
    row[CONTRACT_COLUMNS + 1] = file.relativePath();
    row[CONTRACT_COLUMNS + 2] = number;
    row[CONTRACT_COLUMNS + 4] = reason.name();
    row[CONTRACT_COLUMNS + 5] = PanSafety.mask(detail);
    row[CONTRACT_COLUMNS + 6] = PanSafety.mask(line);
    return RowFactory.create(row);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close raw file " + file.uri(), e);
    }
  }
}
