package io.shoplens.engine.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.products.HotProductsAnalysis.ProductParams;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

class HotProductsAnalysisTest {

    private static LogTables tables;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        tables = LogTables.empty(spark)
                .withCities(Fixtures.cities(spark,
                        // 天津 has the smaller id, so city_id order (天津,北京) differs from name order.
                        "1|天津|华北",
                        "6|北京|华北",
                        "2|上海|华东",
                        "3|广州|华南",
                        "4|西安|西北",
                        "5|哈尔滨|东北"))
                .withProducts(Fixtures.products(spark,
                        "10|p10|{\"product_status\": 0}|0",
                        "11|p11|{\"product_status\": 1}|1",
                        "12|p12|{}",
                        "13|p13|{\"product_status\": 0}|0"))
                .withActions(Fixtures.actions(spark,
                        // 华北: 10 ×3 (北京 twice, 天津), 11 ×3 (tie with 10), 12 ×2, 13 ×2 (tie with 12, loses)
                        "2019-07-17|1|s1|1|2019-07-17 10:00:00||1|10|||||6",
                        "2019-07-17|1|s1|1|2019-07-17 10:00:01||1|10|||||6",
                        "2019-07-17|1|s1|1|2019-07-17 10:00:02||1|10|||||1",
                        "2019-07-17|1|s1|1|2019-07-17 10:00:03||1|11|||||1",
                        "2019-07-17|1|s1|1|2019-07-17 10:00:04||1|11|||||1",
                        "2019-07-17|1|s1|1|2019-07-17 10:00:05||1|11|||||1",
                        "2019-07-17|1|s1|1|2019-07-17 10:00:06||1|12|||||6",
                        "2019-07-17|1|s1|1|2019-07-17 10:00:07||1|12|||||6",
                        "2019-07-17|1|s1|1|2019-07-17 10:00:08||1|13|||||1",
                        "2019-07-17|1|s1|1|2019-07-17 10:00:09||1|13|||||1",
                        // not a product click
                        "2019-07-17|1|s1|1|2019-07-17 10:00:10|火锅||||||6",
                        // outside the date filter: would give 13 a third click
                        "2019-07-18|1|s9|1|2019-07-18 10:00:00||1|13|||||1",
                        // 华东: unknown product
                        "2019-07-17|2|s2|1|2019-07-17 11:00:00||1|99|||||2",
                        "2019-07-17|2|s2|1|2019-07-17 11:00:01||1|11|||||3",
                        "2019-07-17|2|s2|1|2019-07-17 11:00:02||1|10|||||4",
                        "2019-07-17|2|s2|1|2019-07-17 11:00:03||1|12|||||5",
                        // unknown city id and no city id: area (unknown), no city name
                        "2019-07-17|3|s3|1|2019-07-17 12:00:00||1|10|||||42",
                        "2019-07-17|3|s3|1|2019-07-17 12:00:01||1|10|||||"));
    }

    @Test
    void topProductsPerAreaByLevelThenName() {
        SessionFilter day = SessionFilter.NONE.withDates(LocalDate.of(2019, 7, 17), LocalDate.of(2019, 7, 17));
        AnalysisResult result = HotProductsAnalysis.run(AnalysisInput.of(tables, day), new ProductParams());

        assertThat(result.analysis()).isEqualTo("products");
        ResultTable top = result.table("top_products");
        assertThat(top.columns()).containsExactly("area", "area_level", "rank", "product_id", "product_name",
                "product_status", "clicks", "cities");
        // A: 华东 (U+4E1C) before 华北 (U+5317); D: "(unknown)" ('(' = U+0028) before 东北.
        assertThat(Tables.lines(top)).containsExactly(
                "华东|A|1|99|(unknown)|unknown|1|上海",
                "华北|A|1|10|p10|self|3|天津,北京",
                "华北|A|2|11|p11|third_party|3|天津",
                "华北|A|3|12|p12|unknown|2|北京",
                "华南|B|1|11|p11|third_party|1|广州",
                "西北|C|1|10|p10|self|1|西安",
                "(unknown)|D|1|10|p10|self|2|",
                "东北|D|1|12|p12|unknown|1|哈尔滨");
    }

    @Test
    void rankingFollowsTheFilteredActionsAndTopN() {
        AnalysisResult result = HotProductsAnalysis.run(AnalysisInput.of(tables, SessionFilter.NONE),
                new ProductParams(4));
        // With 2019-07-18, product 13 has 3 clicks: three-way tie at 3, broken by product_id.
        assertThat(Tables.lines(result.table("top_products"))).filteredOn(l -> l.startsWith("华北|"))
                .containsExactly(
                        "华北|A|1|10|p10|self|3|天津,北京",
                        "华北|A|2|11|p11|third_party|3|天津",
                        "华北|A|3|13|p13|self|3|天津",
                        "华北|A|4|12|p12|unknown|2|北京");
    }
}
