package io.shoplens.engine.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How the engine's Spark session is set up.
 *
 * @param master            {@code local[*]} (default), {@code local[2]}, {@code spark://…}, …
 * @param shufflePartitions partitions after a shuffle; a few per core is right for a desktop
 * @param scanSplits        the fewest splits a scan of Parquet files is cut into (splits stay at
 *                          least 4 MB and at most 128 MB, Spark's defaults)
 * @param scratchDir        where local mode keeps its temporary files
 * @param remote            a Spark Connect server, {@code sc://host:port}, that runs the work instead
 *                          of a Spark in this process (then {@code master} is the server's business
 *                          and unused); {@code null} when unset
 */
public record SparkSettings(String master, int shufflePartitions, int scanSplits, Path scratchDir, String remote) {

    /** Settings without a Spark Connect server. */
    public SparkSettings(String master, int shufflePartitions, int scanSplits, Path scratchDir) {
        this(master, shufflePartitions, scanSplits, scratchDir, null);
    }

    public static SparkSettings fromEnvironment() {
        String master = masterOf(System.getProperties(), System.getenv());
        int cores = Runtime.getRuntime().availableProcessors();
        // Spark's default is one split per core: on 2 cores a 10M-action workspace (140 MB)
        // became two 128 MB splits and a sliver, so one core idled whenever the halves were
        // uneven, and each task's aggregation buffers were large. Eight per core keep both cores
        // busy (all analyses at 10M actions about a seventh faster, docs/BENCHMARKS.md).
        return new SparkSettings(master, Math.max(4, cores * 2), Math.max(16, cores * 8),
                Path.of(System.getProperty("java.io.tmpdir"), "shoplens-spark-" + System.getProperty("user.name")));
    }

    /**
     * The Spark Connect server the environment names for the CLI ({@link #remoteOf}), or {@code null}.
     * Not part of {@link #fromEnvironment()}: the desktop app takes a Connect server from its
     * preferences (Preferences ▸ Engine), so only the commands ask the environment.
     */
    public static String remoteFromEnvironment() {
        return remoteOf(System.getProperties(), System.getenv());
    }

    /**
     * The master when no {@code --master} was given: {@code -Dshoplens.spark.master}, else the
     * {@code spark.master} that {@code spark-submit --master} passes to its application (the
     * session builder's own master would override it, so a submitted engine would silently run
     * in local mode), else {@code $SHOPLENS_SPARK_MASTER}, else {@code local[*]}.
     */
    static String masterOf(Properties properties, Map<String, String> environment) {
        return chosenMaster(properties, environment).orElse("local[*]");
    }

    /**
     * The master this process was started with (a system property or the environment, as
     * {@link #masterOf} reads them), or empty: the app's saved engine choice yields to it.
     */
    public static Optional<String> environmentMaster() {
        return chosenMaster(System.getProperties(), System.getenv());
    }

    static Optional<String> chosenMaster(Properties properties, Map<String, String> environment) {
        String chosen = properties.getProperty(SparkSessions.MASTER_PROPERTY);
        if (chosen == null) {
            chosen = properties.getProperty("spark.master");
        }
        if (chosen == null) {
            chosen = environment.get("SHOPLENS_SPARK_MASTER");
        }
        return chosen == null || chosen.isBlank() ? Optional.empty() : Optional.of(chosen);
    }

    /**
     * The Spark Connect server when no {@code --remote} was given: {@code -Dshoplens.spark.remote},
     * else {@code $SHOPLENS_SPARK_REMOTE}, else none ({@code null}).
     */
    static String remoteOf(Properties properties, Map<String, String> environment) {
        String chosen = properties.getProperty(SparkSessions.REMOTE_PROPERTY);
        if (chosen == null) {
            chosen = environment.get("SHOPLENS_SPARK_REMOTE");
        }
        return chosen == null || chosen.isBlank() ? null : chosen.strip();
    }

    public SparkSettings withMaster(String newMaster) {
        return new SparkSettings(newMaster, shufflePartitions, scanSplits, scratchDir, remote);
    }

    /** These settings with the Spark Connect server {@code url} ({@code sc://host:port}), or none for {@code null}. */
    public SparkSettings withRemote(String url) {
        return new SparkSettings(master, shufflePartitions, scanSplits, scratchDir, url);
    }

    /** Whether the work goes to a Spark Connect server rather than a Spark in this process. */
    public boolean isRemote() {
        return remote != null;
    }
}
