package com.paymentslake.local.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The analysts' queries packaged from {@code athena-queries/*.sql} (the {@code athena-queries}
 * module puts them in the classpath folder {@value #FOLDER}), and resolution of a query given by
 * name or by file path.
 */
public final class AthenaQueries {
  /** Classpath folder of the packaged queries. */
  public static final String FOLDER = "athena-queries";

  private static final String SUFFIX = ".sql";

  private AthenaQueries() {}

  /** Names of the packaged queries (file names without {@code .sql}), sorted. */
  public static List<String> names() {
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> folders = classLoader().getResources(FOLDER);
      while (folders.hasMoreElements()) {
        names.addAll(fileNames(folders.nextElement()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the classpath folder " + FOLDER, e);
    }
    return names.stream().map(file -> file.substring(0, file.length() - SUFFIX.length())).toList();
  }

  /** Every packaged query, sorted by name. */
  public static List<AthenaQuery> packaged() {
    return names().stream().map(name -> packaged(name).orElseThrow()).toList();
  }

  /** The packaged query of that name, if there is one. */
  public static Optional<AthenaQuery> packaged(String name) {
    String resource = FOLDER + "/" + name + SUFFIX;
    try (InputStream in = classLoader().getResourceAsStream(resource)) {
      if (in == null || name.contains("/")) {
        return Optional.empty();
      }
      return Optional.of(new AthenaQuery(name, "classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /**
   * A query given as a packaged NAME (e.g. {@code daily_volume_by_currency}) or as the path of a
   * {@code .sql} FILE (anything containing a path separator or ending in {@code .sql}).
   *
   * @throws UnknownQueryException naming the argument and listing the packaged names
   */
  public static AthenaQuery resolve(String nameOrFile) {
    String argument = nameOrFile == null ? "" : nameOrFile.strip();
    if (argument.endsWith(SUFFIX) || argument.contains("/") || argument.contains("\\")) {
      Path file = Path.of(argument);
      if (!Files.isRegularFile(file)) {
        throw new UnknownQueryException("Query file " + file.toAbsolutePath() + " does not exist");
      }
      try {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        return new AthenaQuery(name, file.toAbsolutePath().toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return packaged(argument)
        .orElseThrow(
            () -> new UnknownQueryException(
                "Unknown query '" + argument + "'; packaged queries: " + String.join(", ", names())
                    + " (or give the path of a .sql file)"));
  }

  private static List<String> fileNames(URL folder) throws IOException {
    List<String> files = new ArrayList<>();
    switch (folder.getProtocol()) {
      case "file" -> {
        Path directory;
        try {
          directory = Path.of(folder.toURI());
        } catch (URISyntaxException e) {
          throw new IOException("Bad folder URL " + folder, e);
        }
        try (Stream<Path> paths = Files.list(directory)) {
          paths.map(path -> path.getFileName().toString()).filter(file -> file.endsWith(SUFFIX)).forEach(files::add);
        }
      }
      case "jar" -> {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          String prefix = FOLDER + "/";
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            String entry = entries.nextElement().getName();
            String rest = entry.startsWith(prefix) ? entry.substring(prefix.length()) : "";
            if (rest.endsWith(SUFFIX) && !rest.contains("/")) {
              files.add(rest);
            }
          }
        }
      }
      default -> throw new IOException("Cannot list queries in " + folder + " (protocol " + folder.getProtocol() + ")");
    }
    return files;
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : AthenaQueries.class.getClassLoader();
  }
}
