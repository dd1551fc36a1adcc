package com.paymentslake.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the generator wrote into one raw ingest partition, and which lines it made dirty on purpose.
 * Tests measure the pipeline's precision and recall against it; it is never an input of the jobs.
 *
 * @param contractVersion raw contract version of the files
 * @param generatorVersion version of the generator that wrote them
 * @param seed the generator seed
 * @param ingestDate the partition's ingest date (ISO yyyy-MM-dd)
 * @param files the data files of the partition
 * @param dataLines lines after the headers, over all files
 * @param defects per defect kind, the injected lines
 * @param settings the generator settings that shaped the rows besides the seed and the dates
 *     (option name without its {@code --}, to the option's text: {@code fraud-rate}, {@code
 *     type-mix}, {@code rate-late-arrival}, ...), so the data can be compared with what it was asked
 *     to be; empty in manifests written before they were recorded
 */
public record TruthManifest(
    int contractVersion,
    String generatorVersion,
    long seed,
    String ingestDate,
    List<FileEntry> files,
    long dataLines,
    Map<DefectKind, DefectEntry> defects,
    Map<String, String> settings) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public TruthManifest {
    Objects.requireNonNull(ingestDate, "ingestDate");
    LocalDate.parse(ingestDate);
    files = List.copyOf(files);
    EnumMap<DefectKind, DefectEntry> all = new EnumMap<>(DefectKind.class);
    for (DefectKind kind : DefectKind.values()) {
      all.put(kind, DefectEntry.EMPTY);
    }
    all.putAll(defects);
    defects = java.util.Collections.unmodifiableMap(all);
    settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    long fileLines = files.stream().mapToLong(FileEntry::dataLines).sum();
    if (fileLines != dataLines) {
      throw new IllegalArgumentException(
          "Manifest for " + ingestDate + " says " + dataLines + " data lines but its files hold " + fileLines);
    }
  }

  /** A manifest without recorded settings. */
  public TruthManifest(int contractVersion, String generatorVersion, long seed, String ingestDate,
      List<FileEntry> files, long dataLines, Map<DefectKind, DefectEntry> defects) {
    this(contractVersion, generatorVersion, seed, ingestDate, files, dataLines, defects, Map.of());
  }

  public DefectEntry defect(DefectKind kind) {
    return defects.get(kind);
  }

  public LocalDate date() {
    return LocalDate.parse(ingestDate);
  }

  public String toJson() {
    return new String(toJsonBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@link #toJson()} as UTF-8 bytes, written in one pass (a partition's manifest can be megabytes). */
  public byte[] toJsonBytes() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize truth manifest for " + ingestDate, e);
    }
  }

  public static TruthManifest fromJson(String json) {
    try {
      return JSON.readValue(json, TruthManifest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a truth manifest: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * One data file of the partition.
   *
   * @param name file name inside the partition folder
   * @param dataLines lines after the header
   * @param bytes file size
   * @param schemaDrift true when the file's header deliberately differs from the contract
   */
  public record FileEntry(String name, long dataLines, long bytes, boolean schemaDrift) {
    public FileEntry {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The injected lines of one defect kind.
   *
   * @param count how many lines carry the defect
   * @param txnIds their txn_ids (sorted), one per line
   * @param detail per txn_id, what was done (e.g. the emptied column, or a replay's final status)
   */
  public record DefectEntry(long count, List<String> txnIds, Map<String, String> detail) {
    public static final DefectEntry EMPTY = new DefectEntry(0, List.of(), Map.of());

    public DefectEntry {
      txnIds = List.copyOf(txnIds);
      // Sorted, and seen as sorted by the serializer, which then does not sort it again.
      detail = detail == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(detail));
      if (count != txnIds.size()) {
        throw new IllegalArgumentException(
            "Defect count " + count + " differs from the " + txnIds.size() + " txn_ids listed");
      }
    }
  }
}
