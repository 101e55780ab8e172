package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportListener;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;
import io.shoplens.engine.live.KafkaSettings.StartingOffsets;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.Workspace;

/**
 * The live GMV view against a real broker in this JVM: actions in the three forms and canal order
 * events give the batch analyses' tables of the same rows; malformed messages are counted and
 * sampled; a stop, a replayed batch and a restart count nothing twice and lose nothing. The rows
 * are {@link LiveGmvStateTest}'s.
 */
class LiveGmvTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final LiveOptions OPTIONS = LiveOptions.DEFAULT.withTrigger(Duration.ofMillis(300));
    private static final OrderColumns COLUMNS = new OrderColumns("orders", "id", "sid", "uid", "paid_at", "total",
            "items");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @RegisterExtension
    static final TestBroker kafka = new TestBroker();

    @Test
    void liveTablesEqualTheBatchAnalysesAndMalformedMessagesAreCountedAndSampled() throws Exception {
        kafka.createTopic("actions-a", 1);
        kafka.createTopic("orders-a", 1);
        LiveGmvSettings settings = settings("a", "actions-a", "orders-a");
        List<String> actions = new ArrayList<>(LiveGmvStateTest.YESTERDAY);
        actions.addAll(LiveGmvStateTest.TODAY);
        actions.add(LiveGmvStateTest.LATE);
        Recorder recorder = new Recorder();
        try (Workspace ws = Workspace.open(dir.resolve("ws-a"));
             LiveGmvQuery query = LiveGmv.start(TestSpark.session(), ws, settings, null,
                     recorder, OPTIONS)) {
            kafka.send("actions-a", messages(actions));
            kafka.send("orders-a", canalOrders());
            kafka.send("actions-a", List.of("not,enough,fields", "", "2026-13-02,1,s9,1,2026-12-02 10:00:00,,,,,,,,1"));
            kafka.send("orders-a", List.of("{not json", "{\"type\":\"INSERT\",\"table\":\"orders\"}"));
            LiveGmvUpdate last = recorder.await(u -> u.actionsTotal() == actions.size() && u.orderChangesTotal() == 5
                    && u.malformedTotal() == 5);
            assertThat(last.lateTotal()).isZero();
            assertThat(last.malformedActions()).isEqualTo(3);
            assertThat(last.malformedOrders()).isEqualTo(2);
            // The stream read the day before itself.
            assertThat(last.dayBefore()).isEqualTo(LiveGmvUpdate.DayBefore.STREAM);
            LiveGmvStateTest.assertSame(last.tables(), expected());
            assertThat(last.malformedSamples()).hasSize(5).anySatisfy(s -> assertThat(s)
                    .startsWith("actions-a partition 0 offset ").contains("date: not a date (yyyy-MM-dd): '2026-13-02'"))
                    .anySatisfy(s -> assertThat(s).startsWith("orders-a partition 0 offset ")
                            .contains("canal INSERT without a \"data\" array"))
                    .anySatisfy(s -> assertThat(s).contains("empty message"));
        }
    }

    @Test
    void aViewThatStartsTodayComparesWithTheImportedDayBefore() throws Exception {
        kafka.createTopic("actions-y", 1);
        Path csv = dir.resolve("yesterday-user_visit_action.csv");
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", LogKind.USER_VISIT_ACTION.schema().fieldNames()));
        LiveGmvStateTest.YESTERDAY.forEach(l -> lines.add(l.replace('|', ',')));
        Files.write(csv, lines, StandardCharsets.UTF_8);
        Recorder recorder = new Recorder();
        try (Workspace ws = Workspace.open(dir.resolve("ws-y"))) {
            Importer.importFiles(ws, List.of(csv), ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none());
            try (LiveGmvQuery query = LiveGmv.start(TestSpark.session(), ws, settings("y", "actions-y", null), null,
                    recorder, OPTIONS)) {
                kafka.send("actions-y", messages(LiveGmvStateTest.TODAY));
                LiveGmvUpdate last = recorder.await(u -> u.actionsTotal() == LiveGmvStateTest.TODAY.size());

                assertThat(last.dayBefore()).isEqualTo(LiveGmvUpdate.DayBefore.IMPORTED);
                // Yesterday by 10:30: s1 with its pay of 100, as when the stream read it.
                assertThat(Tables.lines(last.table("gmv_same_time"))).contains(
                        "yesterday|2026-12-01|2026-12-01 10:30:00|1|1|100.0|1.0|100.0");
                assertThat(last.table("gmv_bridge").rows()).isNotEmpty();
            }
        }
    }

    @Test
    void aSetPageFlowAndPaidChannelsGiveTheBatchAnalysesCountedWithThem() throws Exception {
        kafka.createTopic("actions-p", 1);
        kafka.createTopic("orders-p", 1);
        LiveGmvParams params = new LiveGmvParams(List.of(1L, 3L, 2L), List.of("search", "social"));
        LiveGmvSettings settings = settings("p", "actions-p", "orders-p").withParams(params);
        List<String> actions = new ArrayList<>(LiveGmvStateTest.YESTERDAY);
        actions.addAll(LiveGmvStateTest.TODAY);
        actions.add(LiveGmvStateTest.LATE);
        Recorder recorder = new Recorder();
        try (Workspace ws = Workspace.open(dir.resolve("ws-p"));
             LiveGmvQuery query = LiveGmv.start(TestSpark.session(), ws, settings, null, recorder, OPTIONS)) {
            kafka.send("actions-p", messages(actions));
            kafka.send("orders-p", canalOrders());
            LiveGmvUpdate last = recorder.await(u -> u.actionsTotal() == actions.size() && u.orderChangesTotal() == 5);
            List<String> lines = new ArrayList<>(actions);
            lines.addAll(LiveGmvStateTest.ORDERS_AT_THE_END);
            LiveGmvStateTest.assertSame(last.tables(), GmvBatchReference.tables(TestSpark.session(), lines, List.of(),
                    LiveGmvStateTest.DAY, LiveGmvStateTest.NOW, true, params));
            // Not the defaults' tables: today's paid sessions are search and social ones (none is
            // display_ad), and the flow has three steps, s4's 1→3 among its jumps.
            assertThat(Tables.lines(LiveGmvStateTest.table(last.tables(), "gmv_paid_free")).get(0))
                    .doesNotStartWith("paid|0|");
            assertThat(Tables.lines(LiveGmvStateTest.table(last.tables(), "page_jumps")))
                    .hasSize(2).first().asString().startsWith("1|1|3|1|");
            assertThat(LiveGmvStateTest.table(last.tables(), "session_funnel").rows()).hasSize(3);
        }
    }

    @Test
    void userOnlyOrdersCountInTheirUsersSessionsAndAreReadBackTheSameAfterARestart() throws Exception {
        kafka.createTopic("actions-u", 1);
        kafka.createTopic("orders-u", 1);
        KafkaSettings connection = settings("u", "actions-u", "orders-u").connection();
        // The same orders without their session: users 4 and 6 had s4 (10:05) and s6 (10:20) open.
        LiveGmvSettings settings = new LiveGmvSettings(connection, "orders-u", OrderMessages.Format.CANAL,
                new OrderColumns("orders", "id", null, "uid", "paid_at", "total", "items"));
        List<String> actions = new ArrayList<>(LiveGmvStateTest.YESTERDAY);
        actions.addAll(LiveGmvStateTest.TODAY);
        actions.add(LiveGmvStateTest.LATE);
        try (Workspace ws = Workspace.open(dir.resolve("ws-u"))) {
            Recorder recorder = new Recorder();
            try (LiveGmvQuery query = LiveGmv.start(TestSpark.session(), ws, settings, null, recorder, OPTIONS)) {
                kafka.send("orders-u", canalOrders());
                kafka.send("actions-u", messages(actions));
                LiveGmvUpdate last = recorder.await(u -> u.actionsTotal() == actions.size()
                        && u.orderChangesTotal() == 5 && u.unattributed() == 0);
                LiveGmvStateTest.assertSame(last.tables(), expected());
            }
            Recorder again = new Recorder();
            try (LiveGmvQuery query = LiveGmv.start(TestSpark.session(), ws, settings, null, again, OPTIONS)) {
                LiveGmvUpdate resumed = again.await(u -> u.actionsTotal() == actions.size());
                assertThat(resumed.unattributed()).isZero();
                LiveGmvStateTest.assertSame(resumed.tables(), expected());
            }
        }
    }

    @ParameterizedTest(name = "state kept on disk: {0}")
    @ValueSource(booleans = {false, true})
    void aStopAReplayedBatchAndARestartCountNothingTwice(boolean keepState) throws Exception {
        String b = keepState ? "b-kept" : "b";
        kafka.createTopic("actions-" + b, 1);
        kafka.createTopic("orders-" + b, 1);
        LiveGmvSettings settings = settings(b, "actions-" + b, "orders-" + b);
        // A snapshot every 300 ms replaces the stored batches: the restart reads it, then the batches after it.
        LiveOptions options = keepState ? OPTIONS.withCompactEvery(Duration.ofMillis(300)) : OPTIONS;
        List<String> first = new ArrayList<>(LiveGmvStateTest.YESTERDAY);
        first.addAll(LiveGmvStateTest.TODAY.subList(0, 6));
        List<String> whileStopped = new ArrayList<>(LiveGmvStateTest.TODAY.subList(6, 12));
        whileStopped.add(LiveGmvStateTest.LATE);
        try (Workspace ws = Workspace.open(dir.resolve("ws-" + b))) {
            Recorder recorder = new Recorder();
            try (LiveGmvQuery query = LiveGmv.start(TestSpark.session(), ws, settings, null,
                    recorder, options)) {
                kafka.send("actions-" + b, messages(first));
                kafka.send("orders-" + b, canalOrders().subList(0, 3));
                recorder.await(u -> u.actionsTotal() == first.size() && u.orderChangesTotal() == 3);
                if (keepState) {
                    awaitSnapshotOfEveryBatch(LiveGmv.folders(ws, b));
                }
            }
            // As if the process had died after counting the last batch but before Spark committed it:
            // Spark runs that batch again on restart, and it must count nothing.
            forgetLastCommit(LiveGmv.folders(ws, b));

            kafka.send("actions-" + b, messages(whileStopped));
            kafka.send("orders-" + b, canalOrders().subList(3, 5));
            Recorder again = new Recorder();
            try (LiveGmvQuery query = LiveGmv.start(TestSpark.session(), ws, settings, null,
                    again, options)) {
                int all = first.size() + whileStopped.size();
                LiveGmvUpdate last = again.await(u -> u.actionsTotal() == all && u.orderChangesTotal() == 5);
                // The first update after the restart is the stored state, before any new batch.
                assertThat(again.updates().get(0).actionsTotal()).isEqualTo(first.size());
                LiveGmvStateTest.assertSame(last.tables(), expected());
                // Later batches never pass the totals: nothing was counted twice.
                assertThat(again.updates()).allSatisfy(u -> assertThat(u.actionsTotal()).isLessThanOrEqualTo(all));
            }
        }
    }

    @Test
    void aBrokerThatGoesAwayIsShownAndTheViewCatchesUpWhenItIsBack() throws Exception {
        kafka.createTopic("actions-c", 1);
        LiveGmvSettings settings = LiveGmvSettings.actions(settings("c", "actions-c", "unused").connection());
        List<String> before = new ArrayList<>(LiveGmvStateTest.YESTERDAY);
        List<String> after = new ArrayList<>(LiveGmvStateTest.TODAY);
        after.add(LiveGmvStateTest.LATE);
        // An outage limit of seconds, not a minute, so that OFFLINE happens in the test.
        LiveOptions options = OPTIONS.withOutageAfter(Duration.ofSeconds(6));
        Recorder recorder = new Recorder();
        try (Workspace ws = Workspace.open(dir.resolve("ws-c"));
             LiveGmvQuery query = LiveGmv.start(TestSpark.session(), ws, settings, null,
                     recorder, options)) {
            kafka.send("actions-c", messages(before));
            recorder.await(u -> u.actionsTotal() == before.size());
            int heard = recorder.statuses().size();

            kafka.stop();
            int reconnecting = recorder.awaitStatus(LiveStatus.RECONNECTING, heard);
            recorder.awaitStatus(LiveStatus.OFFLINE, reconnecting);
            assertThat(query.status()).isEqualTo(LiveStatus.OFFLINE);
            kafka.start();
            kafka.send("actions-c", messages(after));
            LiveGmvUpdate last = recorder.await(u -> u.actionsTotal() == before.size() + after.size());
            assertThat(query.status()).isEqualTo(LiveStatus.RUNNING);
            List<String> lines = new ArrayList<>(before);
            lines.addAll(after);
            // No orders topic here: the same rows without the orders, live and batch.
            LiveGmvStateTest.assertSame(last.tables(), GmvBatchReference.tables(TestSpark.session(), lines, List.of(),
                    LiveGmvStateTest.DAY, LiveGmvStateTest.NOW, true));
        }
    }

    private static List<io.shoplens.engine.analysis.ResultTable> expected() {
        List<String> lines = new ArrayList<>(LiveGmvStateTest.YESTERDAY);
        lines.addAll(LiveGmvStateTest.TODAY);
        lines.add(LiveGmvStateTest.LATE);
        lines.addAll(LiveGmvStateTest.ORDERS_AT_THE_END);
        // The workspace holds no product_info: the pay of product 21 has no known amount, live and batch.
        return GmvBatchReference.tables(TestSpark.session(), lines, List.of(), LiveGmvStateTest.DAY,
                LiveGmvStateTest.NOW, true);
    }

    /**
     * Deletes Spark's commit of the last planned batch, if it got to write one (a stop can come
     * between the batch and its commit, which is the same case), so that a restart runs it again.
     */
    private static void forgetLastCommit(LiveFolders folders) throws IOException {
        long last = lastId(folders.checkpoint().resolve("offsets"))
                .orElseThrow(() -> new AssertionError("No batch planned in " + listing(folders.root())));
        Path commits = folders.checkpoint().resolve("commits");
        Files.deleteIfExists(commits.resolve(Long.toString(last)));
        Files.deleteIfExists(commits.resolve("." + last + ".crc"));
        assertThat(lastId(commits).orElse(-1L)).isLessThan(last);
        assertThat(Files.readString(folders.root().resolve("merged-through")).strip()).isEqualTo(Long.toString(last));
    }

    /** Waits until a snapshot holds every batch counted: no stored batch folder is left. */
    private static void awaitSnapshotOfEveryBatch(LiveFolders folders) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(folders.root().resolve("snapshot.json")) && !anyBatchStored(folders)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No snapshot of every batch in " + listing(folders.root()));
    }

    private static boolean anyBatchStored(LiveFolders folders) throws IOException {
        if (!Files.isDirectory(folders.messages())) {
            return false;
        }
        try (Stream<Path> batches = Files.list(folders.messages())) {
            return batches.anyMatch(p -> StoredBatches.batchId(p) >= 0);
        }
    }

    private static java.util.OptionalLong lastId(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .mapToLong(Long::parseLong).max();
        }
    }

    private static List<String> listing(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    private static LiveGmvSettings settings(String name, String actions, String orders) {
        KafkaSettings connection = new KafkaSettings(name, kafka.bootstrapServers(), actions, "shoplens-test-" + name,
                StartingOffsets.EARLIEST, MessageFormat.AD_CLICK_LINE, SecurityProtocol.PLAINTEXT, null, null, null);
        return new LiveGmvSettings(connection, orders, OrderMessages.Format.CANAL, COLUMNS);
    }

    /** The fixture lines in turn as a CSV line, the platform's {@code _} line and a JSON object. */
    private static List<String> messages(List<String> fixtureLines) throws Exception {
        List<String> columns = List.of(LogKind.USER_VISIT_ACTION.schema().fieldNames());
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < fixtureLines.size(); i++) {
            String[] fields = fixtureLines.get(i).split("\\|", -1);
            String[] all = new String[15];
            for (int f = 0; f < 15; f++) {
                all[f] = f < fields.length ? fields[f] : "";
            }
            boolean underscoreFree = !String.join("", all).contains("_");
            if (i % 3 == 1 && underscoreFree) {
                messages.add(String.join("_", all));
            } else if (i % 3 == 2) {
                Map<String, Object> json = new LinkedHashMap<>();
                for (int f = 0; f < 15; f++) {
                    json.put(columns.get(f), all[f].isEmpty() ? null : all[f]);
                }
                messages.add(JSON.writeValueAsString(json));
            } else {
                messages.add(String.join(",", all));
            }
        }
        return messages;
    }

    /** o1 and o2 (20) inserted, o3 inserted; then o2 updated to 25 and o3 deleted. */
    private static List<String> canalOrders() {
        return List.of(
                canal("INSERT", "o1", "s4", "4", "2026-12-02 10:08:00", "12.34"),
                canal("INSERT", "o2", "s6", "6", "2026-12-02 10:21:00", "20"),
                canal("INSERT", "o3", "s6", "6", "2026-12-02 10:21:00", "99"),
                canal("UPDATE", "o2", "s6", "6", "2026-12-02 10:21:00", "25"),
                canal("DELETE", "o3", "s6", "6", "2026-12-02 10:21:00", "99"));
    }

    static String canal(String type, String id, String session, String user, String time, String total) {
        return "{\"data\":[{\"id\":\"" + id + "\",\"sid\":\"" + session + "\",\"uid\":\"" + user + "\",\"paid_at\":\""
                + time + "\",\"total\":\"" + total + "\",\"items\":\"31\"}],\"database\":\"shop\",\"table\":\"orders\","
                + "\"type\":\"" + type + "\",\"isDdl\":false,\"es\":1764669600000}";
    }


    /** Keeps what the view said, and lets the test wait (polling, generous timeouts) for it. */
    static class Recorder implements LiveGmvListener {

        private final List<LiveGmvUpdate> updates = new ArrayList<>();
        private final List<String> statuses = new ArrayList<>();

        @Override
        public synchronized void onUpdate(LiveGmvUpdate update) {
            updates.add(update);
            notifyAll();
        }

        @Override
        public synchronized void onStatus(LiveStatus status, String detail) {
            statuses.add(status + ": " + detail);
            notifyAll();
        }

        synchronized List<LiveGmvUpdate> updates() {
            return List.copyOf(updates);
        }

        synchronized List<String> statuses() {
            return List.copyOf(statuses);
        }

        /** Waits until {@code status} is heard at or after position {@code from} of the statuses. */
        synchronized int awaitStatus(LiveStatus status, int from) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                for (int i = from; i < statuses.size(); i++) {
                    if (statuses.get(i).startsWith(status + ": ")) {
                        return i;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No status " + status + " within " + WAIT + "; heard " + statuses);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        synchronized LiveGmvUpdate await(Predicate<LiveGmvUpdate> condition) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                for (LiveGmvUpdate u : updates) {
                    if (condition.test(u)) {
                        return u;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LiveGmvUpdate u = updates.isEmpty() ? null : updates.get(updates.size() - 1);
                    throw new AssertionError("No live GMV update as expected within " + WAIT + "; last: "
                            + (u == null ? "none" : "batch " + u.batchId() + " actions " + u.actionsTotal()
                            + " orders " + u.orderChangesTotal() + " malformed " + u.malformedTotal()
                            + " samples " + u.malformedSamples()) + "; statuses: " + statuses);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
