package com.paymentslake.local;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach an S3 API server: endpoint, signing region and static credentials. Path-style
 * addressing is implied (a local endpoint has no per-bucket DNS names).
 *
 * @param endpoint base URI such as {@code http://127.0.0.1:41234}
 * @param region signing region
 * @param accessKey access key id
 * @param secretKey secret access key
 */
public record S3Endpoint(URI endpoint, String region, String accessKey, String secretKey) {
  public S3Endpoint {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException(
          "S3 endpoint is '" + endpoint + "' but must be an http:// or https:// URI");
    }
    if (endpoint.getHost() == null) {
      throw new IllegalArgumentException("S3 endpoint is '" + endpoint + "' but has no host");
    }
    if (region.isBlank() || accessKey.isBlank() || secretKey.isBlank()) {
      throw new IllegalArgumentException("S3 region, access key and secret key must not be blank");
    }
  }

  /** Whether the endpoint is plain HTTP (S3A must then be told not to use TLS). */
  public boolean plainHttp() {
    return "http".equals(endpoint.getScheme());
  }

  /** Never print the secret. */
  @Override
  public String toString() {
    return "S3Endpoint[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey + "]";
  }
}
