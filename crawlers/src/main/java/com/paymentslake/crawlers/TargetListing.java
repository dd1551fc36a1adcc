package com.paymentslake.crawlers;

import java.util.List;
import java.util.Objects;

/**
 * What a listing of one S3 target found.
 *
 * @param location the qualified table root, without a trailing slash
 * @param exists false if the target path does not exist at all
 * @param partitionKeys the Hive-style keys of the table, outermost first (empty if unpartitioned)
 * @param folders the folders with data files that were listed: the partition folders, or the table
 *     root (relative path "") of an unpartitioned table
 * @param seenFolders partition folders that exist but were not listed because a previous crawl saw
 *     them ({@code CRAWL_NEW_FOLDERS_ONLY})
 * @param warnings folders and files skipped, with the reason
 */
record TargetListing(
    String location,
    boolean exists,
    List<String> partitionKeys,
    List<DataFolder> folders,
    List<String> seenFolders,
    List<String> warnings) {

  TargetListing {
    Objects.requireNonNull(location, "location");
    partitionKeys = List.copyOf(partitionKeys);
    folders = List.copyOf(folders);
    seenFolders = List.copyOf(seenFolders);
    warnings = List.copyOf(warnings);
  }

  List<DataFile> files() {
    return folders.stream().flatMap(f -> f.files().stream()).toList();
  }

  long totalBytes() {
    return files().stream().mapToLong(DataFile::length).sum();
  }

  /**
   * A folder holding data files.
   *
   * @param relativePath the folder relative to the table root as named on storage, e.g. {@code
   *     txn_date=2026-11-20} ("" for the root)
   * @param values the partition values (unescaped), in key order
   * @param location the qualified folder URI
   * @param files its data files, sorted by path
   */
  record DataFolder(
      String relativePath, List<String> values, String location, List<DataFile> files) {
    DataFolder {
      values = List.copyOf(values);
      files = List.copyOf(files);
    }
  }

  /** A data file: qualified path and size in bytes. */
  record DataFile(String path, long length) {}
}
