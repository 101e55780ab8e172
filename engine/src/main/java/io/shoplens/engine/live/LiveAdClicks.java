package io.shoplens.engine.live;

import java.time.Duration;
import java.time.LocalDate;
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
    public static final Duration DEFAULT_TRIGGER = LiveOptions.DEFAULT.trigger();

    private LiveAdClicks() {
    }

    /**
     * Starts reading {@code settings}' topic in the background and returns at once. The listener
     * hears STARTING, then RUNNING, and an update after each micro-batch with new messages;
     * RECONNECTING while the broker cannot be reached and OFFLINE when that lasts over a minute
     * (the stream resumes by itself when it returns). {@code password} is copied (SASL only; may
     * be null) and wiped on close. A truststore that cannot be read is an IllegalArgumentException
     * saying why.
     */
    public static LiveQuery start(SparkSession spark, Workspace workspace, KafkaSettings settings, char[] password,
                                  AdParams params, LiveListener listener) {
        return start(spark, workspace, settings, password, params, listener, LiveOptions.DEFAULT);
    }

    /** As {@link #start(SparkSession, Workspace, KafkaSettings, char[], AdParams, LiveListener)}, a batch every {@code trigger}. */
    public static LiveQuery start(SparkSession spark, Workspace workspace, KafkaSettings settings, char[] password,
                                  AdParams params, LiveListener listener, Duration trigger) {
        return start(spark, workspace, settings, password, params, listener, LiveOptions.DEFAULT.withTrigger(trigger));
    }

    /** As {@link #start(SparkSession, Workspace, KafkaSettings, char[], AdParams, LiveListener)}, with these options. */
    public static LiveQuery start(SparkSession spark, Workspace workspace, KafkaSettings settings, char[] password,
                                  AdParams params, LiveListener listener, LiveOptions options) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(options, "options");
        LiveSessions.requireInProcess(spark, "The live ad-click view");
        Truststores.problem(settings).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        StreamingLiveQuery query = new StreamingLiveQuery(spark, workspace, settings,
                password == null ? new char[0] : password.clone(), params, listener, options);
        query.begin();
        return query;
    }

    /**
     * A past day of a connection whose live view is not running ({@link LiveQuery#history} while it
     * runs): the stored clicks counted with {@code params}. Runs Spark jobs; with other parameters
     * than the counts were made with, they are counted again first.
     */
    public static LiveDay history(SparkSession spark, Workspace workspace, String connectionName, AdParams params,
                                  LocalDate day) {
        StoredBatches stored = new StoredBatches(LiveFolders.of(workspace, connectionName));
        stored.recover();
        try (LiveAdState state = LiveStateRecovery.open(spark, stored, params, stored.mergedThrough())) {
            return LiveHistory.tables(spark, stored, params, state.since(), state.mergedThrough(), day);
        }
    }

    /** The folders where a connection's live view keeps its checkpoint and stored clicks. */
    public static LiveFolders folders(Workspace workspace, String connectionName) {
        return LiveFolders.of(workspace, connectionName);
    }
}
