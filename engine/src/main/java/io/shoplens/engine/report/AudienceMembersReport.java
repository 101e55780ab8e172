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

    public static List<String> paragraphs(AnalysisResult result) {
        if (!covers(result)) {
            return List.of();
        }
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(suspects(result.table(AudienceMembers.SUSPECTS), result.table(AudienceMembers.SUSPECT_USERS)));
        paragraphs.add(segments(result.table(AudienceMembers.RFM)));
        paragraphs.add(moves(result.table(AudienceMembers.TIER_MOVES)));
        paragraphs.add(amplification(result.table(AudienceMembers.AMPLIFICATION)));
        return paragraphs;
    }

    static List<Figure> figures(AnalysisResult result) {
        if (!covers(result)) {
            return List.of();
        }
        ResultTable rfm = result.table(AudienceMembers.RFM);
        ResultTable moves = result.table(AudienceMembers.TIER_MOVES);
        ResultTable amplification = result.table(AudienceMembers.AMPLIFICATION);
        return List.of(
                new Figure("R×F grid: paying users per cell and its segment (r: recency quintile, f: frequency "
                        + "quintile; 5 is best)", rfGrid(rfm, false), 360),
                new Figure("R×F grid: GMV per cell", rfGrid(rfm, true), 360),
                new Figure("Tier moves: users by segment at the end of the base period (rows) and of the current "
                        + "period (columns)", movesMatrix(moves), 460),
                new Figure("Sessions by week since the first session: free and paid channels, per cohort",
                        sessionWeeks(amplification), ReportCharts.HEIGHT),
                new Figure("Free-channel GMV by week since the first session, per cohort",
                        freeGmvWeeks(amplification), ReportCharts.HEIGHT));
    }

    public static String suspects(ResultTable suspects, ResultTable users) {
        Map<String, Long> perRule = new LinkedHashMap<>();
        SuspectRules.RULES.forEach(rule -> perRule.put(rule, 0L));
        for (List<Object> row : suspects.rows()) {
            perRule.merge((String) row.get(suspects.columnIndex("rule")), 1L, Long::sum);
        }
        StringBuilder text = new StringBuilder("Fake orders: ");
        if (users.rows().isEmpty()) {
            text.append("no suspect users (no user was flagged by two rules or more).");
        } else {
            text.append(count(users.rows().size(), "suspect user")).append(" (flagged by two rules or more), with ")
                    .append(count(sum(users, "sessions"), "session")).append(", ")
                    .append(count(sum(users, "pays"), "pay")).append(" and GMV ")
                    .append(GmvBridgeText.money(sumDouble(users, "gmv"))).append('.');
        }
        text.append(" Sessions flagged, by rule: ");
        List<String> rules = new ArrayList<>();
        perRule.forEach((rule, n) -> rules.add(rule + " " + n));
        return text.append(String.join(", ", rules)).append('.').toString();
    }

    public static String segments(ResultTable rfm) {
        if (rfm.rows().isEmpty()) {
            return "Member tiers: no user has paid yet.";
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
        return "Member tiers: " + count(rfm.rows().size(), "paying user") + ". Users (and GMV) by segment: "
                + String.join(", ", parts) + ".";
    }

    public static String moves(ResultTable moves) {
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
            return "Tier moves: no users.";
        }
        // Table order (grid order) breaks ties between moves of as many users.
        changes.sort(Comparator.comparingLong(r -> -(Long) r.get(2)));
        List<String> largest = changes.stream().limit(3).map(r -> r.get(0) + " → " + r.get(1) + " " + r.get(2))
                .toList();
        StringBuilder text = new StringBuilder("Tier moves: ").append(moved).append(" of ").append(count(all, "user"))
                .append(" changed segment between the end of the base period and the end of the current one");
        if (!largest.isEmpty()) {
            text.append("; the largest moves: ").append(String.join(", ", largest));
        }
        return text.append('.').toString();
    }

    public static String amplification(ResultTable table) {
        StringBuilder text = new StringBuilder("Paid traffic tags, free traffic amplifies. ");
        List<String> cohorts = new ArrayList<>();
        for (String cohort : List.of(Amplification.PAID_ACQUIRED, Amplification.FREE_ACQUIRED)) {
            cohortText(table, cohort).ifPresent(cohorts::add);
        }
        if (cohorts.isEmpty()) {
            return text.append("No sessions.").toString();
        }
        return text.append(String.join(" ", cohorts)).toString();
    }

    private static Optional<String> cohortText(ResultTable table, String cohort) {
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
        String who = cohort.equals(Amplification.PAID_ACQUIRED) ? "paid-acquired" : "free-acquired";
        StringBuilder text = new StringBuilder("the ").append(count(users, who + " user"))
                .append(cohort.equals(Amplification.PAID_ACQUIRED) ? " (first session on a paid channel)" : "");
        if (later[0] + later[1] == 0) {
            text.append(" did not come back after their first week");
        } else {
            text.append(" came back through free channels in ").append(percent(later[1], later[0] + later[1]))
                    .append(" of their sessions after their first week, with free-channel GMV ")
                    .append(GmvBridgeText.money(laterGmv));
        }
        text.append(" (first week: ").append(percent(first[1], first[0] + first[1])).append(" free).");
        return Optional.of(capitalised(text.toString()));
    }

    /** Free and paid sessions of each cohort by week since the first session, as lines. */
    public static JFreeChart sessionWeeks(ResultTable amplification) {
        return Charts.steps(null, "Weeks since the first session", "Sessions", weekly(amplification, true), true);
    }

    /** Free-channel GMV of each cohort by week since the first session, as lines. */
    public static JFreeChart freeGmvWeeks(ResultTable amplification) {
        return Charts.steps(null, "Weeks since the first session", "GMV", weekly(amplification, false), true);
    }

    /** The R×F grid as a heat map: paying users (or, with {@code gmv}, their GMV) per cell, named by segment. */
    public static JFreeChart rfGrid(ResultTable rfm, boolean gmv) {
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
        return HeatMaps.grid("f (frequency)", quintiles, "r (recency)", quintiles, values, labels, names);
    }

    /** Users by segment at the end of the base period (rows) and of the current one (columns). */
    public static JFreeChart movesMatrix(ResultTable moves) {
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
        return HeatMaps.grid("to (current period)", segments, "from (base period)", rows, values, labels, null);
    }

    private static XYSeriesCollection weekly(ResultTable table, boolean sessions) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String cohort : List.of(Amplification.PAID_ACQUIRED, Amplification.FREE_ACQUIRED)) {
            String who = cohort.equals(Amplification.PAID_ACQUIRED) ? "paid-acquired" : "free-acquired";
            XYSeries free = new XYSeries(who + (sessions ? ", free sessions" : ", free GMV"));
            XYSeries paid = new XYSeries(who + ", paid sessions");
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

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "no sessions" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
