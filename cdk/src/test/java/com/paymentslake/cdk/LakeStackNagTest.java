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
  void onlyTheAccessLogBucketAndTheGlueRolesScopedWildcardsAreSuppressed() {
    List<String> suppressed = new ArrayList<>();
    LAKE.json.path("Resources").fields().forEachRemaining(resource ->
        resource.getValue().path("Metadata").path("cdk_nag").path("rules_to_suppress").forEach(rule -> {
          String scope = rule.has("applies_to") ? " (" + rule.path("applies_to").size() + " resources)" : "";
          suppressed.add(resource.getValue().path("Type").asText() + " " + rule.path("id").asText() + scope);
        }));
    assertThat(suppressed).containsExactlyInAnyOrder(
        "AWS::S3::Bucket AwsSolutions-S1",
        // the role and its default policy both carry the role's suppressions (applied to children)
        "AWS::IAM::Role AwsSolutions-IAM5 (1 resources)",
        "AWS::IAM::Role AwsSolutions-IAM5 (5 resources)",
        "AWS::IAM::Role AwsSolutions-IAM5 (1 resources)",
        "AWS::IAM::Policy AwsSolutions-IAM5 (1 resources)",
        "AWS::IAM::Policy AwsSolutions-IAM5 (5 resources)",
        "AWS::IAM::Policy AwsSolutions-IAM5 (1 resources)");
  }

  private static List<JsonNode> suppressions() {
    List<JsonNode> suppressions = new ArrayList<>();
    LAKE.json.path("Resources").forEach(resource ->
        resource.path("Metadata").path("cdk_nag").path("rules_to_suppress").forEach(suppressions::add));
    return suppressions;
  }
}
