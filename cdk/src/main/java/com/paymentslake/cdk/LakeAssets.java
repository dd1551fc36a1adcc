package com.paymentslake.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The files the stack uploads as CDK assets, as the Maven build of this module stages them in
 * {@code cdk/target/assets} (system property {@value #DIRECTORY_PROPERTY}): the shaded Glue job
 * jar, the DQDL rules and the Glue script stub.
 *
 * @param directory the staging directory
 */
public record LakeAssets(Path directory) {
  /** System property naming the staging directory (set by surefire and by {@code ./lake synth}). */
  public static final String DIRECTORY_PROPERTY = "lake.assets.dir";

  static final String JOB_JAR = "lake-glue-jobs-glue.jar";
  static final String GLUE_SCRIPT = "GlueJvmJob.scala";
  static final String RULES_FOLDER = "dq-rules";

  /**
   * Checks that every asset is there.
   *
   * @throws IllegalStateException naming the missing file and the build that stages it
   */
  public LakeAssets {
    directory = directory.toAbsolutePath().normalize();
    for (String file : List.of(JOB_JAR, GLUE_SCRIPT, RULES_FOLDER)) {
      if (!Files.exists(directory.resolve(file))) {
        throw new IllegalStateException(
            "asset " + directory.resolve(file) + " is missing; build the cdk module first"
                + " (mvn -B -pl cdk -am -DskipTests package), which stages it there");
      }
    }
  }

  /** The staging directory from system property {@value #DIRECTORY_PROPERTY}, else {@code target/assets}. */
  public static LakeAssets fromSystemProperty() {
    return new LakeAssets(Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/assets")));
  }

  /** The shaded job jar (classifier {@code glue}), given to every job with {@code --extra-jars}. */
  public Path jobJar() {
    return directory.resolve(JOB_JAR);
  }

  /**
   * Whether the job jar holds a class, as {@code --class} names it ({@code $} for a nested class):
   * a job whose class is missing would deploy and only fail when it runs.
   */
  public boolean jobJarHasClass(String className) {
    try (ZipFile jar = new ZipFile(jobJar().toFile())) {
      return jar.getEntry(className.replace('.', '/') + ".class") != null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the job jar " + jobJar(), e);
    }
  }

  /** The script Glue's Spark job type requires; the entry point is the {@code --class} of the jar. */
  public Path glueScript() {
    return directory.resolve(GLUE_SCRIPT);
  }

  /** The DQDL rulesets, sorted by file name. */
  public List<Path> rules() {
    try (Stream<Path> files = Files.list(directory.resolve(RULES_FOLDER))) {
      return files.filter(file -> file.getFileName().toString().endsWith(".dqdl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory.resolve(RULES_FOLDER), e);
    }
  }
}
