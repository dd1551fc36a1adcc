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
    // bronze, silver, gold and the generation job
    TEMPLATE.resourceCountIs("AWS::Glue::Job", 4);
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
  void generationJobRunsGenerateJobIntoTheLakeWithTheJobsOwnDefaults() {
    TEMPLATE.hasResourceProperties("AWS::Glue::Job", Map.of(
        "Name", "payments-lake-generate",
        "Command", plain(job("payments-lake-bronze").path("Command")),
        "DefaultArguments", Map.of(
            "--class", "com.paymentslake.jobs.generate.GenerateJob",
            "--lake-root", plain(LAKE.rendered(LAKE.stack.placeholderValues().get("LakeRoot"))),
            "--job-language", "scala",
            "--extra-jars", plain(job("payments-lake-bronze").path("DefaultArguments").path("--extra-jars")),
            "--enable-continuous-cloudwatch-log", "true",
            "--enable-continuous-log-filter", "true",
            "--job-bookmark-option", "job-bookmark-disable")));
    assertThat(job("payments-lake-generate").path("DefaultArguments").path("--lake-root").toString())
        .contains("s3://").contains(lakeBucketId());
  }

  @Test
  void noJobSetsAnArgumentGlueUsesInternally() {
    assertThat(LAKE.resources("AWS::Glue::Job")).hasSize(4).allSatisfy(job ->
        assertThat(job.at("/Properties/DefaultArguments").fieldNames()).toIterable()
            .doesNotContainAnyElementsOf(LakeStack.GLUE_INTERNAL_ARGUMENTS));
  }

  @Test
  void generationJobRunsOnGlue5WithTwoG1xWorkersOnceAtATimeAndNoRetry() {
    TEMPLATE.hasResourceProperties("AWS::Glue::Job", Map.of(
        "Name", "payments-lake-generate",
        "GlueVersion", "5.0",
        "WorkerType", "G.1X",
        "NumberOfWorkers", 2,
        "Timeout", 120,
        "MaxRetries", 0,
        "ExecutionProperty", Map.of("MaxConcurrentRuns", 1)));
  }

  @Test
  void generationJobRunsAsTheGeneratorRoleUnderTheSecurityConfiguration() {
    JsonNode generate = job("payments-lake-generate");
    assertThat(generate.path("Role")).isEqualTo(roleArn("GeneratorRole"));
    assertThat(generate.path("SecurityConfiguration").asText()).isEqualTo("payments-lake");
    for (String workflowJob : List.of("payments-lake-bronze", "payments-lake-silver", "payments-lake-gold")) {
      assertThat(job(workflowJob).path("Role")).as(workflowJob).isEqualTo(roleArn("GlueRole"));
    }
  }

  @Test
  void generationJobIsNotPartOfTheWorkflowAndHasNoScheduleByDefault() {
    assertThat(LAKE.resources("AWS::Glue::Trigger"))
        .isNotEmpty()
        .allSatisfy(trigger -> assertThat(trigger.at("/Properties/WorkflowName").asText()).isEqualTo("payments-lake"))
        .flatExtracting(trigger -> trigger.at("/Properties/Actions").findValuesAsText("JobName"))
        .contains("payments-lake-bronze")
        .doesNotContain("payments-lake-generate");
  }

  @Test
  void stackOutputsTheGenerationJobsName() {
    TEMPLATE.hasOutput("GenerateJobName", Map.of("Value", "payments-lake-generate"));
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
  void rolesGrantNoWildcardAction() {
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
  void generatorRoleWritesOnlyTheRawZoneAndTheTruthManifests() {
    String bucket = lakeBucketId();
    assertThat(policyOf("GeneratorRole").findValuesAsText("Sid")).containsExactly(
        "WriteRawZoneAndManifests", "ListRawZoneAndManifests", "ReadJobCode", "UseLakeKey", "WriteEncryptedGlueLogs");
    JsonNode write = statement("GeneratorRole", "WriteRawZoneAndManifests");
    assertThat(write.path("Action")).isEqualTo(SynthesizedLake.MAPPER.valueToTree(
        List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload")));
    assertThat(write.path("Resource")).isEqualTo(SynthesizedLake.MAPPER.valueToTree(
        List.of(zoneArn(bucket, "manifests"), zoneArn(bucket, "raw"))));
    JsonNode list = statement("GeneratorRole", "ListRawZoneAndManifests");
    assertThat(list.at("/Condition/StringLike/s3:prefix")).isEqualTo(SynthesizedLake.MAPPER.valueToTree(
        List.of("manifests", "manifests/*", "raw", "raw/*")));
    assertThat(list.path("Resource")).isEqualTo(SynthesizedLake.MAPPER.valueToTree(
        Map.of("Fn::GetAtt", List.of(bucket, "Arn"))));
  }

  @Test
  void generatorRoleReadsOnlyTheJarAndScriptAndTouchesNoCatalog() {
    JsonNode code = statement("GeneratorRole", "ReadJobCode");
    assertThat(code.path("Resource")).hasSize(2)
        .allSatisfy(resource -> assertThat(resource.toString()).doesNotContain("*"));
    assertThat(statement("GeneratorRole", "ReadJobCode").path("Resource"))
        .isSubsetOf(statement("GlueRole", "ReadJobCode").path("Resource"));
    assertThat(policyOf("GeneratorRole").toString()).doesNotContain("glue:");
  }

  @Test
  void onlyTheGeneratorRoleWritesTheRawZone() {
    List<String> writers = new ArrayList<>();
    for (JsonNode policy : LAKE.resources("AWS::IAM::Policy")) {
      policy.at("/Properties/PolicyDocument/Statement").forEach(statement -> {
        if (statement.path("Action").toString().contains("s3:PutObject")
            && statement.path("Resource").toString().contains("/raw/*")) {
          writers.add(policy.at("/Properties/Roles/0/Ref").asText());
        }
      });
    }
    assertThat(writers).hasSize(1);
    assertThat(writers.get(0)).startsWith("GeneratorRole");
  }

  @Test
  void glueRoleCataloguesOnlyTheLakesDatabases() {
    JsonNode catalog = statement("GlueRole", "CatalogLakeDatabases");
    List<String> resources = new ArrayList<>();
    catalog.path("Resource").forEach(resource -> resources.add(resource.toString()));
    assertThat(resources).hasSize(1 + 2 * 5)
        .allMatch(resource -> resource.contains(":catalog") || resource.contains("payments_"));
  }

  @Test
  void glueRoleReadsOnlyTheJobCodeFromTheAssetBucket() {
    JsonNode code = statement("GlueRole", "ReadJobCode");
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

  /** A statement of the policy of the role whose logical id starts with {@code role}. */
  private static JsonNode statement(String role, String sid) {
    for (JsonNode statement : policyOf(role)) {
      if (sid.equals(statement.path("Sid").asText())) {
        return statement;
      }
    }
    throw new AssertionError("no policy statement " + sid + " for role " + role);
  }

  /** The statements of the (one) policy attached to the role whose logical id starts with {@code role}. */
  private static JsonNode policyOf(String role) {
    List<JsonNode> policies = LAKE.resources("AWS::IAM::Policy").stream()
        .filter(policy -> policy.at("/Properties/Roles/0/Ref").asText().startsWith(role))
        .toList();
    assertThat(policies).as("policies of role %s", role).hasSize(1);
    return policies.get(0).at("/Properties/PolicyDocument/Statement");
  }

  private static JsonNode roleArn(String role) {
    String id = LAKE.logicalIds("AWS::IAM::Role").stream().filter(each -> each.startsWith(role)).findFirst()
        .orElseThrow();
    return SynthesizedLake.MAPPER.valueToTree(Map.of("Fn::GetAtt", List.of(id, "Arn")));
  }

  private static JsonNode job(String name) {
    return LAKE.resources("AWS::Glue::Job").stream()
        .map(job -> job.path("Properties"))
        .filter(job -> name.equals(job.path("Name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no job " + name));
  }

  /** A template value as plain Java maps and lists, as the assertion API takes them. */
  private static Object plain(JsonNode node) {
    return SynthesizedLake.MAPPER.convertValue(node, Object.class);
  }

  private static String lakeBucketId() {
    return LAKE.logicalIds("AWS::S3::Bucket").stream().filter(id -> id.startsWith("LakeBucket")).findFirst().orElseThrow();
  }

  private static Map<String, Object> zoneArn(String bucket, String zone) {
    return Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/" + zone + "/*")));
  }

  private static String keyId() {
    return LAKE.logicalIds("AWS::KMS::Key").get(0);
  }
}
