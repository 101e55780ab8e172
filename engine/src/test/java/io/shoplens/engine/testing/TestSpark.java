package io.shoplens.engine.testing;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;

/** The one local SparkSession every engine test in this JVM shares (Surefire reuses one fork). */
public final class TestSpark {

    private TestSpark() {
    }

    public static SparkSession session() {
        SparkSettings defaults = SparkSettings.fromEnvironment();
        // Two cores, few partitions: fixtures are tiny and every task costs a few milliseconds.
        return SparkSessions.shared(new SparkSettings("local[2]", 2, defaults.scratchDir()));
    }
}
