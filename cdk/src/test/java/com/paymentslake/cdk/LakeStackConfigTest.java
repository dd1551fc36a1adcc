package com.paymentslake.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paymentslake.cdk.LakeStackConfig.Generator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

class LakeStackConfigTest {
  private static final LakeAssets ASSETS = LakeAssets.fromSystemProperty();
  private static final Generator DEFINED = Generator.DEFINED;

  @Test
  void defaultsAreTheWorkflowNameNoDefaultEmailOnDemandRunsAndTheDefinedGenerationJob() {
    LakeStackConfig config = LakeStackConfig.fromContext(new App().getNode(), "payments-lake", ASSETS);
    assertThat(config.namePrefix()).isEqualTo("payments-lake");
    assertThat(config.alertEmail()).isEmpty();
    assertThat(config.nightlySchedule()).isEmpty();
    assertThat(config.generator()).isEqualTo(Generator.DEFINED);
    assertThat(config.generator().workerType()).isEmpty();
    assertThat(config.generator().workers()).isEmpty();
    assertThat(config.generator().schedule()).isEmpty();
  }

  @Test
  void contextValuesAreRead() {
    App app = new App(AppProps.builder().context(Map.of(
        "namePrefix", "acme-lake", "alertEmail", "ops@example.com", "nightlySchedule", "cron(0 2 * * ? *)",
        "generatorWorkerType", "G.2X", "generatorWorkers", 10, "generatorSchedule", "cron(0 1 * * ? *)")).build());
    LakeStackConfig config = LakeStackConfig.fromContext(app.getNode(), "payments-lake", ASSETS);
    assertThat(config).isEqualTo(new LakeStackConfig(
        "acme-lake", Optional.of("ops@example.com"), Optional.of("cron(0 2 * * ? *)"),
        new Generator(Optional.of("G.2X"), OptionalInt.of(10), Optional.of("cron(0 1 * * ? *)")), ASSETS));
  }

  @Test
  void generatorWorkerTypeIsAGlueSparkWorkerType() {
    assertThatThrownBy(() -> new Generator(Optional.of("G.025X"), OptionalInt.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'generatorWorkerType' is set to 'G.025X' but must be a Glue worker type for Spark jobs, one of"
            + " [G.12X, G.16X, G.1X, G.2X, G.4X, G.8X, R.1X, R.2X, R.4X, R.8X]");
  }

  @Test
  void generatorWorkersAreAnIntegerOfAtLeastTwo() {
    assertThatThrownBy(() -> new Generator(Optional.empty(), OptionalInt.of(1), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'generatorWorkers' is set to 1 but must be >= 2 (one worker runs the Spark driver)");
    App app = new App(AppProps.builder().context(Map.of("generatorWorkers", "ten")).build());
    assertThatThrownBy(() -> LakeStackConfig.fromContext(app.getNode(), "payments-lake", ASSETS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'generatorWorkers' is set to 'ten' but must be an integer");
  }

  @Test
  void generatorScheduleMustBeAGlueCronExpression() {
    assertThatThrownBy(() -> new Generator(Optional.empty(), OptionalInt.empty(), Optional.of("0 1 * * *")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'generatorSchedule' is set to '0 1 * * *' but must be a Glue cron expression such as"
            + " cron(0 2 * * ? *)");
  }

  @Test
  void namePrefixMustBeUsableInEveryAwsName() {
    assertThatThrownBy(() -> new LakeStackConfig("Payments_Lake", Optional.empty(), Optional.empty(), DEFINED, ASSETS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'namePrefix' is set to 'Payments_Lake' but must be 3-32 lower-case letters, digits or hyphens,"
            + " starting with a letter");
  }

  @Test
  void alertEmailMustBeAnAddress() {
    assertThatThrownBy(() -> new LakeStackConfig("payments-lake", Optional.of("ops"), Optional.empty(), DEFINED, ASSETS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'alertEmail' is set to 'ops' but must be an email address");
  }

  @Test
  void nightlyScheduleMustBeAGlueCronExpression() {
    assertThatThrownBy(() -> new LakeStackConfig("payments-lake", Optional.empty(), Optional.of("0 2 * * *"), DEFINED, ASSETS))
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
