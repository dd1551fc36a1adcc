package com.paymentslake.crawlers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.paymentslake.crawlers.CrawlerException.ErrorCode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a crawler saw: per target path, the partition folders (relative paths as named on storage)
 * that the last crawls catalogued. Glue keeps the same bookkeeping for {@code
 * CRAWL_NEW_FOLDERS_ONLY}; here it is one JSON file per crawler, {@code <stateDir>/<crawler>.json},
 * replaced atomically (written to a temporary file, then renamed) so a crash never leaves half a
 * file.
 *
 * @param crawler the crawler name
 * @param seenFolders target path -> folders seen
 */
record CrawlerState(String crawler, Map<String, List<String>> seenFolders) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  CrawlerState {
    seenFolders = seenFolders == null ? Map.of() : Map.copyOf(seenFolders);
  }

  /** The folders seen under a target, or null if no crawl of this target succeeded yet. */
  Set<String> seen(String target) {
    List<String> folders = seenFolders.get(target);
    return folders == null ? null : Set.copyOf(folders);
  }

  CrawlerState with(String target, Set<String> folders) {
    Map<String, List<String>> copy = new TreeMap<>(seenFolders);
    copy.put(target, List.copyOf(new TreeSet<>(folders)));
    return new CrawlerState(crawler, copy);
  }

  static Path file(Path stateDir, String crawler) {
    return stateDir.resolve(crawler.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
  }

  static CrawlerState load(Path stateDir, String crawler) {
    Path file = file(stateDir, crawler);
    if (!Files.exists(file)) {
      return new CrawlerState(crawler, Map.of());
    }
    try {
      return JSON.readValue(file.toFile(), CrawlerState.class);
    } catch (IOException e) {
      throw new CrawlerException(
          ErrorCode.STATE_FAILURE,
          crawler,
          null,
          "cannot read crawler state " + file + ": " + e.getMessage(),
          e);
    }
  }

  void save(Path stateDir) {
    Path file = file(stateDir, crawler);
    try {
      Files.createDirectories(stateDir);
      Path temp = Files.createTempFile(stateDir, file.getFileName().toString(), ".tmp");
      try {
        JSON.writeValue(temp.toFile(), new CrawlerState(crawler, new TreeMap<>(seenFolders)));
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CrawlerException(
          ErrorCode.STATE_FAILURE,
          crawler,
          null,
          "cannot write crawler state " + file + ": " + e.getMessage(),
          e);
    }
  }
}
