package com.paymentslake.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3ProxyServerTest {
  private final LocalLakeFixture lake = LocalLakeFixture.get();

  @Test
  void bucketIsADirectoryAndObjectsArePlainFiles() throws IOException {
    S3ProxyServer s3 = lake.s3();
    String key = "tests/s3proxy/plain/hello.csv";
    String content = "txn_id,amount\nT1,10.00\n";

    try (S3Client client = s3.newClient()) {
      client.putObject(put -> put.bucket(LocalLake.BUCKET).key(key), RequestBody.fromString(content));

      assertThat(client.listBuckets().buckets()).anyMatch(bucket -> bucket.name().equals(LocalLake.BUCKET));
      assertThat(client.getObjectAsBytes(get -> get.bucket(LocalLake.BUCKET).key(key)).asUtf8String())
          .isEqualTo(content);
    }
    Path file = s3.basedir().resolve(LocalLake.BUCKET).resolve(key);
    assertThat(file).isRegularFile().hasContent(content);
    assertThat(lake.bucketDirectory()).isEqualTo(lake.dataDir().resolve("s3").resolve(LocalLake.BUCKET));
  }

  @Test
  void createBucketIfAbsentCreatesOnceAndIsIdempotent() {
    S3ProxyServer s3 = lake.s3();

    assertThat(s3.createBucketIfAbsent("tests-idempotent-bucket")).isTrue();
    assertThat(s3.createBucketIfAbsent("tests-idempotent-bucket")).isFalse();
    assertThat(s3.bucketDirectory("tests-idempotent-bucket")).isDirectory();
  }

  @Test
  void rejectsAnInvalidBucketName() {
    assertThatThrownBy(() -> lake.s3().createBucketIfAbsent("Payments_Lake"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bucket name 'Payments_Lake' is invalid: it must be 3-63 lowercase letters, digits, '.' or '-',"
                + " starting and ending with a letter or digit");
  }

  @Test
  void endpointIsLoopbackWithTheLocalKeys() {
    S3Endpoint endpoint = lake.endpoint();

    assertThat(endpoint.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(endpoint.accessKey()).isEqualTo(S3ProxyServer.ACCESS_KEY);
    assertThat(endpoint.toString()).doesNotContain(S3ProxyServer.SECRET_KEY);
  }

  @Test
  void closeStopsTheChildJvmAndFreesThePort(@TempDir Path dataDir) throws Exception {
    S3ProxyServer server = S3ProxyServer.start(dataDir);
    long pid = server.pid();
    int port = server.endpoint().endpoint().getPort();
    assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);
    assertThat(server.logFile()).isEqualTo(dataDir.resolve("logs/s3proxy.log")).isRegularFile();

    server.close();

    assertThat(server.isRunning()).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    server.close(); // twice is harmless
  }

  @Test
  void childStopsWhenItsParentIsKilled(@TempDir Path dataDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process parent =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dlake.log.dir=" + dataDir.resolve("parent-logs"),
                S3ProxyParentProbe.class.getName(),
                dataDir.toString())
            .redirectError(dataDir.resolve("parent.err").toFile())
            .start();
    long childPid;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("probe output; stderr: %s", stderr(dataDir)).startsWith("s3proxy-pid=");
      childPid = Long.parseLong(line.substring("s3proxy-pid=".length()));
      ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();

      parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
      assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

      child.onExit().get(30, TimeUnit.SECONDS);
      assertThat(child.isAlive()).isFalse();
    } finally {
      parent.destroyForcibly();
    }
  }

  private static String stderr(Path dataDir) {
    try {
      return Files.readString(dataDir.resolve("parent.err"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void aChildThatCannotStartIsReportedWithTheTailOfItsLog(@TempDir Path dataDir) throws IOException {
    Path notAJar = Files.writeString(dataDir.resolve("not-s3proxy.jar"), "this is not a jar");

    assertThatThrownBy(() -> S3ProxyServer.start(dataDir.resolve("data"), notAJar))
        .isInstanceOf(S3ProxyException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("before it was ready; last lines of " + dataDir.resolve("data/logs/s3proxy.log"))
        .hasMessageContaining("ClassNotFoundException: org.gaul.s3proxy.Main");
  }

  @Test
  void aMissingJarNamesWhereItLookedAndHowToBuildIt(@TempDir Path dir) {
    Path missing = dir.resolve("target/s3proxy/s3proxy.jar");

    assertThatThrownBy(() -> S3ProxyServer.locateJar(null, null, List.of(missing)))
        .isInstanceOf(S3ProxyException.class)
        .hasMessageStartingWith("S3Proxy jar not found; looked at " + missing + ". Build it from the project root"
            + " with 'mvn -B -pl local-runtime -am package -DskipTests'")
        .hasMessageEndingWith("or set -Dlake.s3proxy.jar=PATH or LAKE_S3PROXY_JAR=PATH.");
    assertThatThrownBy(() -> S3ProxyServer.locateJar(missing.toString(), null, List.of()))
        .isInstanceOf(S3ProxyException.class)
        .hasMessageStartingWith("system property lake.s3proxy.jar is '" + missing + "' but that file does not exist.");
    assertThatThrownBy(() -> S3ProxyServer.locateJar(null, missing.toString(), List.of()))
        .isInstanceOf(S3ProxyException.class)
        .hasMessageStartingWith("environment variable LAKE_S3PROXY_JAR is '" + missing + "' but that file does not exist.");
  }

  @Test
  void theBuildProvidesTheJar() {
    assertThat(S3ProxyServer.locateJar()).isRegularFile().hasFileName("s3proxy.jar");
  }

  @Test
  void tailReturnsTheLastLines(@TempDir Path dir) throws IOException {
    Path log = Files.writeString(dir.resolve("x.log"), "one\ntwo\nthree\nfour\n");

    assertThat(S3ProxyServer.tail(log, 2)).isEqualTo("three\nfour");
    assertThat(S3ProxyServer.tail(dir.resolve("absent.log"), 2)).isEqualTo("(no log file " + dir.resolve("absent.log") + ")");
  }
}
