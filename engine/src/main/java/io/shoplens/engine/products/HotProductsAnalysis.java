package io.shoplens.engine.products;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.model.SessionColumns;

/**
 * Hot products per area (docs/ANALYSES.md, products): the most clicked products of each area, with
 * the area's level, the product's status and the cities the clicks came from.
 */
public final class HotProductsAnalysis {

    public static final String NAME = "products";
    public static final String TOP_PRODUCTS = "top_products";
    public static final String UNKNOWN_AREA = "(unknown)";
    public static final String UNKNOWN_PRODUCT = "(unknown)";

    /** @param topN products listed per area (docs/ANALYSES.md: 3) */
    public record ProductParams(int topN) {

        public static final int DEFAULT_TOP_N = 3;

        public ProductParams {
            if (topN < 1) {
                throw new IllegalArgumentException("top-N must be at least 1, was " + topN);
            }
        }

        public ProductParams() {
            this(DEFAULT_TOP_N);
        }
    }

    private HotProductsAnalysis() {
    }

    public static AnalysisResult run(AnalysisInput input, ProductParams params) {
        Dataset<Row> clicks = withArea(productClicksPerCity(input.sessions()), input.tables().cities());
        Dataset<Row> top = topPerArea(clicksPerAreaAndProduct(clicks), params.topN());
        Dataset<Row> table = ResultTable.ordered(withProductInfo(top, input.tables().products())
                                .withColumn("area_level", areaLevel(col("area"))),
                        // Spark orders strings by their UTF-8 bytes, which is Unicode code point order.
                        col("area_level"), col("area"), col("rank"))
                .select("area", "area_level", "rank", "product_id", "product_name", "product_status", "clicks",
                        "cities");
        return new AnalysisResult(NAME, List.of(ResultTable.of(TOP_PRODUCTS, table)));
    }

    /**
     * {@code click_product_id, city_id, clicks}: product clicks of the sessions counted per
     * product and the action's city. Counting first makes every later step (city join, per-area
     * lists) work on a few thousand rows instead of every click: collecting city lists straight
     * from the clicks made Spark sort all of them (a collect_set aggregate falls back to sorting
     * past 128 groups).
     */
    public static Dataset<Row> productClicksPerCity(Dataset<Row> sessions) {
        return sessions.select(explode(col(SessionColumns.ACTIONS)).as("a"))
                .select(col("a." + SessionColumns.CLICK_PRODUCT).as("click_product_id"),
                        col("a." + SessionColumns.CITY_ID).as("city_id"))
                .filter(col("click_product_id").isNotNull())
                .groupBy("click_product_id", "city_id").agg(count(lit(1)).as("clicks"));
    }

    /**
     * Adds {@code area} (unknown city or area: {@code (unknown)}, so no click disappears) and
     * {@code city_name} (null for an unknown city).
     */
    public static Dataset<Row> withArea(Dataset<Row> clicks, Dataset<Row> cities) {
        Dataset<Row> known = onePerCity(cities);
        return clicks.join(known, clicks.col("city_id").equalTo(known.col("c_city_id")), "left")
                .withColumn("area", coalesce(col("c_area"), lit(UNKNOWN_AREA)))
                .withColumn("city_name", col("c_city_name"))
                .drop("c_city_id", "c_city_name", "c_area");
    }

    /**
     * Clicks per area and product (from the per-city counts), and the distinct names of the known
     * cities they came from in city_id order. An unknown city adds its clicks but no name.
     */
    public static Dataset<Row> clicksPerAreaAndProduct(Dataset<Row> cityClicksWithArea) {
        Column knownCity = when(col("city_name").isNotNull(), struct(col("city_id"), col("city_name")));
        return cityClicksWithArea.groupBy(col("area"), col("click_product_id").as("product_id"))
                .agg(sum("clicks").as("clicks"), sort_array(collect_set(knownCity)).as("city_structs"))
                .withColumn("cities", array_join(array_distinct(col("city_structs").getField("city_name")), ","))
                .drop("city_structs");
    }

    /** The {@code n} products with most clicks in each area, ties by product_id, with their rank. */
    public static Dataset<Row> topPerArea(Dataset<Row> perAreaAndProduct, int n) {
        return perAreaAndProduct
                .withColumn("rank", row_number().over(Window.partitionBy("area")
                        .orderBy(col("clicks").desc(), col("product_id").asc())).cast("long"))
                .filter(col("rank").leq(n));
    }

    /** Adds product_name and product_status; an unknown product is {@code (unknown)}, {@code unknown}. */
    public static Dataset<Row> withProductInfo(Dataset<Row> top, Dataset<Row> products) {
        Dataset<Row> known = products.groupBy(col("product_id").as("p_product_id"))
                // Duplicate product rows: keep the smallest (name, status) so the answer is deterministic.
                .agg(min(struct(col("product_name"), col("product_status"))).as("p"));
        return top.join(known, top.col("product_id").equalTo(known.col("p_product_id")), "left")
                .withColumn("product_name", when(col("p_product_id").isNull(), lit(UNKNOWN_PRODUCT))
                        .otherwise(col("p.product_name")))
                .withColumn("product_status", productStatus(col("p.product_status")))
                .drop("p_product_id", "p");
    }

    /** extend_info's product_status: 0 self-operated, 1 third party, anything else (or unknown product) unknown. */
    public static Column productStatus(Column status) {
        return when(status.equalTo(0), lit("self"))
                .when(status.equalTo(1), lit("third_party"))
                .otherwise(lit("unknown"));
    }

    /** North/East China A, South/Central B, Northwest/Southwest C, any other (also unknown) D. */
    public static Column areaLevel(Column area) {
        return when(area.isin("华北", "华东"), lit("A"))
                .when(area.isin("华南", "华中"), lit("B"))
                .when(area.isin("西北", "西南"), lit("C"))
                .otherwise(lit("D"));
    }

    /** city_id → name and area; a duplicated city_id keeps its smallest (name, area), deterministically. */
    private static Dataset<Row> onePerCity(Dataset<Row> cities) {
        return cities.groupBy(col("city_id").as("c_city_id"))
                .agg(min(struct(col("city_name"), col("area"))).as("c"))
                .select(col("c_city_id"), col("c.city_name").as("c_city_name"), col("c.area").as("c_area"));
    }
}
