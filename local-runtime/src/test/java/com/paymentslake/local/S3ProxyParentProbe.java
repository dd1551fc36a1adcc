package com.paymentslake.local;

import java.nio.file.Path;

/** A parent JVM for the orphan test: starts S3Proxy, prints the child's pid, waits to be killed. */
public final class S3ProxyParentProbe {
  private S3ProxyParentProbe() {}

  public static void main(String[] args) throws InterruptedException {
    S3ProxyServer server = S3ProxyServer.start(Path.of(args[0]));
    System.out.println("s3proxy-pid=" + server.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
