package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

/**
 * Compaction of stored batches into daily files: every row stays readable exactly once, and a
 * restart after a crash between any two steps of a run finds the files right.
 */
class CompactionTest {

    private static final AdParams PARAMS = new AdParams(3, ZoneOffset.UTC);
    private static final LocalDate JULY_18 = LocalDate.of(2019, 7, 18);

    @TempDir
    Path dir;

    /**
     * Batches 0-3: 3 clicks of 07-17 (UTC), 6 of 07-18, 3 malformed messages; 12 rows. Read back as
     * "batch:rows" per batch and as tables, before anything was compacted.
     */
    private StoredBatches storeFourBatches() {
        StoredBatches stored = new StoredBatches(new LiveFolders(dir.resolve("live")));
        try (LiveAdState state = StoredBatchesTest.openState(stored.folders(), PARAMS)) {
            StoredBatchesTest.store(stored, state, 0, List.of(
                    LiveAdStateTest.click("2019-07-17T22:00:00Z", "北京", "海淀", 1L, 5L),
                    LiveAdStateTest.click("2019-07-17T23:00:00Z", "北京", "海淀", 1L, 5L)),
                    List.of(new LiveAdState.Malformed(0, 2, "empty message", "")));
            StoredBatchesTest.store(stored, state, 1, List.of(
                    LiveAdStateTest.click("2019-07-18T01:00:00Z", "北京", "海淀", 2L, 5L),
                    LiveAdStateTest.click("2019-07-18T01:01:00Z", "上海", "上海", 3L, 6L)),
                    List.of());
            StoredBatchesTest.store(stored, state, 2, List.of(
                    LiveAdStateTest.click("2019-07-18T01:02:00Z", "北京", "海淀", 1L, 5L),
                    LiveAdStateTest.click("2019-07-17T23:59:00Z", "北京", "海淀", 1L, 5L)),  // late: third of 07-17
                    List.of(new LiveAdState.Malformed(1, 7, "empty message", "")));
            StoredBatchesTest.store(stored, state, 3, List.of(
                    LiveAdStateTest.click("2019-07-18T01:03:00Z", "上海", "上海", 4L, 6L),
                    LiveAdStateTest.click("2019-07-18T01:04:00Z", "上海", "上海", 4L, 8L)),
                    List.of(new LiveAdState.Malformed(0, 9, "empty message", "")));
        }
        return stored;
    }

    private static List<String> rowsPerBatch(StoredBatches stored, long through) {
        return stored.read(TestSpark.session(), through, null, rows -> rows.groupBy("batch_id").count()
                .orderBy("batch_id").collectAsList().stream().map(r -> r.getLong(0) + ":" + r.getLong(1)).toList());
    }

    private static final List<String> ALL_ROWS = List.of("0:3", "1:2", "2:3", "3:3");

    @Test
    void batchesBecomeOneFilePerUtcDayAndOneForMalformedMessagesAndEveryRowIsReadOnce() throws IOException {
        StoredBatches stored = storeFourBatches();
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);

        new Compaction(stored).compactBatches(2);

        CompactedFiles compacted = stored.compacted();
        assertThat(compacted.through()).isEqualTo(2);
        assertThat(compacted.parts()).extracting(p -> p.file() + " " + p.rows()).containsExactlyInAnyOrder(
                "date=2019-07-17/part-0-2.parquet 3",
                "date=2019-07-18/part-0-2.parquet 3",
                "malformed/part-0-2.parquet 2");
        assertThat(batchIds(stored)).containsExactly(3L);
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);
        assertThat(rowsPerBatch(stored, 1)).containsExactly("0:3", "1:2");
        // Only the days asked for (and the batches not compacted yet), no malformed message.
        long july18 = stored.read(TestSpark.session(), 3, Set.of(JULY_18), rows -> rows.count());
        assertThat(july18).isEqualTo(3 + 3);
    }

    @Test
    void aCrashAfterWritingTheFilesButBeforeTheSwitchLosesNothingAndCountsNothingTwice() throws IOException {
        StoredBatches stored = storeFourBatches();
        Compaction compaction = new Compaction(stored);
        compaction.writeBatches(stored.batchFolders().subList(0, 3), 0, 2);
        assertThat(dayFiles(stored)).hasSize(3);

        // Not switched: readers and a restart go by compacted.json, which does not list the new files.
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);
        new StoredBatches(stored.folders()).recover();
        assertThat(dayFiles(stored)).isEmpty();
        assertThat(batchIds(stored)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);

        // The next run compacts the same batches anew.
        compaction.compactBatches(3);
        assertThat(batchIds(stored)).isEmpty();
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);
    }

    @Test
    void aCrashAfterTheSwitchButBeforeTheBatchesAreDeletedCountsNothingTwice() throws IOException {
        StoredBatches stored = storeFourBatches();
        Compaction compaction = new Compaction(stored);
        List<CompactedFiles.Part> parts = compaction.writeBatches(stored.batchFolders().subList(0, 3), 0, 2);
        compaction.switchTo(stored.compacted().adding(parts, 2));

        // Batches 0-2 are both in their folders and in the daily files: read once.
        assertThat(batchIds(stored)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);
        new StoredBatches(stored.folders()).recover();
        assertThat(batchIds(stored)).containsExactly(3L);
        assertThat(dayFiles(stored)).hasSize(3);
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);
    }

    @Test
    void aDayThatIsOverIsMergedIntoOneFileAndACrashMidMergeIsRecognised() throws IOException {
        StoredBatches stored = storeFourBatches();
        Compaction compaction = new Compaction(stored);
        compaction.compactBatches(1);
        compaction.compactBatches(3);
        assertThat(stored.compacted().parts()).extracting(CompactedFiles.Part::file).containsExactlyInAnyOrder(
                "date=2019-07-17/part-0-1.parquet", "date=2019-07-18/part-0-1.parquet", "malformed/part-0-1.parquet",
                "date=2019-07-17/part-2-3.parquet", "date=2019-07-18/part-2-3.parquet", "malformed/part-2-3.parquet");

        // 07-18 is the latest click's UTC day and 07-17 the day before: late clicks may still come.
        assertThat(compaction.mergeBuckets(JULY_18)).isEmpty();

        // A crash after writing the merged file of 07-17, before the switch.
        List<CompactedFiles.Part> july17 = stored.compacted().parts().stream()
                .filter(p -> p.bucket().equals("date=2019-07-17")).toList();
        compaction.writeMerged("date=2019-07-17", july17);
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);
        new StoredBatches(stored.folders()).recover();
        assertThat(dayFiles(stored)).hasSize(6);

        // A crash after the switch, before the merged files are deleted.
        CompactedFiles.Part merged = compaction.writeMerged("date=2019-07-17", july17);
        compaction.switchTo(stored.compacted().replacing(july17, merged));
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);
        new StoredBatches(stored.folders()).recover();
        assertThat(dayFiles(stored)).hasSize(5);
        assertThat(merged.file()).isEqualTo("date=2019-07-17/part-0-3.parquet");
        assertThat(merged.rows()).isEqualTo(3);

        // A whole run when 07-20 is the open day: 07-18 is over too.
        assertThat(compaction.mergeBuckets(LocalDate.of(2019, 7, 20))).extracting(CompactedFiles.Part::file)
                .containsExactly("date=2019-07-18/part-0-3.parquet");
        assertThat(dayFiles(stored)).hasSize(4);
        assertThat(rowsPerBatch(stored, 3)).isEqualTo(ALL_ROWS);
    }

    @Test
    void theCountsAndAPastDayAreTheSameFromCompactedFiles() {
        StoredBatches stored = storeFourBatches();
        List<ResultTable> before;
        LiveDay july17Before;
        try (LiveAdState state = StoredBatchesTest.openState(stored.folders(), PARAMS)) {
            before = state.tables();
            july17Before = LiveHistory.tables(TestSpark.session(), stored, PARAMS, state.since(), 3,
                    LocalDate.of(2019, 7, 17));
        }
        new Compaction(stored).run(3, LocalDate.of(2019, 7, 20));
        LiveStateStore.delete(stored.folders().state());

        try (LiveAdState rebuilt = LiveStateRecovery.resume(TestSpark.session(), stored, PARAMS, null)) {
            assertThat(rebuilt.tables()).isEqualTo(before);
            assertThat(LiveHistory.tables(TestSpark.session(), stored, PARAMS, rebuilt.since(), 3,
                    LocalDate.of(2019, 7, 17))).isEqualTo(july17Before);
        }
        // User 1's third click on ad 5 dated 07-17 came late: blacklisted that day.
        assertThat(Tables.lines(july17Before.table("blacklist")))
                .containsExactly("1|2019-07-17|5|3");
        assertThat(july17Before.table("daily_clicks").rows()).isEmpty();
    }

    private static List<Long> batchIds(StoredBatches stored) {
        return stored.batchFolders().stream().map(StoredBatches::batchId).toList();
    }

    private static List<Path> dayFiles(StoredBatches stored) throws IOException {
        if (!Files.isDirectory(stored.folders().days())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(stored.folders().days())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
