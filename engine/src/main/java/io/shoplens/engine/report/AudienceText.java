package io.shoplens.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.audience.AudienceAnalysis;

/**
 * The audience analysis in words: how the look-alikes did against the other users in the current
 * period (the backtest of docs/ANALYSES.md, lookalike_check), and for each habit how many of its
 * buyers lapsed and what most of them bought instead.
 */
public final class AudienceText {

    private AudienceText() {
    }

    public static List<String> of(AnalysisResult audience, ReportText words) {
        List<String> paragraphs = new ArrayList<>();
        if (!audience.has(AudienceAnalysis.LOOKALIKE_CHECK) || !audience.has(AudienceAnalysis.LAPSED_SUMMARY)) {
            // The member tables alone: their words are AudienceMembersReport's.
            return paragraphs;
        }
        backtest(audience.table(AudienceAnalysis.LOOKALIKE_CHECK), words).ifPresent(paragraphs::add);
        ResultTable summary = audience.table(AudienceAnalysis.LAPSED_SUMMARY);
        ResultTable substitutes = audience.table(AudienceAnalysis.LAPSED_SUBSTITUTES);
        for (List<Object> habit : summary.rows()) {
            lapse(habit, summary, substitutes, words).ifPresent(paragraphs::add);
        }
        return paragraphs;
    }

    /** "Look-alikes converted at 41% in the current period, the others at 12% (…)." */
    public static Optional<String> backtest(ResultTable check, ReportText words) {
        Optional<List<Object>> lookalikes = row(check, "group", "lookalikes");
        Optional<List<Object>> others = row(check, "group", "others");
        if (lookalikes.isEmpty() || others.isEmpty()) {
            return Optional.empty();
        }
        long lookalikeUsers = number(check, lookalikes.get(), "users");
        long otherUsers = number(check, others.get(), "users");
        if (lookalikeUsers == 0) {
            return Optional.of(words.get("audience.noLookalikes"));
        }
        String converted = words.get("audience.converted", percent(check, lookalikes.get()));
        if (otherUsers == 0) {
            return Optional.of(words.get("audience.allLookalikes", converted, words.count(lookalikeUsers, "user")));
        }
        return Optional.of(words.get("audience.backtest", converted, percent(check, others.get()),
                words.count(lookalikeUsers, "user"), words.count(otherUsers, "user")));
    }

    /** "Of the 43 habit buyers of category:5, 36 (84%) lapsed; most of them turned to category:6 (…)." */
    private static Optional<String> lapse(List<Object> habit, ResultTable summary, ResultTable substitutes,
                                          ReportText words) {
        String item = String.valueOf(habit.get(summary.columnIndex("lapsed")));
        long buyers = number(summary, habit, "habit_buyers");
        long lapsed = number(summary, habit, "lapsed_buyers");
        if (buyers == 0) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(words.get("audience.lapse", words.count(buyers, "user"), item,
                String.valueOf(lapsed), percent(summary, habit, "lapse_rate")));
        Optional<List<Object>> top = substitutes.rows().stream()
                .filter(r -> item.equals(r.get(substitutes.columnIndex("lapsed")))).findFirst();
        if (top.isPresent()) {
            List<Object> r = top.get();
            text.append(words.get("audience.substitute", String.valueOf(r.get(substitutes.columnIndex("item"))),
                    percent(substitutes, r, "share"), times(r.get(substitutes.columnIndex("switch_index")), words)));
        }
        return Optional.of(text.append(words.get("sentence.end")).toString());
    }

    private static Optional<List<Object>> row(ResultTable table, String column, String value) {
        return table.rows().stream().filter(r -> value.equals(r.get(table.columnIndex(column)))).findFirst();
    }

    private static long number(ResultTable table, List<Object> row, String column) {
        return row.get(table.columnIndex(column)) instanceof Number n ? n.longValue() : 0;
    }

    private static String percent(ResultTable check, List<Object> row) {
        return percent(check, row, "rate");
    }

    private static String percent(ResultTable table, List<Object> row, String column) {
        return row.get(table.columnIndex(column)) instanceof Number n
                ? String.format(Locale.ROOT, "%.0f%%", n.doubleValue() * 100) : "–";
    }

    private static String times(Object value, ReportText words) {
        return value instanceof Number n
                ? words.get("audience.times", String.format(Locale.ROOT, "%.1f", n.doubleValue())) : "–";
    }
}
