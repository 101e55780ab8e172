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
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

/** Stored batches as the live view's durable truth: what a restart rebuilds, and what it drops. */
class StoredBatchesTest {

    private static final AdParams PARAMS = new AdParams(3, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aRestartRebuildsTheMergedStateAndDropsTheBatchAfterTheMarker() {
        LiveFolders folders = new LiveFolders(dir.resolve("live"));
        StoredBatches stored = new StoredBatches(folders);
        LiveAdState state = new LiveAdState(PARAMS);
        assertThat(stored.mergedThrough()).isEqualTo(-1);

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
        // Batch 2 was stored but the process died before its marker: it does not count.
        stored.write(2, List.<Object[]>of(row(LiveAdStateTest.click("2019-07-18T09:40:00Z", "北京", "海淀", 9L, 9L), 0, 20)));

        assertThat(stored.mergedThrough()).isEqualTo(1);
        LiveAdState rebuilt = stored.resume(TestSpark.session(), PARAMS, null);

        assertThat(Files.exists(folders.batch(2))).isFalse();
        assertThat(Files.exists(folders.batch(1))).isTrue();
        assertThat(rebuilt.mergedThrough()).isEqualTo(1);
        assertThat(rebuilt.clicks()).isEqualTo(6);
        assertThat(rebuilt.malformed()).isEqualTo(3);
        assertThat(rebuilt.samples()).containsExactly(
                "partition 0 offset 9: empty message: ",
                "partition 0 offset 3: empty message: ",
                "partition 1 offset 4: user_id is not a whole number: 1 北京 北京 x 5");
        assertThat(rebuilt.latest()).isEqualTo(state.latest());
        assertThat(rebuilt.tables()).isEqualTo(state.tables());
        assertThat(Tables.lines(rebuilt.tables().get(3))).containsExactly(
                "2019-07-18 09:10|6|1",
                "2019-07-18 09:30|7|1");
        // The replay of batch 1 is not merged again; batch 2 comes anew.
        assertThat(rebuilt.merge(1, List.of(LiveAdStateTest.click("2019-07-18T09:30:00Z", "上海", "浦东", 2L, 7L)),
                List.of())).isFalse();
    }

    @Test
    void aStateAtTheMarkerIsKeptAndOneBehindItIsRebuilt() {
        LiveFolders folders = new LiveFolders(dir.resolve("live"));
        StoredBatches stored = new StoredBatches(folders);
        LiveAdState state = new LiveAdState(PARAMS);
        store(stored, state, 0, List.of(LiveAdStateTest.click("2019-07-18T08:00:00Z", "北京", "海淀", 1L, 5L)),
                List.of());
        assertThat(stored.resume(TestSpark.session(), PARAMS, state)).isSameAs(state);

        // Stored and marked, but the merge never happened (the process failed in between).
        List<LiveAdState.Click> lost = List.of(LiveAdStateTest.click("2019-07-18T08:01:00Z", "北京", "海淀", 1L, 5L));
        stored.write(1, List.<Object[]>of(row(lost.get(0), 0, 1)));
        stored.markMerged(1);
        LiveAdState rebuilt = stored.resume(TestSpark.session(), PARAMS, state);

        assertThat(rebuilt).isNotSameAs(state);
        assertThat(rebuilt.mergedThrough()).isEqualTo(1);
        assertThat(rebuilt.clicks()).isEqualTo(2);
        assertThat(Tables.lines(rebuilt.tables().get(1)))
                .containsExactly("2019-07-18|北京|海淀|5|2");
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

        LiveAdState rebuilt = new StoredBatches(folders).resume(spark, PARAMS, null);

        assertThat(rebuilt.mergedThrough()).isZero();
        assertThat(rebuilt.clicks()).isEqualTo(2);
        assertThat(Tables.lines(rebuilt.tables().get(1))).containsExactly("2019-07-18|北京|海淀|5|2");
        assertThat(Files.exists(folders.batch(1))).isFalse();
    }

    private static void store(StoredBatches stored, LiveAdState state, long batchId, List<LiveAdState.Click> clicks,
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
    private static Object[] row(LiveAdState.Click c, int partition, long offset) {
        return new Object[] {c.timestamp(), c.province(), c.city(), c.userId(), c.adId(), null, null, partition, offset};
    }
}
