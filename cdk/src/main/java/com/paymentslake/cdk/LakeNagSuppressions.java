package com.paymentslake.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * The cdk-nag AwsSolutions findings the lake accepts, each with the reason it is acceptable. Wildcard
 * suppressions name exactly the resources they cover ({@code appliesTo}), so a new wildcard anywhere
 * else is still an error.
 */
final class LakeNagSuppressions {
  private LakeNagSuppressions() {}

  static void apply(IBucket accessLogs, IRole glueRole, Set<String> zones, Set<String> databases, String logGroups) {
    NagSuppressions.addResourceSuppressions(accessLogs, List.of(NagPackSuppression.builder()
        .id("AwsSolutions-S1")
        .reason("This is the server access log bucket of the lake and query-result buckets; logging its own"
            + " access would log the log deliveries themselves.")
        .build()));

    List<Object> tables = new ArrayList<>();
    for (String database : new TreeSet<>(databases)) {
      tables.add("Resource::arn:<AWS::Partition>:glue:<AWS::Region>:<AWS::AccountId>:table/" + database + "/*");
    }
    NagSuppressions.addResourceSuppressions(glueRole, List.of(
        zoneObjects(zones, "Jobs and crawlers read and write objects whose keys are only known at run time"
            + " (partitions by date, Spark part files); access is scoped to the lake bucket's zone prefixes."),
        NagPackSuppression.builder()
            .id("AwsSolutions-IAM5")
            .reason("Crawlers create and update the tables of the lake's own databases; table names come from"
                + " the data (S3 folder names), so the role may manage any table of those databases only.")
            .appliesTo(tables)
            .build(),
        logGroups(logGroups)),
        true);
  }

  /** The generation job's role: the same two kinds of scoped wildcard, over the zones it writes. */
  static void applyToGeneratorRole(IRole generatorRole, Set<String> zones, String logGroups) {
    NagSuppressions.addResourceSuppressions(generatorRole, List.of(
        zoneObjects(zones, "The generation job writes one file per ingest date and part, and a truth manifest per"
            + " ingest date, whose keys depend on the run's dates and size; access is scoped to the raw zone and"
            + " the truth manifests of the lake bucket."),
        logGroups(logGroups)),
        true);
  }

  private static NagPackSuppression zoneObjects(Set<String> zones, String reason) {
    return NagPackSuppression.builder()
        .id("AwsSolutions-IAM5")
        .reason(reason)
        .appliesTo(List.of(RegexAppliesTo.builder()
            .regex("/^Resource::<LakeBucket[0-9A-F]{8}\\.Arn>\\/(" + String.join("|", new TreeSet<>(zones))
                + ")\\/\\*$/g")
            .build()))
        .build();
  }

  private static NagPackSuppression logGroups(String logGroups) {
    return NagPackSuppression.builder()
        .id("AwsSolutions-IAM5")
        .reason("Glue names its log groups and streams per job run and security configuration under "
            + logGroups + "; the role may write (and KMS-associate) log groups under that prefix only.")
        .appliesTo(List.of(
            "Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:" + logGroups))
        .build();
  }
}
