/**
 * Generating raw payments at scale with Spark or AWS Glue: {@link
 * com.paymentslake.jobs.generate.GenerateJob} runs the generator core of {@code ./lake generate} in
 * Spark executors and writes the raw zone and its truth manifests, byte for byte what {@code ./lake
 * generate} writes with the same options and seed.
 *
 * <h2>How it works</h2>
 *
 * <p>The driver plans the run's files ({@code PaymentGenerator.chunks()}: per ingest date, its data
 * files and, on drift days, its drift file). Spark runs one task per file, the biggest first; each
 * task writes its file with the generator core through Hadoop's FileSystem API ({@code s3://} on
 * Glue, {@code s3a://} on EMR or locally, {@code hdfs://}, {@code file:}), visible only once
 * complete: on object stores the file appears when its upload completes and a failed upload is
 * aborted; elsewhere it is written to a hidden temporary name and renamed. A file's bytes depend
 * only on the options and the file, never on the task order, the executor or the cluster size, so
 * a retried task rewrites the same file. The run goes in waves of consecutive ingest dates (at most
 * 32 million base rows each, a bigger date alone): after every task of a wave succeeded the driver,
 * per ingest date of the wave, deletes the {@code part-*.csv} / {@code part-*.csv.gz} files of
 * earlier runs that this run did not write (other files are left alone) and leftover temporary
 * files, then writes the date's {@code truth.json}, and logs the run's progress (base rows done,
 * rows/s, time left); at the end it logs a summary (rows, bytes, files, defects by kind, seconds).
 * The driver so holds the defect ids of one wave, not of the whole run. A failed task fails the job
 * before the manifests of its wave are written; partitions of earlier waves are complete, and a
 * re-run writes them again byte for byte.
 *
 * <h2>Arguments (Glue style, {@code --key value} or {@code --key=value})</h2>
 *
 * <table>
 *   <caption>Generation job arguments</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>--lake-root</td><td>(required)</td><td>lake root: {@code s3://bucket[/prefix]} (Glue),
 *       {@code s3a://bucket[/prefix]}, {@code file:///dir}, or a path (resolved by Hadoop against
 *       {@code fs.defaultFS}, on the driver)</td></tr>
 *   <tr><td>--mode</td><td>range</td><td>range | initial-load | nightly, as {@code ./lake
 *       generate}</td></tr>
 *   <tr><td>--days</td><td>7</td><td>ingest dates in range mode</td></tr>
 *   <tr><td>--start-date, --end-date</td><td>today (UTC) minus --days; initial-load 2020-01-01 to
 *       today minus 8</td><td>first and last ingest date</td></tr>
 *   <tr><td>--rows-per-day</td><td>100000</td><td>base rows of an average day</td></tr>
 *   <tr><td>--target-size</td><td>none</td><td>total data size instead of --rows-per-day, e.g.
 *       {@code 10GB}</td></tr>
 *   <tr><td>--seed</td><td>42</td><td>random seed</td></tr>
 *   <tr><td>--rows-per-file</td><td><b>1000000</b>; <b>2000000</b> with gzip</td><td>base rows per
 *       part file: about 258 MB of CSV, or about 222 MB of gzip (the single-process generator's
 *       default is 250000, about 64 MB; pass {@code --rows-per-file 250000} to reproduce its
 *       files)</td></tr>
 *   <tr><td>--compression</td><td>none</td><td>none | gzip ({@code part-NNNNN.csv.gz})</td></tr>
 *   <tr><td>--fraud-rate</td><td>0.003</td><td>fraud rows as a fraction of base rows, 0-0.1</td></tr>
 *   <tr><td>--type-mix, --null-rate-device-id, --null-rate-mcc, --null-rate-lat-lon, --decline-rate,
 *       --reversal-rate, --pending-rate, --weekday-weights, --season-weights</td><td>the spec's</td>
 *       <td>the realism settings, as for {@code ./lake generate}, e.g. {@code --type-mix
 *       REFUND=0.05}</td></tr>
 *   <tr><td>--pan-hash-key</td><td>{@code $LAKE_PAN_HASH_KEY} of the driver, else the public demo
 *       key</td><td>HMAC-SHA256 key of {@code hash_pan}, 16+ characters</td></tr>
 *   <tr><td>--no-defects</td><td>false</td><td>{@code true}: clean data (Glue arguments always
 *       carry a value; with spark-submit a bare {@code --no-defects} works too)</td></tr>
 *   <tr><td>--rate-&lt;kind&gt;</td><td>the generator's</td><td>rate of one defect kind, e.g.
 *       {@code --rate-late-arrival 0.01}</td></tr>
 *   <tr><td>--schema-drift-every</td><td>5</td><td>a drift file every N-th day from the 2nd; 0 =
 *       never</td></tr>
 * </table>
 *
 * <p>{@code --threads} is refused: parallelism is Spark's (one task per file; size the job with Glue
 * workers or {@code spark.executor.instances} and {@code spark.executor.cores}). {@code --out},
 * {@code --endpoint}, {@code --region}, {@code --access-key}, {@code --secret-key} and {@code
 * --path-style} are refused too: the job writes to {@code --lake-root} and reaches S3 through the
 * Hadoop configuration ({@code spark.hadoop.fs.s3a.*} or the platform's). Arguments Glue adds itself
 * ({@code --JOB_NAME}, {@code --JOB_RUN_ID}, {@code --TempDir}, {@code --enable-*}, ...) are
 * ignored; any other unknown argument fails with a message listing the allowed ones.
 *
 * <h2>Examples</h2>
 *
 * <p>spark-submit, locally or on EMR:
 *
 * <pre>{@code
 * spark-submit --master 'local[2]' --class com.paymentslake.jobs.generate.GenerateJob \
 *   glue-jobs/target/lake-glue-jobs-0.1.0-SNAPSHOT-glue.jar \
 *   --lake-root file:///tmp/lake --days 7 --rows-per-day 100000 --seed 42
 *
 * spark-submit --class com.paymentslake.jobs.generate.GenerateJob lake-glue-jobs-0.1.0-SNAPSHOT-glue.jar \
 *   --lake-root s3a://my-lake --mode initial-load --start-date 2024-01-01 --target-size 2TB --compression gzip
 * }</pre>
 *
 * <p>AWS Glue 5.0 (job type Spark, {@code --job-language scala}, the {@code -glue} jar in {@code
 * --extra-jars}, as the CDK stack defines the other jobs), default arguments:
 *
 * <pre>{@code
 * --class        com.paymentslake.jobs.generate.GenerateJob
 * --lake-root    s3://my-lake
 * --mode         nightly
 * --rows-per-day 5000000
 * --compression  gzip
 * }</pre>
 *
 * <p>Sizes: a raw line averages about 258 bytes (111 bytes gzip-compressed) with the default
 * defects; a file holds {@code --rows-per-file} base rows plus the extra lines of its duplicates and
 * replays; a day's last file holds the remainder. Gzip files are not splittable (one reader task per
 * file); the bronze job, Spark, crawlers and Athena read them by their extension.
 */
package com.paymentslake.jobs.generate;
