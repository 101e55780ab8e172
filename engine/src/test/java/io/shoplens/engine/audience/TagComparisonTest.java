package io.shoplens.engine.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.audience.TagComparison.OddsMove;
import io.shoplens.engine.audience.TagComparison.ShareMove;

/**
 * Two audience results written by hand: five tagged users with the suspect (user 5), four
 * without. Shares and odds ratios per tag, with → without:
 * <pre>
 * price:low       0.5  → 0.25   −25 points        searched:火锅  0.2 → (none)  −20 points
 * likes:7         0.6  → 0.75   +15 points        channel:search 0.4 → 0.5     +10 points
 * city:北京       0.2  → 0.25   +5 points         age_group:25-34 0.5 → 0.51   +1 point: too small
 * suspect         0.2  → (none)  the suspects themselves: not a move
 * odds: likes:7 4.0 → 1.6 (÷2.5), sex:male 0.5 → 1.0 (×2), channel:search 1.2 → 1.5 (×1.25: too small),
 *       city:北京 2.0 → (not listed), searched:蛋糕 (not listed) → 3.0
 * </pre>
 */
class TagComparisonTest {

    @Test
    void tagsWhoseShareOrOddsRatioMoveAreListedBiggestFirst() {
        AnalysisResult with = audience(5, List.of(
                        tag("price:low", 0.5), tag("searched:火锅", 0.2), tag("likes:7", 0.6), tag("channel:search", 0.4),
                        tag("city:北京", 0.2), tag("age_group:25-34", 0.5), tag("suspect", 0.2)),
                List.of(odds("likes:7", 4.0), odds("sex:male", 0.5), odds("channel:search", 1.2), odds("city:北京", 2.0)));
        AnalysisResult without = audience(4, List.of(
                        tag("price:low", 0.25), tag("likes:7", 0.75), tag("channel:search", 0.5), tag("city:北京", 0.25),
                        tag("age_group:25-34", 0.51)),
                List.of(odds("likes:7", 1.6), odds("sex:male", 1.0), odds("channel:search", 1.5),
                        odds("searched:蛋糕", 3.0)));

        TagComparison comparison = TagComparison.of(with, without);

        assertThat(comparison.taggedWith()).isEqualTo(5);
        assertThat(comparison.taggedWithout()).isEqualTo(4);
        assertThat(comparison.usersLeftOut()).isEqualTo(1);
        assertThat(comparison.same()).isFalse();
        assertThat(comparison.shares()).containsExactly(
                new ShareMove("price:low", 0.5, 0.25),
                new ShareMove("searched:火锅", 0.2, 0.0),
                new ShareMove("likes:7", 0.6, 0.75),
                new ShareMove("channel:search", 0.4, 0.5),
                new ShareMove("city:北京", 0.2, 0.25));
        assertThat(comparison.shares().get(0).points()).isEqualTo(-0.25);
        assertThat(comparison.odds()).containsExactly(
                new OddsMove("likes:7", 4.0, 1.6),
                new OddsMove("sex:male", 0.5, 1.0),
                new OddsMove("city:北京", 2.0, null),
                new OddsMove("searched:蛋糕", null, 3.0));
    }

    @Test
    void theSameResultTwiceMovesNothing() {
        AnalysisResult result = audience(4, List.of(tag("likes:7", 0.75)), List.of(odds("likes:7", 1.6)));

        TagComparison comparison = TagComparison.of(result, result);

        assertThat(comparison.same()).isTrue();
        assertThat(comparison.usersLeftOut()).isZero();
        assertThat(comparison.shares()).isEmpty();
        assertThat(comparison.odds()).isEmpty();
    }

    /** An audience result with users 1…{@code users} tagged (one tag each is enough here) and the given tag tables. */
    static AnalysisResult audience(int users, List<List<Object>> tags, List<List<Object>> lift) {
        List<List<Object>> userTags = new ArrayList<>();
        for (long user = 1; user <= users; user++) {
            userTags.add(List.of(user, "channel:search"));
        }
        return new AnalysisResult(AudienceAnalysis.NAME, List.of(
                new ResultTable(AudienceAnalysis.USER_TAGS, AudienceAnalysis.USER_TAGS_COLUMNS, userTags),
                new ResultTable(AudienceAnalysis.TAGS, AudienceAnalysis.TAGS_COLUMNS, tags),
                new ResultTable(AudienceAnalysis.TAG_LIFT, TagLift.COLUMNS, lift)));
    }

    private static List<Object> tag(String tag, double share) {
        return List.of(tag, 0L, share);
    }

    private static List<Object> odds(String tag, double oddsRatio) {
        return List.of(tag, 0L, 0L, 1.0, oddsRatio);
    }
}
