package com.paymentslake.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * A real S3 API server for the local twin: <a href="https://github.com/gaul/s3proxy">S3Proxy</a>
 * with its filesystem backend, run as a child JVM.
 *
 * <p>Objects are plain files: {@code s3://bucket/key} is {@code <data-dir>/s3/bucket/key}. The
 * server listens on {@code http://127.0.0.1:<free port>}, signs with AWS v2 or v4 and accepts the
 * fixed local keys {@link #ACCESS_KEY}/{@link #SECRET_KEY}. Its console output goes to {@code
 * <data-dir>/logs/s3proxy.log}.
 *
 * <p>S3Proxy never joins this JVM's classpath (its Jetty 12, Jackson 3 and Guava 33 clash with
 * Spark's); it runs from its own {@code jar-with-dependencies}, found through {@link #JAR_PROPERTY},
 * {@link #JAR_ENV} or the module's build output ({@code local-runtime/target/s3proxy/s3proxy.jar}).
 * The child is stopped by {@link #close()}, by a shutdown hook of this JVM, and, should this JVM be
 * killed outright, by a watchdog in the child ({@link S3ProxyChild}).
 */
public final class S3ProxyServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(S3ProxyServer.class);

  /** System property with the path of the S3Proxy jar-with-dependencies. */
  public static final String JAR_PROPERTY = "lake.s3proxy.jar";

  /** Environment variable with the path of the S3Proxy jar-with-dependencies. */
  public static final String JAR_ENV = "LAKE_S3PROXY_JAR";

  /** Access key the local server accepts (not a secret: the server listens on loopback only). */
  public static final String ACCESS_KEY = "lake-local-access-key";

  /** Secret key the local server accepts. */
  public static final String SECRET_KEY = "lake-local-secret-key";

  public static final String REGION = "us-east-1";

  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 3;
  private static final int LOG_TAIL_LINES = 25;
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private final Process process;
  private final S3Endpoint endpoint;
  private final Path basedir;
  private final Path logFile;
  private final Thread shutdownHook;

  private S3ProxyServer(Process process, S3Endpoint endpoint, Path basedir, Path logFile) {
    this.process = process;
    this.endpoint = endpoint;
    this.basedir = basedir;
    this.logFile = logFile;
    this.shutdownHook = new Thread(this::stopProcess, "s3proxy-shutdown-" + process.pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts S3Proxy with objects under {@code <dataDir>/s3}, using the jar found by {@link
   * #locateJar()}, and waits until it answers HTTP.
   *
   * @throws S3ProxyException if the jar is missing or the server does not come up
   */
  public static S3ProxyServer start(Path dataDir) {
    return start(dataDir, locateJar());
  }

  /** Starts S3Proxy from the given jar-with-dependencies; see {@link #start(Path)}. */
  public static S3ProxyServer start(Path dataDir, Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new S3ProxyException("S3Proxy jar '" + jar + "' does not exist. " + buildHint());
    }
    Path root = dataDir.toAbsolutePath().normalize();
    Path basedir = root.resolve("s3");
    Path logs = root.resolve("logs");
    Path run = root.resolve("run");
    Path childClasses = run.resolve("s3proxy-child");
    try {
      Files.createDirectories(basedir);
      Files.createDirectories(logs);
      copyChildClass(childClasses);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare S3Proxy directories under " + root, e);
    }
    Path logFile = logs.resolve("s3proxy.log");
    Path properties = run.resolve("s3proxy.properties");

    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      S3Endpoint endpoint =
          new S3Endpoint(URI.create("http://127.0.0.1:" + port), REGION, ACCESS_KEY, SECRET_KEY);
      writeProperties(properties, endpoint, basedir);
      List<String> command = childCommand(jar, childClasses, properties);
      LOG.info("starting S3Proxy on {} with objects under {}: {}", endpoint.endpoint(), basedir, command);
      Process process;
      try {
        appendToLog(logFile, "---- [lake] starting S3Proxy on " + endpoint.endpoint() + " (attempt " + attempt + ")");
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putIfAbsent("LOG_LEVEL", "info");
        process = builder.start();
      } catch (IOException e) {
        throw new S3ProxyException("cannot launch S3Proxy (" + String.join(" ", command) + "): " + e.getMessage(), e);
      }
      S3ProxyServer server = new S3ProxyServer(process, endpoint, basedir, logFile);
      Optional<String> failure = server.awaitReady(STARTUP_TIMEOUT);
      if (failure.isEmpty()) {
        LOG.info("S3Proxy {} ready at {}", process.pid(), endpoint.endpoint());
        return server;
      }
      server.close();
      String tail = tail(logFile, LOG_TAIL_LINES);
      boolean portTaken = tail.contains("Address already in use") || tail.contains("BindException");
      if (portTaken && attempt < START_ATTEMPTS) {
        LOG.warn("S3Proxy could not bind port {} (taken meanwhile); retrying on another port", port);
        continue;
      }
      throw new S3ProxyException(
          failure.get() + "; last lines of " + logFile + ":\n" + tail.indent(2).stripTrailing());
    }
  }

  /**
   * Finds the S3Proxy jar-with-dependencies: system property {@value #JAR_PROPERTY}, else
   * environment variable {@value #JAR_ENV}, else this module's build output.
   *
   * @throws S3ProxyException naming every place looked at and how to build the jar
   */
  public static Path locateJar() {
    return locateJar(System.getProperty(JAR_PROPERTY), System.getenv(JAR_ENV), defaultJarLocations());
  }

  static Path locateJar(String property, String environment, List<Path> defaults) {
    if (property != null && !property.isBlank()) {
      return existingJar(Path.of(property), "system property " + JAR_PROPERTY);
    }
    if (environment != null && !environment.isBlank()) {
      return existingJar(Path.of(environment), "environment variable " + JAR_ENV);
    }
    for (Path candidate : defaults) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new S3ProxyException(
        "S3Proxy jar not found; looked at "
            + defaults.stream().map(Path::toString).collect(Collectors.joining(", "))
            + ". "
            + buildHint());
  }

  private static Path existingJar(Path jar, String source) {
    if (!Files.isRegularFile(jar)) {
      throw new S3ProxyException(source + " is '" + jar + "' but that file does not exist. " + buildHint());
    }
    return jar;
  }

  private static String buildHint() {
    return "Build it from the project root with 'mvn -B -pl local-runtime -am package -DskipTests' (copies"
        + " org.gaul:s3proxy:jar-with-dependencies to local-runtime/target/s3proxy/s3proxy.jar; ./lake does"
        + " this for you), or set -D"
        + JAR_PROPERTY
        + "=PATH or "
        + JAR_ENV
        + "=PATH.";
  }

  /** target/s3proxy/s3proxy.jar next to this module's classes, then relative to the working dir. */
  private static List<Path> defaultJarLocations() {
    List<Path> locations = new ArrayList<>();
    try {
      var source = S3ProxyServer.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        // target/classes (a directory) or target/lake-local-*.jar: both have target/ as parent.
        Path target = Path.of(source.getLocation().toURI()).getParent();
        if (target != null) {
          locations.add(target.resolve("s3proxy").resolve("s3proxy.jar"));
        }
      }
    } catch (Exception e) {
      LOG.debug("cannot locate this module's code source", e);
    }
    locations.add(Path.of("local-runtime", "target", "s3proxy", "s3proxy.jar").toAbsolutePath());
    locations.add(Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath());
    return locations.stream().map(Path::normalize).distinct().toList();
  }

  private static List<String> childCommand(Path jar, Path childClasses, Path properties) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-Xmx256m",
        "-XX:+UseSerialGC",
        "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
        "-D" + S3ProxyChild.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid(),
        "-cp",
        jar.toAbsolutePath() + File.pathSeparator + childClasses,
        S3ProxyChild.class.getName(),
        "--properties",
        properties.toString());
  }

  /** Copies the dependency-free watchdog class so the child's classpath holds nothing else of ours. */
  private static void copyChildClass(Path childClasses) throws IOException {
    String resource = S3ProxyChild.class.getName().replace('.', '/') + ".class";
    Path target = childClasses.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = S3ProxyChild.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("class file " + resource + " not found on the classpath");
      }
      Files.write(target, in.readAllBytes());
    }
  }

  private static void writeProperties(Path file, S3Endpoint endpoint, Path basedir) {
    Properties properties = new Properties();
    properties.setProperty("s3proxy.endpoint", endpoint.endpoint().toString());
    properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    properties.setProperty("s3proxy.identity", endpoint.accessKey());
    properties.setProperty("s3proxy.credential", endpoint.secretKey());
    properties.setProperty("jclouds.provider", "filesystem");
    properties.setProperty("jclouds.filesystem.basedir", basedir.toString());
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        properties.store(out, "payments-lake local S3 endpoint (written by S3ProxyServer)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
    }
  }

  /** Polls until the server answers any HTTP request; empty when ready, else why not. */
  private Optional<String> awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return Optional.of(
            "S3Proxy (pid " + process.pid() + ") exited with code " + process.exitValue() + " before it was ready");
      }
      if (answersHttp()) {
        return Optional.empty();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted while waiting for S3Proxy to start");
      }
    }
    return Optional.of(
        "S3Proxy (pid " + process.pid() + ") did not answer on " + endpoint.endpoint() + " within "
            + timeout.toSeconds() + " s");
  }

  private boolean answersHttp() {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint.endpoint().resolve("/").toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      try {
        return connection.getResponseCode() > 0; // 403 without credentials: it is up
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  /** Where to reach the server. */
  public S3Endpoint endpoint() {
    return endpoint;
  }

  /** The filesystem backend's root: bucket {@code b}, key {@code k} is the file {@code basedir/b/k}. */
  public Path basedir() {
    return basedir;
  }

  /** The directory holding a bucket's objects as plain files. */
  public Path bucketDirectory(String bucket) {
    return basedir.resolve(validBucket(bucket));
  }

  /** The child's console log. */
  public Path logFile() {
    return logFile;
  }

  /** Process id of the S3Proxy child JVM. */
  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** A new SDK v2 client for this server (path-style, local keys); the caller closes it. */
  public S3Client newClient() {
    return S3Clients.create(endpoint);
  }

  /** Creates the bucket unless it exists; returns whether it was created. */
  public boolean createBucketIfAbsent(String bucket) {
    validBucket(bucket);
    try (S3Client s3 = newClient()) {
      try {
        s3.headBucket(request -> request.bucket(bucket));
        return false;
      } catch (NoSuchBucketException absent) {
        try {
          s3.createBucket(request -> request.bucket(bucket));
          LOG.info("created bucket {} at {}", bucket, endpoint.endpoint());
          return true;
        } catch (BucketAlreadyOwnedByYouException raced) {
          return false;
        }
      }
    }
  }

  static String validBucket(String bucket) {
    if (bucket == null || !BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
      throw new IllegalArgumentException(
          "bucket name '" + bucket + "' is invalid: it must be 3-63 lowercase letters, digits, '.' or '-',"
              + " starting and ending with a letter or digit");
    }
    return bucket;
  }

  /** Stops the child JVM (SIGTERM, then SIGKILL after 10 s) and waits until it is gone. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to run; stopping twice is harmless
    }
    stopProcess();
  }

  private synchronized void stopProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    LOG.info("S3Proxy {} stopped", process.pid());
  }

  private static void appendToLog(Path logFile, String line) throws IOException {
    Files.writeString(
        logFile,
        line + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The last lines of a (possibly large) log file. */
  static String tail(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "(no log file " + file + ")";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int window = (int) Math.min(length, 64 * 1024);
      byte[] bytes = new byte[window];
      in.seek(length - window);
      in.readFully(bytes);
      String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
      return String.join("\n", Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return "S3ProxyServer[pid=" + process.pid() + ", endpoint=" + endpoint.endpoint() + ", basedir=" + basedir + "]";
  }
}
