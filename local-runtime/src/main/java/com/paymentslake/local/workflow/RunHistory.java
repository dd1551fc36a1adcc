package com.paymentslake.local.workflow;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local twin of Glue's workflow run history: one {@link WorkflowRun} JSON file per run at {@code
 * <dataDir>/workflow/runs/<workflowName>/<workflowRunId>.json}. The engine rewrites a run's file when
 * the run starts, as each action starts and ends, and when the run ends; each write goes to a
 * temporary file that is then atomically moved into place, so a reader never sees half a file.
 */
public final class RunHistory {
  private static final ObjectMapper MAPPER = mapper();

  private final Path root;

  /** The history under a lake data directory. */
  public RunHistory(Path dataDir) {
    this.root = dataDir.resolve("workflow").resolve("runs");
  }

  /** The directory holding a workflow's runs. */
  public Path directory(String workflowName) {
    return root.resolve(safeName(workflowName));
  }

  /** The file of one run. */
  public Path file(String workflowName, String workflowRunId) {
    return directory(workflowName).resolve(safeName(workflowRunId) + ".json");
  }

  /** Writes (or replaces) a run's file atomically. */
  public void write(WorkflowRun run) {
    Path file = file(run.name(), run.workflowRunId());
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "." + run.workflowRunId(), ".tmp");
      try {
        Files.writeString(temp, toJson(run), StandardCharsets.UTF_8);
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write workflow run history " + file, e);
    }
  }

  /**
   * Reads one run.
   *
   * @throws IllegalArgumentException when the workflow has no such run
   */
  public WorkflowRun read(String workflowName, String workflowRunId) {
    Path file = file(workflowName, workflowRunId);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("workflow " + workflowName + " has no run " + workflowRunId + " (no " + file
          + ")");
    }
    return read(file);
  }

  /** Reads a run file. */
  public static WorkflowRun read(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workflow run " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("workflow run file " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /** Every run of a workflow, oldest first. */
  public List<WorkflowRun> runs(String workflowName) {
    Path directory = directory(workflowName);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<WorkflowRun> runs = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith("."))
          .forEach(f -> runs.add(read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list workflow runs in " + directory, e);
    }
    runs.sort(Comparator.comparing(WorkflowRun::startedOn).thenComparing(WorkflowRun::workflowRunId));
    return List.copyOf(runs);
  }

  /** The most recently started run of a workflow. */
  public Optional<WorkflowRun> latest(String workflowName) {
    List<WorkflowRun> runs = runs(workflowName);
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
  }

  /** A run as pretty-printed JSON. */
  public static String toJson(WorkflowRun run) {
    try {
      return MAPPER.writeValueAsString(run);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize workflow run " + run.workflowRunId(), e);
    }
  }

  /**
   * Parses run JSON.
   *
   * @throws IllegalArgumentException when it is not a workflow run
   */
  public static WorkflowRun fromJson(String json) {
    try {
      return MAPPER.readValue(json, WorkflowRun.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  private static String safeName(String name) {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("'" + name + "' cannot be used as a file name in the run history");
    }
    return name;
  }

  private static ObjectMapper mapper() {
    SimpleModule instants = new SimpleModule("iso-instants");
    instants.addSerializer(
        Instant.class,
        new StdScalarSerializer<Instant>(Instant.class) {
          @Override
          public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
              throws IOException {
            generator.writeString(value.toString());
          }
        });
    instants.addDeserializer(
        Instant.class,
        new StdScalarDeserializer<Instant>(Instant.class) {
          @Override
          public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
              return Instant.parse(text);
            } catch (DateTimeParseException | NullPointerException e) {
              return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
          }
        });
    return new ObjectMapper()
        .registerModule(instants)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
