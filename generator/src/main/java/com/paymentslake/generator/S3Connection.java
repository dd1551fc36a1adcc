package com.paymentslake.generator;

import java.net.URI;

/**
 * How to reach S3 or an S3-compatible endpoint (the local twin's S3 API server).
 *
 * @param endpoint endpoint override such as {@code http://127.0.0.1:9000}; null means the AWS
 *     endpoint of the region
 * @param region signing region; null or blank means {@value #DEFAULT_REGION}
 * @param accessKey static access key; null means the SDK's default credentials chain
 * @param secretKey static secret key; given exactly when {@code accessKey} is
 * @param pathStyle path-style addressing ({@code endpoint/bucket/key}), needed by most local
 *     S3-compatible servers
 */
public record S3Connection(
    URI endpoint, String region, String accessKey, String secretKey, boolean pathStyle) {
  public static final String DEFAULT_REGION = "us-east-1";

  public S3Connection {
    if (region == null || region.isBlank()) {
      region = DEFAULT_REGION;
    }
    region = region.strip();
    if (!region.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException(
          "S3 region '" + region + "' must be lower-case letters, digits and dashes, e.g. us-east-1");
    }
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException(
          "S3 access key and secret key must be given together (got only the "
              + (accessKey == null ? "secret key" : "access key") + ")");
    }
    if (accessKey != null && (accessKey.isBlank() || secretKey.isBlank())) {
      throw new IllegalArgumentException("S3 access key and secret key must not be blank");
    }
    if (endpoint != null) {
      String scheme = endpoint.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || endpoint.getHost() == null) {
        throw new IllegalArgumentException(
            "S3 endpoint '" + endpoint + "' must be an http:// or https:// URL with a host");
      }
    }
  }

  /** AWS endpoint of us-east-1, default credentials chain, virtual-hosted addressing. */
  public static S3Connection defaults() {
    return new S3Connection(null, DEFAULT_REGION, null, null, false);
  }

  /** Static credentials, e.g. for a local S3-compatible server. */
  public static S3Connection local(URI endpoint, String accessKey, String secretKey) {
    return new S3Connection(endpoint, DEFAULT_REGION, accessKey, secretKey, true);
  }

  /** Never prints the secret key. */
  @Override
  public String toString() {
    return "S3Connection[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey
        + ", secretKey=" + (secretKey == null ? null : "****") + ", pathStyle=" + pathStyle + "]";
  }
}
