package io.shoplens.app.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.LiveDay;
import io.shoplens.engine.live.LiveUpdate;

/**
 * Hand-made micro-batch results with the columns of the ads analysis: two provinces, three ads,
 * a few minutes; {@code scale} multiplies every count so a later batch differs from an earlier one.
 */
final class LiveUpdates {

    static final LocalDate DAY = LocalDate.of(2019, 9, 9);
    /** The days before {@link #DAY} that have clicks, oldest first. */
    static final List<LocalDate> PAST_DAYS = List.of(LocalDate.of(2019, 9, 7), LocalDate.of(2019, 9, 8));
    static final LocalDateTime LATEST = LocalDateTime.of(2019, 9, 9, 10, 30);

    private LiveUpdates() {
    }

    static LiveUpdate batch(long id, long scale, List<String> malformed) {
        List<List<Object>> daily = List.of(
                List.of(DAY, "广东", "广州", 1L, 5 * scale),
                List.of(DAY, "广东", "深圳", 2L, 3 * scale),
                List.of(DAY, "北京", "北京", 2L, 4 * scale),
                List.of(DAY, "北京", "北京", 3L, 1 * scale));
        List<List<Object>> top = List.of(
                List.of(DAY, "北京", 1L, 2L, 4 * scale),
                List.of(DAY, "北京", 2L, 3L, 1 * scale),
                List.of(DAY, "广东", 1L, 1L, 5 * scale),
                List.of(DAY, "广东", 2L, 2L, 3 * scale));
        List<List<Object>> minutes = new ArrayList<>();
        for (int m = 0; m < 4 + id; m++) {
            minutes.add(List.of(LATEST.minusMinutes(3 + id - m), 1L, (m + 1) * scale));
            minutes.add(List.of(LATEST.minusMinutes(3 + id - m), 2L, scale));
        }
        List<List<Object>> blacklist = scale >= 3
                ? List.of(List.of(7L, DAY, 1L, 100L)) : List.of();
        Instant latestClick = Instant.parse("2019-09-09T02:30:00Z");
        return new LiveUpdate(id, latestClick.plusMillis(1500 + id), 13 * scale, malformed.size(), malformed,
                latestClick, List.of(
                new ResultTable("blacklist", List.of("user_id", "date", "ad_id", "clicks"), blacklist),
                new ResultTable("daily_clicks", List.of("date", "province", "city", "ad_id", "clicks"), daily),
                new ResultTable("top_ads", List.of("date", "province", "rank", "ad_id", "clicks"), top),
                new ResultTable("minute_trend", List.of("minute", "ad_id", "clicks"), minutes)), DAY, PAST_DAYS);
    }

    /** A past day's tables: one province, one ad, {@code clicks} clicks. */
    static LiveDay pastDay(LocalDate day, long clicks) {
        return new LiveDay(day, List.of(
                new ResultTable("blacklist", List.of("user_id", "date", "ad_id", "clicks"), List.of()),
                new ResultTable("daily_clicks", List.of("date", "province", "city", "ad_id", "clicks"),
                        List.of(List.of(day, "上海", "上海", 4L, clicks))),
                new ResultTable("top_ads", List.of("date", "province", "rank", "ad_id", "clicks"),
                        List.of(List.of(day, "上海", 1L, 4L, clicks))),
                new ResultTable("minute_trend", List.of("minute", "ad_id", "clicks"),
                        List.of(List.of(day.atTime(23, 59), 4L, clicks)))));
    }
}
