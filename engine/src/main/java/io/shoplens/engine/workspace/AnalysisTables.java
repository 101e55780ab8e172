package io.shoplens.engine.workspace;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.logs.DefaultCities;
import io.shoplens.engine.logs.LogKind;

/**
 * The workspace's datasets as the analyses read them: one DataFrame per kind (the union of its
 * datasets' Parquet), in {@link LogKind#storedSchema()} column order and types.
 *
 * <p>A reference kind (cities, users, products, categories) has one row per id: where datasets define an id
 * differently, the row of the dataset of highest precedence wins ({@link Datasets#prefer}; by
 * default the most recent import), and within a dataset its later row. So no join of actions to
 * a reference table can count an action twice.
 */
final class AnalysisTables {

    private AnalysisTables() {
    }

    /**
     * A kind with no rows is an empty DataFrame; cities are {@link DefaultCities} (with null
     * source columns) when none were imported.
     */
    static LogTables of(SparkSession spark, List<DatasetInfo> datasets, Map<Long, Datasets.Ranking> rankings) {
        return new LogTables(tableOf(spark, LogKind.USER_VISIT_ACTION, datasets, rankings),
                tableOf(spark, LogKind.USER_INFO, datasets, rankings),
                tableOf(spark, LogKind.PRODUCT_INFO, datasets, rankings),
                tableOf(spark, LogKind.CITY_INFO, datasets, rankings),
                tableOf(spark, LogKind.AD_CLICK, datasets, rankings),
                tableOf(spark, LogKind.CATEGORY_INFO, datasets, rankings),
                DatasetInfo.sourceFilesOf(LogKind.USER_VISIT_ACTION, datasets).size() <= 1);
    }

    private static final String PRECEDENCE = "_precedence";
    private static final Datasets.Ranking UNCOUNTED = new Datasets.Ranking(0, -1);

    /** Each id's row of the dataset of highest precedence, its latest row there; rows without an id stay. */
    private static Dataset<Row> winningRows(Dataset<Row> rows, LogKind kind) {
        Column id = functions.col(kind.referenceId().orElseThrow());
        WindowSpec byId = Window.partitionBy(id).orderBy(functions.col(PRECEDENCE).desc(),
                functions.col("source_file").desc(), functions.col("source_line").desc());
        return rows.withColumn("_rank", functions.row_number().over(byId))
                .where(id.isNull().or(functions.col("_rank").equalTo(1)));
    }

    static List<DatasetInfo> only(List<DatasetInfo> all, Collection<Long> ids) {
        return all.stream().filter(d -> ids.contains(d.id())).toList();
    }

    /** The datasets of one kind, or its empty/default table. */
    private static Dataset<Row> tableOf(SparkSession spark, LogKind kind, List<DatasetInfo> datasets,
                                        Map<Long, Datasets.Ranking> rankings) {
        Column[] ordered = Arrays.stream(kind.storedSchema().fieldNames()).map(functions::col).toArray(Column[]::new);
        List<DatasetInfo> ofKind = DatasetInfo.read(kind, datasets);
        boolean oneRowPerId = kind.isReference() && (ofKind.size() > 1
                || ofKind.stream().anyMatch(d -> rankings.getOrDefault(d.id(), UNCOUNTED).duplicateIds() != 0));
        Dataset<Row> union = null;
        for (DatasetInfo d : ofKind) {
            // An explicit schema: no inference, and the date=… folders become the DATE column.
            Dataset<Row> one = spark.read().schema(kind.storedSchema()).parquet(d.dataLocation()).select(ordered);
            if (oneRowPerId) {
                one = one.withColumn(PRECEDENCE, functions.lit(References.precedence(d, rankings)));
            }
            union = union == null ? one : union.unionByName(one);
        }
        if (union != null) {
            return oneRowPerId ? winningRows(union, kind).select(ordered) : union;
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
