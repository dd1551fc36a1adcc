package com.paymentslake.cdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The queries the {@code athena-queries} module packages under {@value #FOLDER} on the classpath. */
public final class AthenaQueryFiles {
  /** Classpath folder of the packaged queries. */
  public static final String FOLDER = "athena-queries";

  private AthenaQueryFiles() {}

  /** Every packaged query, sorted by file name. */
  public static List<AthenaQueryFile> packaged() {
    TreeSet<String> fileNames = new TreeSet<>();
    try {
      Enumeration<URL> folders = AthenaQueryFiles.class.getClassLoader().getResources(FOLDER);
      while (folders.hasMoreElements()) {
        fileNames.addAll(sqlFiles(folders.nextElement()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the classpath folder " + FOLDER, e);
    }
    if (fileNames.isEmpty()) {
      throw new IllegalStateException("no " + FOLDER + "/*.sql on the classpath; is lake-athena-queries a dependency?");
    }
    return fileNames.stream().map(AthenaQueryFiles::read).toList();
  }

  private static AthenaQueryFile read(String fileName) {
    String resource = FOLDER + "/" + fileName;
    try (InputStream in = AthenaQueryFiles.class.getClassLoader().getResourceAsStream(resource)) {
      return new AthenaQueryFile(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static List<String> sqlFiles(URL folder) throws IOException {
    switch (folder.getProtocol()) {
      case "file" -> {
        try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
          return paths.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".sql")).toList();
        } catch (URISyntaxException e) {
          throw new IOException("bad folder URL " + folder, e);
        }
      }
      case "jar" -> {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          String prefix = FOLDER + "/";
          return jar.stream()
              .map(JarEntry::getName)
              .filter(name -> name.startsWith(prefix) && name.endsWith(".sql"))
              .map(name -> name.substring(prefix.length()))
              .filter(name -> !name.contains("/"))
              .toList();
        }
      }
      default -> throw new IOException("cannot list queries in " + folder + " (protocol " + folder.getProtocol() + ")");
    }
  }
}
