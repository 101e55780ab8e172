package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.AdClickRules;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.generate.AdClickStream;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

/**
 * The live state's plain-Java tables against {@link AdClickAnalysis#run} on the same clicks: same
 * columns, same rows, same value types, same order, whatever batches the clicks came in. The open
 * day's tables are the batch tables' rows of that day; each past day ({@link LiveHistory}) is the
 * batch analysis of the clicks dated that day or earlier, its rows of that day.
 */
class LiveTablesMatchBatchTest {

    private static final List<String> TABLES = List.of(AdClickAnalysis.BLACKLIST, AdClickAnalysis.DAILY_CLICKS,
            AdClickAnalysis.TOP_ADS, AdClickAnalysis.MINUTE_TREND);

    @TempDir
    Path dir;

    @Test
    void everyRuleOnHandMadeClicksInSeveralBatches() {
        List<String> first = List.of(
                line("2019-07-17T01:00:00Z", "北京", "北京", "1", "5"),     // before user 1's blacklist: kept
                line("2019-07-18T02:00:00Z", "北京", "海淀", "1", "5"),
                line("2019-07-18T02:00:01Z", "北京", "海淀", "1", "5"),
                line("2019-07-18T02:00:02Z", "北京", "海淀", "1", "5"),     // third: blacklisted from 07-18
                line("2019-07-18T03:00:00Z", "北京", "海淀", "1", "7"),     // same date, other ad: excluded
                line("2019-07-18T03:05:00Z", "北京", "海淀", "", "5"),      // no user: never blacklisted
                line("2019-07-18T03:05:01Z", "北京", "海淀", "", "5"),
                line("2019-07-18T03:05:02Z", "北京", "海淀", "", "5"),
                line("2019-07-18T03:05:03Z", "北京", "朝阳", "", "5"));
        List<String> second = List.of(
                line("2019-07-19T09:00:00Z", "上海", "上海", "1", "7"),     // later date: excluded
                line("2019-07-16T09:00:00Z", "上海", "上海", "1", "8"),     // late, before the blacklist: kept
                line("2019-07-17T15:59:00Z", "上海", "上海", "2", "1"),     // Shanghai 07-17 23:59
                line("2019-07-17T16:30:00Z", "上海", "上海", "2", "1"),     // Shanghai 07-18 00:30
                line("2019-07-19T08:29:00Z", "\uFF21", "\uFF21", "3", "6"),  // fullwidth A ...
                line("2019-07-19T08:30:00Z", "\uD840\uDC00", "x", "3", "6"), // ... sorts before U+20000
                line("2019-07-19T08:30:59Z", "上海", "浦东", "4", "8"),
                line("2019-07-19T08:31:00Z", "上海", "浦东", "4", "9"));
        List<String> third = List.of(
                line("2019-07-19T09:00:00Z", "上海", "浦东", "5", "2"),
                line("2019-07-19T09:00:00Z", "上海", "浦东", "5", "8"),
                line("2019-07-19T09:00:00Z", "上海", "上海", "6", "9"),     // 上海 07-19: ads 3, 8, 9 tie at 2
                line("2019-07-19T09:10:00Z", "上海", "浦东", "7", "3"),
                line("2019-07-19T09:29:00Z", "上海", "浦东", "8", "3"),
                line("2019-07-19T09:30:00Z", "上海", "浦东", "1", "3"),     // latest, by an excluded user
                // Three clicks of 07-16 (no longer in the store) blacklist user 9 from 07-16: their
                // 07-19 click leaves the open day.
                line("2019-07-19T09:20:00Z", "上海", "上海", "9", "4"),
                line("2019-07-16T02:00:00Z", "上海", "上海", "9", "4"));
        List<String> fourth = List.of(
                line("2019-07-16T02:00:01Z", "上海", "上海", "9", "4"),
                line("2019-07-16T02:00:02Z", "上海", "上海", "9", "4"));
        AdParams params = new AdParams(3, ZoneId.of("Asia/Shanghai"));

        assertSameTables(List.of(first, second, third, fourth), params);
    }

    @Test
    void generatedClicksArrivingOutOfOrder() {
        AdClickStream stream = new AdClickStream(7);
        long start = Instant.parse("2019-10-26T20:00:00Z").toEpochMilli();
        List<String> clicks = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            Object[] c = stream.next();
            // Few users, so some click one ad often enough to be blacklisted; over a DST change. The
            // last 200 (the last hour) by many users, so that not all of the hour is blacklisted.
            long user = i < 1000 ? 1 + (Long) c[3] % 15 : 100 + (Long) c[3] % 1000;
            clicks.add((start + i * 17_000L) + "|" + c[1] + "|" + c[2] + "|" + user + "|" + c[4]);
        }
        // Batches of 100 in a shuffled order: late clicks move blacklist dates and miss the hour.
        List<List<String>> batches = new ArrayList<>();
        for (int b : new int[] {3, 0, 1, 7, 2, 11, 4, 5, 10, 6, 9, 8}) {
            batches.add(clicks.subList(b * 100, b * 100 + 100));
        }
        AdParams params = new AdParams(4, ZoneId.of("Europe/Berlin"));

        assertSameTables(batches, params);
    }

    @Test
    void theOpenDayTurnsAtMidnightInTheChosenZoneNotInUtc() {
        AdParams params = new AdParams(3, ZoneId.of("Asia/Shanghai"));
        SparkSession spark = TestSpark.session();
        StoredBatches stored = new StoredBatches(new LiveFolders(dir.resolve("live")));
        try (LiveAdState state = LiveAdState.open(LiveStateStore.open(stored.folders().state()), params,
                LiveStateRecovery.pastClicks(spark, stored, params))) {
            merge(spark, stored, state, 0, params, List.of(
                    line("2019-07-17T15:58:00Z", "北京", "北京", "1", "5"),      // Shanghai 07-17 23:58
                    line("2019-07-17T15:59:59Z", "北京", "北京", "2", "5")));    // Shanghai 07-17 23:59:59
            assertThat(state.day()).contains(LocalDate.of(2019, 7, 17));
            assertThat(Tables.lines(table(state, AdClickAnalysis.DAILY_CLICKS)))
                    .containsExactly("2019-07-17|北京|北京|5|2");

            // Still 07-17 in UTC, already 07-18 in Shanghai: the open day turns and starts empty.
            merge(spark, stored, state, 1, params, List.of(line("2019-07-17T16:00:00Z", "上海", "上海", "3", "6")));
            assertThat(state.day()).contains(LocalDate.of(2019, 7, 18));
            assertThat(state.pastDays()).containsExactly(LocalDate.of(2019, 7, 17));
            assertThat(Tables.lines(table(state, AdClickAnalysis.DAILY_CLICKS)))
                    .containsExactly("2019-07-18|上海|上海|6|1");
            assertThat(Tables.lines(table(state, AdClickAnalysis.TOP_ADS))).containsExactly("2019-07-18|上海|1|6|1");
            // The hour goes on across midnight, in local minutes.
            assertThat(Tables.lines(table(state, AdClickAnalysis.MINUTE_TREND))).containsExactly(
                    "2019-07-17 23:58|5|1",
                    "2019-07-17 23:59|5|1",
                    "2019-07-18 00:00|6|1");
            // The day before is history, opened from the stored clicks.
            LiveDay before = LiveHistory.tables(spark, stored, params, state.since(), state.mergedThrough(),
                    LocalDate.of(2019, 7, 17));
            assertThat(Tables.lines(before.table(AdClickAnalysis.DAILY_CLICKS)))
                    .containsExactly("2019-07-17|北京|北京|5|2");
        }
    }

    private static void merge(SparkSession spark, StoredBatches stored, LiveAdState state, long batchId,
                              AdParams params, List<String> lines) {
        List<Row> rows = AdClickRules.withLocalTime(Fixtures.adClicks(spark, lines.toArray(String[]::new)),
                params.zone()).collectAsList();
        List<Object[]> toStore = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            toStore.add(new Object[] {r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), null, null, 0,
                    batchId * 1000 + i});
        }
        stored.write(batchId, toStore);
        stored.markMerged(batchId);
        state.merge(batchId, rows.stream().map(LiveAdState.Click::of).toList(), List.of());
    }

    private static ResultTable table(LiveAdState state, String name) {
        return state.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private void assertSameTables(List<List<String>> batches, AdParams params) {
        SparkSession spark = TestSpark.session();
        StoredBatches stored = new StoredBatches(new LiveFolders(dir.resolve("live")));
        List<String> all = new ArrayList<>();
        try (LiveAdState state = LiveAdState.open(LiveStateStore.open(stored.folders().state()), params,
                LiveStateRecovery.pastClicks(spark, stored, params))) {
            for (int b = 0; b < batches.size(); b++) {
                List<Row> rows = AdClickRules.withLocalTime(
                        Fixtures.adClicks(spark, batches.get(b).toArray(String[]::new)), params.zone()).collectAsList();
                List<Object[]> toStore = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    Row r = rows.get(i);
                    toStore.add(new Object[] {r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), null, null, 0,
                            (long) all.size() + i});
                }
                stored.write(b, toStore);
                stored.markMerged(b);
                state.merge(b, rows.stream().map(LiveAdState.Click::of).toList(), List.of());
                all.addAll(batches.get(b));
            }
            assertThat(state.clicks()).isEqualTo(all.size());
            LocalDate day = state.day().orElseThrow();
            AnalysisResult batch = batchAnalysis(spark, all, params, day);
            assertSame(state.tables(), batch, day);

            assertThat(state.pastDays()).isNotEmpty();
            long blacklisted = batch.table(AdClickAnalysis.BLACKLIST).rows().size();
            for (LocalDate past : state.pastDays()) {
                LiveDay history = LiveHistory.tables(spark, stored, params, state.since(), state.mergedThrough(), past);
                AnalysisResult upToThen = batchAnalysis(spark, all, params, past);
                assertSame(history.tables(), upToThen, past);
                blacklisted += history.table(AdClickAnalysis.BLACKLIST).rows().size();
            }
            // The rules had work: someone was blacklisted on some day.
            assertThat(blacklisted).isPositive();
        }
    }

    private static void assertSame(List<ResultTable> live, AnalysisResult batch, LocalDate day) {
        assertThat(live).extracting(ResultTable::name).containsExactlyElementsOf(TABLES);
        for (ResultTable table : live) {
            ResultTable expected = onDay(batch.table(table.name()), day);
            assertThat(table.columns()).as(table.name() + " " + day).isEqualTo(expected.columns());
            // Equal values of equal classes (Long, LocalDate, String), in the same order.
            assertThat(table.rows()).as(table.name() + " " + day).isEqualTo(expected.rows());
        }
        assertThat(onDay(batch.table(AdClickAnalysis.DAILY_CLICKS), day).rows()).as("daily clicks " + day)
                .isNotEmpty();
    }

    /** The batch analysis of the clicks dated {@code day} or earlier. */
    private static AnalysisResult batchAnalysis(SparkSession spark, List<String> lines, AdParams params,
                                                LocalDate day) {
        Dataset<Row> clicks = Fixtures.adClicks(spark, lines.toArray(String[]::new));
        Dataset<Row> upTo = AdClickRules.withLocalTime(clicks, params.zone()).filter(col("date").leq(lit(day)))
                .drop("date", "minute");
        LogTables tables = LogTables.empty(spark).withAdClicks(upTo);
        return AdClickAnalysis.run(AnalysisInput.of(tables, SessionFilter.NONE), params);
    }

    /** A table's rows of {@code day}; the minute trend (one hour, not a day) whole. */
    private static ResultTable onDay(ResultTable table, LocalDate day) {
        if (!table.columns().contains("date")) {
            return table;
        }
        int date = table.columnIndex("date");
        return new ResultTable(table.name(), table.columns(),
                table.rows().stream().filter(r -> day.equals(r.get(date))).toList());
    }

    private static String line(String instant, String province, String city, String user, String ad) {
        return Instant.parse(instant).toEpochMilli() + "|" + province + "|" + city + "|" + user + "|" + ad;
    }
}
