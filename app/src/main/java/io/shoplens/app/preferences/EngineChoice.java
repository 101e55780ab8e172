package io.shoplens.app.preferences;

import java.util.Objects;

import io.shoplens.engine.spark.SparkSettings;

/**
 * Where the app's engine runs: in the app on this computer ({@link Kind#LOCAL}, all cores or
 * some), on a Spark cluster's master, or on a Spark Connect server.
 *
 * @param cores for {@link Kind#LOCAL}: how many of this computer's cores, {@link #ALL_CORES} for all
 * @param url   for {@link Kind#CLUSTER} a master URL ({@code spark://host:port}, {@code local[N]}),
 *              for {@link Kind#CONNECT} a Spark Connect URL ({@code sc://host:port}); else empty
 */
public record EngineChoice(Kind kind, int cores, String url) {

    public enum Kind { LOCAL, CLUSTER, CONNECT }

    public static final int ALL_CORES = 0;

    /** What the app ran on before there was a choice: this computer, all its cores. */
    public static final EngineChoice DEFAULT = local(ALL_CORES);

    public EngineChoice {
        Objects.requireNonNull(kind, "kind");
        cores = kind == Kind.LOCAL ? Math.max(ALL_CORES, cores) : ALL_CORES;
        url = kind == Kind.LOCAL || url == null ? "" : url.strip();
    }

    public static EngineChoice local(int cores) {
        return new EngineChoice(Kind.LOCAL, cores, "");
    }

    public static EngineChoice cluster(String masterUrl) {
        return new EngineChoice(Kind.CLUSTER, ALL_CORES, masterUrl);
    }

    public static EngineChoice connect(String connectUrl) {
        return new EngineChoice(Kind.CONNECT, ALL_CORES, connectUrl);
    }

    /** The Spark master this choice starts: {@code local[*]}, {@code local[2]} or the cluster's URL. */
    public String master() {
        return switch (kind) {
            case LOCAL -> cores == ALL_CORES ? "local[*]" : "local[" + cores + "]";
            case CLUSTER -> url;
            // Spark Connect has no master of ours; local is what settings fall back to.
            case CONNECT -> "local[*]";
        };
    }

    /** {@code settings} on this choice's master, or on its Spark Connect server. */
    public SparkSettings applyTo(SparkSettings settings) {
        SparkSettings onMaster = settings.withMaster(master());
        return kind == Kind.CONNECT ? onMaster.withRemote(url) : onMaster.withRemote(null);
    }
}
