package com.paymentslake.local;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Entry point of the S3Proxy child JVM: runs {@code org.gaul.s3proxy.Main} unchanged, and halts the
 * child as soon as its parent process is gone.
 *
 * <p>A JVM shutdown hook in the parent stops S3Proxy on every orderly exit (end of run, Ctrl-C,
 * SIGTERM); this watchdog covers the rest (SIGKILL, OOM killer, a crashed test JVM), so no orphan
 * server keeps a port and a data directory busy. The class has no dependencies beyond the JDK: {@link
 * S3ProxyServer} copies its bytes into a directory of its own, which is, with the S3Proxy jar, the
 * child's whole classpath.
 *
 * <p>This class runs in the child only; its console output goes to the S3Proxy log file.
 */
public final class S3ProxyChild {
  /** System property naming the process whose exit ends the child. */
  static final String PARENT_PID_PROPERTY = "lake.parent.pid";

  static final String S3PROXY_MAIN = "org.gaul.s3proxy.Main";

  private S3ProxyChild() {}

  public static void main(String[] args) throws Throwable {
    String parentPid = System.getProperty(PARENT_PID_PROPERTY);
    if (parentPid != null) {
      Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid));
      if (parent.isEmpty()) {
        System.err.println("[lake] parent process " + parentPid + " is already gone; not starting S3Proxy");
        Runtime.getRuntime().halt(3);
      }
      parent
          .get()
          .onExit()
          .thenRun(
              () -> {
                System.err.println("[lake] parent process " + parentPid + " exited; stopping S3Proxy");
                Runtime.getRuntime().halt(0);
              });
    }
    Method main = Class.forName(S3PROXY_MAIN).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
