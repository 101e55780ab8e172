package io.shoplens.engine.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.audience.Amplification;
import io.shoplens.engine.audience.AudienceMembers;
import io.shoplens.engine.audience.MemberTiers;
import io.shoplens.engine.model.SuspectRules;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.HeatMaps;

/**
 * The member part of a report's audience section: the fake-order suspects in words, the R×F grid
 * as heat maps (users and GMV per cell), the tier moves as a from→to matrix, and amplification as
 * lines by week since the first session with the free share in words. Every number comes from
 * the result tables, so the report says what the CSV files hold. The app's Audience view shows
 * the same charts and words.
 */
public final class AudienceMembersReport {

    /** A chart and the height it is drawn at. */
    record Figure(String caption, JFreeChart chart, int height) {
    }

    private AudienceMembersReport() {
    }

    /** Whether {@code result} holds the member tables. */
    public static boolean covers(AnalysisResult result) {
        return result.tables().stream().anyMatch(t -> t.name().equals(AudienceMembers.RFM));
    }

    public static List<String> paragraphs(AnalysisResult result, ReportText words) {
        if (!covers(result)) {
            return List.of();
        }
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(suspects(result.table(AudienceMembers.SUSPECTS), result.table(AudienceMembers.SUSPECT_USERS),
                words));
        paragraphs.add(segments(result.table(AudienceMembers.RFM), words));
        paragraphs.add(moves(result.table(AudienceMembers.TIER_MOVES), words));
        paragraphs.add(amplification(result.table(AudienceMembers.AMPLIFICATION), words));
        return paragraphs;
    }

    static List<Figure> figures(AnalysisResult result, ReportText words) {
        if (!covers(result)) {
            return List.of();
        }
        ResultTable rfm = result.table(AudienceMembers.RFM);
        ResultTable moves = result.table(AudienceMembers.TIER_MOVES);
        ResultTable amplification = result.table(AudienceMembers.AMPLIFICATION);
        return List.of(
                new Figure(words.get("chart.rfm.users"), rfGrid(rfm, false, words), 360),
                new Figure(words.get("chart.rfm.gmv"), rfGrid(rfm, true, words), 360),
                new Figure(words.get("chart.moves"), movesMatrix(moves, words), 460),
                new Figure(words.get("chart.amplification.sessions"), sessionWeeks(amplification, words),
                        ReportCharts.HEIGHT),
                new Figure(words.get("chart.amplification.gmv"), freeGmvWeeks(amplification, words),
                        ReportCharts.HEIGHT));
    }

    public static String suspects(ResultTable suspects, ResultTable users, ReportText words) {
        Map<String, Long> perRule = new LinkedHashMap<>();
        SuspectRules.RULES.forEach(rule -> perRule.put(rule, 0L));
        for (List<Object> row : suspects.rows()) {
            perRule.merge((String) row.get(suspects.columnIndex("rule")), 1L, Long::sum);
        }
        StringBuilder text = new StringBuilder(words.get("members.fakeOrders"));
        if (users.rows().isEmpty()) {
            text.append(words.get("members.noSuspects"));
        } else {
            text.append(words.get("members.suspects", words.count(users.rows().size(), "suspectUser"),
                    words.count(sum(users, "sessions"), "session"), words.count(sum(users, "pays"), "pay"),
                    GmvBridgeText.money(sumDouble(users, "gmv"))));
        }
        List<String> rules = new ArrayList<>();
        perRule.forEach((rule, n) -> rules.add(rule + " " + n));
        return text.append(words.get("members.byRule", String.join(words.get("list.separator"), rules))).toString();
    }

    public static String segments(ResultTable rfm, ReportText words) {
        if (rfm.rows().isEmpty()) {
            return words.get("members.noPayers");
        }
        Map<String, long[]> users = new LinkedHashMap<>();
        Map<String, Double> gmv = new LinkedHashMap<>();
        MemberTiers.SEGMENTS.forEach(s -> {
            users.put(s, new long[1]);
            gmv.put(s, 0.0);
        });
        for (List<Object> row : rfm.rows()) {
            String segment = (String) row.get(rfm.columnIndex("segment"));
            users.get(segment)[0]++;
            gmv.merge(segment, number(row.get(rfm.columnIndex("monetary"))), Double::sum);
        }
        List<String> parts = new ArrayList<>();
        users.forEach((segment, n) -> {
            if (n[0] > 0) {
                parts.add(segment + " " + n[0] + " (" + GmvBridgeText.money(gmv.get(segment)) + ")");
            }
        });
        return words.get("members.segments", words.count(rfm.rows().size(), "payingUser"),
                String.join(words.get("list.separator"), parts));
    }

    public static String moves(ResultTable moves, ReportText words) {
        long all = 0;
        long moved = 0;
        List<List<Object>> changes = new ArrayList<>();
        for (List<Object> row : moves.rows()) {
            long n = (Long) row.get(moves.columnIndex("users"));
            all += n;
            if (!row.get(0).equals(row.get(1))) {
                moved += n;
                changes.add(row);
            }
        }
        if (all == 0) {
            return words.get("members.noMoves");
        }
        // Table order (grid order) breaks ties between moves of as many users.
        changes.sort(Comparator.comparingLong(r -> -(Long) r.get(2)));
        List<String> largest = changes.stream().limit(3).map(r -> r.get(0) + " → " + r.get(1) + " " + r.get(2))
                .toList();
        StringBuilder text = new StringBuilder(words.get("members.moves", String.valueOf(moved),
                words.count(all, "user")));
        if (!largest.isEmpty()) {
            text.append(words.get("members.largestMoves", String.join(words.get("list.separator"), largest)));
        }
        return text.append(words.get("sentence.end")).toString();
    }

    public static String amplification(ResultTable table, ReportText words) {
        StringBuilder text = new StringBuilder(words.get("members.amplification"));
        List<String> cohorts = new ArrayList<>();
        for (String cohort : List.of(Amplification.PAID_ACQUIRED, Amplification.FREE_ACQUIRED)) {
            cohortText(table, cohort, words).ifPresent(cohorts::add);
        }
        if (cohorts.isEmpty()) {
            return text.append(words.get("members.noSessions")).toString();
        }
        return text.append(String.join(" ", cohorts)).toString();
    }

    private static Optional<String> cohortText(ResultTable table, String cohort, ReportText words) {
        long users = 0;
        long[] first = new long[2];
        long[] later = new long[2];
        double laterGmv = 0;
        for (List<Object> row : table.rows()) {
            if (!cohort.equals(row.get(0))) {
                continue;
            }
            long week = (Long) row.get(table.columnIndex("weeks_since_first"));
            long paid = (Long) row.get(table.columnIndex("paid_sessions"));
            long free = (Long) row.get(table.columnIndex("free_sessions"));
            if (week == 0) {
                users = (Long) row.get(table.columnIndex("users"));
                first[0] += paid;
                first[1] += free;
            } else {
                later[0] += paid;
                later[1] += free;
                laterGmv += number(row.get(table.columnIndex("gmv_free")));
            }
        }
        if (users == 0) {
            return Optional.empty();
        }
        boolean paid = cohort.equals(Amplification.PAID_ACQUIRED);
        StringBuilder text = new StringBuilder(words.get("members.cohort",
                words.count(users, paid ? "paidAcquiredUser" : "freeAcquiredUser"),
                paid ? words.get("members.paidCohortNote") : ""));
        if (later[0] + later[1] == 0) {
            text.append(words.get("members.noReturn"));
        } else {
            text.append(words.get("members.returned", percent(later[1], later[0] + later[1], words),
                    GmvBridgeText.money(laterGmv)));
        }
        text.append(words.get("members.firstWeek", percent(first[1], first[0] + first[1], words)));
        return Optional.of(text.toString());
    }

    /** Free and paid sessions of each cohort by week since the first session, as lines. */
    public static JFreeChart sessionWeeks(ResultTable amplification, ReportText words) {
        return Charts.steps(null, words.get("axis.weeks"), words.get("axis.sessions"),
                weekly(amplification, true, words), true);
    }

    /** Free-channel GMV of each cohort by week since the first session, as lines. */
    public static JFreeChart freeGmvWeeks(ResultTable amplification, ReportText words) {
        return Charts.steps(null, words.get("axis.weeks"), words.get("axis.gmv"),
                weekly(amplification, false, words), true);
    }

    /** The R×F grid as a heat map: paying users (or, with {@code gmv}, their GMV) per cell, named by segment. */
    public static JFreeChart rfGrid(ResultTable rfm, boolean gmv, ReportText words) {
        double[][] values = new double[5][5];
        for (List<Object> row : rfm.rows()) {
            int r = ((Long) row.get(rfm.columnIndex("r"))).intValue() - 1;
            int f = ((Long) row.get(rfm.columnIndex("f"))).intValue() - 1;
            values[r][f] += gmv ? number(row.get(rfm.columnIndex("monetary"))) : 1;
        }
        String[][] labels = new String[5][5];
        String[][] names = new String[5][5];
        for (int r = 0; r < 5; r++) {
            for (int f = 0; f < 5; f++) {
                labels[r][f] = gmv ? GmvBridgeText.money(values[r][f]) : String.valueOf((long) values[r][f]);
                names[r][f] = MemberTiers.segmentOf(r + 1, f + 1);
            }
        }
        List<String> quintiles = List.of("1", "2", "3", "4", "5");
        return HeatMaps.grid(words.get("axis.frequency"), quintiles, words.get("axis.recency"), quintiles, values,
                labels, names);
    }

    /** Users by segment at the end of the base period (rows) and of the current one (columns). */
    public static JFreeChart movesMatrix(ResultTable moves, ReportText words) {
        List<String> segments = new ArrayList<>(MemberTiers.SEGMENTS);
        segments.add(MemberTiers.NONE);
        // Rows bottom to top: reversed, so the matrix reads from the top-left like the table.
        List<String> rows = new ArrayList<>(segments);
        java.util.Collections.reverse(rows);
        double[][] values = new double[rows.size()][segments.size()];
        String[][] labels = new String[rows.size()][segments.size()];
        for (List<Object> row : moves.rows()) {
            int r = rows.indexOf((String) row.get(0));
            int c = segments.indexOf((String) row.get(1));
            values[r][c] = (Long) row.get(2);
            labels[r][c] = String.valueOf(row.get(2));
        }
        return HeatMaps.grid(words.get("axis.toCurrent"), segments, words.get("axis.fromBase"), rows, values, labels,
                null);
    }

    private static XYSeriesCollection weekly(ResultTable table, boolean sessions, ReportText words) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String cohort : List.of(Amplification.PAID_ACQUIRED, Amplification.FREE_ACQUIRED)) {
            String who = words.get(cohort.equals(Amplification.PAID_ACQUIRED) ? "cohort.paid" : "cohort.free");
            XYSeries free = new XYSeries(words.get(sessions ? "series.freeSessions" : "series.freeGmv", who));
            XYSeries paid = new XYSeries(words.get("series.paidSessions", who));
            for (List<Object> row : table.rows()) {
                if (cohort.equals(row.get(0))) {
                    long week = (Long) row.get(table.columnIndex("weeks_since_first"));
                    free.add(week, number(row.get(table.columnIndex(sessions ? "free_sessions" : "gmv_free"))));
                    paid.add(week, number(row.get(table.columnIndex("paid_sessions"))));
                }
            }
            data.addSeries(free);
            if (sessions) {
                data.addSeries(paid);
            }
        }
        return data;
    }

    private static long sum(ResultTable table, String column) {
        return table.rows().stream().mapToLong(r -> (Long) r.get(table.columnIndex(column))).sum();
    }

    private static double sumDouble(ResultTable table, String column) {
        return table.rows().stream().mapToDouble(r -> number(r.get(table.columnIndex(column)))).sum();
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    private static String percent(long part, long whole, ReportText words) {
        return whole == 0 ? words.get("members.noSessionsShare")
                : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
