package io.shoplens.engine.workspace;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.logs.DefaultCities;
import io.shoplens.engine.logs.LogKind;

/**
 * The workspace's datasets as the analyses read them: one DataFrame per kind (the union of its
 * datasets' Parquet), in {@link LogKind#storedSchema()} column order and types.
 */
final class AnalysisTables {

    private AnalysisTables() {
    }

    /**
     * A kind with no rows is an empty DataFrame; cities are {@link DefaultCities} (with null
     * source columns) when none were imported.
     */
    static LogTables of(SparkSession spark, List<DatasetInfo> datasets) {
        return new LogTables(tableOf(spark, LogKind.USER_VISIT_ACTION, datasets),
                tableOf(spark, LogKind.USER_INFO, datasets), tableOf(spark, LogKind.PRODUCT_INFO, datasets),
                tableOf(spark, LogKind.CITY_INFO, datasets), tableOf(spark, LogKind.AD_CLICK, datasets),
                sourceFilesOf(LogKind.USER_VISIT_ACTION, datasets).size() <= 1);
    }

    static List<DatasetInfo> only(List<DatasetInfo> all, Collection<Long> ids) {
        return all.stream().filter(d -> ids.contains(d.id())).toList();
    }

    /** The distinct {@code source_file} values of a kind's rows: a dataset's rows carry its source files' names. */
    private static Set<String> sourceFilesOf(LogKind kind, List<DatasetInfo> datasets) {
        Set<String> files = new HashSet<>();
        for (DatasetInfo d : datasets) {
            if (d.kind() == kind && d.rowsAccepted() > 0) {
                files.addAll(d.sourceFiles());
            }
        }
        return files;
    }

    /** The datasets of one kind, or its empty/default table. */
    private static Dataset<Row> tableOf(SparkSession spark, LogKind kind, List<DatasetInfo> datasets) {
        Column[] ordered = Arrays.stream(kind.storedSchema().fieldNames()).map(functions::col).toArray(Column[]::new);
        Dataset<Row> union = null;
        for (DatasetInfo d : datasets) {
            if (d.kind() != kind || d.rowsAccepted() == 0) {
                continue;
            }
            // An explicit schema: no inference, and the date=… folders become the DATE column.
            Dataset<Row> one = spark.read().schema(kind.storedSchema()).parquet(d.dataPath().toString()).select(ordered);
            union = union == null ? one : union.unionByName(one);
        }
        if (union != null) {
            return union;
        }
        if (kind == LogKind.CITY_INFO) {
            Dataset<Row> cities = DefaultCities.table(spark);
            for (StructField f : LogKind.SOURCE_COLUMNS) {
                cities = cities.withColumn(f.name(), functions.lit(null).cast(f.dataType()));
            }
            return cities.select(ordered);
        }
        return LogTables.emptyOf(spark, kind);
    }
}
