package io.shoplens.engine.testing;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;

/** The one local SparkSession every engine test in this JVM shares (Surefire reuses one fork). */
public final class TestSpark {

    private TestSpark() {
    }

    /** Two cores, few partitions and splits: fixtures are tiny and every task costs a few milliseconds. */
    public static final SparkSettings SETTINGS =
            new SparkSettings("local[2]", 2, 4, SparkSettings.fromEnvironment().scratchDir());

    public static SparkSession session() {
        return SparkSessions.shared(SETTINGS);
    }
}
