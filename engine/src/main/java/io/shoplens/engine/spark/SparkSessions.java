package io.shoplens.engine.spark;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.spark.sql.SparkSession;

/**
 * The one place a {@link SparkSession} is made. A desktop process (and a test JVM) shares one
 * session: starting Spark costs seconds, and two local sessions would compete for the same
 * two cores.
 */
public final class SparkSessions {

    /** Environment variable / system property naming the master, e.g. {@code spark://host:7077}. */
    public static final String MASTER_PROPERTY = "shoplens.spark.master";

    /** Environment variable / system property naming a Spark Connect server, e.g. {@code sc://host:15002}. */
    public static final String REMOTE_PROPERTY = "shoplens.spark.remote";

    private static final AtomicReference<CompletableFuture<SparkSession>> SHARED = new AtomicReference<>();

    private SparkSessions() {
    }

    /**
     * Starts the shared session in the background (once) and returns its future, so a window can
     * appear while Spark warms up.
     */
    public static CompletableFuture<SparkSession> warmUp(SparkSettings settings) {
        CompletableFuture<SparkSession> created = new CompletableFuture<>();
        if (SHARED.compareAndSet(null, created)) {
            Thread starter = new Thread(() -> {
                try {
                    created.complete(create(settings));
                } catch (Throwable e) {
                    created.completeExceptionally(e);
                }
            }, "spark-warm-up");
            starter.setDaemon(true);
            starter.start();
            return created;
        }
        return SHARED.get();
    }

    /** The shared session, started with {@code settings} if nobody started it yet; blocks until ready. */
    public static SparkSession shared(SparkSettings settings) {
        return warmUp(settings).join();
    }

    /** The shared session with default settings (local mode, all cores, or the configured master). */
    public static SparkSession shared() {
        return shared(SparkSettings.fromEnvironment());
    }

    /** Stops the shared session, if one was started. */
    public static void stop() {
        CompletableFuture<SparkSession> current = SHARED.getAndSet(null);
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().stop();
        }
    }

    /** A session of its own, not the shared one: a second engine beside it (the app's tests run one over Connect). */
    public static SparkSession create(SparkSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings.isRemote() ? connect(settings) : local(settings);
    }

    private static SparkSession local(SparkSettings settings) {
        SparkSession.Builder builder = withSqlSettings(SparkSession.builder(), settings)
                .appName("ShopLens")
                .master(settings.master())
                // No web UI and no listening socket on anything but loopback: a desktop app
                // must not open ports to the network.
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false");
        if (settings.master().startsWith("local")) {
            builder.config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    // Spark 4.2's heartbeat can read an accumulator a task is still deserializing
                    // (SPARK-59451): a NullPointerException stack trace on the console, and no
                    // heartbeats after it. In local mode heartbeats only carry live task metrics,
                    // which nothing here shows, so they are sent every minute instead of every 10 s:
                    // six times fewer chances, with more scan tasks per run (scanSplits).
                    .config("spark.executor.heartbeatInterval", "60s")
                    .config("spark.sql.warehouse.dir", settings.scratchDir().resolve("warehouse").toString())
                    .config("spark.local.dir", settings.scratchDir().resolve("spark-local").toString());
        }
        SparkSession session = builder.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return session;
    }

    /**
     * A Spark Connect session: the same {@link SparkSession} API, its plans sent to the server at
     * {@code settings.remote()}, which runs them with its own Spark (its master, cores and memory).
     * Only the SQL settings travel: they are session settings the server applies to this session
     * alone, and the results depend on them (time zone, ANSI mode).
     */
    private static SparkSession connect(SparkSettings settings) {
        String url = settings.remote();
        if (!url.startsWith("sc://")) {
            throw new IllegalArgumentException("not a Spark Connect URL: " + url + " (expected sc://HOST:PORT)");
        }
        // Classic Spark is on the class path too, and the shared builder picks it unless told.
        SparkSession session = withSqlSettings(SparkSession.builder(), settings)
                .config("spark.api.mode", "connect")
                .remote(url)
                .getOrCreate();
        try {
            // The builder does not reach the server; the first request does. Fail here, with the URL.
            session.version();
        } catch (RuntimeException e) {
            session.stop();
            throw new IllegalStateException("cannot reach the Spark Connect server at " + url + ": " + e.getMessage(), e);
        }
        return session;
    }

    /** The SQL settings that every session gets, local or remote. */
    private static SparkSession.Builder withSqlSettings(SparkSession.Builder builder, SparkSettings settings) {
        return builder
                // Desktop-sized results: the default of 200 shuffle partitions means 200 tiny
                // tasks per stage on 2 cores; AQE coalesces what is left.
                .config("spark.sql.shuffle.partitions", String.valueOf(settings.shufflePartitions()))
                .config("spark.sql.files.minPartitionNum", String.valueOf(settings.scanSplits()))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                // action_time is local wall-clock time (TIMESTAMP_NTZ) and ad-click epoch
                // millis are turned into local times with an explicit zone per analysis
                // (--time-zone), so the session zone is fixed: results never depend on the
                // machine that computes them.
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED")
                .config("spark.sql.ansi.enabled", "false");
    }

    /** Whether {@code session} sends its work to a Spark Connect server (no SparkContext here). */
    public static boolean isRemote(SparkSession session) {
        return session instanceof org.apache.spark.sql.connect.SparkSession;
    }

    /**
     * Refuses a Spark Connect session for {@code what}, which needs Spark in this process: say so
     * rather than fail deep inside Spark. The message names the fallback.
     */
    public static void requireInProcess(SparkSession session, String what, String why) {
        if (isRemote(session)) {
            throw new UnsupportedOperationException(what + " cannot run on a Spark Connect server (--remote): " + why
                    + ". Use Spark in this process instead: local mode or --master.");
        }
    }
}
