package io.shoplens.engine.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.products.HotProductsAnalysis.ProductParams;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;

/** Hand-made results of every analysis (a few rows each), so report tests need no Spark. */
final class ReportFixture {

    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
    /** Rows of sampled_sessions: more than a report prints. */
    static final int SAMPLED = ReportTable.DEFAULT_MAX_ROWS + 7;

    private ReportFixture() {
    }

    static RunRequest request() {
        return new RunRequest(RunRequest.ALL, SessionFilter.NONE, new SessionParams(100, 42),
                PageParams.defaults(), new ProductParams(), new AdParams(100, ZoneId.of("UTC")),
                new GmvParams(Optional.of(DateRange.parse("2019-07-17..2019-07-17")),
                        Optional.of(DateRange.parse("2019-07-18..2019-07-18"))));
    }

    static List<ReportDataset> datasets() {
        return List.of(new ReportDataset("user_visit_action.csv", "user_visit_action", "bbb", 90, 2),
                new ReportDataset("ad_click.csv", "ad_click", "aaa", 50, 0));
    }

    static Report report(Instant created) {
        return ReportBuilder.build("Shop 华东 report", created, datasets(), request(), results(), ReportText.ENGLISH);
    }

    static List<AnalysisResult> results() {
        List<List<Object>> sampled = new ArrayList<>();
        for (int i = 0; i < SAMPLED; i++) {
            sampled.add(List.of("s" + i, "2019-07-17 10:00:00", "2019-07-17_10", "火锅", "1,2"));
        }
        return List.of(
                new AnalysisResult("gmv", List.of(
                        table("gmv_daily", List.of("date", "sessions", "orders", "gmv", "conversion", "aov"),
                                List.of(LocalDate.of(2019, 7, 17), 10L, 2L, 200.0, 0.2, 100.0),
                                List.of(LocalDate.of(2019, 7, 18), 12L, 3L, 330.0, 0.25, 110.0)),
                        table("gmv_bridge", List.of("dimension", "value", "gmv_base", "gmv_current", "delta",
                                        "traffic_effect", "conversion_effect", "aov_effect"),
                                List.of("all", "(total)", 200.0, 330.0, 130.0, 47.0, 46.0, 37.0),
                                List.of("channel", "search", 120.0, 250.0, 130.0, 60.0, 40.0, 30.0),
                                List.of("channel", "direct", 80.0, 80.0, 0.0, 0.0, 0.0, 0.0)))),
                new AnalysisResult("sessions", List.of(
                        table("visit_length", List.of("bucket", "sessions", "ratio"),
                                List.of("0s", 1L, 0.25), List.of("1s_3s", 3L, 0.75)),
                        table("step_length", List.of("bucket", "sessions", "ratio"),
                                List.of("1_3", 4L, 1.0), List.of("4_6", 0L, 0.0)),
                        table("top_categories", List.of("rank", "category_id", "click_count", "order_count",
                                "pay_count"), List.of(1L, 7L, 5L, 2L, 1L), List.of(2L, 3L, 4L, 0L, 0L)),
                        new ResultTable("sampled_sessions", List.of("session_id", "start_time", "hour",
                                "search_keywords", "click_category_ids"), sampled))),
                new AnalysisResult("pages", List.of(
                        table("page_jumps", List.of("step", "from_page", "to_page", "jumps", "step_rate",
                                "cumulative_rate"), List.of(1L, 1L, 2L, 4L, 0.5, 0.5), List.of(2L, 2L, 3L, 1L, 0.25,
                                0.125)),
                        table("session_funnel", List.of("step", "page_id", "sessions", "rate"),
                                List.of(1L, 1L, 8L, 1.0), List.of(2L, 2L, 3L, 0.375)))),
                new AnalysisResult("products", List.of(
                        table("top_products", List.of("area", "area_level", "rank", "product_id", "product_name",
                                        "product_status", "clicks", "cities"),
                                List.of("华东", "A", 1L, 9L, "手机0009", "self", 6L, "上海,南京"),
                                List.of("西南", "C", 1L, 4L, "笔记本0004", "third_party", 2L, "成都")))),
                new AnalysisResult("ads", List.of(
                        table("blacklist", List.of("user_id", "date", "ad_id", "clicks")),
                        table("daily_clicks", List.of("date", "province", "city", "ad_id", "clicks"),
                                List.of("2019-07-17", "江苏", "南京", 1L, 3L)),
                        table("top_ads", List.of("date", "province", "rank", "ad_id", "clicks"),
                                List.of("2019-07-17", "江苏", 1L, 1L, 3L), List.of("2019-07-17", "江苏", 2L, 2L, 1L)),
                        table("minute_trend", List.of("minute", "ad_id", "clicks"),
                                List.of("2019-07-17 10:01", 1L, 2L), List.of("2019-07-17 10:03", 1L, 1L),
                                List.of("2019-07-17 10:03", 2L, 1L)))),
                new AnalysisResult("funnel", List.of(
                        table("funnel_steps", List.of("step", "definition", "units", "conversion", "step_conversion",
                                        "drop_off", "median_seconds", "mean_seconds"),
                                java.util.Arrays.asList(1L, "search", 10L, 1.0, null, null, null, null),
                                List.of(2L, "click", 8L, 0.8, 0.8, 1 - 0.8, 12L, 20.5),
                                List.of(3L, "pay", 2L, 0.2, 0.25, 0.75, 60L, 75.0)),
                        table("funnel_times", List.of("step", "bucket", "units"),
                                List.of(2L, "10s_30s", 8L), List.of(3L, "30s_60s", 1L), List.of(3L, "1m_3m", 1L)),
                        table("funnel_breakdown", List.of("value", "step", "units", "conversion"),
                                List.of("search", 1L, 6L, 1.0), List.of("search", 2L, 5L, 5.0 / 6),
                                List.of("search", 3L, 2L, 2.0 / 6), List.of("social", 1L, 4L, 1.0),
                                List.of("social", 2L, 3L, 0.75), List.of("social", 3L, 0L, 0.0)),
                        table("funnel_dropoff", List.of("dropped_after_step", "unit_id"),
                                List.of(1L, "s7"), List.of(2L, "s3")),
                        table("funnel_correlation", List.of("signal", "successes", "failures", "odds_ratio",
                                        "direction"),
                                List.of("page:3", 2L, 1L, 4.5, "success"),
                                List.of("channel:social", 0L, 3L, 0.25, "failure")))));
    }

    @SafeVarargs
    private static ResultTable table(String name, List<String> columns, List<Object>... rows) {
        return new ResultTable(name, columns, List.of(rows));
    }
}
