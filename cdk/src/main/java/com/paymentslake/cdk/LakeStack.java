package com.paymentslake.cdk;

import com.paymentslake.contract.LakeLayout;
import com.paymentslake.workflow.AlertRule;
import com.paymentslake.workflow.AlertTopic;
import com.paymentslake.workflow.CrawlerDefinition;
import com.paymentslake.workflow.JobDefinition;
import com.paymentslake.workflow.Placeholders;
import com.paymentslake.workflow.TriggerDefinition;
import com.paymentslake.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.athena.CfnNamedQuery;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.interfaces.events.IRuleRef;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.RuleTargetInputProperties;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.events.targets.SnsTopicProps;
import software.amazon.awscdk.services.glue.CfnCrawler;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnJob;
import software.amazon.awscdk.services.glue.CfnSecurityConfiguration;
import software.amazon.awscdk.services.glue.CfnTrigger;
import software.amazon.awscdk.services.glue.CfnWorkflow;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The lake on AWS, built from the workflow definition, the DQDL rules, the Athena queries and the
 * job jar: nothing the local twin runs is listed again here.
 *
 * <p>Data stays on {@code cdk destroy} (buckets, key, log retention); everything else is code.
 */
public final class LakeStack extends Stack {
  /** Athena engine version 3 (Trino), the dialect the queries are written and checked in. */
  static final String ATHENA_ENGINE = "Athena engine version 3";
  /** Glue's job command for Spark ETL jobs. */
  static final String GLUE_ETL = "glueetl";
  /** Every log group Glue writes (job output/error, continuous logs, crawlers). */
  static final String GLUE_LOG_GROUPS = "/aws-glue/*";

  /** Zones the jobs only read (the generator or an upstream feed writes them). */
  static final Set<String> READ_ONLY_ZONES = Set.of(zone(LakeLayout.RAW_PAYMENTS));
  /**
   * The main class of the generation job, the standalone job of the definition that fills the raw
   * zone with test data: it gets its own role ({@link #GENERATED_ZONES}), the {@code generator*}
   * context settings and the optional schedule.
   */
  static final String GENERATOR_CLASS = "com.paymentslake.jobs.generate.GenerateJob";
  /** Zones the generation job writes: raw payments and their truth manifests, nothing else. */
  static final Set<String> GENERATED_ZONES =
      new TreeSet<>(List.of(zone(LakeLayout.RAW_PAYMENTS), zone(LakeLayout.TRUTH_MANIFESTS)));
  /** Zones the jobs write (and crawlers read). */
  static final Set<String> WRITTEN_ZONES =
      new TreeSet<>(List.of(
          zone(LakeLayout.BRONZE_PAYMENTS), zone(LakeLayout.SILVER_PAYMENTS), zone(LakeLayout.BRONZE_REJECTS),
          zone(LakeLayout.SILVER_REJECTS), zone(LakeLayout.DQ_SUMMARY), zone(LakeLayout.BRONZE_LINEAGE),
          zone(LakeLayout.GOLD)));

  private final WorkflowDefinition definition;
  private final Map<String, String> placeholderValues;
  private final Key key;
  private final Bucket lakeBucket;
  private final Role glueRole;
  private final Role generatorRole;
  private final Topic alertTopic;

  public LakeStack(Construct scope, String id, StackProps props, WorkflowDefinition source, LakeStackConfig config) {
    super(scope, id, props);
    setTemplateOptions();

    CfnParameter alertEmail = CfnParameter.Builder.create(this, "AlertEmail")
        .type("String")
        .description("Email address that receives the lake's job and crawler failure alerts (confirm the"
            + " subscription email SNS sends).")
        .allowedPattern("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        .constraintDescription("must be an email address")
        .defaultValue(config.alertEmail().orElse(null))
        .build();

    WorkflowDefinition named = DefinitionVariants.renamed(source, config.namePrefix());
    WorkflowDefinition scheduled =
        config.nightlySchedule().map(cron -> DefinitionVariants.scheduled(named, cron)).orElse(named);
    LakeStackConfig.Generator generator = config.generator();
    WorkflowDefinition variant = generator.changesTheJob()
        ? DefinitionVariants.resized(scheduled, GENERATOR_CLASS, generator.workerType(), generator.workers())
        : scheduled;
    String prefix = variant.name();

    key = Key.Builder.create(this, "Key")
        .alias("alias/" + prefix)
        .description("Encrypts the " + prefix + " lake: data, Athena results, Glue logs and bookmarks, alerts.")
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    allowServicesToUseKey();

    Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
        // S3 server access logging delivers only to SSE-S3 buckets.
        .encryption(BucketEncryption.S3_MANAGED)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .enforceSsl(true)
        .versioned(true)
        .lifecycleRules(List.of(LifecycleRule.builder()
            .id("ExpireAccessLogs")
            .expiration(Duration.days(365))
            .noncurrentVersionExpiration(Duration.days(30))
            .abortIncompleteMultipartUploadAfter(Duration.days(7))
            .build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    lakeBucket = Bucket.Builder.create(this, "LakeBucket")
        .encryption(BucketEncryption.KMS)
        .encryptionKey(key)
        .bucketKeyEnabled(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .enforceSsl(true)
        .versioned(true)
        .serverAccessLogsBucket(accessLogs)
        .serverAccessLogsPrefix("lake/")
        .lifecycleRules(List.of(
            LifecycleRule.builder()
                .id("RawToColderStorage")
                .prefix(LakeLayout.RAW_PAYMENTS + "/")
                .transitions(List.of(
                    Transition.builder().storageClass(StorageClass.INFREQUENT_ACCESS).transitionAfter(Duration.days(30)).build(),
                    Transition.builder().storageClass(StorageClass.GLACIER).transitionAfter(Duration.days(90)).build()))
                .build(),
            LifecycleRule.builder()
                .id("ExpireNoncurrentVersionsAndUploads")
                .noncurrentVersionExpiration(Duration.days(30))
                .abortIncompleteMultipartUploadAfter(Duration.days(7))
                .build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Bucket queryResults = Bucket.Builder.create(this, "QueryResults")
        .encryption(BucketEncryption.KMS)
        .encryptionKey(key)
        .bucketKeyEnabled(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .enforceSsl(true)
        .serverAccessLogsBucket(accessLogs)
        .serverAccessLogsPrefix("query-results/")
        .lifecycleRules(List.of(LifecycleRule.builder()
            .id("ExpireQueryResults")
            .expiration(Duration.days(30))
            .abortIncompleteMultipartUploadAfter(Duration.days(1))
            .build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();

    placeholderValues = Map.of(
        Placeholders.LAKE_ROOT, "s3://" + lakeBucket.getBucketName(),
        Placeholders.LOGS_LOCATION,
        "https://" + getRegion() + ".console.aws.amazon.com/cloudwatch/home?region=" + getRegion()
            + "#logsV2:log-groups$3FlogGroupNameFilter$3D$252Faws-glue$252F",
        Placeholders.ALERT_EMAIL, alertEmail.getValueAsString());
    definition = variant.resolve(placeholderValues);

    glueRole = Role.Builder.create(this, "GlueRole")
        .assumedBy(new ServicePrincipal("glue.amazonaws.com"))
        .description("Runs the " + prefix + " workflow's Glue jobs and crawlers: lake zones (raw read-only), the lake"
            + " key, its catalog databases.")
        .build();
    // Only the generation job writes raw: a role of its own keeps raw read-only for the pipeline.
    generatorRole = definition.standaloneJobs().isEmpty() ? null : Role.Builder.create(this, "GeneratorRole")
        .assumedBy(new ServicePrincipal("glue.amazonaws.com"))
        .description("Runs the " + prefix + " generation job: writes the lake's raw zone and truth manifests only.")
        .build();
    CfnSecurityConfiguration security = securityConfiguration(prefix);
    List<CfnDatabase> databases = databases();
    Asset jobJar = Asset.Builder.create(this, "JobJar").path(config.assets().jobJar().toString()).build();
    Asset script = Asset.Builder.create(this, "GlueScript").path(config.assets().glueScript().toString()).build();
    List<Asset> rules = new ArrayList<>();
    for (var file : config.assets().rules()) {
      rules.add(Asset.Builder.create(this, "Rules" + pascal(file.getFileName().toString().replace(".dqdl", "")))
          .path(file.toString())
          .build());
    }
    grantGlueRole(jobJar, script, rules);
    if (generatorRole != null) {
      grantGeneratorRole(jobJar, script);
    }

    Map<String, CfnJob> jobs = jobs(jobJar, script, security, config.assets());
    Map<String, CfnJob> standaloneJobs = standaloneJobs(jobJar, script, security, config.assets());
    generator.schedule().ifPresent(cron -> generatorSchedule(standaloneJobs, cron));
    Map<String, CfnCrawler> crawlers = crawlers(security, databases);
    CfnWorkflow workflow = workflow();
    triggers(workflow, jobs, crawlers);
    alertTopic = alerts();
    athena(prefix, queryResults);
    CfnOutput.Builder.create(this, "LakeBucketName").description("Lake bucket: raw CSV goes under raw/payments/")
        .value(lakeBucket.getBucketName()).build();
    CfnOutput.Builder.create(this, "WorkflowName").description("aws glue start-workflow-run --name this")
        .value(definition.name()).build();
    CfnOutput.Builder.create(this, "AthenaWorkgroup").description("Workgroup with the saved queries")
        .value(prefix).build();
    if (generatorRole != null) {
      CfnOutput.Builder.create(this, "GenerateJobName")
          .description("aws glue start-job-run --job-name this: generated test data into raw/payments/")
          .value(DefinitionVariants.standaloneJob(definition, GENERATOR_CLASS).name()).build();
    }
    Set<String> zones = new TreeSet<>(READ_ONLY_ZONES);
    zones.addAll(WRITTEN_ZONES);
    LakeNagSuppressions.apply(accessLogs, glueRole, zones, databaseNames(), GLUE_LOG_GROUPS);
    if (generatorRole != null) {
      LakeNagSuppressions.applyToGeneratorRole(generatorRole, GENERATED_ZONES, GLUE_LOG_GROUPS);
    }
  }

  /** The definition as deployed: renamed, scheduled if asked, placeholders resolved to this stack. */
  public WorkflowDefinition definition() {
    return definition;
  }

  /** The value (possibly a CloudFormation token) each placeholder of the definition resolved to. */
  public Map<String, String> placeholderValues() {
    return placeholderValues;
  }

  public IBucket lakeBucket() {
    return lakeBucket;
  }

  public IKey key() {
    return key;
  }

  /** The role of the workflow's jobs and crawlers. */
  public IRole glueRole() {
    return glueRole;
  }

  /** The role of the generation job; empty when the definition has no standalone job. */
  public Optional<IRole> generatorRole() {
    return Optional.ofNullable(generatorRole);
  }

  public Topic alertTopic() {
    return alertTopic;
  }

  private void setTemplateOptions() {
    getTemplateOptions().setDescription(
        "payments-lake: AWS Glue medallion ETL for card payments (raw -> bronze -> silver -> gold), crawlers,"
            + " workflow, failure alerts by email, Athena.");
  }

  /** The key policy lets CloudWatch Logs (Glue's encrypted logs) and EventBridge (to the encrypted topic) use it. */
  private void allowServicesToUseKey() {
    key.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("GlueLogsEncryption")
        .principals(List.of(new ServicePrincipal("logs." + getRegion() + ".amazonaws.com")))
        .actions(List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
            "kms:DescribeKey"))
        .resources(List.of("*"))
        .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
            formatArn(ArnComponents.builder().service("logs").resource("log-group").resourceName(GLUE_LOG_GROUPS)
                .arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME).build()))))
        .build());
    key.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("AlertsToEncryptedTopic")
        .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
        .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
        .resources(List.of("*"))
        .build());
  }

  private CfnSecurityConfiguration securityConfiguration(String prefix) {
    return CfnSecurityConfiguration.Builder.create(this, "SecurityConfiguration")
        .name(prefix)
        .encryptionConfiguration(CfnSecurityConfiguration.EncryptionConfigurationProperty.builder()
            .s3Encryptions(List.of(CfnSecurityConfiguration.S3EncryptionProperty.builder()
                .s3EncryptionMode("SSE-KMS")
                .kmsKeyArn(key.getKeyArn())
                .build()))
            .cloudWatchEncryption(CfnSecurityConfiguration.CloudWatchEncryptionProperty.builder()
                .cloudWatchEncryptionMode("SSE-KMS")
                .kmsKeyArn(key.getKeyArn())
                .build())
            .jobBookmarksEncryption(CfnSecurityConfiguration.JobBookmarksEncryptionProperty.builder()
                .jobBookmarksEncryptionMode("CSE-KMS")
                .kmsKeyArn(key.getKeyArn())
                .build())
            .build())
        .build();
  }

  /** One catalog database per crawler target database (the zones), in definition order. */
  private List<CfnDatabase> databases() {
    Construct scope = new Construct(this, "Databases");
    List<CfnDatabase> databases = new ArrayList<>();
    for (String name : databaseNames()) {
      databases.add(CfnDatabase.Builder.create(scope, pascal(name))
          .catalogId(getAccount())
          .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
              .name(name)
              .description("payments-lake zone " + name + ", catalogued by the lake's crawlers.")
              .build())
          .build());
    }
    return databases;
  }

  private Set<String> databaseNames() {
    Set<String> names = new LinkedHashSet<>();
    definition.crawlers().forEach(crawler -> names.add(crawler.databaseName()));
    return names;
  }

  /** Least privilege: named actions only, S3 by zone prefix, the one key, the lake's databases. */
  private void grantGlueRole(Asset jobJar, Asset script, List<Asset> rules) {
    grantObjects(glueRole, "ReadRawZone", List.of("s3:GetObject"), READ_ONLY_ZONES);
    grantObjects(glueRole, "ReadWriteLakeZones", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
        WRITTEN_ZONES);
    Set<String> listed = new LinkedHashSet<>(READ_ONLY_ZONES);
    listed.addAll(WRITTEN_ZONES);
    grantListing(glueRole, "ListLakeZones", listed);
    grantCode(glueRole, concat(List.of(jobJar, script), rules));
    grantKey(glueRole);

    List<String> catalog = new ArrayList<>(List.of(formatArn(ArnComponents.builder().service("glue").resource("catalog").build())));
    for (String database : databaseNames()) {
      catalog.add(formatArn(ArnComponents.builder().service("glue").resource("database").resourceName(database).build()));
      catalog.add(formatArn(ArnComponents.builder().service("glue").resource("table").resourceName(database + "/*").build()));
    }
    glueRole.addToPolicy(statement("CatalogLakeDatabases", List.of(
        "glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:CreateTable", "glue:UpdateTable",
        "glue:DeleteTable", "glue:BatchDeleteTable", "glue:GetPartition", "glue:GetPartitions",
        "glue:BatchGetPartition", "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition",
        "glue:BatchUpdatePartition", "glue:DeletePartition", "glue:BatchDeletePartition"), catalog));
    grantLogs(glueRole);
  }

  /**
   * The generation job writes raw payment files and truth manifests, deletes the stale part files of
   * earlier runs, and aborts the multipart upload of a file that failed (so nothing partial appears);
   * it reads no other zone and touches no catalog.
   */
  private void grantGeneratorRole(Asset jobJar, Asset script) {
    grantObjects(generatorRole, "WriteRawZoneAndManifests",
        List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"), GENERATED_ZONES);
    grantListing(generatorRole, "ListRawZoneAndManifests", GENERATED_ZONES);
    grantCode(generatorRole, List.of(jobJar, script));
    grantKey(generatorRole);
    grantLogs(generatorRole);
  }

  private void grantObjects(Role role, String sid, List<String> actions, Set<String> zones) {
    List<String> objects = new ArrayList<>();
    for (String zone : zones) {
      objects.add(lakeBucket.arnForObjects(zone + "/*"));
    }
    role.addToPolicy(statement(sid, actions, objects));
  }

  /** Listing the lake bucket, by prefix: the zones and anything under them. */
  private void grantListing(Role role, String sid, Set<String> zones) {
    List<String> prefixes = new ArrayList<>();
    for (String zone : zones) {
      prefixes.addAll(List.of(zone, zone + "/*"));
    }
    role.addToPolicy(PolicyStatement.Builder.create()
        .sid(sid)
        .actions(List.of("s3:ListBucket"))
        .resources(List.of(lakeBucket.getBucketArn()))
        .conditions(Map.of("StringLike", Map.of("s3:prefix", prefixes)))
        .build());
  }

  /** The exact objects of the code assets the role's jobs load. */
  private static void grantCode(Role role, List<Asset> assets) {
    List<String> code = new ArrayList<>();
    for (Asset asset : assets) {
      code.add(asset.getBucket().arnForObjects(asset.getS3ObjectKey()));
    }
    role.addToPolicy(statement("ReadJobCode", List.of("s3:GetObject"), code));
  }

  private void grantKey(Role role) {
    role.addToPolicy(statement("UseLakeKey", List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"),
        List.of(key.getKeyArn())));
  }

  private void grantLogs(Role role) {
    role.addToPolicy(statement("WriteEncryptedGlueLogs",
        List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"),
        List.of(formatArn(ArnComponents.builder().service("logs").resource("log-group").resourceName(GLUE_LOG_GROUPS)
            .arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME).build()))));
  }

  /**
   * Arguments AWS Glue uses internally and documents as never to be set ("Using job parameters in
   * AWS Glue jobs"); the generator's {@code --mode} is one, so the generation job is deployed without
   * it (its defaults are the dates of nightly mode).
   */
  static final Set<String> GLUE_INTERNAL_ARGUMENTS =
      new TreeSet<>(List.of("--debug", "--mode", "--JOB_NAME", "--endpoint"));

  /** The arguments the stack adds to every job's definition arguments ({@link #glueArguments}). */
  static final Set<String> GLUE_ARGUMENT_NAMES = Set.of(
      "--job-language", "--extra-jars", "--enable-continuous-cloudwatch-log", "--enable-continuous-log-filter",
      "--job-bookmark-option");

  /**
   * Glue's own arguments of every job: JVM code from the jar ({@code --class} comes from the
   * definition), continuous logging, no bookmarks (each run names its partitions explicitly).
   */
  private static Map<String, String> glueArguments(Asset jobJar) {
    Map<String, String> arguments = new LinkedHashMap<>();
    arguments.put("--job-language", "scala");
    arguments.put("--extra-jars", jobJar.getS3ObjectUrl());
    arguments.put("--enable-continuous-cloudwatch-log", "true");
    arguments.put("--enable-continuous-log-filter", "true");
    arguments.put("--job-bookmark-option", "job-bookmark-disable");
    return arguments;
  }

  /** The workflow's jobs, run by the Glue role. */
  private Map<String, CfnJob> jobs(Asset jobJar, Asset script, CfnSecurityConfiguration security, LakeAssets assets) {
    Construct scope = new Construct(this, "Jobs");
    Map<String, CfnJob> jobs = new LinkedHashMap<>();
    for (JobDefinition job : definition.jobs()) {
      requireClassInJar(job, assets);
      jobs.put(job.name(), job(scope, job, glueRole, jobJar, script, security));
    }
    return jobs;
  }

  /**
   * The standalone jobs: deployed like the workflow's, with the same jar, script, security
   * configuration and logging, but no trigger of the workflow starts them. Each needs a role made
   * for it; the generation job ({@link #GENERATOR_CLASS}) is the one the stack knows.
   */
  private Map<String, CfnJob> standaloneJobs(
      Asset jobJar, Asset script, CfnSecurityConfiguration security, LakeAssets assets) {
    Construct scope = new Construct(this, "StandaloneJobs");
    Map<String, CfnJob> jobs = new LinkedHashMap<>();
    for (JobDefinition job : definition.standaloneJobs()) {
      requireClassInJar(job, assets);
      if (!GENERATOR_CLASS.equals(job.mainClass())) {
        throw new IllegalStateException("standalone job " + job.name() + " runs " + job.mainClass() + " but the stack"
            + " has a role only for the generation job (" + GENERATOR_CLASS + "); give its job a role in LakeStack"
            + " first");
      }
      jobs.put(job.name(), job(scope, job, generatorRole, jobJar, script, security));
    }
    return jobs;
  }

  /** A job whose class is missing from the jar would deploy and fail only when it runs. */
  private static void requireClassInJar(JobDefinition job, LakeAssets assets) {
    if (!assets.jobJarHasClass(job.mainClass())) {
      throw new IllegalStateException("job " + job.name() + ": " + JobDefinition.CLASS_ARGUMENT + " "
          + job.mainClass() + " is not in the job jar " + assets.jobJar() + "; fix the class name in the workflow"
          + " definition or rebuild the jar (mvn -B -pl cdk -am -DskipTests package)");
    }
  }

  private CfnJob job(Construct scope, JobDefinition job, IRole role, Asset jobJar, Asset script,
      CfnSecurityConfiguration security) {
    Map<String, String> arguments = new LinkedHashMap<>(glueArguments(jobJar));
    job.defaultArguments().keySet().stream().filter(GLUE_INTERNAL_ARGUMENTS::contains).sorted().findFirst()
        .ifPresent(name -> {
          throw new IllegalStateException("job " + job.name() + " sets " + name + ", which AWS Glue uses internally;"
              + " Glue's documentation says never to set " + GLUE_INTERNAL_ARGUMENTS);
        });
    job.defaultArguments().forEach((name, value) -> {
      if (arguments.containsKey(name)) {
        throw new IllegalStateException("job " + job.name() + " sets " + name + ", which the stack sets for every job");
      }
      arguments.put(name, value);
    });
    CfnJob cfnJob = CfnJob.Builder.create(scope, localId(job.name()))
        .name(job.name())
        .description(job.description())
        .role(role.getRoleArn())
        .command(CfnJob.JobCommandProperty.builder().name(GLUE_ETL).scriptLocation(script.getS3ObjectUrl()).build())
        .defaultArguments(arguments)
        .glueVersion(job.glueVersion())
        .workerType(job.workerType())
        .numberOfWorkers(job.numberOfWorkers())
        .timeout(job.timeout())
        .maxRetries(job.maxRetries())
        .executionProperty(CfnJob.ExecutionPropertyProperty.builder().maxConcurrentRuns(1).build())
        .securityConfiguration(security.getName())
        .build();
    cfnJob.getNode().addDependency(security);
    return cfnJob;
  }

  /**
   * A trigger outside the workflow that starts the generation job on a schedule, with its default
   * arguments (the last 7 ingest dates): test data lands in raw before the workflow's own schedule
   * processes it.
   */
  private void generatorSchedule(Map<String, CfnJob> standaloneJobs, String cron) {
    JobDefinition generator = DefinitionVariants.standaloneJob(definition, GENERATOR_CLASS);
    CfnTrigger trigger = CfnTrigger.Builder.create(this, "GeneratorSchedule")
        .name(generator.name() + "-schedule")
        .description("Starts " + generator.name() + " (not part of the workflow) with its default arguments: test"
            + " data for the next workflow run.")
        .type(TriggerDefinition.Type.SCHEDULED.name())
        .schedule(cron)
        // Glue creates SCHEDULED triggers deactivated unless told otherwise.
        .startOnCreation(true)
        .actions(List.of(CfnTrigger.ActionProperty.builder().jobName(generator.name()).build()))
        .build();
    trigger.getNode().addDependency(standaloneJobs.get(generator.name()));
  }

  private Map<String, CfnCrawler> crawlers(CfnSecurityConfiguration security, List<CfnDatabase> databases) {
    Construct scope = new Construct(this, "Crawlers");
    Map<String, CfnCrawler> crawlers = new LinkedHashMap<>();
    for (CrawlerDefinition crawler : definition.crawlers()) {
      CfnCrawler.Builder builder = CfnCrawler.Builder.create(scope, localId(crawler.name()))
          .name(crawler.name())
          .description(crawler.description())
          .role(glueRole.getRoleArn())
          .databaseName(crawler.databaseName())
          .targets(CfnCrawler.TargetsProperty.builder()
              .s3Targets(crawler.targets().s3Targets().stream()
                  .map(target -> CfnCrawler.S3TargetProperty.builder()
                      .path(target.path())
                      .exclusions(target.exclusions().isEmpty() ? null : target.exclusions())
                      .build())
                  .toList())
              .build())
          .schemaChangePolicy(CfnCrawler.SchemaChangePolicyProperty.builder()
              .updateBehavior(crawler.schemaChangePolicy().updateBehavior().name())
              .deleteBehavior(crawler.schemaChangePolicy().deleteBehavior().name())
              .build())
          .recrawlPolicy(CfnCrawler.RecrawlPolicyProperty.builder()
              .recrawlBehavior(crawler.recrawlPolicy().recrawlBehavior().name())
              .build())
          .crawlerSecurityConfiguration(security.getName());
      if (!crawler.tablePrefix().isEmpty()) {
        builder.tablePrefix(crawler.tablePrefix());
      }
      CfnCrawler cfnCrawler = builder.build();
      cfnCrawler.getNode().addDependency(security);
      databases.forEach(database -> cfnCrawler.getNode().addDependency(database));
      crawlers.put(crawler.name(), cfnCrawler);
    }
    return crawlers;
  }

  private CfnWorkflow workflow() {
    return CfnWorkflow.Builder.create(this, "Workflow")
        .name(definition.name())
        .description(definition.description())
        .defaultRunProperties(definition.defaultRunProperties())
        .maxConcurrentRuns(definition.maxConcurrentRuns())
        .build();
  }

  private void triggers(CfnWorkflow workflow, Map<String, CfnJob> jobs, Map<String, CfnCrawler> crawlers) {
    Construct scope = new Construct(this, "Triggers");
    for (TriggerDefinition trigger : definition.triggers()) {
      CfnTrigger.Builder builder = CfnTrigger.Builder.create(scope, localId(trigger.name()))
          .name(trigger.name())
          .description(trigger.description())
          .type(trigger.type().name())
          .workflowName(definition.name())
          .actions(trigger.actions().stream().map(action -> CfnTrigger.ActionProperty.builder()
              .jobName(action.jobName())
              .crawlerName(action.crawlerName())
              .arguments(action.arguments().isEmpty() ? null : action.arguments())
              .build()).toList());
      if (trigger.type() != TriggerDefinition.Type.ON_DEMAND) {
        // Glue creates SCHEDULED and CONDITIONAL triggers deactivated unless told otherwise.
        builder.startOnCreation(true);
      }
      if (trigger.schedule() != null) {
        builder.schedule(trigger.schedule());
      }
      if (trigger.predicate() != null) {
        builder.predicate(CfnTrigger.PredicateProperty.builder()
            .logical(trigger.predicate().logical().name())
            .conditions(trigger.predicate().conditions().stream().map(condition -> CfnTrigger.ConditionProperty.builder()
                .logicalOperator(condition.logicalOperator())
                .jobName(condition.jobName())
                .state(condition.state() == null ? null : condition.state().name())
                .crawlerName(condition.crawlerName())
                .crawlState(condition.crawlState() == null ? null : condition.crawlState().name())
                .build()).toList())
            .build());
      }
      CfnTrigger cfnTrigger = builder.build();
      // names, not references, tie triggers to what they watch and start: order the deployment
      cfnTrigger.getNode().addDependency(workflow);
      jobs.values().forEach(job -> cfnTrigger.getNode().addDependency(job));
      crawlers.values().forEach(crawler -> cfnTrigger.getNode().addDependency(crawler));
    }
  }

  private Topic alerts() {
    if (definition.alertTopics().size() != 1) {
      throw new IllegalStateException(
          "the stack deploys exactly one alert topic but workflow " + definition.name() + " defines "
              + definition.alertTopics().size());
    }
    AlertTopic definedTopic = definition.alertTopics().get(0);
    Topic topic = Topic.Builder.create(this, "AlertTopic")
        .topicName(definedTopic.name())
        .displayName(definedTopic.displayName())
        .masterKey(key)
        .enforceSsl(true)
        .build();
    for (AlertTopic.Subscription subscription : definedTopic.subscriptions()) {
      if (!"email".equals(subscription.protocol())) {
        throw new IllegalStateException("topic " + definedTopic.name() + ": subscription protocol '"
            + subscription.protocol() + "' is not supported; supported: email");
      }
      topic.addSubscription(new EmailSubscription(subscription.endpoint()));
    }
    Construct scope = new Construct(this, "AlertRules");
    for (AlertRule rule : definition.alertRules()) {
      if (!definedTopic.name().equals(rule.topic())) {
        throw new IllegalStateException("alert rule " + rule.name() + " notifies unknown topic " + rule.topic());
      }
      Rule.Builder.create(scope, localId(rule.name()))
          .ruleName(rule.name())
          .description(rule.description())
          .eventPattern(EventPatterns.of(rule.eventPattern()))
          .targets(List.of(new SnsTopic(topic, SnsTopicProps.builder()
              .message(new VerbatimInputTransformer(rule.inputTransformer()))
              .build())))
          .build();
    }
    return topic;
  }

  private void athena(String prefix, IBucket queryResults) {
    CfnWorkGroup workgroup = CfnWorkGroup.Builder.create(this, "Workgroup")
        .name(prefix)
        .description("Analysts' queries over the " + prefix + " catalog (silver, gold, audit).")
        .state("ENABLED")
        .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
            .enforceWorkGroupConfiguration(true)
            .publishCloudWatchMetricsEnabled(true)
            .engineVersion(CfnWorkGroup.EngineVersionProperty.builder().selectedEngineVersion(ATHENA_ENGINE).build())
            .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                .outputLocation("s3://" + queryResults.getBucketName() + "/")
                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                    .encryptionOption("SSE_KMS")
                    .kmsKey(key.getKeyArn())
                    .build())
                .build())
            .build())
        .build();
    Construct scope = new Construct(this, "Queries");
    for (AthenaQueryFile query : AthenaQueryFiles.packaged()) {
      CfnNamedQuery named = CfnNamedQuery.Builder.create(scope, pascal(query.fileName().replace(".sql", "")))
          .name(query.title())
          .description(truncate(query.question(), 1024))
          .database(query.database())
          .queryString(query.sql())
          .workGroup(workgroup.getName())
          .build();
      named.getNode().addDependency(workgroup);
    }
  }

  /**
   * EventBridge's input transformer exactly as the definition writes it (the CDK's own
   * {@code RuleTargetInput.fromText} would rename the variables), so the local twin and AWS render
   * the same alert text.
   */
  static final class VerbatimInputTransformer extends RuleTargetInput {
    private final AlertRule.InputTransformer transformer;

    VerbatimInputTransformer(AlertRule.InputTransformer transformer) {
      super();
      this.transformer = transformer;
    }

    @Override
    public RuleTargetInputProperties bind(IRuleRef rule) {
      return RuleTargetInputProperties.builder()
          .inputPathsMap(transformer.inputPathsMap())
          .inputTemplate(transformer.inputTemplate())
          .build();
    }
  }

  private static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
    return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources).build();
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static String zone(String zonePrefix) {
    int slash = zonePrefix.indexOf('/');
    return slash < 0 ? zonePrefix : zonePrefix.substring(0, slash);
  }

  /** The construct id of a named definition entry: its name without the workflow's, in PascalCase. */
  private String localId(String name) {
    String local = name.startsWith(definition.name() + "-") ? name.substring(definition.name().length() + 1) : name;
    return pascal(local);
  }

  static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
