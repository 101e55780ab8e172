package io.shoplens.app.audience;

import java.util.List;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/** A small audience result with every table of docs/ANALYSES.md (audience), written by hand. */
public final class CannedAudience {

    private CannedAudience() {
    }

    public static AnalysisResult result() {
        return new AnalysisResult("audience", List.of(
                new ResultTable("user_tags", List.of("user_id", "tag"), List.of(
                        List.of(1L, "likes:5"), List.of(2L, "likes:5"), List.of(2L, "channel:search"))),
                new ResultTable("tags", List.of("tag", "users", "share"), List.of(
                        List.of("channel:search", 40L, 0.4), List.of("likes:5", 30L, 0.3),
                        List.of("sex:female", 20L, 0.2), List.of("likes:12", 10L, 0.1))),
                new ResultTable("tag_lift", List.of("tag", "seed_users", "other_users", "lift", "odds_ratio"),
                        List.of(List.of("likes:5", 12L, 18L, 2.0, 4.0), List.of("channel:search", 10L, 30L, 1.25, 1.5),
                                List.of("sex:female", 2L, 18L, 0.5, 0.25))),
                new ResultTable("lookalikes", List.of("rank", "user_id", "score", "matched_tags"), List.of(
                        List.of(1L, 17L, 1.79, "channel:search;likes:5"), List.of(2L, 23L, 1.39, "likes:5"))),
                new ResultTable("lookalike_check", List.of("group", "users", "converted", "rate"), List.of(
                        List.of("lookalikes", 2L, 1L, 0.5), List.of("others", 50L, 5L, 0.1))),
                new ResultTable("lapsed_substitutes",
                        List.of("lapsed", "rank", "item", "buyers", "pays", "share", "switch_index"), List.of(
                        List.of("category:5", 1L, "category:6", 3L, 4L, 0.75, 2.5))),
                new ResultTable("lapsed_summary", List.of("lapsed", "habit_buyers", "lapsed_buyers", "lapse_rate"),
                        List.of(List.of("category:5", 8L, 4L, 0.5))),
                new ResultTable("suspects", List.of("user_id", "session_id", "rule", "detail"), List.of(
                        List.of(66L, "s-1", "instant_pay", "paid after 2 s"),
                        List.of(66L, "s-2", "burst", "5 pays in 60 min"))),
                new ResultTable("suspect_users", List.of("user_id", "rules", "sessions", "pays", "gmv"), List.of(
                        List.of(66L, "burst;instant_pay", 2L, 6L, 120.0))),
                new ResultTable("rfm", List.of("user_id", "recency_days", "frequency", "monetary", "r", "f", "m",
                        "segment"), List.of(
                        List.of(1L, 0L, 5L, 300.0, 5L, 5L, 5L, "champions"),
                        List.of(2L, 20L, 1L, 40.0, 1L, 1L, 1L, "lost"),
                        List.of(3L, 1L, 4L, 200.0, 4L, 4L, 4L, "champions"))),
                new ResultTable("tier_moves", List.of("from_segment", "to_segment", "users"), List.of(
                        List.of("champions", "champions", 1L), List.of("none", "champions", 1L),
                        List.of("lost", "lost", 1L))),
                new ResultTable("amplification", List.of("cohort", "weeks_since_first", "users", "paid_sessions",
                        "free_sessions", "free_share", "gmv_free"), List.of(
                        List.of("paid_acquired", 0L, 2L, 2L, 0L, 0.0, 0.0),
                        List.of("paid_acquired", 1L, 2L, 1L, 3L, 0.75, 90.0),
                        List.of("free_acquired", 0L, 1L, 0L, 1L, 1.0, 10.0)))));
    }
}
