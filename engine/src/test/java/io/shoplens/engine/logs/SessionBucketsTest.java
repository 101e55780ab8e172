package io.shoplens.engine.logs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.testing.TestSpark;

class SessionBucketsTest {

    /** Spark reads the files as buckets only if the importer put each session where Spark would. */
    @Test
    void everySessionGoesToTheBucketSparkHashesItTo() {
        List<String> ids = new ArrayList<>(List.of("", "a", "ab", "abc", "abcd", "abcde", "会话", "s-1", "🛒 cart"));
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                id.appendCodePoint(random.nextInt(5) == 0 ? 0x4e00 + random.nextInt(2000) : 'a' + random.nextInt(26));
            }
            ids.add(id.toString());
        }
        ids.add(null);
        List<Row> rows = ids.stream().map(id -> RowFactory.create(id)).toList();
        StructType schema = new StructType().add("session_id", DataTypes.StringType);
        Map<String, Integer> spark = new HashMap<>();
        for (Row r : TestSpark.session().createDataFrame(rows, schema)
                .select(col("session_id"), pmod(hash(col("session_id")), lit(SessionBuckets.COUNT))).collectAsList()) {
            spark.put(r.getString(0), r.getInt(1));
        }
        Map<String, Integer> ours = new HashMap<>();
        ids.forEach(id -> ours.put(id, SessionBuckets.of(id)));
        assertThat(ours).isEqualTo(spark);
        assertThat(ours.values()).as("ids spread over all buckets").containsAll(
                java.util.stream.IntStream.range(0, SessionBuckets.COUNT).boxed().toList());
    }

    @Test
    void fileNamesEndInTheBucketAsSparkReadsThem() {
        assertThat(SessionBuckets.fileName(0, 3)).isEqualTo("part-0_00003.parquet");
        assertThat(SessionBuckets.fileName(12, 15)).isEqualTo("part-12_00015.parquet");
    }
}
