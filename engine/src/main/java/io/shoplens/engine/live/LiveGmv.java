package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.workspace.Workspace;

/**
 * The live GMV view's engine: today's sessions, orders, GMV, conversion and AOV, per minute and by
 * channel, the page funnel and the comparison with the same hours of the day before, from a Kafka
 * topic of user actions and optionally one of order change events, equal to the batch gmv and
 * pages analyses of the same rows (docs/ANALYSES.md ("live gmv") says exactly where they part). What it read lives
 * in the workspace, under its own folders beside the ad-click view's.
 */
public final class LiveGmv {

    /**
     * A micro-batch every 500 ms: at 5,000 actions/s on two busy cores the 1 s trigger of the
     * ad-click view gave a p99 latency of 2.1 s, this one 1.5 s (docs/BENCHMARKS.md, "Live GMV").
     */
    public static final LiveOptions DEFAULT_OPTIONS = LiveOptions.DEFAULT.withTrigger(java.time.Duration.ofMillis(500));

    private LiveGmv() {
    }

    /**
     * Starts reading in the background and returns at once; the listener hears STARTING, then
     * RUNNING and an update after each micro-batch (and one on start when something was read
     * before). The tables are counted with {@code settings.params()}; a restart with other params
     * counts everything stored again with them. {@code password} is copied and wiped on close. A pay without pay_amount is priced
     * from the workspace's product_info, read once now.
     */
    public static LiveGmvQuery start(SparkSession spark, Workspace workspace, LiveGmvSettings settings, char[] password,
                                     LiveGmvListener listener, LiveOptions options) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(options, "options");
        LiveSessions.requireInProcess(spark, "The live GMV view");
        Truststores.problem(settings.connection()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Map<Long, Double> prices = prices(spark, workspace);
        StreamingGmvQuery query = new StreamingGmvQuery(spark, folders(workspace, settings.connection().name()), settings,
                password == null ? new char[0] : password.clone(), settings.params(), prices,
                ImportedDayBefore.of(spark, workspace, settings.params(), prices), listener, options);
        query.begin();
        return query;
    }

    /** Where a connection's live GMV view keeps its checkpoint and stored messages: apart from its ad clicks. */
    public static LiveFolders folders(Workspace workspace, String connectionName) {
        return new LiveFolders(workspace.folder().resolve("live-gmv").resolve(LiveFolders.slug(connectionName)));
    }

    /** Product prices as the batch session model takes them: a duplicated product keeps its smallest row. */
    static Map<Long, Double> prices(SparkSession spark, Workspace workspace) {
        Map<Long, Double> prices = new HashMap<>();
        for (Row r : workspace.tables(spark).products()
                .groupBy(col("product_id").as("id"))
                .agg(min(struct(col("product_name"), col("price"))).getField("price").as("price"))
                .filter(col("id").isNotNull().and(col("price").isNotNull()))
                .collectAsList()) {
            prices.put(r.getLong(0), r.getDouble(1));
        }
        return prices;
    }
}
