package io.shoplens.engine.cli;

import io.shoplens.engine.spark.SparkSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a command's Spark work runs: in this process or on a cluster ({@code --master}), or on a
 * Spark Connect server ({@code --remote}); without either, where the environment says
 * ({@link SparkSettings#fromEnvironment()}, {@link SparkSettings#remoteFromEnvironment()}, the
 * server winning). An option given beats the environment's choice.
 */
public final class SparkOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] or spark://host:7077 (default: local[*]).")
    String master;

    @Option(names = "--remote", paramLabel = "sc://HOST:PORT",
            description = {"Spark Connect server that runs the analyses (default: $SHOPLENS_SPARK_REMOTE); "
                    + "it must read the workspace's folder. Not with --master."})
    String remote;

    /** The settings these options choose; both options at once are a usage error. */
    SparkSettings settings() {
        if (master != null && remote != null) {
            throw new ParameterException(spec.commandLine(), "--master and --remote exclude each other: --master runs "
                    + "Spark here or on a cluster's master, --remote sends the work to a Spark Connect server");
        }
        SparkSettings settings = SparkSettings.fromEnvironment();
        if (master != null) {
            return settings.withMaster(master);
        }
        return settings.withRemote(remote != null ? remote : SparkSettings.remoteFromEnvironment());
    }
}
