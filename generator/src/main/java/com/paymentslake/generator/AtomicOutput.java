package com.paymentslake.generator;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream whose content becomes visible under its final name only on {@link #commit()}. Closing
 * it without committing discards everything written.
 */
abstract class AtomicOutput extends OutputStream {
  abstract void commit() throws IOException;
}
