// AWS Glue's Spark job type needs a script even when the code is a JVM jar: with
// --job-language scala, Glue compiles this script, puts the --extra-jars on the classpath and
// calls main(String[]) of the class named by --class (the lake's Java job classes).
// Nothing here is ever called.
object GlueJvmJob
