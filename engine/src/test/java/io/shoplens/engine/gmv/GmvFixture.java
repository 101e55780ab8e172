package io.shoplens.engine.gmv;

import java.time.LocalDate;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * Seven sessions over three dates, run once for the GMV tests. Per session (date, channel, area,
 * city, sex, professional, age group: orders, GMV):
 * <pre>
 * s1 07-01 search    华北 北京 male    teacher 25-34   : 2, 10 (pay_amount) + 6.5 (prices 2.5 + 4 of "10, 11")
 * s2 07-01 unknown   华东 上海 female  student <18     : 0, 0   (first action has no channel)
 * s3 07-01 recommend (unknown) ×2, unknown user      : 2, 0   (categories only; "10,12" and 12 has no price)
 * s4 07-02 social    华东 上海 male    teacher 25-34   : 1, 4   (same-time tie: the earlier line is first)
 * s5 07-02 search    华北 北京 unknown ×3 (user 3)     : 2, 22.5 (20 + 2.5; first action is the earliest, not
 *                                                              the first line; its 07-03 pay stays with 07-02)
 * s6 07-02 search    华北 北京 female  student <18     : 1, 8   ("null" pay_category_ids is no order)
 * s7 07-03 direct    华北 北京 male    teacher 25-34   : 0, 0
 * </pre>
 */
final class GmvFixture {

    static final DateRange BASE = DateRange.parse("2019-07-01..2019-07-01");
    static final DateRange CURRENT = new DateRange(LocalDate.of(2019, 7, 2), LocalDate.of(2019, 7, 3));

    private static AnalysisResult result;

    private GmvFixture() {
    }

    static synchronized AnalysisResult result() {
        if (result == null) {
            result = GmvAnalysis.run(AnalysisInput.of(tables(), SessionFilter.NONE), GmvParams.bridge(BASE, CURRENT));
        }
        return result;
    }

    static LogTables tables() {
        SparkSession spark = TestSpark.session();
        return LogTables.empty(spark)
                .withCities(Fixtures.cities(spark, "1|北京|华北", "2|上海|华东"))
                .withUsers(Fixtures.users(spark,
                        "1|u1|n1|30|teacher|x|male",
                        "2|u2|n2|17|student|x|female",
                        "3|u3|n3"))
                .withProducts(Fixtures.products(spark,
                        "10|p10|{}|0|2.5",
                        "11|p11|{}|0|4",
                        "12|p12|{}|1"))
                .withActions(Fixtures.actions(spark,
                        "2019-07-01|1|s1|1|2019-07-01 10:00:00||||||||1|search|",
                        "2019-07-01|1|s1|2|2019-07-01 10:01:00||||||1|10|1|search|10",
                        "2019-07-01|1|s1|3|2019-07-01 10:02:00||||||1|10, 11|1|search|",
                        "2019-07-01|2|s2|1|2019-07-01 11:00:00||||||||2||",
                        "2019-07-01|2|s2|2|2019-07-01 11:00:05||||||||2|search|",
                        "2019-07-01|9|s3|1|2019-07-01 12:00:00||||||5||42|recommend|",
                        "2019-07-01|9|s3|2|2019-07-01 12:00:01||||||5|10,12|42|recommend|",
                        "2019-07-02|1|s4|1|2019-07-02 09:00:00||||||||2|social|",
                        "2019-07-02|1|s4|2|2019-07-02 09:00:00||||||1|11|1|search|",
                        "2019-07-02|3|s5|2|2019-07-02 15:00:00||||||1|10|2|direct|20",
                        "2019-07-02|3|s5|1|2019-07-02 14:00:00||||||||1|search|",
                        "2019-07-03|3|s5|3|2019-07-03 00:10:00||||||1|10|1|search|",
                        "2019-07-02|2|s6|1|2019-07-02 16:00:00||||||1|11|1|search|8",
                        "2019-07-02|2|s6|2|2019-07-02 16:00:01||||||null||1|search|",
                        "2019-07-03|1|s7|1|2019-07-03 08:00:00||||||||1|direct|"));
    }
}
