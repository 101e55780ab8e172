package io.shoplens.engine.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

class AdClickAnalysisTest {

    private static final AdParams UTC = new AdParams(100, ZoneOffset.UTC);

    @Test
    void blacklistAppliesFromItsDateOnAndNeedsTheThreshold() {
        List<String> clicks = new ArrayList<>();
        clicks.add(click("2019-07-17T10:00:00Z", "北京", "北京", 1, 5)); // before blacklisting: kept
        clicks.addAll(repeat(100, "2019-07-18T10:00:00Z", "北京", "北京", 1, 5)); // 100: blacklisted
        clicks.add(click("2019-07-18T11:00:00Z", "北京", "北京", 1, 7)); // same date, other ad: excluded
        clicks.addAll(repeat(99, "2019-07-18T10:00:00Z", "北京", "北京", 2, 5)); // 99: not blacklisted
        clicks.add(click("2019-07-19T12:00:00Z", "北京", "北京", 3, 6));
        clicks.add(click("2019-07-19T12:30:00Z", "北京", "北京", 4, 6));
        // The latest click of all: excluded from the counts, but it ends the minute-trend hour.
        clicks.add(click("2019-07-19T13:00:30Z", "北京", "北京", 1, 6));

        AnalysisResult result = run(clicks, UTC);

        assertThat(result.analysis()).isEqualTo("ads");
        assertThat(result.table("blacklist").columns()).containsExactly("user_id", "date", "ad_id", "clicks");
        assertThat(Tables.lines(result.table("blacklist"))).containsExactly("1|2019-07-18|5|100");
        assertThat(result.table("daily_clicks").columns()).containsExactly("date", "province", "city", "ad_id", "clicks");
        assertThat(Tables.lines(result.table("daily_clicks"))).containsExactly(
                "2019-07-17|北京|北京|5|1",
                "2019-07-18|北京|北京|5|99",
                "2019-07-19|北京|北京|6|2");
        assertThat(Tables.lines(result.table("top_ads"))).containsExactly(
                "2019-07-17|北京|1|5|1",
                "2019-07-18|北京|1|5|99",
                "2019-07-19|北京|1|6|2");
        // Hour = minutes 12:01..13:00 (latest 13:00:30): 12:00 is out, 12:30 in, 13:00 excluded user.
        assertThat(result.table("minute_trend").columns()).containsExactly("minute", "ad_id", "clicks");
        assertThat(Tables.lines(result.table("minute_trend"))).containsExactly("2019-07-19 12:30|6|1");
    }

    @Test
    void thresholdIsAParameter() {
        List<String> clicks = repeat(99, "2019-07-18T10:00:00Z", "北京", "北京", 2, 5);
        AnalysisResult result = run(clicks, new AdParams(99, ZoneOffset.UTC));
        assertThat(Tables.lines(result.table("blacklist"))).containsExactly("2|2019-07-18|5|99");
        assertThat(result.table("daily_clicks").rows()).isEmpty();
        assertThat(result.table("top_ads").rows()).isEmpty();
        assertThat(result.table("minute_trend").rows()).isEmpty();
    }

    @Test
    void topAdsSumCitiesAndBreakTiesByAdId() {
        List<String> clicks = new ArrayList<>();
        clicks.addAll(repeat(3, "2019-07-17T10:00:00Z", "北京", "海淀", 1, 1));
        clicks.addAll(repeat(2, "2019-07-17T10:00:00Z", "北京", "海淀", 1, 3));
        clicks.addAll(repeat(1, "2019-07-17T10:00:00Z", "北京", "朝阳", 2, 3));
        clicks.addAll(repeat(2, "2019-07-17T10:00:00Z", "北京", "朝阳", 2, 4));
        clicks.addAll(repeat(2, "2019-07-17T10:00:00Z", "北京", "朝阳", 2, 2));
        clicks.addAll(repeat(1, "2019-07-17T10:00:00Z", "上海", "上海", 3, 9));

        AnalysisResult result = run(clicks, UTC);

        // 上海 (U+4E0A) sorts before 北京 (U+5317); 朝阳 (U+671D) before 海淀 (U+6D77).
        assertThat(Tables.lines(result.table("daily_clicks"))).containsExactly(
                "2019-07-17|上海|上海|9|1",
                "2019-07-17|北京|朝阳|2|2",
                "2019-07-17|北京|朝阳|3|1",
                "2019-07-17|北京|朝阳|4|2",
                "2019-07-17|北京|海淀|1|3",
                "2019-07-17|北京|海淀|3|2");
        // 北京: ad 1 = 3, ad 3 = 2 + 1 = 3 (tie, ad 1 first), ads 2 and 4 = 2 (tie, 2 wins, 4 is fourth).
        assertThat(result.table("top_ads").columns()).containsExactly("date", "province", "rank", "ad_id", "clicks");
        assertThat(Tables.lines(result.table("top_ads"))).containsExactly(
                "2019-07-17|上海|1|9|1",
                "2019-07-17|北京|1|1|3",
                "2019-07-17|北京|2|3|3",
                "2019-07-17|北京|3|2|2");
    }

    @Test
    void minuteWindowExcludesExactlyAnHourBeforeAndIncludesTheLatest() {
        List<String> clicks = List.of(
                click("2019-07-17T09:30:00Z", "北京", "北京", 1, 3),      // latest − 60 min: out
                click("2019-07-17T09:30:59.999Z", "北京", "北京", 1, 3),  // same minute: out
                click("2019-07-17T09:31:00Z", "北京", "北京", 1, 2),
                click("2019-07-17T09:31:30Z", "北京", "北京", 2, 2),
                click("2019-07-17T10:29:59Z", "北京", "北京", 1, 1),
                click("2019-07-17T10:30:00Z", "北京", "北京", 1, 1));     // latest: in
        assertThat(Tables.lines(run(clicks, UTC).table("minute_trend"))).containsExactly(
                "2019-07-17 09:31|2|2",
                "2019-07-17 10:29|1|1",
                "2019-07-17 10:30|1|1");

        // Latest 10:30:30: minute 09:30 starts at 09:30:00, not after 09:30:30, so it stays out
        // whole, even for a click after latest − 60 min.
        List<String> offMinute = List.of(
                click("2019-07-17T09:30:45Z", "北京", "北京", 1, 3),
                click("2019-07-17T09:31:00Z", "北京", "北京", 1, 2),
                click("2019-07-17T10:30:30Z", "北京", "北京", 1, 1));
        assertThat(Tables.lines(run(offMinute, UTC).table("minute_trend"))).containsExactly(
                "2019-07-17 09:31|2|1",
                "2019-07-17 10:30|1|1");
    }

    @Test
    void datesAndMinutesAreLocalToTheGivenZone() {
        List<String> clicks = new ArrayList<>();
        clicks.add(click("2019-07-17T15:59:00Z", "北京", "北京", 1, 1)); // Shanghai 2019-07-17 23:59
        clicks.add(click("2019-07-17T16:30:00Z", "北京", "北京", 2, 1)); // Shanghai 2019-07-18 00:30
        // 100 clicks on one UTC date, split 50/50 over two Shanghai dates.
        clicks.addAll(repeat(50, "2019-07-17T15:00:00Z", "上海", "上海", 3, 2));
        clicks.addAll(repeat(50, "2019-07-17T17:00:00Z", "上海", "上海", 3, 2));

        AnalysisResult utc = run(clicks, UTC);
        assertThat(Tables.lines(utc.table("blacklist"))).containsExactly("3|2019-07-17|2|100");
        assertThat(Tables.lines(utc.table("daily_clicks"))).containsExactly("2019-07-17|北京|北京|1|2");
        // Latest click 17:00:49Z (user 3, excluded): hour = 16:01..17:00, so 15:59 is out.
        assertThat(Tables.lines(utc.table("minute_trend"))).containsExactly("2019-07-17 16:30|1|1");

        AnalysisResult shanghai = run(clicks, new AdParams(100, ZoneId.of("Asia/Shanghai")));
        assertThat(shanghai.table("blacklist").rows()).isEmpty();
        assertThat(Tables.lines(shanghai.table("daily_clicks"))).containsExactly(
                "2019-07-17|上海|上海|2|50",
                "2019-07-17|北京|北京|1|1",
                "2019-07-18|上海|上海|2|50",
                "2019-07-18|北京|北京|1|1");
        // Latest click: 17:00:49Z = 01:00:49 local; hour = local minutes 00:01..01:00.
        assertThat(Tables.lines(shanghai.table("minute_trend"))).containsExactly(
                "2019-07-18 00:30|1|1",
                "2019-07-18 01:00|2|50");
    }

    @Test
    void noClicksGiveEveryTableEmptyWithItsColumns() {
        AnalysisResult none = run(List.of(), UTC);

        assertThat(none.tables()).extracting(t -> t.name())
                .containsExactly("blacklist", "daily_clicks", "top_ads", "minute_trend");
        assertThat(none.tables()).allSatisfy(t -> assertThat(t.rows()).isEmpty());
        assertThat(none.table("minute_trend").columns()).containsExactly("minute", "ad_id", "clicks");
    }

    @Test
    void provincesRestrictTheCountsButNotWhoIsBlacklisted() {
        List<String> clicks = new ArrayList<>();
        clicks.add(click("2019-07-17T10:00:00Z", "上海", "上海", 1, 5)); // before user 1 is blacklisted: kept
        // User 1 clicks ad 5 100 times on the 18th, 60 in 北京 and 40 in 上海: blacklisted over all
        // provinces, though 40 alone would not reach the threshold.
        clicks.addAll(repeat(60, "2019-07-18T10:00:00Z", "北京", "北京", 1, 5));
        clicks.addAll(repeat(40, "2019-07-18T11:00:00Z", "上海", "上海", 1, 5));
        clicks.add(click("2019-07-18T10:45:00Z", "上海", "上海", 2, 6));
        clicks.addAll(repeat(2, "2019-07-18T11:30:00Z", "上海", "浦东", 2, 6));
        clicks.add(click("2019-07-18T11:45:00Z", "广东", "广州", 2, 7));
        // The latest click, in 北京: it ends the minute-trend hour (11:01..12:00) in every province.
        clicks.add(click("2019-07-18T12:00:30Z", "北京", "北京", 2, 6));

        AnalysisResult all = run(clicks, UTC);
        AnalysisResult shanghai = run(clicks, UTC.withProvinces(List.of("上海")));
        AnalysisResult south = run(clicks, UTC.withProvinces(List.of("上海", "广东")));

        assertThat(Tables.lines(all.table("daily_clicks"))).containsExactly(
                "2019-07-17|上海|上海|5|1",
                "2019-07-18|上海|上海|6|1",
                "2019-07-18|上海|浦东|6|2",
                "2019-07-18|北京|北京|6|1",
                "2019-07-18|广东|广州|7|1");
        assertThat(Tables.lines(shanghai.table("blacklist"))).containsExactly("1|2019-07-18|5|100");
        assertThat(shanghai.table("blacklist")).isEqualTo(all.table("blacklist"));
        assertThat(Tables.lines(shanghai.table("daily_clicks"))).containsExactly(
                "2019-07-17|上海|上海|5|1",
                "2019-07-18|上海|上海|6|1",
                "2019-07-18|上海|浦东|6|2");
        assertThat(Tables.lines(shanghai.table("top_ads"))).containsExactly(
                "2019-07-17|上海|1|5|1",
                "2019-07-18|上海|1|6|3");
        // 10:45 in 上海 is before the hour: the window did not move to 上海's own latest click.
        assertThat(Tables.lines(shanghai.table("minute_trend"))).containsExactly("2019-07-18 11:30|6|2");
        for (AnalysisResult some : List.of(shanghai, south)) {
            List<String> provinces = some == shanghai ? List.of("上海") : List.of("上海", "广东");
            for (String table : List.of("daily_clicks", "top_ads")) {
                assertThat(some.table(table).rows()).as(table + " of " + provinces)
                        .isEqualTo(all.table(table).rows().stream().filter(row -> provinces.contains(row.get(1)))
                                .toList());
            }
        }
        assertThat(Tables.lines(south.table("minute_trend")))
                .containsExactly("2019-07-18 11:30|6|2", "2019-07-18 11:45|7|1");
        assertThat(Tables.lines(all.table("minute_trend")))
                .containsExactly("2019-07-18 11:30|6|2", "2019-07-18 11:45|7|1", "2019-07-18 12:00|6|1");
    }

    @Test
    void provincesAreAnAdsOptionOfTheCommandLineAndTheRecordedRun() throws Exception {
        io.shoplens.engine.run.RunRequest request = io.shoplens.engine.cli.AnalysisOptions.parse(
                List.of("--analysis", "ads", "--provinces", "上海, 广东,上海", "--time-zone", "Z"));
        assertThat(request.ads()).isEqualTo(UTC.withProvinces(List.of("上海", "广东")));
        assertThat(request.filter()).isEqualTo(SessionFilter.NONE);
        assertThat(io.shoplens.engine.cli.AnalysisOptions.parse(request.toArguments())).isEqualTo(request);
        assertThat(io.shoplens.engine.run.RunRequest.fromJson(request.toJson())).isEqualTo(request);
        // A run recorded before the option existed has no provinces: every province.
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.toJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("request").get("ads")).remove("provinces");
        assertThat(io.shoplens.engine.run.RunRequest.fromJson(json.toString()).ads()).isEqualTo(UTC);
    }

    @Test
    void defaultsAreTheClassicThresholdInTheSystemZone() {
        assertThat(new AdParams()).isEqualTo(new AdParams(100, ZoneId.systemDefault()));
    }

    private static AnalysisResult run(List<String> clicks, AdParams params) {
        SparkSession spark = TestSpark.session();
        LogTables tables = LogTables.empty(spark)
                .withAdClicks(Fixtures.adClicks(spark, clicks.toArray(String[]::new)));
        AnalysisResult onSpark = AdClickAnalysis.run(AnalysisInput.of(tables, SessionFilter.NONE), params);
        // Every case here holds the in-memory form to the same tables.
        AnalysisResult memory = MemoryAdClickAnalysis.run(
                AdClickColumns.read(tables.adClicks(), -1, Long.MAX_VALUE).orElseThrow(), params);
        assertThat(memory).isEqualTo(onSpark);
        return onSpark;
    }

    /** {@code count} clicks one second apart from {@code instant}. */
    private static List<String> repeat(int count, String instant, String province, String city, long user, long ad) {
        List<String> lines = new ArrayList<>();
        long start = Instant.parse(instant).toEpochMilli();
        for (int i = 0; i < count; i++) {
            lines.add((start + i * 1000L) + "|" + province + "|" + city + "|" + user + "|" + ad);
        }
        return lines;
    }

    private static String click(String instant, String province, String city, long user, long ad) {
        return repeat(1, instant, province, city, user, ad).get(0);
    }
}
