package com.paymentslake.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowResolveTest {
  private static final Map<String, String> LOCAL =
      Map.of(
          Placeholders.LAKE_ROOT, "s3a://payments-lake",
          Placeholders.LOGS_LOCATION, "/data/logs",
          Placeholders.ALERT_EMAIL, "ops@example.com");

  @Test
  void lakeDefinitionUsesEveryKnownPlaceholder() {
    assertThat(WorkflowDefinitions.lake().placeholders()).isEqualTo(Placeholders.KNOWN);
  }

  @Test
  void resolveSubstitutesEveryPlaceholderEverywhere() {
    WorkflowDefinition resolved = WorkflowDefinitions.lake().resolve(LOCAL);

    assertThat(resolved.placeholders()).isEmpty();
    assertThat(WorkflowDefinitions.mapper().valueToTree(resolved).toString()).doesNotContain("${");
    assertThat(resolved.job("payments-lake-bronze").orElseThrow().defaultArguments())
        .containsEntry("--lake-root", "s3a://payments-lake");
    assertThat(resolved.crawler("payments-lake-gold").orElseThrow().targets().s3Targets())
        .extracting(CrawlerDefinition.S3Target::path)
        .containsExactly("s3a://payments-lake/gold/daily_totals/", "s3a://payments-lake/gold/merchant_daily/");
    assertThat(resolved.topic("payments-lake-alerts").orElseThrow().subscriptions().get(0).endpoint())
        .isEqualTo("ops@example.com");
    assertThat(resolved.alertRules().get(1).inputTransformer().inputTemplate()).contains("Logs: /data/logs");
    assertThat(resolved.standaloneJob("payments-lake-generate").orElseThrow().defaultArguments())
        .containsEntry("--lake-root", "s3a://payments-lake");
    assertThat(WorkflowValidator.problems(resolved)).isEmpty();
  }

  @Test
  void resolveLeavesTheOriginalUntouched() {
    WorkflowDefinition lake = WorkflowDefinitions.lake();

    lake.resolve(LOCAL);

    assertThat(lake.job("payments-lake-bronze").orElseThrow().defaultArguments())
        .containsEntry("--lake-root", "${LakeRoot}");
    assertThat(lake.standaloneJob("payments-lake-generate").orElseThrow().defaultArguments())
        .containsEntry("--lake-root", "${LakeRoot}");
  }

  @Test
  void missingValuesAreAllNamed() {
    assertThatThrownBy(() -> WorkflowDefinitions.lake().resolve(Map.of(Placeholders.LAKE_ROOT, "s3://lake")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workflow 'payments-lake' uses placeholders [${AlertEmail}, ${LogsLocation}] but no value was"
            + " given; values given for [LakeRoot]");
  }
}
