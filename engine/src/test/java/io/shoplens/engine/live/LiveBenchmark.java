package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;
import io.shoplens.engine.live.KafkaSettings.StartingOffsets;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.Workspace;

/**
 * The live view's benchmark (not a test; docs/BENCHMARKS.md says how to run it): for each rate,
 * the producer sends clicks stamped with their send time for a while, and every click's
 * end-to-end latency is the time its micro-batch's update reached the listener minus its
 * timestamp. Broker (embedded unless {@code --bootstrap}), producer and Spark share this JVM.
 *
 * <p>Arguments: {@code [--rates 250,500,1000,2000] [--seconds 30] [--trigger-ms 1000] [--bootstrap H:P]}
 */
public final class LiveBenchmark {

    private LiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> rates = List.of(250, 500, 1000, 2000);
        int seconds = 30;
        long triggerMs = LiveAdClicks.DEFAULT_TRIGGER.toMillis();
        String bootstrap = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rates" -> rates = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--trigger-ms" -> triggerMs = Long.parseLong(args[i + 1]);
                case "--bootstrap" -> bootstrap = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("shoplens-live-bench-");
        EmbeddedKafka kafka = bootstrap == null ? EmbeddedKafka.start(work.resolve("kafka")) : null;
        String servers = bootstrap != null ? bootstrap : kafka.bootstrapServers();
        SparkSession spark = SparkSessions.shared(SparkSettings.fromEnvironment());
        System.out.printf("ShopLens live bench: %d cores, max heap %d MB, trigger %d ms, %d s per rate, broker %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, triggerMs,
                seconds, bootstrap == null ? "embedded" : bootstrap);
        System.out.println("| rate (clicks/s) | sent | batches | p50 ms | p90 ms | p99 ms | max ms | drained after "
                + "| batch ms p50 / max | trigger ms p50 / max | load avg |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        try (Workspace ws = Workspace.open(work.resolve("ws"))) {
            // Warm-up (not reported): JIT, Spark's code generation, the Kafka source's first start.
            // 5 s were not enough: the first rate measured after them had twice the others' p99.
            run(spark, ws, servers, "warmup", 1000, 20, triggerMs, false);
            for (int rate : rates) {
                run(spark, ws, servers, "bench-" + rate, rate, seconds, triggerMs, true);
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            SparkSessions.stop();
        }
    }

    private static void run(SparkSession spark, Workspace ws, String servers, String name, int rate, int seconds,
                            long triggerMs, boolean print) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(name, 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        KafkaSettings settings = new KafkaSettings(name, servers, name, "shoplens-bench", StartingOffsets.EARLIEST,
                MessageFormat.AD_CLICK_LINE, SecurityProtocol.PLAINTEXT, null, null, null);
        Map<Long, Long> completedAt = new ConcurrentHashMap<>();
        // Per micro-batch with clicks, from Spark's own progress: the foreachBatch time (addBatch)
        // and the whole trigger (offsets, planning, the batch, the commit).
        List<Long> batchMs = new CopyOnWriteArrayList<>();
        List<Long> triggerTimes = new CopyOnWriteArrayList<>();
        String queryName = "shoplens-live-" + LiveFolders.slug(name);
        StreamingQueryListener progress = new StreamingQueryListener() {
            @Override
            public void onQueryStarted(QueryStartedEvent event) {
            }

            @Override
            public void onQueryProgress(QueryProgressEvent event) {
                StreamingQueryProgress p = event.progress();
                if (queryName.equals(p.name()) && p.numInputRows() > 0) {
                    batchMs.add(p.durationMs().getOrDefault("addBatch", -1L));
                    triggerTimes.add(p.durationMs().getOrDefault("triggerExecution", -1L));
                }
            }

            @Override
            public void onQueryTerminated(QueryTerminatedEvent event) {
            }
        };
        spark.streams().addListener(progress);
        LiveRecorder recorder = new LiveRecorder() {
            @Override
            public synchronized void onUpdate(LiveUpdate update) {
                completedAt.put(update.batchId(), System.currentTimeMillis());
                super.onUpdate(update);
            }
        };
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        try (LiveQuery query = LiveAdClicks.start(spark, ws, settings, null, new AdParams(100, ZoneOffset.UTC),
                recorder, Duration.ofMillis(triggerMs))) {
            recorder.awaitStatus(LiveStatus.RUNNING, 0, Duration.ofMinutes(2));
            ClickProducer.Sent sent = ClickProducer.run(settings, null, new ClickProducer.Options(rate,
                    Duration.ofSeconds(seconds), MessageFormat.AD_CLICK_LINE, 42, 0), () -> false, s -> { });
            long producedAt = System.currentTimeMillis();
            recorder.awaitUpdate(u -> u.clicksTotal() == sent.clicks(), Duration.ofMinutes(10));
            long drained = System.currentTimeMillis() - producedAt;
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            if (!print) {
                return;
            }
            List<Long> latencies = new ArrayList<>();
            List<Row> stored = new StoredBatches(LiveFolders.of(ws, name)).read(spark, Long.MAX_VALUE, null,
                    rows -> rows.filter(col(LiveMessages.REASON).isNull()).select("batch_id", "timestamp")
                            .collectAsList());
            for (Row r : stored) {
                latencies.add(completedAt.get(((Number) r.get(0)).longValue()) - r.getLong(1));
            }
            latencies.sort(null);
            List<Long> batches = new ArrayList<>(batchMs);
            List<Long> triggers = new ArrayList<>(triggerTimes);
            batches.sort(null);
            triggers.sort(null);
            System.out.printf("| %,d | %,d | %d | %d | %d | %d | %d | %.1f s | %d / %d | %d / %d | %s → %s |%n", rate,
                    sent.clicks(), completedAt.size(), pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                    latencies.get(latencies.size() - 1), drained / 1000.0, pct(batches, 50),
                    batches.get(batches.size() - 1), pct(triggers, 50), triggers.get(triggers.size() - 1),
                    loadBefore, loadAfter);
        } finally {
            spark.streams().removeListener(progress);
        }
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
