package io.shoplens.engine.ads;

import static org.apache.spark.sql.functions.col;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * Ad-click statistics (docs/ANALYSES.md, ads), batch form. Reads every ad click: the session
 * filters are about user_visit_action sessions and do not apply to ad clicks. Its own filter,
 * {@link AdParams#provinces()}, applies after the blacklist rule, which needs every click.
 */
public final class AdClickAnalysis {

    public static final String NAME = "ads";
    public static final String BLACKLIST = "blacklist";
    public static final String DAILY_CLICKS = "daily_clicks";
    public static final String TOP_ADS = "top_ads";
    public static final String MINUTE_TREND = "minute_trend";
    public static final int TOP_ADS_PER_PROVINCE = 3;
    /** Each table's columns in order: the batch, in-memory and live forms all give these. */
    public static final List<String> BLACKLIST_COLUMNS = List.of("user_id", "date", "ad_id", "clicks");
    public static final List<String> DAILY_CLICKS_COLUMNS = List.of("date", "province", "city", "ad_id", "clicks");
    public static final List<String> TOP_ADS_COLUMNS = List.of("date", "province", "rank", "ad_id", "clicks");
    public static final List<String> MINUTE_TREND_COLUMNS = List.of("minute", "ad_id", "clicks");

    /**
     * @param blacklistThreshold clicks by one user on one ad on one date that blacklist the user
     * @param zone               time zone that turns epoch millis into dates and minutes
     * @param provinces          the clicks counted are those of these provinces (none: all); who is
     *                           blacklisted is still decided on all clicks. The batch analysis's
     *                           filter: the live view counts every province.
     */
    public record AdParams(int blacklistThreshold, ZoneId zone, List<String> provinces) {

        /** The classic platform's threshold. */
        public static final int DEFAULT_BLACKLIST_THRESHOLD = 100;

        public AdParams {
            if (blacklistThreshold < 1) {
                throw new IllegalArgumentException("blacklist threshold must be at least 1, was " + blacklistThreshold);
            }
            Objects.requireNonNull(zone, "zone");
            // Runs recorded before the province filter existed have none in their JSON.
            provinces = provinces == null ? List.of() : List.copyOf(provinces);
        }

        /** Every province's clicks. */
        public AdParams(int blacklistThreshold, ZoneId zone) {
            this(blacklistThreshold, zone, List.of());
        }

        /** Threshold 100 (the classic platform's) in the system's time zone, every province. */
        public AdParams() {
            this(DEFAULT_BLACKLIST_THRESHOLD, ZoneId.systemDefault());
        }

        /** The same parameters counting only the clicks of {@code values} (none: all). */
        public AdParams withProvinces(List<String> values) {
            return new AdParams(blacklistThreshold, zone, values);
        }
    }

    private AdClickAnalysis() {
    }

    public static AnalysisResult run(AnalysisInput input, AdParams params) {
        Dataset<Row> clicks = AdClickRules.withLocalTime(input.tables().adClicks(), params.zone());
        // The blacklist feeds three tables and the daily counts two: both are small, so they are
        // computed once and kept, instead of re-reading every click for each table.
        Dataset<Row> blacklist = AdClickRules.blacklist(clicks, params.blacklistThreshold()).persist();
        // Provinces are chosen after the blacklist: a user over the threshold on one day is a bot
        // wherever the clicks came from, so looking at one province must not let their clicks back in.
        Dataset<Row> kept = AdClickRules.inProvinces(AdClickRules.excludeBlacklisted(clicks, blacklist),
                params.provinces());
        Dataset<Row> daily = AdClickRules.dailyClicks(kept).persist();
        // The hour ends at the latest click of all the data, blacklisted ones included: the
        // window is the data's clock, and excluding a bot's clicks must not move it.
        OptionalLong latest = AdClickRules.latestClick(clicks);
        try {
            return tables(blacklist, kept, daily, latest);
        } finally {
            daily.unpersist();
            blacklist.unpersist();
        }
    }

    private static AnalysisResult tables(Dataset<Row> blacklist, Dataset<Row> kept, Dataset<Row> daily,
                                         OptionalLong latest) {
        return new AnalysisResult(NAME, List.of(
                ResultTable.of(BLACKLIST, ResultTable.ordered(blacklist, col("user_id"), col("date"), col("ad_id"))
                        .selectExpr(BLACKLIST_COLUMNS.toArray(String[]::new))),
                ResultTable.of(DAILY_CLICKS, ResultTable.ordered(daily, col("date"), col("province"), col("city"),
                        col("ad_id")).selectExpr(DAILY_CLICKS_COLUMNS.toArray(String[]::new))),
                ResultTable.of(TOP_ADS, ResultTable.ordered(AdClickRules.topAds(daily, TOP_ADS_PER_PROVINCE),
                                col("date"), col("province"), col("rank"))
                        .selectExpr(TOP_ADS_COLUMNS.toArray(String[]::new))),
                ResultTable.of(MINUTE_TREND, ResultTable.ordered(AdClickRules.minuteTrend(kept, latest),
                        col("minute"), col("ad_id")).selectExpr(MINUTE_TREND_COLUMNS.toArray(String[]::new)))));
    }
}
