package io.shoplens.engine.live;

import static io.shoplens.engine.live.LiveGmvUserOnlyOrdersTest.actions;
import static io.shoplens.engine.live.LiveGmvUserOnlyOrdersTest.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.testing.TestSpark;

/**
 * The live GMV state kept on disk in place of its batches: restored, it gives the same tables and
 * counters and goes on the same as the state it was taken of; a restart from a snapshot and the
 * batches after it equals one from all the batches; a snapshot stopped half-way is undone.
 */
class GmvSnapshotsTest {

    private static final Map<Long, Double> PRICES = Map.of(21L, 30.5, 31L, 7.0);

    @TempDir
    Path dir;

    @Test
    void aRestoredStateHasTheSameTablesAndCountersAndGoesOnTheSame() {
        SparkSession spark = TestSpark.session();
        LiveGmvState state = new LiveGmvState(LiveGmvParams.defaults());
        LiveGmvUserOnlyOrdersTest.mergeTheScenario(spark, state);
        state.merge(5, List.of(), List.of(), List.of(new LiveGmvState.Malformed(GmvAction.FROM_ORDERS, "orders", 0, 9,
                "not a change event", "{}")));
        GmvSnapshots snapshots = new GmvSnapshots(new LiveFolders(dir));

        snapshots.write(state.snapshot());
        LiveGmvState restored = LiveGmvState.restore(LiveGmvParams.defaults(), snapshots.read().orElseThrow());

        assertSameState(restored, state);
        assertThat(restored.mergedThrough()).isEqualTo(5);
        assertThat(restored.unattributedOrders()).isEqualTo(2);
        assertThat(restored.malformedOrdersRead()).isEqualTo(1);
        // o6's user gets a session at last: both states place the order the same.
        List<GmvAction> more = actions(spark, List.of("2026-12-02|99|s99|1|2026-12-02 10:05:00||||||||1|search|"), 400,
                PRICES);
        state.merge(6, more, List.of(), List.of());
        restored.merge(6, more, List.of(), List.of());
        assertSameState(restored, state);
        assertThat(restored.unattributedOrders()).isEqualTo(1);
    }

    @Test
    void aStateAfterTheDayTurnedKeepsItsLateCountAndWhatItLetGo() {
        SparkSession spark = TestSpark.session();
        LiveGmvState state = new LiveGmvState(LiveGmvParams.defaults());
        state.merge(0, actions(spark, LiveGmvStateTest.YESTERDAY, 0, PRICES), List.of(), List.of());
        state.merge(1, actions(spark, LiveGmvStateTest.TODAY, 100, PRICES), List.of(
                order("o1", "2026-12-02|4|s4||2026-12-02 10:08:00|||||||31|||12.34", 0, PRICES)), List.of());
        // Two days on: everything before 12-03 is let go, and a 12-01 action read now is late.
        state.merge(2, actions(spark, List.of(
                "2026-12-04|9|s9|1|2026-12-04 08:00:00||||||||1|search|",
                "2026-12-03|8|s8b|1|2026-12-03 23:00:00||||||||1|direct|"), 200, PRICES), List.of(), List.of());
        state.merge(3, actions(spark, List.of("2026-12-01|1|s1|3|2026-12-01 09:05:00||||||||1|display_ad|"), 300,
                PRICES), List.of(), List.of());
        assertThat(state.lateRead()).isEqualTo(1);
        GmvSnapshot snapshot = state.snapshot();
        // Only the two sessions of the open day and the day before are kept.
        assertThat(snapshot.actions()).extracting(GmvAction::sessionId).containsExactlyInAnyOrder("s9", "s8b");
        assertThat(snapshot.orders()).isEmpty();
        GmvSnapshots snapshots = new GmvSnapshots(new LiveFolders(dir));

        snapshots.write(snapshot);
        LiveGmvState restored = LiveGmvState.restore(LiveGmvParams.defaults(), snapshots.read().orElseThrow());

        assertSameState(restored, state);
        assertThat(restored.lateRead()).isEqualTo(1);
        assertThat(restored.actionsRead()).isEqualTo(LiveGmvStateTest.YESTERDAY.size() + LiveGmvStateTest.TODAY.size() + 3);
        assertThat(restored.holdsDayBefore()).isTrue();
    }

    @Test
    void aRestartFromTheSnapshotAndTheBatchesAfterItEqualsOneFromAllTheBatches() throws IOException {
        SparkSession spark = TestSpark.session();
        LiveFolders folders = new LiveFolders(dir.resolve("view"));
        StoredBatches stored = new StoredBatches(folders, LiveGmvMessages.SCHEMA);
        GmvSnapshots snapshots = new GmvSnapshots(folders);
        List<List<Object[]>> batches = List.of(
                rows(spark, LiveGmvStateTest.YESTERDAY, 0),
                rows(spark, LiveGmvStateTest.TODAY.subList(0, 6), 100),
                rows(spark, LiveGmvStateTest.TODAY.subList(6, 12), 200),
                rows(spark, List.of(LiveGmvStateTest.LATE), 300));
        LiveGmvState running = new LiveGmvState(LiveGmvParams.defaults());
        for (int id = 0; id < batches.size(); id++) {
            stored.write(id, batches.get(id));
            stored.markMerged(id);
            LiveGmvMessages.Inputs inputs = LiveGmvMessages.inputs(batches.get(id), PRICES);
            running.merge(id, inputs.actions(), inputs.orders(), inputs.malformed());
            if (id == 1) {
                snapshots.write(running.snapshot());
            }
        }

        // The batches the snapshot holds are gone from disk; the later ones stay.
        assertThat(batchIds(folders)).containsExactly(2L, 3L);
        LiveGmvState resumed = LiveGmvBatch.resume(stored, snapshots, LiveGmvParams.defaults(), PRICES);
        assertSameState(resumed, running);
        assertThat(resumed.mergedThrough()).isEqualTo(3);
    }

    @Test
    void aSnapshotStoppedHalfWayIsUndoneAndOneSwitchedToIsFinished() throws IOException {
        SparkSession spark = TestSpark.session();
        LiveFolders folders = new LiveFolders(dir.resolve("view"));
        StoredBatches stored = new StoredBatches(folders, LiveGmvMessages.SCHEMA);
        GmvSnapshots snapshots = new GmvSnapshots(folders);
        LiveGmvState running = new LiveGmvState(LiveGmvParams.defaults());
        List<Object[]> rows = rows(spark, LiveGmvStateTest.TODAY, 0);
        stored.write(0, rows);
        stored.markMerged(0);
        LiveGmvMessages.Inputs inputs = LiveGmvMessages.inputs(rows, PRICES);
        running.merge(0, inputs.actions(), inputs.orders(), inputs.malformed());

        // Stopped after writing, before the switch: a temporary folder and an unnamed snapshot.
        Files.createDirectories(dir.resolve("view/snapshots/.through=0.tmp"));
        Files.createDirectories(dir.resolve("view/snapshots/through=0"));
        LiveGmvState resumed = LiveGmvBatch.resume(stored, snapshots, LiveGmvParams.defaults(), PRICES);
        assertSameState(resumed, running);
        try (Stream<Path> left = Files.list(dir.resolve("view/snapshots"))) {
            assertThat(left).isEmpty();
        }

        // Stopped after the switch, before the batches went: they go on restart, and count once.
        snapshots.write(running.snapshot());
        stored.write(0, rows);
        assertThat(batchIds(folders)).containsExactly(0L);
        resumed = LiveGmvBatch.resume(stored, snapshots, LiveGmvParams.defaults(), PRICES);
        assertSameState(resumed, running);
        assertThat(batchIds(folders)).isEmpty();
        assertThat(resumed.actionsRead()).isEqualTo(LiveGmvStateTest.TODAY.size());
    }

    private static void assertSameState(LiveGmvState actual, LiveGmvState expected) {
        LiveGmvStateTest.assertSame(LiveGmvTables.of(actual), LiveGmvTables.of(expected));
        assertThat(actual.snapshot().counters()).isEqualTo(expected.snapshot().counters());
        assertThat(actual.day()).isEqualTo(expected.day());
        assertThat(actual.latest()).isEqualTo(expected.latest());
        assertThat(actual.samples()).isEqualTo(expected.samples());
        assertThat(actual.unattributedOrders()).isEqualTo(expected.unattributedOrders());
    }

    /** Stored rows of the actions topic, partition 0, from {@code firstOffset}. */
    private static List<Object[]> rows(SparkSession spark, List<String> lines, long firstOffset) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> values = LiveGmvStateTest.values(spark, lines);
        for (int i = 0; i < values.size(); i++) {
            Object[] row = new Object[LiveGmvMessages.SCHEMA.size()];
            System.arraycopy(values.get(i), 0, row, 0, values.get(i).length);
            row[LiveGmvMessages.SOURCE] = GmvAction.FROM_ACTIONS;
            row[LiveGmvMessages.TOPIC] = "actions";
            row[LiveGmvMessages.PARTITION] = 0;
            row[LiveGmvMessages.OFFSET] = firstOffset + i;
            rows.add(row);
        }
        return rows;
    }

    private static List<Long> batchIds(LiveFolders folders) throws IOException {
        if (!Files.isDirectory(folders.messages())) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(folders.messages())) {
            return all.map(StoredBatches::batchId).filter(id -> id >= 0).sorted().toList();
        }
    }
}
