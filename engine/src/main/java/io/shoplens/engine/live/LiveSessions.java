package io.shoplens.engine.live;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.spark.SparkSessions;

/** What a live view asks of its Spark session. */
final class LiveSessions {

    private LiveSessions() {
    }

    /**
     * A live view runs in this process's Spark: each micro-batch calls back into this JVM
     * (foreachBatch with a Java function) to update the view's state, its RocksDB counts and its
     * listener. A Spark Connect server would have to load and run that code itself, with none of
     * that state; so over Connect a live view is refused at once, naming the fallback.
     */
    static void requireInProcess(SparkSession spark, String view) {
        SparkSessions.requireInProcess(spark, view, "each micro-batch updates state kept in this process");
    }
}
