package io.shoplens.app.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.overview.Overview;
import io.shoplens.engine.run.RunRequest;

/**
 * Plausible result tables with the exact names and columns of docs/ANALYSES.md, for the fake engine:
 * they let the app be run, looked at and tested before the real analyses are wired in.
 */
public final class CannedResults {

    static final List<String> VISIT_BUCKETS = List.of("0s", "1s_3s", "4s_6s", "7s_9s", "10s_30s", "30s_60s",
            "1m_3m", "3m_10m", "10m_30m", "30m");
    static final List<String> STEP_BUCKETS = List.of("1_3", "4_6", "7_9", "10_30", "30_60", "60");
    static final List<String> AREAS = List.of("华北", "华东", "华南", "华中", "西北", "西南");
    private static final List<String> AREA_LEVELS = List.of("A", "A", "B", "B", "C", "C");
    private static final List<String> PROVINCES = List.of("Beijing", "Shanghai", "Guangdong", "Hubei", "Sichuan");
    private static final LocalDate DAY_ONE = LocalDate.of(2019, 7, 17);

    private CannedResults() {
    }

    /** Results for the one analysis of {@code request}; other filters give other (made-up) numbers. */
    public static AnalysisResult of(RunRequest request) {
        String analysis = request.analyses().get(0);
        long seed = (analysis.equals("sessions") ? request.sessions().seed() : 42)
                + (analysis.equals("ads") ? 0 : 31L * request.filter().hashCode());
        Random random = new Random(seed);
        return switch (analysis) {
            case "sessions" -> sessions(random, request.sessions().sample());
            case "pages" -> pages(random, request.pages().flow());
            case "products" -> products(random);
            case "ads" -> ads(random, request.ads().provinces());
            case "funnel" -> io.shoplens.app.funnel.CannedFunnel.of(request.funnel());
            case "audience" -> io.shoplens.app.audience.CannedAudience.result();
            default -> gmv(random, request.gmv());
        };
    }

    /** An overview of 14 days whose numbers depend on the filter, as a real one's would. */
    public static Overview overview(SessionFilter filter) {
        Random random = new Random(42 + 31L * filter.hashCode());
        List<Overview.Day> days = new ArrayList<>();
        long sessions = 0;
        long orders = 0;
        java.math.BigDecimal gmv = java.math.BigDecimal.ZERO;
        for (int d = 0; d < 14; d++) {
            long s = 100 + random.nextInt(50);
            long o = 20 + random.nextInt(10);
            java.math.BigDecimal g = java.math.BigDecimal.valueOf(o * (80L + random.nextInt(40)), 0).setScale(2);
            days.add(new Overview.Day(DAY_ONE.plusDays(d), s, o, g));
            sessions += s;
            orders += o;
            gmv = gmv.add(g);
        }
        return new Overview(sessions, sessions / 3, orders, gmv, 0, days);
    }

    static AnalysisResult sessions(Random random, int sampleSize) {
        long[] visits = {120, 310, 260, 190, 420, 280, 350, 240, 90, 40};
        long[] steps = {900, 640, 420, 300, 60, 20};
        List<List<Object>> topCategories = new ArrayList<>();
        List<List<Object>> topSessions = new ArrayList<>();
        long clicks = 480;
        for (int rank = 1; rank <= 10; rank++) {
            long category = 1 + (rank * 7L) % 50;
            clicks -= 15 + random.nextInt(20);
            long orders = clicks / 3 + random.nextInt(10);
            long pays = orders / 2 + random.nextInt(5);
            topCategories.add(List.of((long) rank, category, clicks, orders, pays));
            for (int r = 1; r <= 3; r++) {
                topSessions.add(List.of(category, (long) r, sessionId(random), (long) (12 - 3 * r)));
            }
        }
        List<List<Object>> sampled = new ArrayList<>();
        for (int i = 0; i < Math.min(sampleSize, 20); i++) {
            LocalDateTime start = DAY_ONE.atTime(i % 24, random.nextInt(60));
            sampled.add(List.of(sessionId(random), start, start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH")),
                    i % 3 == 0 ? "火锅,蛋糕" : "", String.valueOf(1 + random.nextInt(50))));
        }
        return new AnalysisResult("sessions", List.of(
                buckets("visit_length", VISIT_BUCKETS, visits),
                buckets("step_length", STEP_BUCKETS, steps),
                new ResultTable("top_categories",
                        List.of("rank", "category_id", "click_count", "order_count", "pay_count"), topCategories),
                new ResultTable("top_sessions", List.of("category_id", "rank", "session_id", "clicks"), topSessions),
                new ResultTable("sampled_sessions",
                        List.of("session_id", "start_time", "hour", "search_keywords", "click_category_ids"), sampled)));
    }

    static AnalysisResult pages(Random random, List<Long> flow) {
        long firstViews = 5000 + random.nextInt(500);
        List<List<Object>> jumps = new ArrayList<>();
        long previous = firstViews;
        for (int i = 0; i + 1 < flow.size(); i++) {
            long count = Math.round(previous * (0.35 + random.nextDouble() * 0.4));
            jumps.add(List.of((long) i + 1, flow.get(i), flow.get(i + 1), count,
                    (double) count / previous, (double) count / firstViews));
            previous = count;
        }
        List<List<Object>> funnel = new ArrayList<>();
        long first = 1800 + random.nextInt(200);
        long sessions = first;
        for (int i = 0; i < flow.size(); i++) {
            funnel.add(List.of((long) i + 1, flow.get(i), sessions, (double) sessions / first));
            sessions = Math.round(sessions * (0.5 + random.nextDouble() * 0.3));
        }
        return new AnalysisResult("pages", List.of(
                new ResultTable("page_jumps",
                        List.of("step", "from_page", "to_page", "jumps", "step_rate", "cumulative_rate"), jumps),
                new ResultTable("session_funnel", List.of("step", "page_id", "sessions", "rate"), funnel)));
    }

    static AnalysisResult products(Random random) {
        List<List<Object>> rows = new ArrayList<>();
        for (int a = 0; a < AREAS.size(); a++) {
            long clicks = 300 + random.nextInt(100);
            for (int rank = 1; rank <= 3; rank++) {
                long product = 1 + random.nextInt(100);
                clicks -= 10 + random.nextInt(40);
                rows.add(List.of(AREAS.get(a), AREA_LEVELS.get(a), (long) rank, product, "product" + product,
                        product % 2 == 0 ? "self" : "third_party", clicks, "北京,上海"));
            }
        }
        return new AnalysisResult("products", List.of(new ResultTable("top_products",
                List.of("area", "area_level", "rank", "product_id", "product_name", "product_status", "clicks",
                        "cities"), rows)));
    }

    /** Every province's clicks, or those of {@code provinces} when any are given, as the engine counts them. */
    static AnalysisResult ads(Random random, List<String> provinces) {
        List<List<Object>> daily = new ArrayList<>();
        List<List<Object>> top = new ArrayList<>();
        for (String province : PROVINCES) {
            if (!provinces.isEmpty() && !provinces.contains(province)) {
                continue;
            }
            long clicks = 90 + random.nextInt(30);
            for (long ad = 1; ad <= 5; ad++) {
                daily.add(List.of(DAY_ONE, province, province + " city", ad, clicks - ad * 7));
            }
            for (long rank = 1; rank <= 3; rank++) {
                top.add(List.of(DAY_ONE, province, rank, rank, clicks - rank * 7));
            }
        }
        List<List<Object>> trend = new ArrayList<>();
        LocalDateTime latest = DAY_ONE.atTime(23, 59);
        for (int m = 59; m >= 0; m--) {
            String minute = latest.minusMinutes(m).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            for (long ad = 1; ad <= 3; ad++) {
                trend.add(List.of(minute, ad, (long) (5 + random.nextInt(10) + ad * 3)));
            }
        }
        List<List<Object>> blacklist = List.of(List.<Object>of(7L, DAY_ONE, 3L, 120L));
        return new AnalysisResult("ads", List.of(
                new ResultTable("blacklist", List.of("user_id", "date", "ad_id", "clicks"), blacklist),
                new ResultTable("daily_clicks", List.of("date", "province", "city", "ad_id", "clicks"), daily),
                new ResultTable("top_ads", List.of("date", "province", "rank", "ad_id", "clicks"), top),
                new ResultTable("minute_trend", List.of("minute", "ad_id", "clicks"), trend)));
    }

    static AnalysisResult gmv(Random random, GmvParams request) {
        List<List<Object>> daily = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            long sessions = 900 + random.nextInt(200);
            long orders = 40 + random.nextInt(30);
            double gmv = orders * (80 + random.nextInt(40));
            daily.add(List.of(DAY_ONE.plusDays(d), sessions, orders, gmv, (double) orders / sessions, gmv / orders));
        }
        List<List<Object>> breakdown = new ArrayList<>();
        for (String channel : List.of("search", "recommend", "display_ad", "direct", "social")) {
            long sessions = 2000 + random.nextInt(500);
            long orders = 80 + random.nextInt(40);
            double gmv = orders * (90.0 + random.nextInt(30));
            breakdown.add(List.of("channel", channel, sessions, orders, gmv, (double) orders / sessions, gmv / orders));
        }
        List<ResultTable> tables = new ArrayList<>(List.of(
                new ResultTable("gmv_daily", List.of("date", "sessions", "orders", "gmv", "conversion", "aov"), daily),
                new ResultTable("gmv_breakdown",
                        List.of("dimension", "value", "sessions", "orders", "gmv", "conversion", "aov"), breakdown)));
        if (request.base().isPresent()) {
            tables.add(new ResultTable("gmv_bridge",
                    List.of("dimension", "value", "gmv_base", "gmv_current", "delta", "traffic_effect",
                            "conversion_effect", "aov_effect"),
                    List.of(List.of("all", "(total)", 40000.0, 46000.0, 6000.0, 2500.0, 1500.0, 2000.0))));
        }
        return new AnalysisResult("gmv", tables);
    }

    private static ResultTable buckets(String name, List<String> buckets, long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            rows.add(List.of(buckets.get(i), counts[i], (double) counts[i] / total));
        }
        return new ResultTable(name, List.of("bucket", "sessions", "ratio"), rows);
    }

    private static String sessionId(Random random) {
        return String.format("%08x-%04x", random.nextInt(), random.nextInt(0x10000));
    }
}
