package io.shoplens.engine.cluster;

import java.util.List;

/** What the cluster integration tests compare between a local run and a remote one. */
final class AnalyzeFiles {

    /** Every table analyze writes for the sample logs (docs/ANALYSES.md), plus the rejected rows. */
    static final List<String> ALL = List.of(
            "ads/blacklist.csv", "ads/daily_clicks.csv", "ads/minute_trend.csv", "ads/top_ads.csv",
            "audience/amplification.csv", "audience/lapsed_substitutes.csv", "audience/lapsed_summary.csv",
            "audience/lookalike_check.csv", "audience/lookalikes.csv", "audience/rfm.csv",
            "audience/suspect_users.csv", "audience/suspects.csv", "audience/tag_lift.csv", "audience/tags.csv",
            "audience/tier_moves.csv", "audience/user_tags.csv",
            "funnel/funnel_correlation.csv", "funnel/funnel_dropoff.csv", "funnel/funnel_steps.csv",
            "funnel/funnel_times.csv",
            "gmv/gmv_breakdown.csv", "gmv/gmv_coverage.csv", "gmv/gmv_cube.csv", "gmv/gmv_daily.csv",
            "pages/page_jumps.csv", "pages/session_funnel.csv",
            "products/top_products.csv",
            "rejected.csv",
            "sessions/sampled_sessions.csv", "sessions/step_length.csv", "sessions/top_categories.csv",
            "sessions/top_sessions.csv", "sessions/visit_length.csv");

    private AnalyzeFiles() {
    }
}
