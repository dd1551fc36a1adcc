package com.paymentslake.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * One synthesized lake stack (synthesis costs seconds: tests share it). The assets come from the
 * module's build ({@code target/assets}, staged before the tests run).
 */
final class SynthesizedLake {
  static final ObjectMapper MAPPER = new ObjectMapper();

  final LakeStack stack;
  final Template template;
  /** The whole template as JSON, for assertions across resources. */
  final JsonNode json;

  private SynthesizedLake(Map<String, Object> context) {
    App app = new App(AppProps.builder().context(context).build());
    stack = LakeApp.build(app);
    template = Template.fromStack(stack);
    json = MAPPER.valueToTree(template.toJSON());
  }

  /** The lake as deployed by default (no context values). */
  static SynthesizedLake lake() {
    return Default.LAKE;
  }

  /** A lake synthesized with these context values. */
  static SynthesizedLake withContext(Map<String, Object> context) {
    return new SynthesizedLake(context);
  }

  /** The resources of one CloudFormation type, by logical id. */
  List<JsonNode> resources(String type) {
    List<JsonNode> found = new ArrayList<>();
    Iterator<JsonNode> resources = json.path("Resources").elements();
    while (resources.hasNext()) {
      JsonNode resource = resources.next();
      if (type.equals(resource.path("Type").asText())) {
        found.add(resource);
      }
    }
    return found;
  }

  /** The logical ids of the resources of one CloudFormation type. */
  List<String> logicalIds(String type) {
    List<String> ids = new ArrayList<>();
    json.path("Resources").fields().forEachRemaining(resource -> {
      if (type.equals(resource.getValue().path("Type").asText())) {
        ids.add(resource.getKey());
      }
    });
    return ids;
  }

  /** A value (string, map, list) as the template renders it: tokens become Ref / Fn::Join. */
  JsonNode rendered(Object value) {
    return MAPPER.valueToTree(stack.resolve(value));
  }

  private static final class Default {
    static final SynthesizedLake LAKE = new SynthesizedLake(Map.of());
  }
}
