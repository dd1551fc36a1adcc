package com.paymentslake.jobs.common;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/** A Hadoop {@link Configuration} that can travel to executors inside a task closure. */
public final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient Configuration configuration;

  public HadoopConf(Configuration configuration) {
    this.configuration = new Configuration(configuration);
  }

  public Configuration configuration() {
    return configuration;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    configuration.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    configuration = new Configuration(false);
    configuration.readFields(in);
  }
}
