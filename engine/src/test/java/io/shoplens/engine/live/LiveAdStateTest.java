package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.LiveAdState.PastClicks;
import io.shoplens.engine.live.LiveAdState.UserAd;
import io.shoplens.engine.testing.Tables;

/** The live view's counts in plain Java, batch by batch, on hand-made clicks (UTC, threshold 3). */
class LiveAdStateTest {

    private static final AdParams PARAMS = new AdParams(3, ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final List<LiveAdState> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(LiveAdState::close);
    }

    private LiveAdState open(AdParams params, PastClicks past) {
        LiveAdState state = LiveAdState.open(LiveStateStore.open(dir.resolve("state")), params, past);
        opened.add(state);
        return state;
    }

    private LiveAdState open() {
        return open(PARAMS, PastClicks.NONE);
    }

    @Test
    void blacklistCountsFromItsDateOnButNotBefore() {
        LiveAdState state = open();
        state.merge(0, List.of(
                click("2019-07-17T10:00:00Z", "北京", "北京", 1L, 5L),   // the day before: kept, and history
                click("2019-07-18T10:00:00Z", "北京", "海淀", 1L, 5L),
                click("2019-07-18T10:00:01Z", "北京", "海淀", 1L, 5L),
                click("2019-07-18T09:00:00Z", "北京", "海淀", 1L, 7L)),  // other ad, that day
                List.of());
        // Two clicks on ad 5 that day: not yet blacklisted, everything counts. The open day is 07-18.
        assertThat(state.day()).contains(LocalDate.of(2019, 7, 18));
        assertThat(state.pastDays()).containsExactly(LocalDate.of(2019, 7, 17));
        assertThat(table(state, "blacklist").rows()).isEmpty();
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly(
                "2019-07-18|北京|海淀|5|2",
                "2019-07-18|北京|海淀|7|1");

        state.merge(1, List.of(
                click("2019-07-18T10:00:02Z", "北京", "海淀", 1L, 5L),   // third: blacklisted from 07-18
                click("2019-07-18T10:05:00Z", "北京", "海淀", 2L, 5L)),
                List.of());

        assertThat(Tables.lines(table(state, "blacklist"))).containsExactly("1|2019-07-18|5|3");
        assertThat(table(state, "blacklist").rows().get(0))
                .containsExactly(1L, LocalDate.of(2019, 7, 18), 5L, 3L);
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-18|北京|海淀|5|1");
        assertThat(Tables.lines(table(state, "top_ads"))).containsExactly("2019-07-18|北京|1|5|1");
        assertThat(state.since()).containsExactly(Map.entry(1L, LocalDate.of(2019, 7, 18)));

        // The next day: user 1 is still blacklisted, the open day's tables start empty.
        state.merge(2, List.of(
                click("2019-07-19T08:00:00Z", "上海", "上海", 1L, 7L),
                click("2019-07-19T08:01:00Z", "上海", "上海", 3L, 7L)),
                List.of());
        assertThat(state.day()).contains(LocalDate.of(2019, 7, 19));
        assertThat(state.pastDays()).containsExactly(LocalDate.of(2019, 7, 17), LocalDate.of(2019, 7, 18));
        assertThat(table(state, "blacklist").rows()).isEmpty();
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-19|上海|上海|7|1");
        assertThat(Tables.lines(table(state, "top_ads"))).containsExactly("2019-07-19|上海|1|7|1");
        assertThat(state.clicks()).isEqualTo(8);
    }

    @Test
    void aUserBlacklistedMidDayTakesTheirEarlierClicksOfTheDayWithThem() {
        LiveAdState state = open();
        state.merge(0, List.of(
                click("2019-07-18T10:00:00Z", "北京", "海淀", 1L, 5L),
                click("2019-07-18T10:00:10Z", "北京", "海淀", 1L, 5L),
                click("2019-07-18T10:01:00Z", "上海", "浦东", 1L, 7L),
                click("2019-07-18T10:02:00Z", "北京", "海淀", 2L, 5L)),
                List.of());
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly(
                "2019-07-18|上海|浦东|7|1",
                "2019-07-18|北京|海淀|5|3");
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly(
                "2019-07-18 10:00|5|2",
                "2019-07-18 10:01|7|1",
                "2019-07-18 10:02|5|1");

        // User 1's third click on ad 5 that day: every click of theirs that day leaves the tables.
        state.merge(1, List.of(click("2019-07-18T10:30:00Z", "北京", "海淀", 1L, 5L)), List.of());

        assertThat(Tables.lines(table(state, "blacklist"))).containsExactly("1|2019-07-18|5|3");
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-18|北京|海淀|5|1");
        assertThat(Tables.lines(table(state, "top_ads"))).containsExactly("2019-07-18|北京|1|5|1");
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly("2019-07-18 10:02|5|1");

        // Their later clicks still count for the blacklist's clicks, and nowhere else.
        state.merge(2, List.of(click("2019-07-18T10:31:00Z", "北京", "海淀", 1L, 5L)), List.of());
        assertThat(Tables.lines(table(state, "blacklist"))).containsExactly("1|2019-07-18|5|4");
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-18|北京|海淀|5|1");
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly("2019-07-18 10:02|5|1");
    }

    @Test
    void aLateClickOfTheDayBeforeBlacklistsFromThatDayAndEmptiesTheOpenDaysCounts() {
        LiveAdState state = open();
        state.merge(0, List.of(
                click("2019-07-17T23:50:00Z", "北京", "北京", 3L, 6L),
                click("2019-07-17T23:51:00Z", "北京", "北京", 3L, 6L),
                click("2019-07-18T00:10:00Z", "北京", "海淀", 3L, 5L),
                click("2019-07-18T00:11:00Z", "上海", "上海", 4L, 5L)),
                List.of());
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly(
                "2019-07-18|上海|上海|5|1",
                "2019-07-18|北京|海淀|5|1");

        // A third click on ad 6 dated 07-17 arrives late: user 3 is blacklisted from 07-17, so their
        // 07-18 click goes too, and so do their minutes of either day in the last hour.
        state.merge(1, List.of(click("2019-07-17T23:59:00Z", "北京", "北京", 3L, 6L)), List.of());

        assertThat(state.since()).containsExactly(Map.entry(3L, LocalDate.of(2019, 7, 17)));
        // The open day's blacklist has no row: user 3's row is dated 07-17, a past day.
        assertThat(table(state, "blacklist").rows()).isEmpty();
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-18|上海|上海|5|1");
        assertThat(Tables.lines(table(state, "top_ads"))).containsExactly("2019-07-18|上海|1|5|1");
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly("2019-07-18 00:11|5|1");
    }

    @Test
    void aClickOfAnOlderDayAsksTheStoredClicksHowOftenItsUserClicked() {
        List<String> asked = new ArrayList<>();
        PastClicks past = (date, users, through) -> {
            asked.add(date + " " + users + " through " + through);
            return Map.of(new UserAd(1L, 6L), 2L, new UserAd(1L, 9L), 1L);
        };
        LiveAdState state = open(PARAMS, past);
        state.merge(0, List.of(
                click("2019-07-20T10:00:00Z", "北京", "海淀", 1L, 5L),
                click("2019-07-20T10:00:00Z", "北京", "海淀", 2L, 5L)),
                List.of());
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-20|北京|海淀|5|2");

        // 07-17 is no longer in the store: two stored clicks on ad 6 that day plus this one make three.
        state.merge(1, List.of(click("2019-07-17T11:00:00Z", "北京", "海淀", 1L, 6L)), List.of());

        assertThat(asked).containsExactly("2019-07-17 [1] through 0");
        assertThat(state.since()).containsExactly(Map.entry(1L, LocalDate.of(2019, 7, 17)));
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-20|北京|海淀|5|1");
        assertThat(state.pastDays()).containsExactly(LocalDate.of(2019, 7, 17));

        // Blacklisted from 07-17 on: another click of that day needs no question.
        state.merge(2, List.of(click("2019-07-17T11:05:00Z", "北京", "海淀", 1L, 9L)), List.of());
        assertThat(asked).hasSize(1);
    }

    @Test
    void theDayBeforeKeepsItsUsersCountsAndOlderDaysAskTheStoredClicks() {
        List<String> asked = new ArrayList<>();
        LiveAdState state = open(PARAMS, (date, users, through) -> {
            asked.add(date + " " + users);
            return Map.of(new UserAd(2L, 6L), 2L);
        });
        state.merge(0, List.of(
                click("2019-07-17T10:00:00Z", "北京", "海淀", 1L, 6L),
                click("2019-07-17T10:01:00Z", "北京", "海淀", 1L, 6L),
                click("2019-07-17T10:02:00Z", "北京", "海淀", 2L, 6L),
                click("2019-07-17T10:03:00Z", "北京", "海淀", 2L, 6L)), List.of());
        state.merge(1, List.of(click("2019-07-18T09:00:00Z", "上海", "上海", 1L, 6L)), List.of());

        // 07-17 is the day before: its counts are still in the store, nothing is asked.
        state.merge(2, List.of(click("2019-07-17T23:00:00Z", "北京", "海淀", 1L, 6L)), List.of());
        assertThat(asked).isEmpty();
        assertThat(state.since()).containsExactly(Map.entry(1L, LocalDate.of(2019, 7, 17)));
        assertThat(table(state, "daily_clicks").rows()).isEmpty();

        // From 07-19 on, 07-17's counts have left the store: user 2's third click is counted with
        // the two the stored clicks report.
        state.merge(3, List.of(click("2019-07-19T09:00:00Z", "上海", "上海", 2L, 6L)), List.of());
        state.merge(4, List.of(click("2019-07-17T23:30:00Z", "北京", "海淀", 2L, 6L)), List.of());
        assertThat(asked).containsExactly("2019-07-17 [2]");
        assertThat(state.since()).containsEntry(2L, LocalDate.of(2019, 7, 17));
        assertThat(table(state, "daily_clicks").rows()).isEmpty();
    }

    @Test
    void clicksWithoutAUserAreNeverBlacklisted() {
        LiveAdState state = open();
        state.merge(0, repeat(4, "2019-07-18T10:00:00Z", null, 5L), List.of());

        assertThat(table(state, "blacklist").rows()).isEmpty();
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-18|北京|北京|5|4");
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly("2019-07-18 10:00|5|4");
    }

    @Test
    void topThreeSumCitiesAndBreakTiesByAdId() {
        LiveAdState state = open(new AdParams(100, ZoneOffset.UTC), PastClicks.NONE);
        List<LiveAdState.Click> clicks = new ArrayList<>();
        clicks.addAll(inPlace(3, "北京", "海淀", 1));
        clicks.addAll(inPlace(2, "北京", "海淀", 3));
        clicks.addAll(inPlace(1, "北京", "朝阳", 3));
        clicks.addAll(inPlace(2, "北京", "朝阳", 4));
        clicks.addAll(inPlace(2, "北京", "朝阳", 2));
        clicks.addAll(inPlace(1, "上海", "上海", 9));
        state.merge(0, clicks.subList(0, 6), List.of());
        state.merge(1, clicks.subList(6, clicks.size()), List.of());

        // 北京: ad 1 = 3, ad 3 = 2 + 1 = 3 (tie, ad 1 first), ads 2 and 4 = 2 (tie, 2 wins, 4 is fourth).
        ResultTable top = table(state, "top_ads");
        assertThat(top.columns()).containsExactly("date", "province", "rank", "ad_id", "clicks");
        assertThat(Tables.lines(top)).containsExactly(
                "2019-07-17|上海|1|9|1",
                "2019-07-17|北京|1|1|3",
                "2019-07-17|北京|2|3|3",
                "2019-07-17|北京|3|2|2");
        assertThat(top.rows().get(1)).containsExactly(LocalDate.of(2019, 7, 17), "北京", 1L, 1L, 3L);
    }

    @Test
    void theHourEndsAtTheLatestClickOfAllAndOlderMinutesLeaveForGood() {
        LiveAdState state = open();
        state.merge(0, List.of(
                click("2019-07-17T09:30:00Z", "北京", "北京", 1L, 3L),
                click("2019-07-17T09:30:59.999Z", "北京", "北京", 1L, 3L),
                click("2019-07-17T09:31:00Z", "北京", "北京", 1L, 2L)), List.of());
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly(
                "2019-07-17 09:30|3|2",
                "2019-07-17 09:31|2|1");

        state.merge(1, List.of(
                click("2019-07-17T09:31:30Z", "北京", "北京", 2L, 2L),
                click("2019-07-17T10:29:59Z", "北京", "北京", 1L, 1L),
                click("2019-07-17T10:30:00Z", "北京", "北京", 1L, 1L)), List.of());
        // Latest 10:30:00: minute 09:30 starts at latest − 60 min, so it is out; 10:30 is in.
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly(
                "2019-07-17 09:31|2|2",
                "2019-07-17 10:29|1|1",
                "2019-07-17 10:30|1|1");

        // A late click in a minute that left the hour never comes back; the blacklisted user's
        // latest click still moves the hour: 09:31 leaves, and user 4's own minute is not counted.
        state.merge(2, List.of(click("2019-07-17T09:30:10Z", "北京", "北京", 3L, 3L)), List.of());
        state.merge(3, repeat(3, "2019-07-17T10:31:00Z", 4L, 8L), List.of());
        assertThat(state.latest()).isEqualTo(Instant.parse("2019-07-17T10:31:02Z").toEpochMilli());
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly(
                "2019-07-17 10:29|1|1",
                "2019-07-17 10:30|1|1");
    }

    @Test
    void theHourGoesOnAcrossMidnightWhileTheDayStartsAfresh() {
        LiveAdState state = open();
        state.merge(0, List.of(
                click("2019-07-17T23:40:00Z", "北京", "北京", 1L, 3L),
                click("2019-07-17T23:59:59Z", "北京", "北京", 2L, 3L)), List.of());
        state.merge(1, List.of(click("2019-07-18T00:05:00Z", "上海", "上海", 2L, 4L)), List.of());

        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-18|上海|上海|4|1");
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly(
                "2019-07-17 23:40|3|1",
                "2019-07-17 23:59|3|1",
                "2019-07-18 00:05|4|1");
        assertThat(state.pastDays()).containsExactly(LocalDate.of(2019, 7, 17));
    }

    @Test
    void aReplayedBatchIdIsNotCountedAgain() {
        LiveAdState state = open();
        List<LiveAdState.Click> batch = List.of(click("2019-07-17T10:00:00Z", "北京", "北京", 1L, 5L));
        List<LiveAdState.Malformed> bad = List.of(new LiveAdState.Malformed(0, 4, "empty message", ""));

        assertThat(state.merge(0, batch, bad)).isTrue();
        assertThat(state.merge(0, batch, bad)).isFalse();
        assertThat(state.merge(1, batch, List.of())).isTrue();
        assertThat(state.merge(1, batch, List.of())).isFalse();
        assertThat(state.merge(0, batch, bad)).isFalse();

        assertThat(state.mergedThrough()).isEqualTo(1);
        assertThat(state.clicks()).isEqualTo(2);
        assertThat(state.malformed()).isEqualTo(1);
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-17|北京|北京|5|2");
    }

    @Test
    void malformedSamplesAreTheLatestFiveNewestBatchFirst() {
        LiveAdState state = open();
        state.merge(0, List.of(), List.of(
                new LiveAdState.Malformed(0, 1, "empty message", ""),
                new LiveAdState.Malformed(1, 2, "user_id is not a whole number", "1 a b x 5"),
                new LiveAdState.Malformed(0, 3, "empty message", "")));
        state.merge(1, List.of(), List.of(
                new LiveAdState.Malformed(1, 9, "empty message", ""),
                new LiveAdState.Malformed(0, 7, "empty message", ""),
                new LiveAdState.Malformed(0, 8, "empty message", "")));

        assertThat(state.malformed()).isEqualTo(6);
        assertThat(state.samples()).containsExactly(
                "partition 0 offset 8: empty message: ",
                "partition 0 offset 7: empty message: ",
                "partition 1 offset 9: empty message: ",
                "partition 0 offset 3: empty message: ",
                "partition 0 offset 1: empty message: ");
    }

    @Test
    void aReopenedStoreGivesTheSameTablesAndCountsOnExactly() {
        LiveAdState first = open();
        first.merge(0, List.of(
                click("2019-07-18T10:00:00Z", "北京", "海淀", 1L, 5L),
                click("2019-07-18T10:00:10Z", "北京", "海淀", 1L, 5L),
                click("2019-07-18T10:01:00Z", "上海", "浦东", 1L, 7L),
                click("2019-07-17T22:00:00Z", "上海", "浦东", 9L, 7L)),
                List.of(new LiveAdState.Malformed(0, 3, "empty message", "")));
        List<ResultTable> before = first.tables();
        first.close();
        opened.remove(first);

        LiveAdState again = open();
        assertThat(again.tables()).isEqualTo(before);
        assertThat(again.mergedThrough()).isZero();
        assertThat(again.clicks()).isEqualTo(4);
        assertThat(again.malformed()).isEqualTo(1);
        assertThat(again.samples()).containsExactly("partition 0 offset 3: empty message: ");
        assertThat(again.latest()).isEqualTo(Instant.parse("2019-07-18T10:01:00Z").toEpochMilli());
        assertThat(again.pastDays()).containsExactly(LocalDate.of(2019, 7, 17));

        // The counts behind the tables came back too: the third click blacklists user 1.
        again.merge(1, List.of(click("2019-07-18T10:02:00Z", "北京", "海淀", 1L, 5L)), List.of());
        assertThat(Tables.lines(table(again, "blacklist"))).containsExactly("1|2019-07-18|5|3");
        assertThat(table(again, "daily_clicks").rows()).isEmpty();
        assertThat(table(again, "minute_trend").rows()).isEmpty();
    }

    @Test
    void aMergeThatFailsLeavesTheStoreAtTheBatchBefore() {
        LiveAdState state = open(PARAMS, (date, users, through) -> {
            throw new IllegalStateException("stored clicks unreadable");
        });
        state.merge(0, List.of(click("2019-07-20T10:00:00Z", "北京", "海淀", 1L, 5L)), List.of());
        List<ResultTable> before = state.tables();

        assertThatThrownBy(() -> state.merge(1, List.of(
                click("2019-07-20T10:01:00Z", "北京", "海淀", 2L, 5L),
                click("2019-07-10T10:00:00Z", "北京", "海淀", 1L, 6L)), List.of()))
                .hasMessage("stored clicks unreadable");
        assertThat(state.broken()).isTrue();
        state.close();
        opened.remove(state);

        LiveAdState reopened = open();
        assertThat(reopened.mergedThrough()).isZero();
        assertThat(reopened.tables()).isEqualTo(before);
        assertThat(reopened.clicks()).isEqualTo(1);
    }

    private static ResultTable table(LiveAdState state, String name) {
        return state.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static LiveAdState.Click click(String instant, String province, String city, Long user, Long ad) {
        Instant at = Instant.parse(instant);
        return new LiveAdState.Click(at.toEpochMilli(), LocalDate.ofInstant(at, ZoneOffset.UTC), MINUTE.format(at),
                province, city, user, ad);
    }

    /** {@code count} clicks in 北京 one second apart from {@code instant}. */
    private static List<LiveAdState.Click> repeat(int count, String instant, Long user, Long ad) {
        List<LiveAdState.Click> clicks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clicks.add(click(Instant.parse(instant).plusSeconds(i).toString(), "北京", "北京", user, ad));
        }
        return clicks;
    }

    /** {@code count} clicks at 2019-07-17 10:00 by user 1 on one ad in one place. */
    private static List<LiveAdState.Click> inPlace(int count, String province, String city, long ad) {
        List<LiveAdState.Click> clicks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clicks.add(click("2019-07-17T10:00:00Z", province, city, 1L, ad));
        }
        return clicks;
    }
}
