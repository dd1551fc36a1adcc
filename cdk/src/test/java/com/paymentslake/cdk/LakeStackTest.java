package com.paymentslake.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What the lake stack deploys, one feature per test. */
class LakeStackTest {
  private static final SynthesizedLake LAKE = SynthesizedLake.lake();
  private static final Template TEMPLATE = LAKE.template;

  @Test
  void keyRotatesAndIsRetained() {
    TEMPLATE.hasResource("AWS::KMS::Key", Map.of(
        "Properties", Map.of("EnableKeyRotation", true),
        "DeletionPolicy", "Retain"));
  }

  @Test
  void lakeBucketIsEncryptedWithTheKeyVersionedPrivateAndRetained() {
    TEMPLATE.hasResource("AWS::S3::Bucket", Map.of(
        "Properties", Map.of(
            "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                "BucketKeyEnabled", true,
                "ServerSideEncryptionByDefault", Map.of(
                    "SSEAlgorithm", "aws:kms",
                    "KMSMasterKeyID", Match.objectLike(Map.of("Fn::GetAtt", List.of(keyId(), "Arn"))))))),
            "VersioningConfiguration", Map.of("Status", "Enabled"),
            "PublicAccessBlockConfiguration", Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true),
            "LoggingConfiguration", Map.of(
                "DestinationBucketName", Map.of("Ref", LAKE.logicalIds("AWS::S3::Bucket").stream()
                    .filter(id -> id.startsWith("AccessLogs")).findFirst().orElseThrow()),
                "LogFilePrefix", "lake/")),
        "DeletionPolicy", "Retain",
        "UpdateReplacePolicy", "Retain"));
  }

  @Test
  void rawZoneMovesToColderStorageAndOldVersionsAndUploadsExpire() {
    TEMPLATE.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", List.of(
        Map.of("Id", "RawToColderStorage", "Prefix", "raw/payments/", "Status", "Enabled",
            "Transitions", List.of(
                Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30),
                Map.of("StorageClass", "GLACIER", "TransitionInDays", 90))),
        Map.of("Id", "ExpireNoncurrentVersionsAndUploads", "Status", "Enabled",
            "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30),
            "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7))))));
  }

  @Test
  void everyBucketRefusesRequestsWithoutTls() {
    int buckets = LAKE.resources("AWS::S3::Bucket").size();
    List<JsonNode> tlsOnly = new ArrayList<>();
    for (JsonNode policy : LAKE.resources("AWS::S3::BucketPolicy")) {
      policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
        if ("Deny".equals(statement.path("Effect").asText())
            && "false".equals(statement.path("Condition").path("Bool").path("aws:SecureTransport").asText())
            && "s3:*".equals(statement.path("Action").asText())) {
          tlsOnly.add(statement);
        }
      });
    }
    assertThat(tlsOnly).hasSize(buckets);
  }

  @Test
  void jobsRunTheJarsJavaMainClassOnGlue5WithOneRunAtATime() {
    TEMPLATE.resourceCountIs("AWS::Glue::Job", 3);
    TEMPLATE.allResourcesProperties("AWS::Glue::Job", Map.of(
        "Command", Map.of("Name", "glueetl", "ScriptLocation", Match.anyValue()),
        "GlueVersion", "5.0",
        "ExecutionProperty", Map.of("MaxConcurrentRuns", 1),
        "DefaultArguments", Match.objectLike(Map.of(
            "--job-language", "scala",
            "--class", Match.stringLikeRegexp("com\\.paymentslake\\.jobs\\..*Job"),
            "--extra-jars", Match.objectLike(Map.of("Fn::Sub", Match.stringLikeRegexp(".*\\.jar")))))));
  }

  @Test
  void jobsLogContinuouslyUnderTheSecurityConfiguration() {
    TEMPLATE.allResourcesProperties("AWS::Glue::Job", Map.of(
        "SecurityConfiguration", "payments-lake",
        "DefaultArguments", Match.objectLike(Map.of(
            "--enable-continuous-cloudwatch-log", "true", "--enable-continuous-log-filter", "true"))));
  }

  @Test
  void securityConfigurationEncryptsS3LogsAndBookmarksWithTheKey() {
    Map<String, Object> keyArn = Map.of("Fn::GetAtt", List.of(keyId(), "Arn"));
    TEMPLATE.hasResourceProperties("AWS::Glue::SecurityConfiguration", Map.of(
        "Name", "payments-lake",
        "EncryptionConfiguration", Map.of(
            "S3Encryptions", List.of(Map.of("S3EncryptionMode", "SSE-KMS", "KmsKeyArn", keyArn)),
            "CloudWatchEncryption", Map.of("CloudWatchEncryptionMode", "SSE-KMS", "KmsKeyArn", keyArn),
            "JobBookmarksEncryption", Map.of("JobBookmarksEncryptionMode", "CSE-KMS", "KmsKeyArn", keyArn))));
  }

  @Test
  void crawlersUseTheSecurityConfiguration() {
    TEMPLATE.allResourcesProperties("AWS::Glue::Crawler", Map.of("CrawlerSecurityConfiguration", "payments-lake"));
  }

  @Test
  void runsStartOnDemandAndConditionalTriggersAreActive() {
    TEMPLATE.resourcePropertiesCountIs("AWS::Glue::Trigger", Map.of("Type", "ON_DEMAND"), 1);
    TEMPLATE.hasResourceProperties("AWS::Glue::Trigger", Map.of(
        "Type", "ON_DEMAND", "WorkflowName", "payments-lake", "StartOnCreation", Match.absent()));
    TEMPLATE.allResourcesProperties("AWS::Glue::Trigger", Map.of("WorkflowName", "payments-lake"));
    assertThat(LAKE.resources("AWS::Glue::Trigger").stream()
        .map(trigger -> trigger.path("Properties"))
        .filter(trigger -> trigger.path("Type").asText().equals("CONDITIONAL")))
        .isNotEmpty()
        .allSatisfy(trigger -> assertThat(trigger.path("StartOnCreation").asBoolean()).isTrue());
  }

  @Test
  void alertTopicIsEncryptedAndMailsTheAlertEmailParameter() {
    TEMPLATE.hasResourceProperties("AWS::SNS::Topic", Map.of(
        "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(keyId(), "Arn"))));
    TEMPLATE.hasResourceProperties("AWS::SNS::Subscription", Map.of(
        "Protocol", "email", "Endpoint", Map.of("Ref", "AlertEmail")));
    TEMPLATE.hasParameter("AlertEmail", Map.of("Type", "String", "Default", Match.absent()));
  }

  @Test
  void alertTopicAcceptsPublishingOverTlsOnly() {
    TEMPLATE.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
        "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Deny",
            "Action", "sns:Publish",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void eventBridgeMayPublishToTheTopicAndUseItsKey() {
    TEMPLATE.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
        "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Allow",
            "Action", "sns:Publish",
            "Principal", Map.of("Service", "events.amazonaws.com"))))))));
    TEMPLATE.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of(
        "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Principal", Map.of("Service", "events.amazonaws.com"),
            "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"))))))));
  }

  @Test
  void alertRulesTargetTheTopic() {
    String topic = LAKE.logicalIds("AWS::SNS::Topic").get(0);
    TEMPLATE.allResourcesProperties("AWS::Events::Rule", Map.of(
        "State", "ENABLED",
        "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", topic))))));
  }

  @Test
  void athenaWorkgroupEnforcesEngineV3AndKmsEncryptedResults() {
    TEMPLATE.hasResourceProperties("AWS::Athena::WorkGroup", Map.of(
        "Name", "payments-lake",
        "WorkGroupConfiguration", Match.objectLike(Map.of(
            "EnforceWorkGroupConfiguration", true,
            "EngineVersion", Map.of("SelectedEngineVersion", "Athena engine version 3"),
            "ResultConfiguration", Map.of(
                "OutputLocation", Match.anyValue(),
                "EncryptionConfiguration", Map.of(
                    "EncryptionOption", "SSE_KMS",
                    "KmsKey", Map.of("Fn::GetAtt", List.of(keyId(), "Arn"))))))));
  }

  @Test
  void namedQueriesRunInTheWorkgroup() {
    TEMPLATE.resourceCountIs("AWS::Athena::NamedQuery", AthenaQueryFiles.packaged().size());
    TEMPLATE.allResourcesProperties("AWS::Athena::NamedQuery", Map.of("WorkGroup", "payments-lake"));
  }

  @Test
  void glueRoleGrantsNoWildcardAction() {
    List<String> actions = new ArrayList<>();
    for (JsonNode policy : LAKE.resources("AWS::IAM::Policy")) {
      policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
        JsonNode action = statement.path("Action");
        if (action.isArray()) {
          action.forEach(each -> actions.add(each.asText()));
        } else {
          actions.add(action.asText());
        }
      });
    }
    assertThat(actions).isNotEmpty().noneMatch(action -> action.contains("*"));
    TEMPLATE.resourcePropertiesCountIs("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.anyValue()), 0);
  }

  @Test
  void glueRoleReachesTheLakeOnlyByZonePrefixAndReadsRawOnly() {
    String bucket = LAKE.logicalIds("AWS::S3::Bucket").stream().filter(id -> id.startsWith("LakeBucket")).findFirst().orElseThrow();
    TEMPLATE.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
        Match.objectLike(Map.of("Sid", "ReadRawZone", "Action", "s3:GetObject",
            "Resource", zoneArn(bucket, "raw"))),
        Match.objectLike(Map.of("Sid", "ReadWriteLakeZones",
            "Action", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
            "Resource", List.of(zoneArn(bucket, "audit"), zoneArn(bucket, "bronze"), zoneArn(bucket, "gold"),
                zoneArn(bucket, "silver")))))))));
  }

  @Test
  void glueRoleCataloguesOnlyTheLakesDatabases() {
    JsonNode catalog = statement("CatalogLakeDatabases");
    List<String> resources = new ArrayList<>();
    catalog.path("Resource").forEach(resource -> resources.add(resource.toString()));
    assertThat(resources).hasSize(1 + 2 * 5)
        .allMatch(resource -> resource.contains(":catalog") || resource.contains("payments_"));
  }

  @Test
  void glueRoleReadsOnlyTheJobCodeFromTheAssetBucket() {
    JsonNode code = statement("ReadJobCode");
    assertThat(code.path("Action").asText()).isEqualTo("s3:GetObject");
    // job jar, Glue script, one DQDL ruleset: exact object keys, no wildcard
    assertThat(code.path("Resource")).hasSize(3).allSatisfy(resource -> assertThat(resource.toString()).doesNotContain("*"));
  }

  @Test
  void catalogHasOneDatabasePerZone() {
    TEMPLATE.resourceCountIs("AWS::Glue::Database", 5);
    TEMPLATE.hasResourceProperties("AWS::Glue::Database", Map.of(
        "DatabaseInput", Match.objectLike(Map.of("Name", "payments_silver"))));
  }

  private static JsonNode statement(String sid) {
    for (JsonNode policy : LAKE.resources("AWS::IAM::Policy")) {
      for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
        if (sid.equals(statement.path("Sid").asText())) {
          return statement;
        }
      }
    }
    throw new AssertionError("no policy statement " + sid);
  }

  private static Map<String, Object> zoneArn(String bucket, String zone) {
    return Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/" + zone + "/*")));
  }

  private static String keyId() {
    return LAKE.logicalIds("AWS::KMS::Key").get(0);
  }
}
