package io.shoplens.engine.ads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.to_date;

import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The ad-click rules of docs/ANALYSES.md (ads) as functions from DataFrames to DataFrames, shared by
 * the batch analysis and the live (Structured Streaming) view. Clicks are the workspace form of
 * {@code ad_click} ({@code timestamp} epoch millis, province, city, user_id, ad_id).
 */
public final class AdClickRules {

    /** The minute-trend rules on epoch millis; public so the live view's plain-Java state uses the same. */
    public static final long MINUTE_MILLIS = 60_000L;
    public static final long HOUR_MILLIS = 60 * MINUTE_MILLIS;

    private AdClickRules() {
    }

    /**
     * Adds the click's local {@code date} (DATE) and {@code minute} ({@code yyyy-MM-dd HH:mm})
     * in {@code zone}. {@code from_utc_timestamp} shifts the instant by the zone's offset at that
     * instant (daylight saving included); the shifted value reads as local time because the
     * session time zone is fixed to UTC (SparkSessions), so the result never depends on the
     * machine's zone, only on {@code zone}.
     */
    public static Dataset<Row> withLocalTime(Dataset<Row> clicks, ZoneId zone) {
        Column local = from_utc_timestamp(timestamp_millis(col("timestamp")), lit(zone.getId()));
        return clicks
                .withColumn("date", to_date(local))
                .withColumn("minute", date_format(local, "yyyy-MM-dd HH:mm"));
    }

    /**
     * The (user, date, ad) click counts at or over {@code threshold}: the blacklist entries.
     * Clicks without a user cannot be blamed on anyone and are never blacklisted.
     */
    public static Dataset<Row> blacklist(Dataset<Row> clicksWithDate, long threshold) {
        return clicksWithDate.filter(col("user_id").isNotNull())
                .groupBy("user_id", "date", "ad_id")
                .agg(count(lit(1)).as("clicks"))
                .filter(col("clicks").geq(threshold));
    }

    /**
     * Drops the clicks of blacklisted users on and after the first date they were blacklisted;
     * their earlier clicks stay (the blacklist is not retroactive).
     */
    public static Dataset<Row> excludeBlacklisted(Dataset<Row> clicksWithDate, Dataset<Row> blacklist) {
        Dataset<Row> since = blacklist.groupBy(col("user_id").as("bl_user_id")).agg(min("date").as("bl_since"));
        return clicksWithDate.join(since, clicksWithDate.col("user_id").equalTo(since.col("bl_user_id")), "left")
                .filter(col("bl_since").isNull().or(col("date").lt(col("bl_since"))))
                .drop("bl_user_id", "bl_since");
    }

    /** The clicks of {@code provinces} (exact text); all of them when none is given. */
    public static Dataset<Row> inProvinces(Dataset<Row> clicks, List<String> provinces) {
        return provinces.isEmpty() ? clicks : clicks.filter(col("province").isin(provinces.toArray()));
    }

    /** Clicks per date, province, city and ad. */
    public static Dataset<Row> dailyClicks(Dataset<Row> keptClicks) {
        return keptClicks.groupBy("date", "province", "city", "ad_id").agg(count(lit(1)).as("clicks"));
    }

    /** Per date and province, the {@code n} ads with most clicks (summed over cities), ties by ad_id. */
    public static Dataset<Row> topAds(Dataset<Row> dailyClicks, int n) {
        return dailyClicks.groupBy("date", "province", "ad_id").agg(sum("clicks").as("clicks"))
                .withColumn("rank", row_number().over(Window.partitionBy("date", "province")
                        .orderBy(col("clicks").desc(), col("ad_id").asc())).cast("long"))
                .filter(col("rank").leq(n));
    }

    /** The epoch millis of the latest click, empty when there is none. */
    public static OptionalLong latestClick(Dataset<Row> clicks) {
        Row latest = clicks.agg(max("timestamp")).first();
        return latest.isNullAt(0) ? OptionalLong.empty() : OptionalLong.of(latest.getLong(0));
    }

    /**
     * Clicks per minute and ad for the hour ending at {@code latest}: a minute belongs to the hour
     * when its start is in (latest − 60 min, latest], so the window is always the 60 whole minutes
     * up to latest's own minute and no minute is counted in part. Minutes are cut on epoch
     * millis (whole-minute zone offsets keep them aligned with local minutes).
     *
     * <p>{@code latest} is a literal, not a joined column: the filter then reaches the Parquet scan
     * and only the last hour's clicks are read and given a minute. No click, no rows.
     */
    public static Dataset<Row> minuteTrend(Dataset<Row> keptClicksWithMinute, OptionalLong latest) {
        if (latest.isEmpty()) {
            return keptClicksWithMinute.limit(0).groupBy("minute", "ad_id").agg(count(lit(1)).as("clicks"));
        }
        long hourBefore = latest.getAsLong() - HOUR_MILLIS;
        Column minuteStart = col("timestamp").minus(pmod(col("timestamp"), lit(MINUTE_MILLIS)));
        // A click is at or after its minute's start, so the first condition only drops clicks the
        // exact one below would drop too; on the raw column it can prune row groups.
        return keptClicksWithMinute.filter(col("timestamp").gt(hourBefore))
                .filter(minuteStart.gt(hourBefore).and(minuteStart.leq(latest.getAsLong())))
                .groupBy("minute", "ad_id").agg(count(lit(1)).as("clicks"));
    }
}
