package com.paymentslake.generator;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the generator writes: the root of a lake (a local directory or an S3 bucket and prefix).
 * Files land under the zone prefixes of {@link com.paymentslake.contract.LakeLayout}.
 */
public sealed interface OutputTarget permits LocalDirectoryTarget, S3Target {

  /** The lake root as a URI: {@code file:///...} or {@code s3://bucket/prefix}. */
  String uri();

  /**
   * Parses a command-line style output location.
   *
   * @param out {@code s3://bucket[/prefix]} (or {@code s3a://...}) for S3; anything else is a local
   *     directory path (or a {@code file:} URI) used as the lake root
   * @param s3 how to reach S3; only used for S3 locations; null means {@link S3Connection#defaults()}
   */
  static OutputTarget parse(String out, S3Connection s3) {
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException(
          "Output location is empty; expected a directory or s3://bucket[/prefix]");
    }
    String text = out.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    for (String scheme : new String[] {"s3://", "s3a://"}) {
      if (lower.startsWith(scheme)) {
        String rest = text.substring(scheme.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        return new S3Target(bucket, prefix, s3 == null ? S3Connection.defaults() : s3);
      }
    }
    if (lower.startsWith("file:")) {
      return new LocalDirectoryTarget(Path.of(URI.create(text)));
    }
    return new LocalDirectoryTarget(Path.of(text));
  }
}
