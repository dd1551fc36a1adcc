package com.paymentslake.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS SDK v2 clients for an {@link S3Endpoint}. */
public final class S3Clients {
  private S3Clients() {}

  /**
   * A path-style client with the endpoint's static keys. The HTTP client is named explicitly so a
   * second SDK HTTP implementation on the classpath cannot make client creation ambiguous.
   */
  public static S3Client create(S3Endpoint endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint.endpoint())
        .region(Region.of(endpoint.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(endpoint.accessKey(), endpoint.secretKey())))
        .forcePathStyle(true)
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }
}
