package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.AdClickRules;
import io.shoplens.engine.analysis.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.generate.AdClickStream;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * The live state's plain-Java tables against {@link AdClickAnalysis#run} on the same clicks:
 * same columns, same rows, same value types, same order, whatever batches the clicks came in.
 */
class LiveTablesMatchBatchTest {

    private static final List<String> TABLES = List.of(AdClickAnalysis.BLACKLIST, AdClickAnalysis.DAILY_CLICKS,
            AdClickAnalysis.TOP_ADS, AdClickAnalysis.MINUTE_TREND);

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
                line("2019-07-19T09:30:00Z", "上海", "浦东", "1", "3"));    // latest, by an excluded user
        AdParams params = new AdParams(3, ZoneId.of("Asia/Shanghai"));

        assertSameTables(List.of(first, second, third), params);
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

    private static void assertSameTables(List<List<String>> batches, AdParams params) {
        SparkSession spark = TestSpark.session();
        LiveAdState state = new LiveAdState(params);
        List<String> all = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            Dataset<Row> batch = AdClickRules.withLocalTime(
                    Fixtures.adClicks(spark, batches.get(b).toArray(String[]::new)), params.zone());
            state.merge(b, batch.collectAsList().stream().map(LiveAdState.Click::of).toList(), List.of());
            all.addAll(batches.get(b));
        }
        LogTables tables = LogTables.empty(spark).withAdClicks(Fixtures.adClicks(spark, all.toArray(String[]::new)));
        AnalysisResult batch = AdClickAnalysis.run(AnalysisInput.of(tables, SessionFilter.NONE), params);

        List<ResultTable> live = state.tables();
        assertThat(live).extracting(ResultTable::name).containsExactlyElementsOf(TABLES);
        for (ResultTable table : live) {
            ResultTable expected = batch.table(table.name());
            assertThat(table.columns()).as(table.name()).isEqualTo(expected.columns());
            // Equal values of equal classes (Long, LocalDate, String), in the same order.
            assertThat(table.rows()).as(table.name()).isEqualTo(expected.rows());
        }
        assertThat(batch.table(AdClickAnalysis.BLACKLIST).rows()).isNotEmpty();
        assertThat(batch.table(AdClickAnalysis.MINUTE_TREND).rows()).isNotEmpty();
        assertThat(state.clicks()).isEqualTo(all.size());
    }

    private static String line(String instant, String province, String city, String user, String ad) {
        return Instant.parse(instant).toEpochMilli() + "|" + province + "|" + city + "|" + user + "|" + ad;
    }
}
