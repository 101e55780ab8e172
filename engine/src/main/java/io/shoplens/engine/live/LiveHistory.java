package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.AdClickRules;
import io.shoplens.engine.analysis.ResultTable;

/**
 * A past day of the live view: its four tables as the batch ads analysis gives them on the clicks
 * read so far that are dated that day or earlier (blacklist, daily_clicks and top_ads restricted to
 * the day; minute_trend the hour ending at the day's latest click), computed by Spark from the
 * stored clicks of the day and the day before. Earlier days matter only through who was
 * blacklisted before the day, which the live state keeps for all days ({@link LiveAdState#since}).
 */
final class LiveHistory {

    private static final StructType SINCE = new StructType()
            .add("user_id", DataTypes.LongType)
            .add("date", DataTypes.DateType);

    private LiveHistory() {
    }

    /**
     * @param since   each blacklisted user's first date, as merged through {@code through}
     * @param through the last batch merged
     */
    static LiveDay tables(SparkSession spark, StoredBatches stored, AdParams params, Map<Long, LocalDate> since,
                          long through, LocalDate day) {
        // A local day lies within the UTC dates before and after it, its last hour may begin the day before.
        Set<LocalDate> utcDays = Set.of(day.minusDays(2), day.minusDays(1), day, day.plusDays(1));
        List<ResultTable> tables = stored.read(spark, through, utcDays, rows -> {
            Dataset<Row> clicks = AdClickRules.withLocalTime(rows.filter(col(LiveMessages.REASON).isNull()),
                            params.zone())
                    .filter(col("date").equalTo(lit(day)).or(col("date").equalTo(lit(day.minusDays(1)))))
                    .drop("batch_id", LiveMessages.REASON, LiveMessages.MESSAGE, LiveMessages.PARTITION,
                            LiveMessages.OFFSET)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                return tables(spark, clicks, params, since, day);
            } finally {
                clicks.unpersist();
            }
        });
        return new LiveDay(day, tables);
    }

    private static List<ResultTable> tables(SparkSession spark, Dataset<Row> clicks, AdParams params,
                                            Map<Long, LocalDate> since, LocalDate day) {
        Dataset<Row> onDay = clicks.filter(col("date").equalTo(lit(day)));
        Dataset<Row> blacklist = AdClickRules.blacklist(onDay, params.blacklistThreshold());
        List<Row> sinceRows = new ArrayList<>(since.size());
        since.forEach((user, date) -> {
            if (!date.isAfter(day)) {
                sinceRows.add(RowFactory.create(user, date));
            }
        });
        Dataset<Row> blacklistedBefore = spark.createDataFrame(sinceRows, SINCE);
        Dataset<Row> kept = AdClickRules.excludeBlacklisted(clicks, blacklistedBefore);
        Dataset<Row> daily = AdClickRules.dailyClicks(kept.filter(col("date").equalTo(lit(day))));
        // The hour ends at the day's latest click, blacklisted or not, as the batch analysis' does.
        OptionalLong latest = AdClickRules.latestClick(onDay);
        // The same tables, columns and orders as AdClickAnalysis.run.
        return List.of(
                ResultTable.of(AdClickAnalysis.BLACKLIST, ResultTable.ordered(blacklist, col("user_id"), col("date"),
                        col("ad_id")).selectExpr(AdClickAnalysis.BLACKLIST_COLUMNS.toArray(String[]::new))),
                ResultTable.of(AdClickAnalysis.DAILY_CLICKS, ResultTable.ordered(daily, col("date"), col("province"),
                        col("city"), col("ad_id")).selectExpr(AdClickAnalysis.DAILY_CLICKS_COLUMNS.toArray(String[]::new))),
                ResultTable.of(AdClickAnalysis.TOP_ADS, ResultTable.ordered(
                                AdClickRules.topAds(daily, AdClickAnalysis.TOP_ADS_PER_PROVINCE),
                                col("date"), col("province"), col("rank"))
                        .selectExpr(AdClickAnalysis.TOP_ADS_COLUMNS.toArray(String[]::new))),
                ResultTable.of(AdClickAnalysis.MINUTE_TREND, ResultTable.ordered(
                        AdClickRules.minuteTrend(kept, latest), col("minute"), col("ad_id"))
                        .selectExpr(AdClickAnalysis.MINUTE_TREND_COLUMNS.toArray(String[]::new))));
    }
}
