package io.shoplens.engine.spark;

import java.nio.file.Path;

/**
 * How the engine's Spark session is set up.
 *
 * @param master            {@code local[*]} (default), {@code local[2]}, {@code spark://…}, …
 * @param shufflePartitions partitions after a shuffle; a few per core is right for a desktop
 * @param scratchDir        where local mode keeps its temporary files
 */
public record SparkSettings(String master, int shufflePartitions, Path scratchDir) {

    public static SparkSettings fromEnvironment() {
        String master = System.getProperty(SparkSessions.MASTER_PROPERTY,
                System.getenv().getOrDefault("SHOPLENS_SPARK_MASTER", "local[*]"));
        int cores = Runtime.getRuntime().availableProcessors();
        return new SparkSettings(master, Math.max(4, cores * 2),
                Path.of(System.getProperty("java.io.tmpdir"), "shoplens-spark-" + System.getProperty("user.name")));
    }

    public SparkSettings withMaster(String newMaster) {
        return new SparkSettings(newMaster, shufflePartitions, scratchDir);
    }
}
