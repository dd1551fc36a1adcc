package com.paymentslake.crawlers;

import com.paymentslake.crawlers.TargetListing.DataFile;
import com.paymentslake.crawlers.TargetListing.DataFolder;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists one S3 target through the Hadoop FileSystem API, as a Glue crawler lists an S3 prefix.
 *
 * <ul>
 *   <li>Files and folders whose name starts with {@code _} or {@code .} are ignored ({@code
 *       _SUCCESS}, {@code .crc}, {@code _temporary}), as Glue, Spark and Athena ignore them.
 *   <li>Exclusions are Glue exclude patterns, globs relative to the target path: {@code *} stays
 *       within a folder, {@code **} crosses folders, {@code ?}, {@code [..]} and {@code {a,b}} as
 *       usual (Java's glob syntax, which Glue's documented patterns follow). A matching folder is
 *       not descended into; a matching file is not read.
 *   <li>Below the root only Hive-style {@code key=value} folders are partitions; any other folder
 *       is skipped with a warning (Glue would invent {@code partition_0} keys for it, which nothing
 *       in this lake wants). All data files must sit at the same depth under the same keys; files
 *       elsewhere are skipped with a warning. Empty files are ignored.
 * </ul>
 */
final class TargetScanner {
  private final Configuration hadoopConf;

  TargetScanner(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /**
   * Lists a target.
   *
   * @param target the target path (any Hadoop FileSystem URI)
   * @param exclusions Glue exclude patterns relative to the target
   * @param seen partition folders (relative paths) not to list because a previous crawl saw them
   * @param expectedKeys the table's partition keys when they are known (incremental crawl), else
   *     null to take them from the first folder with data
   */
  TargetListing scan(
      String target, List<String> exclusions, Set<String> seen, List<String> expectedKeys)
      throws IOException {
    Path root = new Path(target);
    FileSystem fs = root.getFileSystem(hadoopConf);
    Path qualifiedRoot = fs.makeQualified(root);
    String location = withoutTrailingSlash(qualifiedRoot.toString());
    Walk walk = new Walk(fs, matchers(exclusions), seen);
    try {
      if (!fs.getFileStatus(qualifiedRoot).isDirectory()) {
        return new TargetListing(
            location,
            true,
            List.of(),
            List.of(),
            List.of(),
            List.of("target " + location + " is a file, not a folder: nothing crawled"));
      }
    } catch (FileNotFoundException e) {
      return new TargetListing(location, false, List.of(), List.of(), List.of(), List.of());
    }
    walk.folder(qualifiedRoot, "");

    List<String> keys = expectedKeys;
    if (keys == null) {
      keys = walk.folders.isEmpty() ? List.of() : keysOf(walk.folders.get(0).relativePath());
    }
    List<DataFolder> accepted = new ArrayList<>();
    for (DataFolder folder : walk.folders) {
      List<String> folderKeys = keysOf(folder.relativePath());
      if (folderKeys.equals(keys)) {
        accepted.add(folder);
      } else {
        walk.warnings.add(
            String.format(
                "%s holds %d data file(s) under partition keys %s but the table is partitioned by"
                    + " %s: skipped",
                describe(location, folder.relativePath()),
                folder.files().size(),
                folderKeys,
                keys));
      }
    }
    return new TargetListing(location, true, keys, accepted, walk.seenFolders, walk.warnings);
  }

  /** The partition keys named by a relative folder path, e.g. {@code [year, month]}. */
  static List<String> keysOf(String relativePath) {
    if (relativePath.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(relativePath.split("/")).map(s -> s.substring(0, s.indexOf('='))).toList();
  }

  /** The unescaped partition values of a relative folder path. */
  static List<String> valuesOf(String relativePath) {
    if (relativePath.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(relativePath.split("/"))
        .map(s -> unescape(s.substring(s.indexOf('=') + 1)))
        .toList();
  }

  static boolean isPartitionFolderName(String name) {
    int eq = name.indexOf('=');
    return eq > 0 && eq == name.lastIndexOf('=');
  }

  /** Undoes Hive's path escaping of partition values ({@code %3A} for {@code :}, ...). */
  static String unescape(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && isHex(value, i + 1) && isHex(value, i + 2)) {
        out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  static List<PathMatcher> matchers(List<String> exclusions) {
    return exclusions.stream()
        .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p))
        .toList();
  }

  static boolean excluded(List<PathMatcher> matchers, String relativePath) {
    java.nio.file.Path path = java.nio.file.Path.of(relativePath);
    return matchers.stream().anyMatch(m -> m.matches(path));
  }

  private static String describe(String location, String relativePath) {
    return relativePath.isEmpty() ? location : location + "/" + relativePath;
  }

  static String withoutTrailingSlash(String uri) {
    return uri.endsWith("/") && !uri.endsWith(":/") && !uri.endsWith("//")
        ? uri.substring(0, uri.length() - 1)
        : uri;
  }

  private static final class Walk {
    private final FileSystem fs;
    private final List<PathMatcher> exclusions;
    private final Set<String> seen;
    private final List<DataFolder> folders = new ArrayList<>();
    private final List<String> seenFolders = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Walk(FileSystem fs, List<PathMatcher> exclusions, Set<String> seen) {
      this.fs = fs;
      this.exclusions = exclusions;
      this.seen = seen;
    }

    void folder(Path dir, String relative) throws IOException {
      FileStatus[] statuses = fs.listStatus(dir);
      Arrays.sort(statuses, Comparator.comparing(s -> s.getPath().getName()));
      List<DataFile> files = new ArrayList<>();
      for (FileStatus status : statuses) {
        String name = status.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        String child = relative.isEmpty() ? name : relative + "/" + name;
        if (excluded(exclusions, child)) {
          continue;
        }
        if (status.isDirectory()) {
          if (!isPartitionFolderName(name)) {
            warnings.add(
                "folder " + child + " is not a Hive-style key=value partition folder: skipped");
          } else if (seen.contains(child)) {
            seenFolders.add(child);
          } else {
            folder(status.getPath(), child);
          }
        } else if (status.getLen() > 0) {
          files.add(new DataFile(status.getPath().toString(), status.getLen()));
        }
      }
      if (!files.isEmpty()) {
        folders.add(new DataFolder(relative, valuesOf(relative), dir.toString(), files));
      }
    }
  }
}
