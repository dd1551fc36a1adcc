package com.paymentslake.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

class LakeStackConfigTest {
  private static final LakeAssets ASSETS = LakeAssets.fromSystemProperty();

  @Test
  void defaultsAreTheWorkflowNameNoDefaultEmailAndOnDemandRuns() {
    LakeStackConfig config = LakeStackConfig.fromContext(new App().getNode(), "payments-lake", ASSETS);
    assertThat(config.namePrefix()).isEqualTo("payments-lake");
    assertThat(config.alertEmail()).isEmpty();
    assertThat(config.nightlySchedule()).isEmpty();
  }

  @Test
  void contextValuesAreRead() {
    App app = new App(AppProps.builder().context(Map.of(
        "namePrefix", "acme-lake", "alertEmail", "ops@example.com", "nightlySchedule", "cron(0 2 * * ? *)")).build());
    LakeStackConfig config = LakeStackConfig.fromContext(app.getNode(), "payments-lake", ASSETS);
    assertThat(config).isEqualTo(new LakeStackConfig(
        "acme-lake", Optional.of("ops@example.com"), Optional.of("cron(0 2 * * ? *)"), ASSETS));
  }

  @Test
  void namePrefixMustBeUsableInEveryAwsName() {
    assertThatThrownBy(() -> new LakeStackConfig("Payments_Lake", Optional.empty(), Optional.empty(), ASSETS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'namePrefix' is set to 'Payments_Lake' but must be 3-32 lower-case letters, digits or hyphens,"
            + " starting with a letter");
  }

  @Test
  void alertEmailMustBeAnAddress() {
    assertThatThrownBy(() -> new LakeStackConfig("payments-lake", Optional.of("ops"), Optional.empty(), ASSETS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'alertEmail' is set to 'ops' but must be an email address");
  }

  @Test
  void nightlyScheduleMustBeAGlueCronExpression() {
    assertThatThrownBy(() -> new LakeStackConfig("payments-lake", Optional.empty(), Optional.of("0 2 * * *"), ASSETS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'nightlySchedule' is set to '0 2 * * *' but must be a Glue cron expression such as cron(0 2 * * ? *)");
  }

  @Test
  void missingAssetsNameTheFileAndTheBuildThatStagesIt() {
    Path empty = Path.of("target/no-assets-here").toAbsolutePath();
    assertThatThrownBy(() -> new LakeAssets(empty))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("asset " + empty.resolve("lake-glue-jobs-glue.jar") + " is missing; build the cdk module first"
            + " (mvn -B -pl cdk -am -DskipTests package), which stages it there");
  }
}
