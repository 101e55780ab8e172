package io.shoplens.app.live;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.spark.sql.SparkSession;

import io.shoplens.app.engine.SparkEngineService;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.live.ConnectionCheck;
import io.shoplens.engine.live.KafkaConnectionTester;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveAdClicks;
import io.shoplens.engine.live.LiveDay;
import io.shoplens.engine.live.LiveConnections;
import io.shoplens.engine.live.LiveGmvSettings;
import io.shoplens.engine.live.LiveListener;
import io.shoplens.engine.live.LiveQuery;
import io.shoplens.engine.workspace.Workspace;

/**
 * The live view on the real engine: connections saved in the workspace's catalog (without their
 * password), Test connection with Kafka's admin client, and the streaming query on the same
 * SparkSession and workspace the analyses use.
 */
public final class SparkLiveService implements LiveService {

    /** Long enough for a broker across the internet, short enough that a typo is answered soon. */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<Workspace> workspace;
    private final Supplier<SparkSession> spark;

    public SparkLiveService(Supplier<Workspace> workspace, Supplier<SparkSession> spark) {
        this.workspace = workspace;
        this.spark = spark;
    }

    /** On the engine's workspace and session. */
    public static SparkLiveService on(SparkEngineService engine) {
        return new SparkLiveService(engine::workspace, engine::sparkSession);
    }

    @Override
    public List<KafkaSettings> savedConnections() {
        return LiveConnections.of(workspace.get()).all();
    }

    @Override
    public void saveConnection(KafkaSettings settings) {
        LiveConnections.of(workspace.get()).save(settings);
    }

    @Override
    public Optional<LiveGmvSettings> gmvConnection(String name) {
        return LiveConnections.of(workspace.get()).gmv(name);
    }

    @Override
    public void saveGmvConnection(LiveGmvSettings settings) {
        LiveConnections.of(workspace.get()).save(settings);
    }

    @Override
    public void removeConnection(String name) {
        LiveConnections.of(workspace.get()).remove(name);
    }

    @Override
    public ConnectionCheck test(KafkaSettings settings, char[] password) {
        return KafkaConnectionTester.test(settings, password, TEST_TIMEOUT);
    }

    @Override
    public LiveQuery start(KafkaSettings settings, char[] password, AdParams params, LiveListener listener) {
        return LiveAdClicks.start(spark.get(), workspace.get(), settings, password, params, listener);
    }

    @Override
    public io.shoplens.engine.live.LiveGmvQuery startGmv(LiveGmvSettings settings, char[] password,
                                                        io.shoplens.engine.live.LiveGmvListener listener) {
        return io.shoplens.engine.live.LiveGmv.start(spark.get(), workspace.get(), settings, password, listener,
                io.shoplens.engine.live.LiveGmv.DEFAULT_OPTIONS);
    }

    @Override
    public LiveDay history(KafkaSettings settings, AdParams params, LocalDate day) {
        return LiveAdClicks.history(spark.get(), workspace.get(), settings.name(), params, day);
    }
}
