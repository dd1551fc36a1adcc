package com.paymentslake.cdk;

import com.paymentslake.workflow.WorkflowDefinition;
import com.paymentslake.workflow.WorkflowDefinitions;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The CDK app: one {@link LakeStack} from the lake's workflow definition, checked by cdk-nag's
 * AwsSolutions rules on every synthesis.
 *
 * <p>Arguments (all optional): {@code --outdir DIR} (default: the CDK's, {@code cdk.out} or {@code
 * CDK_OUTDIR}), {@code --assets DIR} (default: system property {@value LakeAssets#DIRECTORY_PROPERTY}
 * or {@code target/assets}), and {@code --context KEY=VALUE} (or {@code -c}), repeatable, for the
 * keys of {@link LakeStackConfig}.
 */
public final class LakeApp {
  static final String SERVER_ACCESS_LOGS_USE_BUCKET_POLICY = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

  private LakeApp() {}

  public static void main(String[] args) {
    Map<String, Object> context = new LinkedHashMap<>();
    String outdir = null;
    String assets = null;
    for (int i = 0; i < args.length; i++) {
      String key = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("argument " + key + " has no value; usage: [--outdir DIR] [--assets DIR]"
            + " [--context KEY=VALUE]...");
      }
      String value = args[++i];
      switch (key) {
        case "--outdir" -> outdir = value;
        case "--assets" -> assets = value;
        case "--context", "-c" -> {
          int equals = value.indexOf('=');
          if (equals <= 0) {
            throw new IllegalArgumentException("context '" + value + "' must be KEY=VALUE");
          }
          context.put(value.substring(0, equals), value.substring(equals + 1));
        }
        default -> throw new IllegalArgumentException(
            "unknown argument " + key + "; allowed: --outdir DIR, --assets DIR, --context KEY=VALUE");
      }
    }
    if (assets != null) {
      System.setProperty(LakeAssets.DIRECTORY_PROPERTY, assets);
    }
    App app = new App(AppProps.builder().outdir(outdir).context(context).build());
    build(app);
    CloudAssembly assembly = app.synth();
    List<String> errors = new ArrayList<>();
    for (CloudFormationStackArtifact stack : assembly.getStacks()) {
      for (SynthesisMessage message : stack.getMessages()) {
        if ("ERROR".equals(message.getLevel().name())) {
          errors.add(message.getId() + ": " + message.getEntry().getData());
        }
      }
    }
    if (!errors.isEmpty()) {
      // The CLI's one output: what is wrong, then a non-zero exit.
      System.err.println("synthesis reported " + errors.size() + " error(s):");
      errors.forEach(error -> System.err.println("  " + error));
      System.exit(1);
    }
    System.err.println("synthesized to " + assembly.getDirectory());
  }

  /** Adds the lake's stack to an app, with cdk-nag's AwsSolutions checks; returns the stack. */
  public static LakeStack build(App app) {
    // Server access logs are granted to the logging service by bucket policy, not by ACL, so every
    // bucket can keep ACLs disabled (BucketOwnerEnforced).
    app.getNode().setContext(SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    WorkflowDefinition definition = WorkflowDefinitions.lake();
    LakeStackConfig config =
        LakeStackConfig.fromContext(app.getNode(), definition.name(), LakeAssets.fromSystemProperty());
    LakeStack stack = new LakeStack(app, config.namePrefix(), StackProps.builder()
        .description("payments-lake " + config.namePrefix() + ": Glue medallion ETL for card payments")
        .build(), definition, config);
    Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
    return stack;
  }
}
