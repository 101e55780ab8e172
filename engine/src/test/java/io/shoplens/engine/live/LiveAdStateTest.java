package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.testing.Tables;

/** The live view's counts in plain Java, batch by batch, on hand-made clicks (UTC, threshold 3). */
class LiveAdStateTest {

    private static final AdParams PARAMS = new AdParams(3, ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    @Test
    void blacklistCountsFromItsDateOnButNotBefore() {
        LiveAdState state = new LiveAdState(PARAMS);
        state.merge(0, List.of(
                click("2019-07-17T10:00:00Z", "北京", "北京", 1L, 5L),   // the day before: kept
                click("2019-07-18T10:00:00Z", "北京", "海淀", 1L, 5L),
                click("2019-07-18T10:00:01Z", "北京", "海淀", 1L, 5L),
                click("2019-07-18T09:00:00Z", "北京", "海淀", 1L, 7L)),  // other ad, that day
                List.of());
        // Two clicks on ad 5 that day: not yet blacklisted, everything counts.
        assertThat(state.tables().get(0).rows()).isEmpty();
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly(
                "2019-07-17|北京|北京|5|1",
                "2019-07-18|北京|海淀|5|2",
                "2019-07-18|北京|海淀|7|1");

        state.merge(1, List.of(
                click("2019-07-18T10:00:02Z", "北京", "海淀", 1L, 5L),   // third: blacklisted from 07-18
                click("2019-07-19T10:00:00Z", "北京", "海淀", 1L, 7L),   // a later date: excluded
                click("2019-07-18T10:05:00Z", "北京", "海淀", 2L, 5L)),
                List.of());

        assertThat(Tables.lines(table(state, "blacklist"))).containsExactly("1|2019-07-18|5|3");
        assertThat(table(state, "blacklist").rows().get(0))
                .containsExactly(1L, LocalDate.of(2019, 7, 18), 5L, 3L);
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly(
                "2019-07-17|北京|北京|5|1",
                "2019-07-18|北京|海淀|5|1");
        assertThat(Tables.lines(table(state, "top_ads"))).containsExactly(
                "2019-07-17|北京|1|5|1",
                "2019-07-18|北京|1|5|1");
        assertThat(state.clicks()).isEqualTo(7);
    }

    @Test
    void aLateClickMovesTheBlacklistDateEarlier() {
        LiveAdState state = new LiveAdState(PARAMS);
        List<LiveAdState.Click> first = new ArrayList<>(repeat(3, "2019-07-18T10:00:00Z", 1L, 5L));
        first.add(click("2019-07-17T10:00:00Z", "北京", "北京", 1L, 6L));
        state.merge(0, first, List.of());
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-17|北京|北京|6|1");

        // Three clicks dated 07-16 arrive late: user 1 is blacklisted from 07-16, so 07-17 goes too.
        state.merge(1, repeat(3, "2019-07-16T10:00:00Z", 1L, 6L), List.of());

        assertThat(Tables.lines(table(state, "blacklist"))).containsExactly(
                "1|2019-07-16|6|3",
                "1|2019-07-18|5|3");
        assertThat(table(state, "daily_clicks").rows()).isEmpty();
        assertThat(table(state, "top_ads").rows()).isEmpty();
    }

    @Test
    void clicksWithoutAUserAreNeverBlacklisted() {
        LiveAdState state = new LiveAdState(PARAMS);
        state.merge(0, repeat(4, "2019-07-18T10:00:00Z", null, 5L), List.of());

        assertThat(table(state, "blacklist").rows()).isEmpty();
        assertThat(Tables.lines(table(state, "daily_clicks"))).containsExactly("2019-07-18|北京|北京|5|4");
        assertThat(Tables.lines(table(state, "minute_trend"))).containsExactly("2019-07-18 10:00|5|4");
    }

    @Test
    void topThreeSumCitiesAndBreakTiesByAdId() {
        LiveAdState state = new LiveAdState(new AdParams(100, ZoneOffset.UTC));
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
        LiveAdState state = new LiveAdState(PARAMS);
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
    void aReplayedBatchIdIsNotCountedAgain() {
        LiveAdState state = new LiveAdState(PARAMS);
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
        LiveAdState state = new LiveAdState(PARAMS);
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
    void textIsOrderedByCodePointsAsSparkDoes() {
        // U+FF21 (fullwidth A) is below U+20000 as a code point, above it as UTF-16 (a surrogate pair).
        assertThat(LiveAdState.compareCodePoints("\uFF21", "\uD840\uDC00")).isNegative();
        assertThat("\uFF21".compareTo("\uD840\uDC00")).isPositive();
        assertThat(LiveAdState.compareCodePoints("北京", "北京市")).isNegative();
        assertThat(LiveAdState.compareCodePoints("北京", "北京")).isZero();
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
