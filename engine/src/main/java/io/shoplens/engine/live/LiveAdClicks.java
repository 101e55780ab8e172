package io.shoplens.engine.live;

import java.time.Duration;
import java.util.Objects;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.workspace.Workspace;

/**
 * The live view's engine: ad-click statistics from a Kafka topic with Spark Structured Streaming,
 * by the batch ads analysis' rules (see {@link LiveBatch} for how each micro-batch is exactly
 * once and equal to a batch recount). State lives in the workspace ({@link LiveFolders}); the
 * blacklist is also saved in the catalog ({@link LiveBlacklists}).
 */
public final class LiveAdClicks {

    /** How often a micro-batch starts when clicks keep coming. */
    public static final Duration DEFAULT_TRIGGER = Duration.ofSeconds(1);

    private LiveAdClicks() {
    }

    /**
     * Starts reading {@code settings}' topic in the background and returns at once. The listener
     * hears STARTING, then RUNNING, and an update after each micro-batch with new messages;
     * RECONNECTING while the broker cannot be reached (the stream resumes by itself when it
     * returns). {@code password} is copied (SASL only; may be null) and wiped on close.
     */
    public static LiveQuery start(SparkSession spark, Workspace workspace, KafkaSettings settings, char[] password,
                                  AdParams params, LiveListener listener) {
        return start(spark, workspace, settings, password, params, listener, DEFAULT_TRIGGER);
    }

    /** As {@link #start(SparkSession, Workspace, KafkaSettings, char[], AdParams, LiveListener)}, every {@code trigger}. */
    public static LiveQuery start(SparkSession spark, Workspace workspace, KafkaSettings settings, char[] password,
                                  AdParams params, LiveListener listener, Duration trigger) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(listener, "listener");
        StreamingLiveQuery query = new StreamingLiveQuery(spark, workspace, settings,
                password == null ? new char[0] : password.clone(), params, listener, trigger);
        query.begin();
        return query;
    }

    /** The folders where a connection's live view keeps its checkpoint and stored clicks. */
    public static LiveFolders folders(Workspace workspace, String connectionName) {
        return LiveFolders.of(workspace, connectionName);
    }
}
