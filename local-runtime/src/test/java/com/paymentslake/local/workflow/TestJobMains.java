package com.paymentslake.local.workflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tiny job classes with a Glue-style main, for {@link MainClassJobRunner}. */
final class TestJobMains {
  private TestJobMains() {}

  /** Records the arguments it was started with. */
  public static final class Recording {
    static final List<List<String>> CALLS = new CopyOnWriteArrayList<>();

    private Recording() {}

    public static void main(String[] args) {
      CALLS.add(List.of(args));
    }
  }

  /** Fails the way a job quoting bad input would, with a PAN in its message. */
  public static final class Throwing {
    private Throwing() {}

    public static void main(String[] args) {
      throw new IllegalStateException("line 7 has card number 4111111111111111 in the merchant name");
    }
  }

  /** A class without a main. */
  public static final class NoMain {
    private NoMain() {}
  }
}
