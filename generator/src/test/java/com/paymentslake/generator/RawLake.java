package com.paymentslake.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.paymentslake.contract.LakeLayout;
import com.paymentslake.contract.RawContract;
import com.paymentslake.contract.TruthManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a generated lake back with an independent RFC 4180 line parser, for assertions. Knows
 * nothing of the generator's internals beyond the published layout and contract.
 */
final class RawLake {
  static final int COLUMNS = RawContract.current().columnCount();
  private static final Map<String, Integer> INDEX = new java.util.HashMap<>();
  private static final Map<String, Integer> DRIFT_INDEX = new java.util.HashMap<>();

  static {
    List<String> names = RawContract.current().columnNames();
    for (int i = 0; i < names.size(); i++) {
      INDEX.put(names.get(i), i);
      DRIFT_INDEX.put(names.get(i), i);
    }
    DRIFT_INDEX.put("amount", INDEX.get("currency"));
    DRIFT_INDEX.put("currency", INDEX.get("amount"));
  }

  final Path root;
  final List<Partition> partitions = new ArrayList<>();

  private RawLake(Path root) {
    this.root = root;
  }

  /** Every partition under raw/payments, with its manifest, files and parsed lines. */
  static RawLake read(Path root) throws IOException {
    RawLake lake = new RawLake(root);
    Path raw = root.resolve(LakeLayout.RAW_PAYMENTS);
    try (Stream<Path> dirs = Files.list(raw)) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        assertThat(name).startsWith("ingest_date=");
        LocalDate date = LocalDate.parse(name.substring("ingest_date=".length()));
        Path manifestPath = root.resolve(new LakeLayout(root.toString()).truthManifest(date)
            .substring(root.toString().length() + 1));
        TruthManifest manifest = TruthManifest.fromJson(Files.readString(manifestPath));
        lake.partitions.add(Partition.read(date, dir, manifest));
      }
    }
    return lake;
  }

  Stream<Line> lines() {
    return partitions.stream().flatMap(p -> p.lines.stream());
  }

  /** One ingest partition. */
  static final class Partition {
    final LocalDate date;
    final TruthManifest manifest;
    final Map<String, byte[]> files = new TreeMap<>();
    final List<Line> lines = new ArrayList<>();
    final Map<String, String> headers = new TreeMap<>();

    private Partition(LocalDate date, TruthManifest manifest) {
      this.date = date;
      this.manifest = manifest;
    }

    static Partition read(LocalDate date, Path dir, TruthManifest manifest) throws IOException {
      Partition partition = new Partition(date, manifest);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          byte[] bytes = Files.readAllBytes(file);
          partition.files.put(name, bytes);
          String text = new String(bytes, StandardCharsets.UTF_8);
          assertThat(text).as(name + " ends with CRLF").endsWith("\r\n");
          String[] physical = text.substring(0, text.length() - 2).split("\r\n", -1);
          for (String line : physical) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
              throw new AssertionError("A record spans lines in " + name + ": " + line);
            }
          }
          partition.headers.put(name, physical[0]);
          for (int i = 1; i < physical.length; i++) {
            partition.lines.add(new Line(date, name, i + 1, physical[i], name.startsWith("part-drift-")));
          }
        }
      }
      return partition;
    }

    long dataLines(String file) {
      return lines.stream().filter(l -> l.file.equals(file)).count();
    }
  }

  /** One physical data line. */
  static final class Line {
    final LocalDate ingestDate;
    final String file;
    final int lineNumber;
    final String text;
    final boolean drift;
    /** Parsed fields; null when a quoted field is never closed. */
    final List<String> fields;

    Line(LocalDate ingestDate, String file, int lineNumber, String text, boolean drift) {
      this.ingestDate = ingestDate;
      this.file = file;
      this.lineNumber = lineNumber;
      this.text = text;
      this.drift = drift;
      this.fields = parse(text);
    }

    String txnId() {
      return text.substring(0, text.indexOf(','));
    }

    /** A field by contract column name (contract order; the drift file swaps amount and currency). */
    String field(String column) {
      Integer index = (drift ? DRIFT_INDEX : INDEX).get(column);
      if (index == null) {
        throw new IllegalArgumentException("No column " + column);
      }
      return fields.get(index);
    }

    boolean wellFormed() {
      return fields != null && fields.size() == COLUMNS;
    }

    @Override
    public String toString() {
      return ingestDate + "/" + file + ":" + lineNumber + " " + text;
    }
  }

  /** RFC 4180 fields of one line; null when a quoted field is not closed on the line. */
  static List<String> parse(String line) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      StringBuilder field = new StringBuilder();
      if (i < n && line.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
            } else {
              i++;
              closed = true;
              break;
            }
          } else {
            field.append(c);
            i++;
          }
        }
        if (!closed) {
          return null;
        }
        if (i < n && line.charAt(i) != ',') {
          throw new AssertionError("Text after a closing quote at " + i + ": " + line);
        }
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        if (line.lastIndexOf('"', end - 1) >= i) {
          throw new AssertionError("Quote inside an unquoted field at " + i + ": " + line);
        }
        field.append(line, i, end);
        i = end;
      }
      fields.add(field.toString());
      if (i >= n) {
        return fields;
      }
      i++; // comma
    }
  }
}
