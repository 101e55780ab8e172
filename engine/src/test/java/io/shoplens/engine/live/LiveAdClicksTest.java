package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.generate.AdClickStream;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;
import io.shoplens.engine.live.KafkaSettings.StartingOffsets;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.Workspace;

/**
 * The live view against a real broker in this JVM: same tables as batch, past days, and no click
 * lost or counted twice through a broker outage, compaction and a restart.
 */
class LiveAdClicksTest {

    private static final Duration TRIGGER = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> TABLES = List.of("blacklist", "daily_clicks", "top_ads", "minute_trend");

    @TempDir
    static Path dir;

    @RegisterExtension
    static final TestBroker kafka = new TestBroker();

    @Test
    void liveTablesEqualTheBatchAnalysisAndMalformedMessagesAreCounted() throws Exception {
        kafka.createTopic("clicks-line", 2);
        AdParams params = new AdParams(3, ZoneOffset.UTC);
        List<Object[]> first = List.of(
                click("2019-07-17T10:00:00Z", "北京", "北京", 1, 5),  // before user 1 is blacklisted: kept
                click("2019-07-18T10:00:00Z", "北京", "海淀", 1, 5),
                click("2019-07-18T10:00:01Z", "北京", "海淀", 1, 5),
                click("2019-07-18T10:00:02Z", "北京", "海淀", 1, 5),  // third click on ad 5 that day: blacklisted
                click("2019-07-18T10:05:00Z", "北京", "海淀", 1, 7),  // same date, other ad: excluded
                click("2019-07-18T10:06:00Z", "北京", "海淀", 2, 5),
                click("2019-07-18T10:07:00Z", "北京", "海淀", 2, 5)); // two clicks: not blacklisted
        List<Object[]> second = List.of(
                click("2019-07-19T09:00:00Z", "上海", "上海", 1, 7),  // later date: still excluded
                click("2019-07-19T08:29:00Z", "上海", "上海", 3, 6),  // before the last hour
                click("2019-07-19T08:45:00Z", "上海", "上海", 3, 6),
                click("2019-07-19T09:10:00Z", "上海", "浦东", 4, 8),
                click("2019-07-19T09:20:00Z", "上海", "浦东", 4, 9),
                click("2019-07-19T09:25:00Z", "上海", "浦东", 5, 2),
                click("2019-07-19T08:50:00Z", "上海", "上海", 7, 6),  // user 7: three on ad 6, blacklisted
                click("2019-07-19T08:51:00Z", "上海", "上海", 7, 6),
                click("2019-07-19T08:52:00Z", "上海", "上海", 7, 6),
                click("2019-07-19T09:29:30Z", "上海", "上海", 5, 6)); // latest click
        List<String> malformed = List.of("garbage", "1563444000000 北京 北京 x 5", "", "1 2 3",
                "1563444000000 北京 北京 7 5 extra");

        KafkaSettings settings = settings("line", "clicks-line", MessageFormat.AD_CLICK_LINE);
        LiveRecorder recorder = new LiveRecorder();
        try (Workspace ws = Workspace.open(dir.resolve("ws-line"))) {
            try (LiveQuery query = LiveAdClicks.start(spark(), ws, settings, null, params, recorder, TRIGGER)) {
                kafka.send("clicks-line", lines(first, MessageFormat.AD_CLICK_LINE));
                recorder.awaitUpdate(u -> u.clicksTotal() == first.size(), WAIT);
                List<String> rest = new ArrayList<>(lines(second, MessageFormat.AD_CLICK_LINE));
                rest.addAll(malformed);
                kafka.send("clicks-line", rest);
                LiveUpdate last = recorder.awaitUpdate(u -> u.clicksTotal() == 17 && u.malformedTotal() == 5, WAIT);

                assertThat(query.status()).isEqualTo(LiveStatus.RUNNING);
                List<Object[]> all = new ArrayList<>(first);
                all.addAll(second);
                assertEqualToBatch(last, all, params);
                // The open day is the latest click's: 07-19. The days before are history.
                assertThat(last.day()).isEqualTo(LocalDate.of(2019, 7, 19));
                assertThat(last.pastDays()).containsExactly(LocalDate.of(2019, 7, 17), LocalDate.of(2019, 7, 18));
                assertThat(Tables.lines(last.table("blacklist"))).containsExactly("7|2019-07-19|6|3");
                assertThat(Tables.lines(last.table("daily_clicks"))).containsExactly(
                        "2019-07-19|上海|上海|6|3",
                        "2019-07-19|上海|浦东|2|1",
                        "2019-07-19|上海|浦东|8|1",
                        "2019-07-19|上海|浦东|9|1");
                assertThat(Tables.lines(last.table("top_ads"))).containsExactly(
                        "2019-07-19|上海|1|6|3",
                        "2019-07-19|上海|2|2|1",
                        "2019-07-19|上海|3|8|1");
                // Hour = minutes 08:30..09:29 (latest 09:29:30): 08:29 is out.
                assertThat(Tables.lines(last.table("minute_trend"))).containsExactly(
                        "2019-07-19 08:45|6|1",
                        "2019-07-19 09:10|8|1",
                        "2019-07-19 09:20|9|1",
                        "2019-07-19 09:25|2|1",
                        "2019-07-19 09:29|6|1");
                assertThat(last.malformedSamples()).hasSize(5);
                assertThat(String.join("\n", last.malformedSamples()))
                        .contains("expected 5 space-separated fields", "got 1: garbage", "got 3: 1 2 3", "got 6",
                                "user_id is not a whole number", "empty message");
                assertThat(last.batchLatestClick()).isNotNull();

                // User 1 was blacklisted on 07-18, with their clicks that day; 07-17's click stays.
                LiveDay july18 = query.history(LocalDate.of(2019, 7, 18));
                assertThat(Tables.lines(july18.table("blacklist"))).containsExactly("1|2019-07-18|5|3");
                assertThat(Tables.lines(july18.table("daily_clicks"))).containsExactly("2019-07-18|北京|海淀|5|2");
                assertThat(Tables.lines(july18.table("top_ads"))).containsExactly("2019-07-18|北京|1|5|2");
                // The hour ends at that day's latest click (user 2's at 10:07).
                assertThat(Tables.lines(july18.table("minute_trend"))).containsExactly(
                        "2019-07-18 10:06|5|1",
                        "2019-07-18 10:07|5|1");
                LiveDay july17 = query.history(LocalDate.of(2019, 7, 17));
                assertThat(july17.table("blacklist").rows()).isEmpty();
                assertThat(Tables.lines(july17.table("daily_clicks"))).containsExactly("2019-07-17|北京|北京|5|1");
                assertThat(Tables.lines(july17.table("minute_trend"))).containsExactly("2019-07-17 10:00|5|1");
            }
            assertThat(recorder.statuses()).startsWith(LiveStatus.STARTING).contains(LiveStatus.RUNNING)
                    .endsWith(LiveStatus.STOPPED);
            // The open day's blacklist is in the catalog, for the next start of the app.
            assertThat(Tables.lines(LiveBlacklists.of(ws).read("line"))).containsExactly("7|2019-07-19|6|3");
            // A past day opens while the view is stopped too.
            LiveDay stopped = LiveAdClicks.history(spark(), ws, "line", params, LocalDate.of(2019, 7, 18));
            assertThat(Tables.lines(stopped.table("daily_clicks"))).containsExactly("2019-07-18|北京|海淀|5|2");
        }
    }

    @Test
    void brokerOutageCompactionAndQueryRestartNeitherLoseNorRepeatAClick() throws Exception {
        kafka.createTopic("clicks-json", 1);
        AdParams params = new AdParams(4, ZoneOffset.UTC);
        List<Object[]> clicks = generated(900);
        List<Object[]> beforeOutage = clicks.subList(0, 300);
        List<Object[]> afterOutage = clicks.subList(300, 600);
        List<Object[]> whileStopped = clicks.subList(600, 900);
        KafkaSettings settings = settings("json", "clicks-json", MessageFormat.JSON);

        try (Workspace ws = Workspace.open(dir.resolve("ws-json"))) {
            LiveRecorder recorder = new LiveRecorder();
            // Outage limit and compaction in seconds, not minutes, so that both happen in the test.
            LiveOptions options = new LiveOptions(TRIGGER, Duration.ofSeconds(6), Duration.ofSeconds(1));
            try (LiveQuery query = LiveAdClicks.start(spark(), ws, settings, null, params, recorder, options)) {
                kafka.send("clicks-json", lines(beforeOutage, MessageFormat.JSON));
                LiveUpdate before = recorder.awaitUpdate(u -> u.clicksTotal() == 300, WAIT);
                int heard = recorder.statuses().size();

                kafka.stop();
                int reconnecting = recorder.awaitStatus(LiveStatus.RECONNECTING, heard, WAIT);
                recorder.awaitStatus(LiveStatus.OFFLINE, reconnecting, WAIT);
                // Away for longer than the limit: the view says so and keeps what it read.
                assertThat(query.status()).isEqualTo(LiveStatus.OFFLINE);
                assertThat(recorder.updates().get(recorder.updates().size() - 1).clicksTotal()).isEqualTo(300);
                kafka.start();
                kafka.send("clicks-json", lines(afterOutage, MessageFormat.JSON));
                LiveUpdate after = recorder.awaitUpdate(u -> u.clicksTotal() == 600, WAIT);
                assertThat(query.status()).isEqualTo(LiveStatus.RUNNING);
                assertThat(after.batchId()).isGreaterThan(before.batchId());
            }
            assertThat(recorder.details()).anySatisfy(d -> assertThat(d).startsWith("RECONNECTING: ")
                    .contains(kafka.bootstrapServers()));
            assertThat(recorder.details()).anySatisfy(d -> assertThat(d).startsWith("OFFLINE: no answer from "
                    + kafka.bootstrapServers() + " for more than 6 s"));
            // Compaction ran in the background while the stream went on.
            assertThat(new StoredBatches(LiveAdClicks.folders(ws, "json")).compacted().through()).isNotNegative();

            // Stopped: clicks keep coming and wait in the topic; the restart reads them from the checkpoint on.
            kafka.send("clicks-json", lines(whileStopped, MessageFormat.JSON));
            LiveRecorder again = new LiveRecorder();
            LiveUpdate last;
            try (LiveQuery query = LiveAdClicks.start(spark(), ws, settings, null, params, again, options)) {
                last = again.awaitUpdate(u -> u.clicksTotal() == 900, WAIT);
                assertThat(last.malformedTotal()).isZero();
                assertEqualToBatch(last, clicks, params);
                assertThat(last.table("blacklist").rows()).isNotEmpty();
            }
            // The catalog has the blacklist as the view stopped with it.
            assertThat(Tables.lines(LiveBlacklists.of(ws).read("json"))).isEqualTo(Tables.lines(last.table("blacklist")));
            // Every update of both runs counted each click at most once.
            assertThat(recorder.updates()).allSatisfy(u -> assertThat(u.clicksTotal()).isLessThanOrEqualTo(600));
            assertThat(again.updates()).allSatisfy(u -> assertThat(u.clicksTotal()).isLessThanOrEqualTo(900));
        }
    }

    /** The live tables are the batch analysis' rows of the open day (the minute trend whole). */
    private static void assertEqualToBatch(LiveUpdate live, List<Object[]> clicks, AdParams params) {
        SparkSession spark = spark();
        String[] rows = clicks.stream().map(c -> c[0] + "|" + c[1] + "|" + c[2] + "|" + c[3] + "|" + c[4])
                .toArray(String[]::new);
        LogTables tables = LogTables.empty(spark).withAdClicks(Fixtures.adClicks(spark, rows));
        AnalysisResult batch = AdClickAnalysis.run(AnalysisInput.of(tables, SessionFilter.NONE), params);
        for (String name : TABLES) {
            ResultTable expected = batch.table(name);
            List<String> lines = Tables.lines(expected);
            if (expected.columns().contains("date")) {
                int date = expected.columnIndex("date");
                lines = Tables.lines(new ResultTable(name, expected.columns(), expected.rows().stream()
                        .filter(r -> live.day().equals(r.get(date))).toList()));
            }
            assertThat(live.table(name).columns()).as(name).isEqualTo(expected.columns());
            assertThat(Tables.lines(live.table(name))).as(name).isEqualTo(lines);
        }
    }

    /** Generated clicks one second apart on one day, so blacklists and the minute trend have work. */
    private static List<Object[]> generated(int count) {
        AdClickStream stream = new AdClickStream(7);
        long start = Instant.parse("2019-07-17T08:00:00Z").toEpochMilli();
        List<Object[]> clicks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object[] c = stream.next();
            // Few users, so some click one ad often enough to be blacklisted.
            clicks.add(new Object[] {start + i * 5_000L, c[1], c[2], 1 + (Long) c[3] % 15, c[4]});
        }
        return clicks;
    }

    private static KafkaSettings settings(String name, String topic, MessageFormat format) {
        return new KafkaSettings(name, kafka.bootstrapServers(), topic, "shoplens-test", StartingOffsets.EARLIEST,
                format, SecurityProtocol.PLAINTEXT, null, null, null);
    }

    private static Object[] click(String instant, String province, String city, long user, long ad) {
        return new Object[] {Instant.parse(instant).toEpochMilli(), province, city, user, ad};
    }

    private static List<String> lines(List<Object[]> clicks, MessageFormat format) {
        return clicks.stream().map(c -> ClickProducer.message(c, (Long) c[0], format)).toList();
    }


    private static SparkSession spark() {
        return TestSpark.session();
    }
}
