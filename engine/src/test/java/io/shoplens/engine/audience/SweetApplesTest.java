package io.shoplens.engine.audience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.testing.Tables;

/**
 * tag_lift, lookalikes and lookalike_check on {@link SweetApplesFixture}; every number by hand,
 * with odds_ratio = ((s+1)(F−f+1)) / ((S−s+1)(f+1)) and lift = (s/(s+f)) / (S/(S+F)).
 */
class SweetApplesTest {

    @Test
    void anyPayLiftsWithThePriorAndCutsTagsUnderMinUsers() {
        // S = 1-4, F = 5-8. bought:7, bought:8 and suspect are the target's own; d and e have 2 users < 3.
        ResultTable lift = SweetApplesFixture.result("pay").table("tag_lift");
        assertThat(lift.columns()).containsExactly("tag", "seed_users", "other_users", "lift", "odds_ratio");
        assertThat(Tables.lines(lift)).containsExactly(
                // f = 0: the +1 prior keeps it finite: (4·5) / (2·1)
                "searched:f|3|0|2.0|10.0",
                // a: 4 users, (4·4) / (2·2)
                "searched:a|3|1|1.5|4.0",
                // b, g, h: 3 users, exactly --min-users; equal odds ratios in tag order
                "searched:b|2|1|1.3333333333333333|2.0",
                "searched:g|2|1|1.3333333333333333|2.0",
                "searched:h|2|1|1.3333333333333333|2.0",
                // s = 0: (1·1) / (5·5)
                "searched:c|0|4|0.0|0.04");
    }

    @Test
    void lookalikesSumTheLogOddsOfTheirLiftingTagsInTagOrderTiesByUserId() {
        ResultTable lookalikes = SweetApplesFixture.result("pay").table("lookalikes");
        assertThat(lookalikes.columns()).containsExactly("rank", "user_id", "score", "matched_tags");
        assertThat(Tables.lines(lookalikes)).containsExactly(
                // ln 4 + ln 2 (c's odds ratio is below 1)
                "1|5|2.0794415416798357|searched:a;searched:h",
                // ln 2 each (e is cut): the smaller user id first
                "2|6|0.6931471805599453|searched:b",
                "3|8|0.6931471805599453|searched:g");
        // User 7 (c and d only) scores 0 and is one of the others.
    }

    @Test
    void backtestCountsWhoHitTheTargetInTheCurrentPeriod() {
        ResultTable check = SweetApplesFixture.result("pay").table("lookalike_check");
        assertThat(check.columns()).containsExactly("group", "users", "converted", "rate");
        // 5, 6, 8 paid in the current period, 7 did not; 1 and 9 are not scored.
        assertThat(Tables.lines(check)).containsExactly("lookalikes|3|3|1.0", "others|1|0|0.0");
    }

    @Test
    void aCategoryTargetLeavesOutOnlyItsOwnBoughtTag() {
        // S = 1, 2 (base pays of category 7), F = 3-8; --min-users 2 cuts only suspect (1 user).
        ResultTable lift = SweetApplesFixture.result("category:7").table("tag_lift");
        assertThat(Tables.lines(lift)).containsExactly(
                "searched:f|2|1|2.6666666666666665|9.0",
                "searched:h|2|1|2.6666666666666665|9.0",
                "searched:a|2|2|2.0|5.0",
                "searched:d|1|1|2.0|3.0",
                "searched:b|1|2|1.3333333333333333|1.6666666666666667",
                "searched:g|1|2|1.3333333333333333|1.6666666666666667",
                "bought:8|0|2|0.0|0.5555555555555556",
                "searched:e|0|2|0.0|0.5555555555555556",
                "searched:c|0|4|0.0|0.2");
    }

    @Test
    void lookalikesOfACategoryTieInScoreAndAtTheCut() {
        ResultTable lookalikes = SweetApplesFixture.result("category:7").table("lookalikes");
        assertThat(Tables.lines(lookalikes)).containsExactly(
                // ln 5 + ln 9 both
                "1|3|3.8066624897703196|searched:a;searched:f",
                "2|5|3.8066624897703196|searched:a;searched:h",
                // ln 3 as Spark takes it (fdlibm's StrictMath.log, one ulp under the rounded 1.0986122886681098)
                "3|7|1.0986122886681096|searched:d",
                // ln(10/6) twice
                "4|4|1.0216512475319814|searched:b;searched:g",
                // users 6 and 8 tie at ln(10/6); the 5th place goes to the smaller id
                "5|6|0.5108256237659907|searched:b");
        // Of the scored users 3-8, only 6 paid for category 7 in the current period.
        assertThat(Tables.lines(SweetApplesFixture.result("category:7").table("lookalike_check")))
                .containsExactly("lookalikes|5|1|0.2", "others|1|0|0.0");
    }

    @Test
    void aProductTargetLeavesOutTheBoughtTagOfItsCategory() {
        // S = 1 (the only base pay of product 70), F = 2-8.
        ResultTable lift = SweetApplesFixture.result("product:70").table("tag_lift");
        assertThat(lift.rows()).extracting(r -> (String) r.get(0)).containsExactlyInAnyOrder("bought:8",
                "searched:a", "searched:b", "searched:c", "searched:d", "searched:e", "searched:f", "searched:g",
                "searched:h");
        assertThat(Tables.lines(lift)).contains(
                // (2·6) / (1·3); lift (1/3) / (1/8)
                "searched:f|1|2|2.6666666666666665|4.0",
                // (1·6) / (2·3)
                "bought:8|0|2|0.0|1.0");
        assertThat(Target.of(AudienceParams.parseTarget("product:70"),
                AnalysisInput.of(SweetApplesFixture.tables(), SessionFilter.NONE).sessions()).categories())
                .containsExactly(7L);
    }
}
