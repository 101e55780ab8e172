package io.shoplens.engine.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.testing.TestSpark;

class ResultTableOrderTest {

    @Test
    void orderedPutsRowsWhereAGlobalSortDoes() {
        SparkSession spark = TestSpark.session();
        // Nulls, ties on the first key, strings beyond the BMP (UTF-16 order differs from Spark's
        // code point order for them), spread over several partitions in shuffled order.
        String[] provinces = {"北京", "上海", null, "\uD83D\uDE00 emoji", "\uFFFD replacement", "A", "a"};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(RowFactory.create(provinces[i % provinces.length], i % 4 == 0 ? null : (long) (i % 5), (long) i));
        }
        Collections.shuffle(rows, new Random(7));
        StructType schema = new StructType().add("province", DataTypes.StringType)
                .add("clicks", DataTypes.LongType).add("id", DataTypes.LongType);
        Dataset<Row> data = spark.createDataFrame(rows, schema).repartition(4);

        List<Row> ordered = ResultTable.ordered(data, col("province"), col("clicks").desc(), col("id"))
                .collectAsList();

        assertThat(data.select(spark_partition_id()).distinct().count()).isEqualTo(4);
        assertThat(ordered).containsExactlyElementsOf(
                data.orderBy(col("province"), col("clicks").desc(), col("id")).collectAsList());
        assertThat(ordered.get(0).isNullAt(0)).isTrue();
    }
}
