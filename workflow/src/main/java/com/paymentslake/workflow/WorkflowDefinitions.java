package com.paymentslake.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads workflow definitions: the lake's own (on the classpath) or a file. */
public final class WorkflowDefinitions {
  /** The lake's definition, {@code workflow/src/main/resources/workflow/payments-lake.json}. */
  public static final String DEFAULT_RESOURCE = "/workflow/payments-lake.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private WorkflowDefinitions() {}

  /** The lake's workflow definition. */
  public static WorkflowDefinition lake() {
    try (InputStream in = WorkflowDefinitions.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("workflow definition " + DEFAULT_RESOURCE + " is not on the classpath");
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workflow definition " + DEFAULT_RESOURCE, e);
    }
  }

  /** A definition file. */
  public static WorkflowDefinition load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workflow definition " + file, e);
    }
  }

  /**
   * Parses definition JSON and validates it ({@link WorkflowValidator}).
   *
   * @param source where the text comes from, for messages
   * @throws IllegalArgumentException naming the source and the problem; an {@link
   *     InvalidWorkflowException} listing every problem when the JSON is well-formed but breaks a rule
   */
  public static WorkflowDefinition parse(String json, String source) {
    WorkflowDefinition definition;
    try {
      definition = MAPPER.readValue(json, WorkflowDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("workflow definition " + source + " is not valid: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")"), e);
    }
    if (definition == null) {
      throw new IllegalArgumentException("workflow definition " + source + " is empty");
    }
    WorkflowValidator.validate(definition, source);
    return definition;
  }

  /** The shared mapper (definitions are plain JSON). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
