package io.shoplens.engine.audience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * What the fake-order suspects do to an audience result: the same run with and without them
 * ({@code --exclude-suspects}), read as the tags whose share of the tagged users moves and the
 * tags whose odds ratio for the target moves (docs/ANALYSES.md, audience: tags, tag_lift).
 *
 * @param taggedWith    users with a tag, suspects in
 * @param taggedWithout users with a tag, suspects out
 * @param shares        tags whose share moves by {@link #SHARE_POINTS} or more, biggest move first, then by tag
 * @param odds          tags whose odds ratio moves by a factor of {@link #ODDS_FACTOR} or more (biggest
 *                      first, then by tag), then the tags tag_lift lists on one side only (by tag)
 * @param same          whether leaving the suspects out changes no table at all
 */
public record TagComparison(long taggedWith, long taggedWithout, List<ShareMove> shares, List<OddsMove> odds,
                            boolean same) {

    /**
     * Two points of the tagged users: below that a move is what any few users do to a small shop's
     * shares, suspects or not.
     */
    public static final double SHARE_POINTS = 0.02;
    /** Half as much again, or a third less: the tags' ranking in tag_lift changes at about that. */
    public static final double ODDS_FACTOR = 1.5;

    public TagComparison {
        shares = List.copyOf(shares);
        odds = List.copyOf(odds);
    }

    /** A tag's share of the tagged users (0 where no user has it) with and without the suspects. */
    public record ShareMove(String tag, double with, double without) {

        /** without − with, in shares (0.05 = five points). */
        public double points() {
            return without - with;
        }
    }

    /**
     * A tag's odds ratio with and without the suspects; null on the side where tag_lift does not
     * list it (fewer than --min-users users, or left out for the target).
     */
    public record OddsMove(String tag, Double with, Double without) {

        /** How many times larger or smaller, as |ln(without / with)|; infinite when one side is missing. */
        double size() {
            return with == null || without == null ? Double.POSITIVE_INFINITY : Math.abs(Math.log(without / with));
        }
    }

    /** The tagged users the suspects add: those left out that had a tag here. */
    public long usersLeftOut() {
        return taggedWith - taggedWithout;
    }

    /**
     * @param withSuspects    an audience result of a run with the suspects
     * @param withoutSuspects the same run with {@code --exclude-suspects}
     */
    public static TagComparison of(AnalysisResult withSuspects, AnalysisResult withoutSuspects) {
        return new TagComparison(tagged(withSuspects), tagged(withoutSuspects),
                shareMoves(withSuspects.table(AudienceAnalysis.TAGS), withoutSuspects.table(AudienceAnalysis.TAGS)),
                oddsMoves(withSuspects.table(AudienceAnalysis.TAG_LIFT),
                        withoutSuspects.table(AudienceAnalysis.TAG_LIFT)),
                withSuspects.equals(withoutSuspects));
    }

    private static long tagged(AnalysisResult result) {
        ResultTable userTags = result.table(AudienceAnalysis.USER_TAGS);
        int user = userTags.columnIndex(PeriodActions.USER_ID);
        return userTags.rows().stream().map(row -> row.get(user)).distinct().count();
    }

    private static List<ShareMove> shareMoves(ResultTable with, ResultTable without) {
        Map<String, Double> before = column(with, "share");
        Map<String, Double> after = column(without, "share");
        TreeSet<String> tags = new TreeSet<>(before.keySet());
        tags.addAll(after.keySet());
        // The suspect tag is the suspects themselves: that it goes with them says nothing.
        tags.remove(UserTags.SUSPECT);
        List<ShareMove> moves = new ArrayList<>();
        for (String tag : tags) {
            ShareMove move = new ShareMove(tag, before.getOrDefault(tag, 0.0), after.getOrDefault(tag, 0.0));
            if (Math.abs(move.points()) >= SHARE_POINTS) {
                moves.add(move);
            }
        }
        moves.sort(Comparator.comparingDouble((ShareMove m) -> -Math.abs(m.points())).thenComparing(ShareMove::tag));
        return moves;
    }

    private static List<OddsMove> oddsMoves(ResultTable with, ResultTable without) {
        Map<String, Double> before = column(with, "odds_ratio");
        Map<String, Double> after = column(without, "odds_ratio");
        TreeSet<String> tags = new TreeSet<>(before.keySet());
        tags.addAll(after.keySet());
        List<OddsMove> moves = new ArrayList<>();
        for (String tag : tags) {
            OddsMove move = new OddsMove(tag, before.get(tag), after.get(tag));
            // The factor in logs, so a halving counts as much as a doubling.
            if (move.size() >= Math.log(ODDS_FACTOR)) {
                moves.add(move);
            }
        }
        moves.sort(Comparator.comparingDouble((OddsMove m) -> Double.isInfinite(m.size()) ? 1 : 0)
                .thenComparingDouble(m -> Double.isInfinite(m.size()) ? 0 : -m.size())
                .thenComparing(OddsMove::tag));
        return moves;
    }

    /** tag → the value of {@code column} (rows without a value left out). */
    private static Map<String, Double> column(ResultTable table, String column) {
        int tag = table.columnIndex(UserTags.TAG);
        int value = table.columnIndex(column);
        Map<String, Double> values = new TreeMap<>();
        for (List<Object> row : table.rows()) {
            if (row.get(value) instanceof Number n) {
                values.put(Objects.toString(row.get(tag)), n.doubleValue());
            }
        }
        return values;
    }
}
