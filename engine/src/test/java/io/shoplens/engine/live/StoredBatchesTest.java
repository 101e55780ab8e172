package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.LiveAdState.PastClicks;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

/** Stored batches as the live view's durable truth: what a restart keeps, catches up, rebuilds and drops. */
class StoredBatchesTest {

    private static final AdParams PARAMS = new AdParams(3, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aRestartWithoutTheStateRebuildsItFromTheStoredBatchesAndDropsTheBatchAfterTheMarker() {
        LiveFolders folders = new LiveFolders(dir.resolve("live"));
        StoredBatches stored = new StoredBatches(folders);
        assertThat(stored.mergedThrough()).isEqualTo(-1);
        List<ResultTable> tables;
        Long latest;
        try (LiveAdState state = openState(folders, PARAMS)) {
            storeTwoBatches(stored, state);
            tables = state.tables();
            latest = state.latest();
        }
        // Batch 2 was stored but the process died before its marker: it does not count.
        stored.write(2, List.<Object[]>of(row(LiveAdStateTest.click("2019-07-18T09:40:00Z", "北京", "海淀", 9L, 9L), 0, 20)));
        // The counts are gone (an older workspace had none): the stored clicks are enough.
        LiveStateStore.delete(folders.state());

        assertThat(stored.mergedThrough()).isEqualTo(1);
        try (LiveAdState rebuilt = LiveStateRecovery.resume(TestSpark.session(), stored, PARAMS, null)) {
            assertThat(Files.exists(folders.batch(2))).isFalse();
            assertThat(Files.exists(folders.batch(1))).isTrue();
            assertThat(rebuilt.mergedThrough()).isEqualTo(1);
            assertThat(rebuilt.clicks()).isEqualTo(6);
            assertThat(rebuilt.malformed()).isEqualTo(3);
            assertThat(rebuilt.samples()).containsExactly(
                    "partition 0 offset 9: empty message: ",
                    "partition 0 offset 3: empty message: ",
                    "partition 1 offset 4: user_id is not a whole number: 1 北京 北京 x 5");
            assertThat(rebuilt.latest()).isEqualTo(latest);
            assertThat(rebuilt.tables()).isEqualTo(tables);
            assertThat(Tables.lines(rebuilt.tables().get(3))).containsExactly(
                    "2019-07-18 09:10|6|1",
                    "2019-07-18 09:30|7|1");
            // The replay of batch 1 is not merged again.
            assertThat(rebuilt.merge(1, List.of(LiveAdStateTest.click("2019-07-18T09:30:00Z", "上海", "浦东", 2L, 7L)),
                    List.of())).isFalse();
            // The counts behind the tables were rebuilt too: user 2's third click on ad 7 blacklists them.
            rebuilt.merge(2, List.of(LiveAdStateTest.click("2019-07-18T09:31:00Z", "上海", "浦东", 2L, 7L)),
                    List.of());
            assertThat(Tables.lines(rebuilt.tables().get(0))).containsExactly(
                    "1|2019-07-18|5|3",
                    "2|2019-07-18|7|3");
            assertThat(Tables.lines(rebuilt.tables().get(1))).containsExactly("2019-07-18|北京|朝阳|6|1");
        }
    }

    @Test
    void aStateAtTheMarkerIsKeptAndOneBehindItCatchesUpFromTheStoredBatch() {
        LiveFolders folders = new LiveFolders(dir.resolve("live"));
        StoredBatches stored = new StoredBatches(folders);
        LiveAdState state = openState(folders, PARAMS);
        store(stored, state, 0, List.of(LiveAdStateTest.click("2019-07-18T08:00:00Z", "北京", "海淀", 1L, 5L)),
                List.of());
        assertThat(LiveStateRecovery.resume(TestSpark.session(), stored, PARAMS, state)).isSameAs(state);

        // Stored and marked, but the merge never happened (the process failed in between).
        List<LiveAdState.Click> lost = List.of(LiveAdStateTest.click("2019-07-18T08:01:00Z", "北京", "海淀", 1L, 5L));
        stored.write(1, List.<Object[]>of(row(lost.get(0), 0, 1)));
        stored.markMerged(1);
        // And an empty batch 2 (no folder) was marked too.
        stored.markMerged(2);
        try (LiveAdState caughtUp = LiveStateRecovery.resume(TestSpark.session(), stored, PARAMS, state)) {
            assertThat(caughtUp).isNotSameAs(state);
            assertThat(caughtUp.mergedThrough()).isEqualTo(2);
            assertThat(caughtUp.clicks()).isEqualTo(2);
            assertThat(Tables.lines(caughtUp.tables().get(1))).containsExactly("2019-07-18|北京|海淀|5|2");
        }
    }

    @Test
    void countsMadeWithAnotherThresholdOrZoneAreRebuilt() {
        LiveFolders folders = new LiveFolders(dir.resolve("live"));
        StoredBatches stored = new StoredBatches(folders);
        try (LiveAdState state = openState(folders, PARAMS)) {
            storeTwoBatches(stored, state);
        }
        AdParams stricter = new AdParams(2, ZoneOffset.ofHours(8));
        try (LiveAdState rebuilt = LiveStateRecovery.resume(TestSpark.session(), stored, stricter, null)) {
            assertThat(rebuilt.params()).isEqualTo(stricter);
            // Two clicks blacklist now: users 1 (ad 5) and 2 (ad 7), dates in UTC+8.
            assertThat(Tables.lines(rebuilt.tables().get(0))).containsExactly(
                    "1|2019-07-18|5|3",
                    "2|2019-07-18|7|2");
            assertThat(Tables.lines(rebuilt.tables().get(1))).containsExactly("2019-07-18|北京|朝阳|6|1");
        }
    }

    @Test
    void batchesSparkStoredBeforeTheMarkerExistedCountUpToTheLastCompleteOne() throws Exception {
        LiveFolders folders = new LiveFolders(dir.resolve("live"));
        SparkSession spark = TestSpark.session();
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(row(LiveAdStateTest.click("2019-07-18T08:00:00Z", "北京", "海淀", 1L, 5L), 0, 0)));
        rows.add(RowFactory.create(row(LiveAdStateTest.click("2019-07-18T08:00:01Z", "北京", "海淀", 2L, 5L), 0, 1)));
        // As the earlier live view stored a batch: Spark's writer, with its _SUCCESS file.
        spark.createDataFrame(rows, LiveMessages.SCHEMA).write().parquet(folders.batch(0).toString());
        // A batch that Spark had not finished writing: no _SUCCESS.
        Files.createDirectories(folders.batch(1));

        try (LiveAdState rebuilt = LiveStateRecovery.resume(spark, new StoredBatches(folders), PARAMS, null)) {
            assertThat(rebuilt.mergedThrough()).isZero();
            assertThat(rebuilt.clicks()).isEqualTo(2);
            assertThat(Tables.lines(rebuilt.tables().get(1))).containsExactly("2019-07-18|北京|海淀|5|2");
            assertThat(Files.exists(folders.batch(1))).isFalse();
        }
    }

    /** Six clicks and three malformed messages in batches 0 and 1 (UTC, threshold 3: user 1 blacklisted). */
    static void storeTwoBatches(StoredBatches stored, LiveAdState state) {
        store(stored, state, 0, List.of(
                LiveAdStateTest.click("2019-07-18T08:00:00Z", "北京", "海淀", 1L, 5L),  // out of the last hour
                LiveAdStateTest.click("2019-07-18T09:00:00Z", "北京", "海淀", 1L, 5L),
                LiveAdStateTest.click("2019-07-18T09:10:00Z", "北京", "朝阳", null, 6L)),
                List.of(new LiveAdState.Malformed(0, 3, "empty message", ""),
                        new LiveAdState.Malformed(1, 4, "user_id is not a whole number", "1 北京 北京 x 5")));
        store(stored, state, 1, List.of(
                LiveAdStateTest.click("2019-07-18T09:20:00Z", "北京", "海淀", 1L, 5L),   // third: blacklisted
                LiveAdStateTest.click("2019-07-18T09:30:00Z", "上海", "浦东", 2L, 7L),
                LiveAdStateTest.click("2019-07-18T08:29:59Z", "上海", "浦东", 2L, 7L)),  // late: before the hour
                List.of(new LiveAdState.Malformed(0, 9, "empty message", "")));
    }

    static LiveAdState openState(LiveFolders folders, AdParams params) {
        return LiveAdState.open(LiveStateStore.open(folders.state()), params, PastClicks.NONE);
    }

    static void store(StoredBatches stored, LiveAdState state, long batchId, List<LiveAdState.Click> clicks,
                      List<LiveAdState.Malformed> malformed) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < clicks.size(); i++) {
            rows.add(row(clicks.get(i), i % 2, 100 * batchId + i));
        }
        for (LiveAdState.Malformed m : malformed) {
            rows.add(new Object[] {null, null, null, null, null, m.reason(), m.message(), m.partition(), m.offset()});
        }
        stored.write(batchId, rows);
        stored.markMerged(batchId);
        assertThat(state.merge(batchId, clicks, malformed)).isTrue();
    }

    /** A click as it is stored ({@link LiveMessages#SCHEMA}). */
    static Object[] row(LiveAdState.Click c, int partition, long offset) {
        return new Object[] {c.timestamp(), c.province(), c.city(), c.userId(), c.adId(), null, null, partition, offset};
    }
}
