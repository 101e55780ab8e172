package io.shoplens.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.testing.TestSpark;

/** A scan is cut into at least {@link SparkSettings#scanSplits()} splits, not one per core. */
class ScanSplitsTest {

    @Test
    void aScanOfSmallFilesIsCutIntoTheConfiguredSplits(@TempDir Path dir) {
        SparkSession spark = TestSpark.session();
        // Eight one-row files. Spark counts each as its size plus 4 MB of opening cost, 32 MB in
        // all. With its default of one split per core (2 here) it packs 16 MB per split: 2 tasks.
        // With 4 splits asked for, 8 MB per split: 4 tasks.
        spark.range(0, 8, 1, 8).write().parquet(dir.resolve("t").toString());

        int splits = spark.read().parquet(dir.resolve("t").toString()).rdd().getNumPartitions();

        assertThat(TestSpark.SETTINGS.scanSplits()).isEqualTo(4);
        assertThat(splits).isEqualTo(4);
    }
}
