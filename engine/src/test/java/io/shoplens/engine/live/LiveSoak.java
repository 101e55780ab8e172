package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.AdClickRules;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.charts.ChartTheme;
import io.shoplens.engine.generate.AdClickStream;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;
import io.shoplens.engine.live.KafkaSettings.StartingOffsets;
import io.shoplens.engine.report.ChartExporter;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.Workspace;

/**
 * The live view's soak benchmark (not a test; {@code scripts/live-soak.sh} runs it): a broker in a
 * process of its own on loopback, generated clicks at a steady rate for hours, the live query on
 * them, the broker stopped for longer than the outage limit and started again, the query stopped
 * and started again, and a day that turns at midnight (the zone is chosen so that midnight falls
 * in the run). Every minute it records the heap, the RSS of both processes and the files on disk;
 * at the end the latency of every click (its micro-batch's update minus its timestamp) per
 * minute, and a batch recount of every stored click to compare the live tables with. Writes
 * {@code live-soak.csv}, {@code live-soak-summary.md} and PNG plots into {@code --out}.
 *
 * <p>Arguments: {@code [--rate 5000] [--minutes 120] [--broker-restart-at 50] [--broker-away 90]
 * [--query-restart-at 80] [--midnight-at 30] [--out DIR] [--work DIR]} (minutes, seconds for
 * --broker-away).
 */
public final class LiveSoak {

    private static final String TOPIC = "soak-clicks";
    private static final String CONNECTION = "soak";

    private final int rate;
    private final Duration duration;
    private final Duration brokerRestartAt;
    private final Duration brokerAway;
    private final Duration queryRestartAt;
    private final Path out;
    private final Path work;
    private final Duration midnightAt;
    /** The ads rules; the zone is chosen when the query starts, so that midnight falls in the run. */
    private AdParams params;
    private final BrokerProcess broker;

    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean producing = true;
    private final Map<Long, Long> completedAt = new ConcurrentHashMap<>();
    private final AtomicReference<LiveUpdate> latest = new AtomicReference<>();
    private final AtomicLong updates = new AtomicLong();
    private final List<String> events = new CopyOnWriteArrayList<>();
    /** Minutes of the run at which the broker stopped, started again, and the query restarted. */
    private final Map<String, Double> marks = new ConcurrentHashMap<>();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private volatile LiveStatus status = LiveStatus.STARTING;
    /** When the clicks began (before that: when the soak began). */
    private volatile long start = System.currentTimeMillis();

    private LiveSoak(Map<String, String> args) throws IOException {
        rate = Integer.parseInt(args.getOrDefault("--rate", "5000"));
        duration = Duration.ofMinutes(Long.parseLong(args.getOrDefault("--minutes", "120")));
        brokerRestartAt = Duration.ofMinutes(Long.parseLong(args.getOrDefault("--broker-restart-at", "50")));
        brokerAway = Duration.ofSeconds(Long.parseLong(args.getOrDefault("--broker-away", "90")));
        queryRestartAt = Duration.ofMinutes(Long.parseLong(args.getOrDefault("--query-restart-at", "80")));
        out = Path.of(args.getOrDefault("--out", "target/live-soak")).toAbsolutePath();
        work = args.containsKey("--work") ? Path.of(args.get("--work")).toAbsolutePath()
                : Files.createTempDirectory("shoplens-live-soak-");
        midnightAt = Duration.ofMinutes(Long.parseLong(args.getOrDefault("--midnight-at", "30")));
        broker = new BrokerProcess(work.resolve("kafka"), work.resolve("broker.log"), EmbeddedKafka.freePort(),
                EmbeddedKafka.freePort());
        Files.createDirectories(out);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new LiveSoak(options).run();
    }

    /** A fixed-offset zone whose midnight is the whole minute at or after {@code instant}. */
    static ZoneOffset zoneWithMidnightIn(Instant instant) {
        long secondOfDay = Math.floorMod(instant.getEpochSecond(), 86_400L);
        long offset = 86_400L - (secondOfDay - secondOfDay % 60);
        if (offset > 14 * 3600) {
            offset -= 86_400L;
        }
        return ZoneOffset.ofTotalSeconds((int) (offset % 86_400L));
    }

    private void run() throws Exception {
        // Ctrl-C skips the finally below: the broker, a process of its own, must not outlive the soak.
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "soak-broker-stop"));
        broker.start();
        createTopic();
        SparkSession spark = SparkSessions.shared(SparkSettings.fromEnvironment());
        params = new AdParams(100, zoneWithMidnightIn(Instant.now().plus(midnightAt)));
        System.out.printf("Live soak: %d clicks/s for %d min; broker away at %d min for %d s; query restart at %d min;"
                        + " zone %s; work %s%n", rate, duration.toMinutes(), brokerRestartAt.toMinutes(),
                brokerAway.toSeconds(), queryRestartAt.toMinutes(), params.zone(), work);
        KafkaSettings settings = new KafkaSettings(CONNECTION, broker.servers(), TOPIC, "shoplens-soak",
                StartingOffsets.EARLIEST, MessageFormat.AD_CLICK_LINE, SecurityProtocol.PLAINTEXT, null, null, null);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
        try (Workspace ws = Workspace.open(work.resolve("ws"))) {
            LiveFolders folders = LiveAdClicks.folders(ws, CONNECTION);
            LiveQuery query = LiveAdClicks.start(spark, ws, settings, null, params, listener());
            awaitStatus(LiveStatus.RUNNING, Duration.ofMinutes(3));
            start = System.currentTimeMillis();
            Thread producer = new Thread(() -> produce(settings), "soak-producer");
            producer.start();
            clock.scheduleAtFixedRate(() -> sample(folders), 0, 1, TimeUnit.MINUTES);
            boolean brokerRestarted = false;
            boolean queryRestarted = false;
            while (elapsed().compareTo(duration) < 0) {
                if (!brokerRestarted && elapsed().compareTo(brokerRestartAt) >= 0) {
                    mark("broker away");
                    event("broker stopped");
                    broker.stop();
                    Thread.sleep(brokerAway.toMillis());
                    broker.start();
                    mark("broker back");
                    event("broker started");
                    brokerRestarted = true;
                }
                if (!queryRestarted && elapsed().compareTo(queryRestartAt) >= 0) {
                    mark("query restart");
                    event("query stopped");
                    query.close();
                    query = LiveAdClicks.start(spark, ws, settings, null, params, listener());
                    event("query started");
                    queryRestarted = true;
                }
                Thread.sleep(1000);
            }
            producing = false;
            producer.join();
            event("producer stopped: " + acked.get() + " acknowledged, " + failed.get() + " failed");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (clicksTotal() < acked.get() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            event("drained: " + clicksTotal() + " clicks counted");
            sample(folders);
            clock.shutdown();
            clock.awaitTermination(1, TimeUnit.MINUTES);
            LiveUpdate last = latest.get();
            query.close();
            Map<Long, long[]> latency = latencyPerMinute(spark, folders);
            List<String> checks = recount(spark, ws, folders, last);
            write(latency, checks, last);
        } finally {
            clock.shutdownNow();
            broker.stop();
            SparkSessions.stop();
        }
    }

    private LiveListener listener() {
        return new LiveListener() {
            @Override
            public void onUpdate(LiveUpdate update) {
                completedAt.putIfAbsent(update.batchId(), System.currentTimeMillis());
                LiveUpdate before = latest.getAndSet(update);
                updates.incrementAndGet();
                if (before != null && update.day() != null && !update.day().equals(before.day())) {
                    event("day turned to " + update.day());
                }
            }

            @Override
            public void onStatus(LiveStatus next, String detail) {
                if (next != status) {
                    event("status " + next + (detail.isEmpty() ? "" : ": " + detail));
                }
                status = next;
            }
        };
    }

    private long clicksTotal() {
        LiveUpdate u = latest.get();
        return u == null ? 0 : u.clicksTotal();
    }

    private Duration elapsed() {
        return Duration.ofMillis(System.currentTimeMillis() - start);
    }

    private void event(String what) {
        String line = String.format(Locale.ROOT, "%7.1f min  %s", (System.currentTimeMillis() - start) / 60_000.0,
                what);
        events.add(line);
        System.out.println(line);
    }

    private void mark(String what) {
        marks.put(what, (System.currentTimeMillis() - start) / 60_000.0);
    }

    private void awaitStatus(LiveStatus wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status != wanted) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The live query did not reach " + wanted + "; it is " + status);
            }
            Thread.sleep(200);
        }
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.servers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Clicks at a steady rate, stamped with the time they are sent. While the broker is away the
     * producer keeps them (a buffer and delivery timeout longer than the outage) and sends them
     * when it is back; idempotence keeps a retried send from being written twice.
     */
    private void produce(KafkaSettings settings) {
        Properties props = new Properties();
        props.putAll(KafkaClientProperties.of(settings, null));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L << 20);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        AdClickStream clicks = new AdClickStream(42);
        long interval = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (long n = 0; producing; n++) {
                long wait = begin + n * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String value = ClickProducer.message(clicks.next(), System.currentTimeMillis(),
                        MessageFormat.AD_CLICK_LINE);
                sent.incrementAndGet();
                producer.send(new ProducerRecord<>(TOPIC, value), (meta, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
    }

    /** One row per minute: memory, files on disk, progress. */
    record Sample(double minute, double heapUsedMb, double heapAfterGcMb, double rssMb, double brokerRssMb,
                  long sent, long acked, long counted, long updates, long batchFolders, double batchMb,
                  long dayFiles, double dayMb, double stateMb, double checkpointMb, String load, String status) {
    }

    private void sample(LiveFolders folders) {
        try {
            long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long afterGc = heapAfterLastGc();
            long[] batches = sizes(folders.messages(), true);
            long[] days = sizes(folders.days(), false);
            samples.add(new Sample((System.currentTimeMillis() - start) / 60_000.0, mb(heapUsed), mb(afterGc),
                    mb(rssKb(ProcessHandle.current().pid()) * 1024), mb(rssKb(broker.pid()) * 1024), sent.get(),
                    acked.get(), clicksTotal(), updates.get(), batches[0], mb(batches[1]), days[0], mb(days[1]),
                    mb(sizes(folders.state(), false)[1]), mb(sizes(folders.checkpoint(), false)[1]),
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0], status.name()));
            Sample s = samples.get(samples.size() - 1);
            System.out.printf(Locale.ROOT, "%6.1f min  heap %5.0f MB (after GC %5.0f)  RSS %5.0f MB  broker %5.0f MB"
                            + "  counted %,d of %,d  batches %d  day files %d  state %.0f MB  load %s  %s%n",
                    s.minute(), s.heapUsedMb(), s.heapAfterGcMb(), s.rssMb(), s.brokerRssMb(), s.counted(),
                    s.acked(), s.batchFolders(), s.dayFiles(), s.stateMb(), s.load(), s.status());
        } catch (IOException | RuntimeException e) {
            System.out.println("sample failed: " + e);
        }
    }

    /**
     * The heap in use right after the latest collection, old generation included: what the live
     * objects take. (A pool's collection usage is no such measure: G1's old generation has one
     * only after a mixed or full collection, so between those it reads as the survivors alone.)
     */
    private static long heapAfterLastGc() {
        long latestEnd = -1;
        long used = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean sun && sun.getLastGcInfo() != null
                    && sun.getLastGcInfo().getEndTime() > latestEnd) {
                latestEnd = sun.getLastGcInfo().getEndTime();
                used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    java.lang.management.MemoryUsage after = sun.getLastGcInfo().getMemoryUsageAfterGc()
                            .get(pool.getName());
                    if (pool.getType() == MemoryType.HEAP && after != null) {
                        used += after.getUsed();
                    }
                }
            }
        }
        return used;
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    /** Resident set size in kB from /proc; 0 when the process is gone. */
    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** {count, bytes}: of the batch folders directly under {@code folder}, or of all files under it. */
    private static long[] sizes(Path folder, boolean countFolders) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new long[2];
        }
        long[] result = new long[2];
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.forEach(p -> {
                try {
                    if (Files.isRegularFile(p)) {
                        result[1] += Files.size(p);
                        if (!countFolders) {
                            result[0]++;
                        }
                    } else if (countFolders && p.getParent().equals(folder)) {
                        result[0]++;
                    }
                } catch (IOException e) {
                    // A file compaction just deleted: not on disk any more.
                }
            });
        }
        return result;
    }

    /** Per minute of the run: {p50 ms, p99 ms, clicks}, from every stored click and its batch's update. */
    private Map<Long, long[]> latencyPerMinute(SparkSession spark, LiveFolders folders) {
        List<Row> done = new ArrayList<>();
        completedAt.forEach((batch, at) -> done.add(RowFactory.create(batch, at)));
        Dataset<Row> batches = spark.createDataFrame(done, new StructType()
                .add("batch_id", DataTypes.LongType).add("completed", DataTypes.LongType));
        Map<Long, long[]> perMinute = new java.util.TreeMap<>();
        new StoredBatches(folders).read(spark, Long.MAX_VALUE, null, rows -> {
            Dataset<Row> latency = rows.filter(col(LiveMessages.REASON).isNull()).select("batch_id", "timestamp")
                    .join(batches, "batch_id")
                    .withColumn("latency", col("completed").minus(col("timestamp")))
                    .withColumn("minute", floor(col("timestamp").minus(start).divide(60_000)));
            for (Row r : latency.groupBy("minute").agg(
                    percentile_approx(col("latency"), array(lit(0.5), lit(0.99)), lit(10_000)), count(lit(1)))
                    .collectAsList()) {
                List<Object> p = r.getList(1);
                perMinute.put(r.getLong(0), new long[] {((Number) p.get(0)).longValue(),
                        ((Number) p.get(1)).longValue(), r.getLong(2)});
            }
            Row all = latency.agg(percentile_approx(col("latency"), array(lit(0.5), lit(0.99)), lit(10_000)),
                    count(lit(1))).first();
            List<Object> p = all.getList(0);
            perMinute.put(-1L, new long[] {((Number) p.get(0)).longValue(), ((Number) p.get(1)).longValue(),
                    all.getLong(1)});
            return null;
        });
        return perMinute;
    }

    /** The live tables and past days against a batch recount of every stored click. */
    private List<String> recount(SparkSession spark, Workspace ws, LiveFolders folders, LiveUpdate last) {
        List<String> checks = new ArrayList<>();
        StoredBatches stored = new StoredBatches(folders);
        long storedClicks = stored.read(spark, Long.MAX_VALUE, null,
                rows -> rows.filter(col(LiveMessages.REASON).isNull()).count());
        checks.add(check("clicks acknowledged by the broker = clicks counted live", acked.get() == last.clicksTotal(),
                acked.get() + " vs " + last.clicksTotal()));
        checks.add(check("clicks counted live = clicks stored", storedClicks == last.clicksTotal(),
                storedClicks + " vs " + last.clicksTotal()));
        checks.add(check("no send failed", failed.get() == 0, failed.get() + " failed"));
        List<LocalDate> days = new ArrayList<>(last.pastDays());
        for (LocalDate day : days) {
            LiveDay past = LiveAdClicks.history(spark, ws, CONNECTION, params, day);
            AnalysisResult batch = batchUpTo(spark, stored, day);
            checks.add(check("past day " + day + " = batch recount", same(past.tables(), batch, day), ""));
        }
        AnalysisResult batch = batchUpTo(spark, stored, last.day());
        checks.add(check("open day " + last.day() + " = batch recount", same(last.tables(), batch, last.day()),
                last.table("daily_clicks").rows().size() + " daily rows, " + last.table("blacklist").rows().size()
                        + " blacklisted"));
        return checks;
    }

    private AnalysisResult batchUpTo(SparkSession spark, StoredBatches stored, LocalDate day) {
        return stored.read(spark, Long.MAX_VALUE, null, rows -> {
            Dataset<Row> clicks = AdClickRules.withLocalTime(rows.filter(col(LiveMessages.REASON).isNull()),
                    params.zone()).filter(col("date").leq(lit(day)))
                    .select("timestamp", "province", "city", "user_id", "ad_id");
            return AdClickAnalysis.run(AnalysisInput.of(LogTables.empty(spark).withAdClicks(clicks),
                    SessionFilter.NONE), params);
        });
    }

    private static boolean same(List<ResultTable> live, AnalysisResult batch, LocalDate day) {
        for (ResultTable table : live) {
            ResultTable expected = batch.table(table.name());
            List<List<Object>> rows = expected.rows();
            if (expected.columns().contains("date")) {
                int date = expected.columnIndex("date");
                rows = rows.stream().filter(r -> day.equals(r.get(date))).toList();
            }
            if (!table.rows().equals(rows)) {
                System.out.println("Differs: " + table.name() + " on " + day + ": live " + table.rows().size()
                        + " rows, batch " + rows.size());
                return false;
            }
        }
        return true;
    }

    private static String check(String what, boolean ok, String detail) {
        String line = (ok ? "PASS " : "FAIL ") + what + (detail.isEmpty() ? "" : " (" + detail + ")");
        System.out.println(line);
        return line;
    }

    private void write(Map<Long, long[]> latency, List<String> checks, LiveUpdate last) throws IOException {
        StringBuilder csv = new StringBuilder("minute,heap_used_mb,heap_after_gc_mb,rss_mb,broker_rss_mb,sent,acked,"
                + "counted,updates,batch_folders,batch_mb,day_files,day_mb,state_mb,checkpoint_mb,load1,status,"
                + "latency_p50_ms,latency_p99_ms,clicks_in_minute\n");
        for (Sample s : samples) {
            // The clicks sent in the minute before the sample.
            long minute = (long) Math.ceil(s.minute()) - 1;
            long[] l = minute < 0 ? new long[3] : latency.getOrDefault(minute, new long[3]);
            csv.append(String.format(Locale.ROOT, "%.2f,%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%d,%d,%.1f,%d,%.1f,%.1f,%.1f,%s,%s,"
                            + "%d,%d,%d%n", s.minute(), s.heapUsedMb(), s.heapAfterGcMb(), s.rssMb(), s.brokerRssMb(),
                    s.sent(), s.acked(), s.counted(), s.updates(), s.batchFolders(), s.batchMb(), s.dayFiles(),
                    s.dayMb(), s.stateMb(), s.checkpointMb(), s.load(), s.status(), l[0], l[1], l[2]));
        }
        Files.writeString(out.resolve("live-soak.csv"), csv, StandardCharsets.UTF_8);
        StringBuilder latencyCsv = new StringBuilder("minute,latency_p50_ms,latency_p99_ms,clicks\n");
        latency.forEach((m, l) -> {
            if (m >= 0) {
                latencyCsv.append(m).append(',').append(l[0]).append(',').append(l[1]).append(',').append(l[2])
                        .append('\n');
            }
        });
        Files.writeString(out.resolve("live-soak-latency.csv"), latencyCsv, StandardCharsets.UTF_8);

        long[] all = latency.getOrDefault(-1L, new long[3]);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "- rate %,d clicks/s for %d min; %,d clicks acknowledged, %,d counted, "
                        + "%,d updates%n", rate, duration.toMinutes(), acked.get(), last.clicksTotal(), updates.get()));
        md.append(String.format(Locale.ROOT, "- latency over all clicks: p50 %,d ms, p99 %,d ms%n", all[0], all[1]));
        md.append(String.format(Locale.ROOT, "- heap after GC, minute 10 to the end: %s%n", trend(Sample::heapAfterGcMb)));
        md.append(String.format(Locale.ROOT, "- RSS, minute 10 to the end: %s%n", trend(Sample::rssMb)));
        md.append(String.format(Locale.ROOT, "- zone %s; open day at the end %s, past days %s%n", params.zone(),
                last.day(), last.pastDays()));
        md.append("\nEvents:\n\n");
        events.forEach(e -> md.append("    ").append(e).append('\n'));
        md.append("\nChecks:\n\n");
        checks.forEach(c -> md.append("- ").append(c).append('\n'));
        Files.writeString(out.resolve("live-soak-summary.md"), md, StandardCharsets.UTF_8);
        System.out.print(md);
        plots(latency);
    }

    /** min, max and the least-squares slope per hour of a series from minute 10 on. */
    private String trend(java.util.function.ToDoubleFunction<Sample> value) {
        List<Sample> steady = samples.stream().filter(s -> s.minute() >= 10).toList();
        if (steady.size() < 2) {
            return "too short";
        }
        double n = steady.size();
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Sample s : steady) {
            double x = s.minute() / 60.0;
            double y = value.applyAsDouble(s);
            sx += x;
            sy += y;
            sxy += x * y;
            sxx += x * x;
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return String.format(Locale.ROOT, "%.0f to %.0f MB, slope %+.1f MB/h", min, max, slope);
    }

    private void plots(Map<Long, long[]> latency) throws IOException {
        XYSeriesCollection memory = new XYSeriesCollection();
        memory.addSeries(series("heap used", Sample::heapUsedMb));
        memory.addSeries(series("heap after GC", Sample::heapAfterGcMb));
        memory.addSeries(series("RSS (live view)", Sample::rssMb));
        memory.addSeries(series("RSS (broker)", Sample::brokerRssMb));
        png(chart("Memory", "MB", memory), "live-soak-memory.png");

        XYSeriesCollection lat = new XYSeriesCollection();
        XYSeries p50 = new XYSeries("p50");
        XYSeries p99 = new XYSeries("p99");
        latency.forEach((m, l) -> {
            if (m >= 0) {
                p50.add(m.doubleValue(), l[0] / 1000.0);
                p99.add(m.doubleValue(), l[1] / 1000.0);
            }
        });
        lat.addSeries(p50);
        lat.addSeries(p99);
        png(chart("Latency (click to its update)", "seconds", lat), "live-soak-latency.png");

        XYSeriesCollection disk = new XYSeriesCollection();
        disk.addSeries(series("batch folders (MB)", Sample::batchMb));
        disk.addSeries(series("daily files (MB)", Sample::dayMb));
        disk.addSeries(series("counts store (MB)", Sample::stateMb));
        disk.addSeries(series("checkpoint (MB)", Sample::checkpointMb));
        png(chart("On disk", "MB", disk), "live-soak-disk.png");

        XYSeriesCollection files = new XYSeriesCollection();
        files.addSeries(series("batch folders", s -> s.batchFolders()));
        files.addSeries(series("daily files", s -> s.dayFiles()));
        png(chart("Stored files", "files", files), "live-soak-files.png");
    }

    private XYSeries series(String name, java.util.function.ToDoubleFunction<Sample> value) {
        XYSeries s = new XYSeries(name);
        samples.forEach(sample -> s.add(sample.minute(), value.applyAsDouble(sample)));
        return s;
    }

    private JFreeChart chart(String title, String unit, XYSeriesCollection data) {
        JFreeChart chart = ChartTheme.apply(ChartFactory.createXYLineChart(title, "minute of the run", unit, data,
                PlotOrientation.VERTICAL, true, false, false));
        XYPlot plot = chart.getXYPlot();
        marks.forEach((label, minute) -> marker(plot, minute, label));
        return chart;
    }

    private static void marker(XYPlot plot, double minute, String label) {
        ValueMarker m = new ValueMarker(minute, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelPaint(Color.DARK_GRAY);
        plot.addDomainMarker(m);
    }

    private void png(JFreeChart chart, String name) throws IOException {
        ChartExporter.png(chart, out.resolve(name), 900, 420, 1.5);
    }

    /** The broker as a child process: stopped with SIGTERM (a clean shutdown), started again on the same ports. */
    private static final class BrokerProcess {
        private final Path logDir;
        private final Path log;
        private final int port;
        private final int controllerPort;
        private Process process;

        BrokerProcess(Path logDir, Path log, int port, int controllerPort) {
            this.logDir = logDir;
            this.log = log;
            this.port = port;
            this.controllerPort = controllerPort;
        }

        String servers() {
            return "127.0.0.1:" + port;
        }

        long pid() {
            Process p = process;
            return p == null ? -1 : p.pid();
        }

        synchronized void start() throws IOException, InterruptedException {
            Files.createDirectories(logDir);
            Files.deleteIfExists(log);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xms256m", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    SoakBroker.class.getName(), logDir.toString(), Integer.toString(port),
                    Integer.toString(controllerPort))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(log) || !Files.readString(log).contains("ready ")) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The soak broker did not start; see " + log);
                }
                Thread.sleep(200);
            }
        }

        synchronized void stop() {
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
