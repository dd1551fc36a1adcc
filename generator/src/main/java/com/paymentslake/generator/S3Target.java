package com.paymentslake.generator;

import java.util.Objects;

/**
 * An S3 bucket (and optional key prefix) used as the lake root. Files are streamed with multipart
 * uploads of 8 MiB parts (a single PutObject for small files);
 * a failed upload is aborted, so no partial object ever becomes visible.
 *
 * @param bucket bucket name
 * @param prefix key prefix without leading or trailing slash; empty for the bucket root
 * @param connection endpoint, region and credentials
 */
public record S3Target(String bucket, String prefix, S3Connection connection) implements OutputTarget {
  public S3Target {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(connection, "connection");
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException(
          "S3 bucket '" + bucket + "' must be 3-63 characters of a-z, 0-9, '.' and '-'"
              + " starting and ending with a letter or digit");
    }
    prefix = prefix == null ? "" : prefix.strip();
    while (prefix.startsWith("/")) {
      prefix = prefix.substring(1);
    }
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
  }

  /** The object key of a path relative to the lake root. */
  public String key(String relativePath) {
    return prefix.isEmpty() ? relativePath : prefix + "/" + relativePath;
  }

  @Override
  public String uri() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }
}
