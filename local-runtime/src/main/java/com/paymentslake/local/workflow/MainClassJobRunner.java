package com.paymentslake.local.workflow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job the way Glue runs a JVM job: the {@code public static void main(String[])} of the class
 * named by {@code --class}, with the attempt's {@code --key value} arguments, in this JVM. The job
 * picks up the running local SparkSession with {@code SparkSession.builder().getOrCreate()}; whatever
 * {@code main} throws (unwrapped from the reflection) fails the attempt.
 *
 * <p>Fault injection for {@code lake demo --fail-job NAME}: every attempt of the named job fails with
 * {@code failure injected by --fail-job for NAME} instead of running, so the alert path can be seen
 * end to end.
 */
public final class MainClassJobRunner implements JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(MainClassJobRunner.class);

  private final ClassLoader classLoader;
  private final Optional<String> failJob;
  private final Consumer<JobRunRequest> beforeRun;
  private final Consumer<JobRunRequest> afterRun;
  private final Consumer<JobRunRequest> onCancel;

  /**
   * A runner loading job classes from a class loader; cancelling relies on the engine interrupting
   * the job's thread.
   *
   * @param failJob the job whose attempts fail on purpose, if any
   */
  public MainClassJobRunner(ClassLoader classLoader, Optional<String> failJob) {
    this(classLoader, failJob, request -> {}, request -> {}, request -> {});
  }

  private MainClassJobRunner(
      ClassLoader classLoader,
      Optional<String> failJob,
      Consumer<JobRunRequest> beforeRun,
      Consumer<JobRunRequest> afterRun,
      Consumer<JobRunRequest> onCancel) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    this.failJob = Objects.requireNonNull(failJob, "failJob");
    this.beforeRun = beforeRun;
    this.afterRun = afterRun;
    this.onCancel = onCancel;
  }

  /**
   * A runner for jobs on a running SparkSession: each attempt's Spark jobs run in a job group named
   * after the attempt's run id, so cancelling the attempt (on timeout) cancels exactly its Spark jobs.
   */
  public static MainClassJobRunner forSpark(SparkSession spark, Optional<String> failJob) {
    SparkContext context = spark.sparkContext();
    return new MainClassJobRunner(
        MainClassJobRunner.class.getClassLoader(),
        failJob,
        request -> context.setJobGroup(request.jobRunId(), "Glue job " + request.jobName(), true),
        request -> context.clearJobGroup(),
        request -> context.cancelJobGroup(request.jobRunId()));
  }

  /** The message of an injected failure. */
  public static String injectedFailureMessage(String jobName) {
    return "failure injected by --fail-job for " + jobName;
  }

  @Override
  public void run(JobRunRequest request) throws Exception {
    if (failJob.isPresent() && failJob.get().equals(request.jobName())) {
      LOG.warn("job {} run {}: failing on purpose (--fail-job)", request.jobName(), request.jobRunId());
      throw new InjectedFailure(injectedFailureMessage(request.jobName()));
    }
    Method main = mainMethod(request);
    LOG.info("job {} run {}: {}.main with {} arguments", request.jobName(), request.jobRunId(),
        main.getDeclaringClass().getName(), request.arguments().size());
    beforeRun.accept(request);
    try {
      main.invoke(null, (Object) request.argv());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } finally {
      afterRun.accept(request);
    }
  }

  @Override
  public void cancel(JobRunRequest request) {
    LOG.warn("job {} run {}: cancelling", request.jobName(), request.jobRunId());
    onCancel.accept(request);
  }

  private Method mainMethod(JobRunRequest request) {
    String className = request.job().mainClass();
    Class<?> jobClass;
    try {
      jobClass = Class.forName(className, true, classLoader);
    } catch (ClassNotFoundException e) {
      throw new JobLaunchException("job '" + request.jobName() + "': main class '" + className
          + "' (--class) is not on the classpath", e);
    }
    try {
      Method main = jobClass.getMethod("main", String[].class);
      if (!Modifier.isStatic(main.getModifiers())) {
        throw new JobLaunchException("job '" + request.jobName() + "': " + className + ".main(String[]) is not static");
      }
      return main;
    } catch (NoSuchMethodException e) {
      throw new JobLaunchException("job '" + request.jobName() + "': " + className
          + " has no public static void main(String[])", e);
    }
  }

  /** The job could not be started: no such class or no main. */
  public static final class JobLaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobLaunchException(String message) {
      super(message);
    }

    JobLaunchException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A failure injected by {@code --fail-job}. */
  public static final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String message) {
      super(message);
    }
  }
}
