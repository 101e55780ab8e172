package io.shoplens.engine.live;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvCube;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.gmv.GmvTotals;
import io.shoplens.engine.gmv.Lmdi;

/**
 * The live GMV tables of the open day, from {@link LiveGmvState}'s sums. Where a batch table
 * exists they are its rows for the open day's sessions, made by the batch code itself from cube
 * cells ({@link GmvCube}): {@code gmv_daily}, {@code gmv_breakdown} (its channel rows),
 * {@code page_jumps} and {@code session_funnel} (the default flow, no window); and the live ones:
 * <ul>
 *   <li>{@code gmv_minutes}: {@code minute,sessions,orders,gmv,conversion,aov}, sessions by the
 *       minute of their first action, with their orders and GMV;</li>
 *   <li>{@code gmv_paid_free}: {@code traffic,sessions,orders,gmv,conversion,aov}, {@code paid}
 *       (a paid channel) then {@code free} (any other, unknown included), both always listed;</li>
 *   <li>{@code gmv_same_time}: {@code period,date,through,sessions,orders,gmv,conversion,aov},
 *       {@code today} (all of the open day so far) and, when the day before was read,
 *       {@code yesterday}: its sessions that started by the same time of day and their pays by
 *       then (what the batch analysis makes of the day before's actions up to that time);</li>
 *   <li>{@code gmv_bridge}: the batch bridge's columns, yesterday's same hours as the base and
 *       today as current: the channel rows, their {@code (total)}, and {@code all}; empty without
 *       the day before.</li>
 * </ul>
 */
final class LiveGmvTables {

    static final String MINUTES = "gmv_minutes";
    static final String PAID_FREE = "gmv_paid_free";
    static final String SAME_TIME = "gmv_same_time";
    static final String PAGE_JUMPS = "page_jumps";
    static final String SESSION_FUNNEL = "session_funnel";
    static final List<String> NAMES = List.of(GmvAnalysis.DAILY, GmvAnalysis.BREAKDOWN, MINUTES, PAID_FREE,
            SAME_TIME, GmvAnalysis.BRIDGE, PAGE_JUMPS, SESSION_FUNNEL);

    private static final List<String> RATES = List.of("sessions", "orders", "gmv", "conversion", "aov");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LiveGmvTables() {
    }

    /** Every table, in {@link #NAMES} order, with only the stream's own day before to compare with. */
    static List<ResultTable> of(LiveGmvState state) {
        return of(state, Optional.empty());
    }

    /**
     * Every table, in {@link #NAMES} order; all empty before the first action. Today is set
     * against the day before as the stream read it, else as {@code importedDayBefore} has it.
     */
    static List<ResultTable> of(LiveGmvState state, Optional<GmvDayCounts> importedDayBefore) {
        if (state.day().isEmpty()) {
            return NAMES.stream().map(name -> new ResultTable(name, columnsOf(name), List.of())).toList();
        }
        LocalDate day = state.day().get();
        LocalDateTime now = state.latest().orElseThrow();
        GmvDayCounts today = state.counts(day);
        GmvCube cube = GmvCube.from(cells(day, today.channels));
        List<ResultTable> tables = new ArrayList<>();
        tables.add(cube.dailyTable());
        tables.add(channelRows(cube.breakdownTable()));
        tables.add(minutes(today));
        tables.add(paidFree(today, state.params().paidChannels()));
        Map<String, GmvDayCounts.Sums> yesterday = (state.holdsDayBefore()
                ? Optional.of(state.counts(day.minusDays(1))) : importedDayBefore)
                .map(counts -> counts.through(now.minusDays(1))).orElse(null);
        tables.add(sameTime(day, now, cube.totals(), yesterday));
        tables.add(bridge(day, today, yesterday));
        tables.add(pageJumps(today, state.params().flow()));
        tables.add(sessionFunnel(today, state.params().flow()));
        return tables;
    }

    private static List<String> columnsOf(String name) {
        return switch (name) {
            case GmvAnalysis.DAILY -> GmvAnalysis.DAILY_COLUMNS;
            case GmvAnalysis.BREAKDOWN -> GmvAnalysis.BREAKDOWN_COLUMNS;
            case GmvAnalysis.BRIDGE -> GmvAnalysis.BRIDGE_COLUMNS;
            case MINUTES -> prefixed("minute");
            case PAID_FREE -> prefixed("traffic");
            case SAME_TIME -> prefixed("period", "date", "through");
            case PAGE_JUMPS -> List.of("step", "from_page", "to_page", "jumps", "step_rate", "cumulative_rate");
            case SESSION_FUNNEL -> List.of("step", "page_id", "sessions", "rate");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static List<String> prefixed(String... keys) {
        List<String> columns = new ArrayList<>(Arrays.asList(keys));
        columns.addAll(RATES);
        return columns;
    }

    /** Cube cells of one date per channel; the live view has no user or place, so those are unknown. */
    private static ResultTable cells(LocalDate date, Map<String, GmvDayCounts.Sums> channels) {
        List<List<Object>> rows = new ArrayList<>();
        channels.forEach((channel, s) -> rows.add(List.of(date, channel, GmvAnalysis.UNKNOWN_PLACE,
                GmvAnalysis.UNKNOWN_PLACE, GmvAnalysis.UNKNOWN, GmvAnalysis.UNKNOWN, GmvAnalysis.UNKNOWN, s.sessions,
                s.orders, BigDecimal.valueOf(s.gmvMicros, 6), s.withoutAmount)));
        return new ResultTable(GmvAnalysis.CUBE, GmvAnalysis.CELL_COLUMNS, rows);
    }

    private static ResultTable channelRows(ResultTable breakdown) {
        String channel = GmvDimension.CHANNEL.column();
        return new ResultTable(breakdown.name(), breakdown.columns(),
                breakdown.rows().stream().filter(r -> channel.equals(r.get(0))).toList());
    }

    private static GmvTotals totals(GmvDayCounts.Sums s) {
        return new GmvTotals(s.sessions, s.orders, money(s.gmvMicros));
    }

    private static GmvTotals totals(Iterable<GmvDayCounts.Sums> all) {
        GmvDayCounts.Sums sum = new GmvDayCounts.Sums();
        all.forEach(s -> sum.add(1, s.sessions, s.orders, s.gmvMicros, s.withoutAmount));
        return totals(sum);
    }

    private static double money(long micros) {
        return BigDecimal.valueOf(micros, 6).doubleValue();
    }

    private static List<Object> row(List<Object> keys, GmvTotals t) {
        return Collections.unmodifiableList(GmvCube.withRates(keys, t));
    }

    private static ResultTable minutes(GmvDayCounts today) {
        List<List<Object>> rows = new ArrayList<>();
        today.minutes.forEach((minute, s) -> rows.add(row(List.of(minute), totals(s))));
        return new ResultTable(MINUTES, columnsOf(MINUTES), rows);
    }

    private static ResultTable paidFree(GmvDayCounts today, List<String> paidChannels) {
        List<GmvDayCounts.Sums> paid = new ArrayList<>();
        List<GmvDayCounts.Sums> free = new ArrayList<>();
        today.channels.forEach((channel, s) -> (paidChannels.contains(channel) ? paid : free).add(s));
        return new ResultTable(PAID_FREE, columnsOf(PAID_FREE),
                List.of(row(List.of("paid"), totals(paid)), row(List.of("free"), totals(free))));
    }

    private static ResultTable sameTime(LocalDate day, LocalDateTime now, GmvTotals today,
                                        Map<String, GmvDayCounts.Sums> yesterday) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(List.of("today", day, TIME.format(now)), today));
        if (yesterday != null) {
            rows.add(row(List.of("yesterday", day.minusDays(1), TIME.format(now.minusDays(1))),
                    totals(yesterday.values())));
        }
        return new ResultTable(SAME_TIME, columnsOf(SAME_TIME), rows);
    }

    /** The batch bridge's rows of a cube whose base date holds only yesterday's same hours. */
    private static ResultTable bridge(LocalDate day, GmvDayCounts today, Map<String, GmvDayCounts.Sums> yesterday) {
        if (yesterday == null) {
            return new ResultTable(GmvAnalysis.BRIDGE, GmvAnalysis.BRIDGE_COLUMNS, List.of());
        }
        LocalDate base = day.minusDays(1);
        List<List<Object>> cells = new ArrayList<>(cells(base, yesterday).rows());
        cells.addAll(cells(day, today.channels).rows());
        GmvCube cube = GmvCube.from(new ResultTable(GmvAnalysis.CUBE, GmvAnalysis.CELL_COLUMNS, cells));
        DateRange before = new DateRange(base, base);
        DateRange now = new DateRange(day, day);
        List<List<Object>> rows = new ArrayList<>();
        cube.bridge(GmvDimension.CHANNEL, before, now).forEach(r -> rows.add(r.values()));
        rows.add(cube.bridgeTotal(before, now).values());
        return new ResultTable(GmvAnalysis.BRIDGE, GmvAnalysis.BRIDGE_COLUMNS, rows);
    }

    private static ResultTable pageJumps(GmvDayCounts today, List<Long> flow) {
        List<List<Object>> rows = new ArrayList<>();
        Long previous = today.views;
        for (int s = 0; s + 1 < flow.size(); s++) {
            long jumps = today.jumps[s];
            rows.add(Collections.unmodifiableList(Arrays.asList((long) s + 1, flow.get(s), flow.get(s + 1), jumps,
                    rate(jumps, previous), rate(jumps, today.views))));
            previous = jumps;
        }
        return new ResultTable(PAGE_JUMPS, columnsOf(PAGE_JUMPS), rows);
    }

    private static ResultTable sessionFunnel(GmvDayCounts today, List<Long> flow) {
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < flow.size(); s++) {
            long sessions = today.sessionsReaching[s];
            rows.add(Collections.unmodifiableList(Arrays.asList((long) s + 1, flow.get(s), sessions,
                    rate(sessions, today.sessionsReaching[0]))));
        }
        return new ResultTable(SESSION_FUNNEL, columnsOf(SESSION_FUNNEL), rows);
    }

    /** As the batch's rates: an exact double, null when the denominator is 0. */
    private static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
