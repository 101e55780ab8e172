package io.shoplens.engine.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.testing.Tables;

class UserTagsTest {

    @Test
    void everyUserActiveInTheBasePeriodIsTaggedByTheRulesAtTheirThresholds() {
        ResultTable tags = TagsFixture.result().table("user_tags");
        assertThat(tags.columns()).containsExactly("user_id", "tag");
        assertThat(Tables.lines(tags)).containsExactly(
                "1|age_group:25-34",
                "1|bought:1",
                "1|channel:search",
                "1|city:北京",
                // 3 base clicks on category 1, one without a product; the 3 on category 2 were before the base
                "1|likes:1",
                // 2 of 3 product clicks on self-operated products: exactly 2/3
                "1|prefers:self",
                // mean 10 of the paid items' prices 10, 20, 30, 40: at most the 1/3 quantile, 20
                "1|price:low",
                "1|professional:teacher",
                "1|searched:火锅",
                "1|sex:male",
                "2|age_group:<18",
                "2|bought:2",
                // the first action in the base period, not the session's first (06-30, social)
                "2|channel:direct",
                "2|city:上海",
                // 2 of 3 product clicks third party; the click on 99 (no status) counts in the whole
                "2|prefers:third_party",
                // mean 30: exactly the 2/3 quantile
                "2|price:high",
                "2|professional:student",
                "2|sex:female",
                "2|suspect",
                "3|age_group:45-54",
                // "1,-1": -1 names no category
                "3|bought:1",
                "3|city:北京",
                // mean 20: exactly the 1/3 quantile. No channel, no prefers (1 of 2 self)
                "3|price:low",
                "3|professional:teacher",
                "3|searched:火锅",
                "3|searched:蛋糕",
                "3|sex:female",
                "4|age_group:55+",
                "4|channel:recommend",
                "4|city:北京",
                "4|searched:温泉",
                "4|sex:male",
                "5|channel:search",
                "5|searched:蛋糕",
                "6|age_group:18-24",
                "6|bought:2",
                "6|bought:3",
                "6|channel:direct",
                "6|city:上海",
                "6|likes:2",
                "6|prefers:third_party",
                // 40 (product 14 has no price and is left out of the mean)
                "6|price:high",
                "6|professional:student",
                "6|sex:male");
    }

    @Test
    void tagsCountTheirUsersAndShareOfTaggedUsers() {
        ResultTable tags = TagsFixture.result().table("tags");
        assertThat(tags.columns()).containsExactly("tag", "users", "share");
        assertThat(Tables.lines(tags)).containsExactly(
                "city:北京|3|0.5",
                "sex:male|3|0.5",
                "bought:1|2|0.3333333333333333",
                "bought:2|2|0.3333333333333333",
                "channel:direct|2|0.3333333333333333",
                "channel:search|2|0.3333333333333333",
                "city:上海|2|0.3333333333333333",
                "prefers:third_party|2|0.3333333333333333",
                "price:high|2|0.3333333333333333",
                "price:low|2|0.3333333333333333",
                "professional:student|2|0.3333333333333333",
                "professional:teacher|2|0.3333333333333333",
                "searched:火锅|2|0.3333333333333333",
                "searched:蛋糕|2|0.3333333333333333",
                "sex:female|2|0.3333333333333333",
                "age_group:18-24|1|0.16666666666666666",
                "age_group:25-34|1|0.16666666666666666",
                "age_group:45-54|1|0.16666666666666666",
                "age_group:55+|1|0.16666666666666666",
                "age_group:<18|1|0.16666666666666666",
                "bought:3|1|0.16666666666666666",
                "channel:recommend|1|0.16666666666666666",
                "likes:1|1|0.16666666666666666",
                "likes:2|1|0.16666666666666666",
                "prefers:self|1|0.16666666666666666",
                "searched:温泉|1|0.16666666666666666",
                "suspect|1|0.16666666666666666");
    }

    @Test
    void anyPayTargetLeavesOutEveryTagDrawnFromPays() {
        // S = 1, 2, 3, 6 (base pays), F = 4, 5; --min-users 1 keeps every other tag.
        ResultTable lift = TagsFixture.result().table("tag_lift");
        assertThat(lift.rows()).extracting(r -> (String) r.get(0))
                .hasSize(27 - 6)
                .noneMatch(tag -> tag.startsWith("bought:") || tag.startsWith("price:") || tag.equals("suspect"));
        // sex:male: u1, u6 in S, u4 in F: ((2+1)(2-1+1)) / ((4-2+1)(1+1)) = 6/6; lift (2/3) / (4/6)
        assertThat(Tables.lines(lift)).contains("sex:male|2|1|1.0|1.0");
    }

    @Test
    void likeClicksMovesTheLikesThreshold() {
        Dataset<Row> actions = PeriodActions.of(TagsFixture.input().sessions(),
                new AudiencePeriods(TagsFixture.BASE, TagsFixture.CURRENT));
        Dataset<Row> base = actions.filter(actions.col(PeriodActions.IN_BASE));
        assertThat(lines(UserTags.likes(base, 2))).containsExactly("1|likes:1", "2|likes:2", "6|likes:2");
        assertThat(lines(UserTags.likes(base, 4))).isEmpty();
    }

    @Test
    void defaultPeriodsAreTheLastSevenDaysOfTheFilteredSessionsAndTheSevenBefore() {
        // The fixture's last action is on 07-09.
        AudiencePeriods periods = AudiencePeriods.of(AudienceParams.defaults(), TagsFixture.input().sessions())
                .orElseThrow();
        assertThat(periods.current()).isEqualTo(DateRange.parse("2019-07-03..2019-07-09"));
        assertThat(periods.base()).isEqualTo(DateRange.parse("2019-06-26..2019-07-02"));
        assertThat(AudiencePeriods.endingOn(LocalDate.of(2019, 7, 1)))
                .isEqualTo(new AudiencePeriods(DateRange.parse("2019-06-18..2019-06-24"),
                        DateRange.parse("2019-06-25..2019-07-01")));
    }

    @Test
    void withoutSessionsEveryTableIsEmptyAndTheGivenHabitsHaveNoBuyers() {
        AudienceParams defaults = AudienceParams.defaults();
        AudienceParams params = new AudienceParams(defaults.base(), defaults.current(), defaults.target(),
                List.of(Item.parse("category:3"), Item.parse("product:7"), Item.parse("category:3")),
                defaults.likeClicks(), defaults.habitDays(), defaults.minUsers(), defaults.lookalikes(),
                defaults.minDwellSeconds(), defaults.asOf(), defaults.paidChannels());
        AnalysisResult empty = AudienceAnalysis.run(TagsFixture.input().withSessions(
                TagsFixture.input().sessions().limit(0)), params);
        assertThat(empty.tables()).extracting(ResultTable::name).containsExactly("user_tags", "tags", "tag_lift",
                "lookalikes", "lookalike_check", "lapsed_substitutes", "lapsed_summary",
                "suspects", "suspect_users", "rfm", "tier_moves", "amplification");
        assertThat(empty.tables().subList(7, 12)).allSatisfy(t -> assertThat(t.rows()).isEmpty());
        assertThat(Tables.lines(empty.table("lookalike_check"))).containsExactly("lookalikes|0|0|", "others|0|0|");
        assertThat(Tables.lines(empty.table("lapsed_summary"))).containsExactly("category:3|0|0|", "product:7|0|0|");
        assertThat(empty.table("user_tags").rows()).isEmpty();
        assertThat(empty.table("user_tags").columns()).containsExactly("user_id", "tag");
    }

    private static List<String> lines(Dataset<Row> tags) {
        return Tables.lines(ResultTable.of("t", ResultTable.ordered(tags, tags.col("user_id"), tags.col("tag"))));
    }
}
