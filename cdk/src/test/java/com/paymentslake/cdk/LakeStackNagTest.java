package com.paymentslake.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** cdk-nag's AwsSolutions checks pass; the few accepted findings are suppressed with a reason. */
class LakeStackNagTest {
  private static final SynthesizedLake LAKE = SynthesizedLake.lake();

  @Test
  void awsSolutionsChecksReportNoUnsuppressedError() {
    assertThat(Annotations.fromStack(LAKE.stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
        .extracting(message -> message.getId() + " " + message.getEntry().getData())
        .isEmpty();
  }

  @Test
  void awsSolutionsChecksReportNoUnsuppressedWarning() {
    assertThat(Annotations.fromStack(LAKE.stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
        .extracting(message -> message.getId() + " " + message.getEntry().getData())
        .isEmpty();
  }

  @Test
  void everySuppressionCarriesAWrittenReason() {
    List<JsonNode> suppressions = suppressions();
    assertThat(suppressions).isNotEmpty().allSatisfy(suppression ->
        assertThat(suppression.path("reason").asText()).as("reason of %s", suppression).hasSizeGreaterThan(60));
  }

  @Test
  void onlyTheAccessLogBucketAndTheRolesScopedWildcardsAreSuppressed() {
    List<String> suppressed = new ArrayList<>();
    LAKE.json.path("Resources").fields().forEachRemaining(resource ->
        resource.getValue().path("Metadata").path("cdk_nag").path("rules_to_suppress").forEach(rule -> {
          String scope = rule.has("applies_to") ? " (" + rule.path("applies_to").size() + " resources)" : "";
          String owner = resource.getKey().startsWith("GeneratorRole") ? "generator " : "";
          suppressed.add(owner + resource.getValue().path("Type").asText() + " " + rule.path("id").asText() + scope);
        }));
    assertThat(suppressed).containsExactlyInAnyOrder(
        "AWS::S3::Bucket AwsSolutions-S1",
        // the role and its default policy both carry the role's suppressions (applied to children):
        // zone objects, tables of the lake's 5 databases, log groups
        "AWS::IAM::Role AwsSolutions-IAM5 (1 resources)",
        "AWS::IAM::Role AwsSolutions-IAM5 (5 resources)",
        "AWS::IAM::Role AwsSolutions-IAM5 (1 resources)",
        "AWS::IAM::Policy AwsSolutions-IAM5 (1 resources)",
        "AWS::IAM::Policy AwsSolutions-IAM5 (5 resources)",
        "AWS::IAM::Policy AwsSolutions-IAM5 (1 resources)",
        // the generator role: raw and manifest objects, log groups
        "generator AWS::IAM::Role AwsSolutions-IAM5 (1 resources)",
        "generator AWS::IAM::Role AwsSolutions-IAM5 (1 resources)",
        "generator AWS::IAM::Policy AwsSolutions-IAM5 (1 resources)",
        "generator AWS::IAM::Policy AwsSolutions-IAM5 (1 resources)");
  }

  @Test
  void generatorRoleWildcardSuppressionCoversOnlyRawAndManifestObjects() {
    List<String> scopes = new ArrayList<>();
    LAKE.json.path("Resources").fields().forEachRemaining(resource -> {
      if (resource.getKey().startsWith("GeneratorRole")) {
        resource.getValue().at("/Metadata/cdk_nag/rules_to_suppress")
            .forEach(rule -> rule.path("applies_to").forEach(scope ->
                scopes.add(scope.isObject() ? scope.path("regex").asText() : scope.asText())));
      }
    });
    assertThat(scopes).hasSize(4)
        .anySatisfy(scope -> assertThat(scope).contains("\\/(manifests|raw)\\/\\*$/"))
        .allSatisfy(scope -> assertThat(scope).doesNotContain("bronze", "silver", "gold", "audit", "table/"));
  }

  private static List<JsonNode> suppressions() {
    List<JsonNode> suppressions = new ArrayList<>();
    LAKE.json.path("Resources").forEach(resource ->
        resource.path("Metadata").path("cdk_nag").path("rules_to_suppress").forEach(suppressions::add));
    return suppressions;
  }
}
