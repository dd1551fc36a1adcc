package com.paymentslake.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Objects in an S3 bucket (AWS SDK v2, blocking Apache HTTP client). A file is streamed: up to one
 * part ({@value #PART_SIZE_MIB} MiB) is buffered, a file that fits in one part is sent with a single
 * PutObject, a larger one as a multipart upload that is aborted if anything fails, so a partial
 * object is never visible.
 */
final class S3ObjectStore implements ObjectStore {
  static final int PART_SIZE_MIB = 8;
  static final int PART_SIZE = PART_SIZE_MIB << 20;
  private static final String CONTENT_TYPE_CSV = "text/csv; charset=utf-8";

  private final S3Target target;
  private final S3Client client;

  S3ObjectStore(S3Target target) throws IOException {
    this.target = target;
    try {
      this.client = client(target.connection());
    } catch (SdkException | IllegalArgumentException e) {
      throw new IOException("Cannot create an S3 client for " + target.uri() + ": " + e.getMessage(), e);
    }
  }

  static S3Client client(S3Connection connection) {
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(connection.region()))
        .httpClient(ApacheHttpClient.builder().build())
        .forcePathStyle(connection.pathStyle());
    if (connection.endpoint() != null) {
      builder.endpointOverride(connection.endpoint());
    }
    if (connection.accessKey() != null) {
      builder.credentialsProvider(StaticCredentialsProvider.create(
          AwsBasicCredentials.create(connection.accessKey(), connection.secretKey())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.create());
    }
    return builder.build();
  }

  @Override
  public AtomicOutput create(String path) {
    return new MultipartOutput(target.key(path));
  }

  @Override
  public void deleteStaleParts(String folder, Set<String> keep) throws IOException {
    String prefix = target.key(folder) + "/";
    try {
      List<ObjectIdentifier> stale = new ArrayList<>();
      for (S3Object object : client.listObjectsV2Paginator(
          ListObjectsV2Request.builder().bucket(target.bucket()).prefix(prefix).build()).contents()) {
        String name = object.key().substring(prefix.length());
        if (!name.contains("/") && PaymentGenerator.isPartFile(name) && !keep.contains(name)) {
          stale.add(ObjectIdentifier.builder().key(object.key()).build());
        }
      }
      for (int i = 0; i < stale.size(); i += 1000) {
        client.deleteObjects(DeleteObjectsRequest.builder()
            .bucket(target.bucket())
            .delete(Delete.builder().objects(stale.subList(i, Math.min(stale.size(), i + 1000))).build())
            .build());
      }
    } catch (SdkException e) {
      throw new IOException("Cannot clean up s3://" + target.bucket() + "/" + prefix + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe(String path) {
    return "s3://" + target.bucket() + "/" + target.key(path);
  }

  @Override
  public void close() {
    client.close();
  }

  private final class MultipartOutput extends AtomicOutput {
    private final String key;
    private final byte[] part = new byte[PART_SIZE];
    private final List<CompletedPart> parts = new ArrayList<>();
    private int size;
    private String uploadId;
    private boolean closed;

    MultipartOutput(String key) {
      this.key = key;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int n = Math.min(len, PART_SIZE - size);
        System.arraycopy(b, off, part, size, n);
        size += n;
        off += n;
        len -= n;
        if (size == PART_SIZE) {
          uploadPart();
        }
      }
    }

    @Override
    void commit() throws IOException {
      closed = true;
      try {
        if (uploadId == null) {
          client.putObject(
              PutObjectRequest.builder().bucket(target.bucket()).key(key).contentType(contentType())
                  .contentLength((long) size).build(),
              RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, size), size));
          return;
        }
        if (size > 0) {
          uploadPart();
        }
        client.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
            .bucket(target.bucket()).key(key).uploadId(uploadId)
            .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
            .build());
      } catch (SdkException e) {
        abort();
        throw new IOException("Cannot write s3://" + target.bucket() + "/" + key + ": " + e.getMessage(), e);
      } catch (IOException e) {
        abort();
        throw e;
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        abort();
      }
    }

    private void uploadPart() throws IOException {
      try {
        if (uploadId == null) {
          uploadId = client.createMultipartUpload(CreateMultipartUploadRequest.builder()
              .bucket(target.bucket()).key(key).contentType(contentType()).build()).uploadId();
        }
        int number = parts.size() + 1;
        String etag = client.uploadPart(
            UploadPartRequest.builder().bucket(target.bucket()).key(key).uploadId(uploadId)
                .partNumber(number).contentLength((long) size).build(),
            RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, size), size)).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        size = 0;
      } catch (SdkException e) {
        abort();
        closed = true;
        throw new IOException("Cannot upload part " + (parts.size() + 1) + " of s3://" + target.bucket()
            + "/" + key + ": " + e.getMessage(), e);
      }
    }

    private void abort() {
      if (uploadId != null) {
        String id = uploadId;
        uploadId = null;
        try {
          client.abortMultipartUpload(AbortMultipartUploadRequest.builder()
              .bucket(target.bucket()).key(key).uploadId(id).build());
        } catch (SdkException ignored) {
          // Best effort: a lifecycle rule for incomplete uploads covers what remains.
        }
      }
    }

    private String contentType() {
      return key.endsWith(".json") ? "application/json" : CONTENT_TYPE_CSV;
    }
  }
}
