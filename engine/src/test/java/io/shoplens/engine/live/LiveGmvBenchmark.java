package io.shoplens.engine.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.generate.OrderStream;
import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;
import io.shoplens.engine.live.KafkaSettings.StartingOffsets;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.Workspace;

/**
 * The live GMV view's benchmark (not a test; run as {@link LiveBenchmark} is, docs/BENCHMARKS.md):
 * generated actions (CSV) at a rate for a while; an action's end-to-end latency is the time its
 * micro-batch's update reached the listener minus the time the producer stamped on its Kafka
 * record (milliseconds; the action's own time has only seconds). Broker, producer and Spark share
 * this JVM.
 *
 * <p>Arguments: {@code [--rate 5000] [--seconds 60] [--trigger-ms 1000] [--orders-rate 0]}; with
 * an orders rate, the actions are sent without their pays and a second topic carries canal order
 * events for the same sessions at that rate (as {@code produce --kind orders} sends them), and the
 * latency of both topics' messages is reported.
 */
public final class LiveGmvBenchmark {

    private LiveGmvBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 5000;
        int seconds = 60;
        long triggerMs = LiveOptions.DEFAULT.trigger().toMillis();
        int ordersRate = 0;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--trigger-ms" -> triggerMs = Long.parseLong(args[i + 1]);
                case "--orders-rate" -> ordersRate = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("shoplens-live-gmv-bench-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"));
             Workspace ws = Workspace.open(work.resolve("ws"))) {
            SparkSession spark = SparkSessions.shared(SparkSettings.fromEnvironment());
            System.out.printf("ShopLens live GMV bench: %d cores, max heap %d MB, trigger %d ms, orders %d/s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, triggerMs,
                    ordersRate);
            // Warm-up (not reported): JIT, Spark's code generation, the Kafka source's first start.
            run(spark, ws, kafka.bootstrapServers(), "warmup", 1000, ordersRate == 0 ? 0 : 10, 20, triggerMs, false);
            run(spark, ws, kafka.bootstrapServers(), "bench", rate, ordersRate, seconds, triggerMs, true);
        } finally {
            SparkSessions.stop();
        }
    }

    private static void run(SparkSession spark, Workspace ws, String servers, String name, int rate, int ordersRate,
                            int seconds, long triggerMs, boolean print) throws Exception {
        String orders = name + "-orders";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(name, 2, (short) 1), new NewTopic(orders, 1, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS);
        }
        KafkaSettings connection = new KafkaSettings(name, servers, name, "shoplens-bench", StartingOffsets.EARLIEST,
                MessageFormat.AD_CLICK_LINE, SecurityProtocol.PLAINTEXT, null, null, null);
        LiveGmvSettings settings = ordersRate == 0 ? LiveGmvSettings.actions(connection)
                : new LiveGmvSettings(connection, orders, OrderMessages.Format.CANAL, new OrderColumns("orders",
                        "order_id", "session_id", "user_id", "pay_time", "amount", "product_ids"));
        Map<Long, Long> completedAt = new ConcurrentHashMap<>();
        LiveGmvTest.Recorder recorder = new LiveGmvTest.Recorder() {
            @Override
            public synchronized void onUpdate(LiveGmvUpdate update) {
                completedAt.putIfAbsent(update.batchId(), System.currentTimeMillis());
                super.onUpdate(update);
            }
        };
        long[] batchMs;
        try (LiveGmvQuery query = LiveGmv.start(spark, ws, settings, null, recorder,
                LiveOptions.DEFAULT.withTrigger(Duration.ofMillis(triggerMs)))) {
            CompletableFuture<ClickProducer.Sent> orderEvents = ordersRate == 0
                    ? CompletableFuture.completedFuture(new ClickProducer.Sent(0, 0, Duration.ZERO))
                    : CompletableFuture.supplyAsync(() -> ClickProducer.run(new KafkaSettings(orders, servers,
                            orders, "shoplens-bench", StartingOffsets.EARLIEST, MessageFormat.AD_CLICK_LINE,
                            SecurityProtocol.PLAINTEXT, null, null, null), null,
                            new ClickProducer.Options(ordersRate, Duration.ofSeconds(seconds), MessageFormat.AD_CLICK_LINE,
                                    42, 0), () -> false, s -> { },
                            GmvProducerMessages.orders(42, OrderStream.Format.CANAL, true)));
            ClickProducer.Sent sent = ClickProducer.run(connection, null, new ClickProducer.Options(rate,
                    Duration.ofSeconds(seconds), MessageFormat.AD_CLICK_LINE, 42, 0), () -> false, s -> { },
                    GmvProducerMessages.actions(42, GmvProducerMessages.ActionFormat.CSV, ordersRate == 0));
            ClickProducer.Sent sentOrders = orderEvents.get();
            long producedAt = System.currentTimeMillis();
            recorder.await(u -> u.actionsTotal() == sent.clicks() && u.orderChangesTotal() >= sentOrders.clicks());
            if (!print) {
                return;
            }
            System.out.printf("sent %,d actions in %.1f s (%.0f/s) and %,d order events (%.0f/s); all counted %.1f s"
                            + " after the last was sent%n", sent.clicks(), sent.elapsed().toMillis() / 1000.0,
                    sent.perSecond(), sentOrders.clicks(), sentOrders.perSecond(),
                    (System.currentTimeMillis() - producedAt) / 1000.0);
        }
        Map<String, Long> stampedAt = stamps(servers, name);
        if (ordersRate > 0) {
            stampedAt.putAll(stamps(servers, orders));
        }
        StoredBatches stored = new StoredBatches(LiveGmv.folders(ws, name), LiveGmvMessages.SCHEMA);
        List<Long> latencies = new ArrayList<>();
        for (Map.Entry<Long, Long> batch : completedAt.entrySet()) {
            for (Object[] row : stored.rows(batch.getKey())) {
                Long stamp = stampedAt.get(row[LiveGmvMessages.TOPIC] + ":" + row[LiveGmvMessages.PARTITION] + ":"
                        + row[LiveGmvMessages.OFFSET]);
                latencies.add(batch.getValue() - stamp);
            }
        }
        latencies.sort(null);
        System.out.printf("| rate | actions | batches | p50 ms | p90 ms | p99 ms | max ms |%n|---:|---:|---:|---:|---:|---:|---:|%n");
        System.out.printf("| %,d | %,d | %d | %d | %d | %d | %d |%n", rate, latencies.size(), completedAt.size(),
                pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.get(latencies.size() - 1));
    }

    /** Every record's CreateTime, by {@code topic:partition:offset}. */
    private static Map<String, Long> stamps(String servers, String topic) {
        Map<String, Long> stamps = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-stamps",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            int empty = 0;
            while (empty < 5) {
                var records = consumer.poll(Duration.ofMillis(1000));
                empty = records.isEmpty() ? empty + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    stamps.put(topic + ":" + r.partition() + ":" + r.offset(), r.timestamp());
                }
            }
        }
        return stamps;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
