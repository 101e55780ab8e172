package io.shoplens.engine.audience;

import static io.shoplens.engine.audience.AudienceLines.click;
import static io.shoplens.engine.audience.AudienceLines.pay;
import static io.shoplens.engine.audience.AudienceLines.search;
import static io.shoplens.engine.audience.AudienceLines.view;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * Six users tagged over the base period 07-01..07-07 (current 07-08..07-14); suspects are users 2
 * and 9 (9 is never active). Products: 10 (self, 10), 11 (self, 20), 12 (third party, 30), 13
 * (third party, 40), 14 (self, no price); 99 is not in product_info.
 * <pre>
 * u1 30 teacher 北京 male   first base action: search; searched 火锅; clicks: cat 1 ×3 (10, 11 and one
 *                          without product), cat 2 (12): 2 of 3 product clicks self; pays 1/10 and 1/(none).
 *                          Before the base (06-29) and in the current period: 3 clicks on cat 2 / cat 1.
 * u2 17 student 上海 female session from 06-30 (social) into 07-01 (direct); keyword "  "; clicks cat 2
 *                          ×2 (12, 13) and 9/99: 2 of 3 product clicks third party; pays 2/12.
 * u3 45 teacher 北京 female no channel; searched 火锅, 蛋糕; clicks 10, 12 (1 of 2 self); pays "1,-1"/11.
 * u4 62 (no professional) 北京 male  recommend; searched 温泉.
 * u5 not in user_info      search; searched 蛋糕.
 * u6 24 student 上海 male   direct; clicks cat 2 ×3 (13), cat 3 (14): 3 of 4 third party; pays "2,3"/"13,14".
 * </pre>
 * Paid items with a price: 10, 30, 20, 40, so the thirds end at 20 and 30 (quantile positions 1 and 2).
 */
final class TagsFixture {

    static final DateRange BASE = DateRange.parse("2019-07-01..2019-07-07");
    static final DateRange CURRENT = DateRange.parse("2019-07-08..2019-07-14");

    private static AnalysisResult result;

    private TagsFixture() {
    }

    static synchronized AnalysisResult result() {
        if (result == null) {
            result = SweetApplesFixture.heldTagTables(MemoryModel.load(SessionModel.of(tables())), params(1),
                    SUSPECTS);
        }
        return result;
    }

    static AudienceParams params(int minUsers) {
        AudienceParams defaults = AudienceParams.defaults();
        return new AudienceParams(Optional.of(BASE), Optional.of(CURRENT), Optional.empty(), List.of(),
                defaults.likeClicks(), defaults.habitDays(), minUsers, defaults.lookalikes(),
                defaults.minDwellSeconds(), defaults.asOf(), defaults.paidChannels());
    }

    /** The fixture's suspects: users 2 and 9 (9 is never active). */
    static final Set<Long> SUSPECTS = Set.of(2L, 9L);

    static Dataset<Row> suspects() {
        return TestSpark.session().createDataFrame(List.of(RowFactory.create(2L), RowFactory.create(9L)),
                new StructType().add("user_id", DataTypes.LongType));
    }

    static AnalysisInput input() {
        return AnalysisInput.of(tables(), SessionFilter.NONE);
    }

    static LogTables tables() {
        SparkSession spark = TestSpark.session();
        return LogTables.empty(spark)
                .withUsers(Fixtures.users(spark,
                        "1|u1|n1|30|teacher|北京|male",
                        "2|u2|n2|17|student|上海|female",
                        "3|u3|n3|45|teacher|北京|female",
                        "4|u4|n4|62||北京|male",
                        "6|u6|n6|24|student|上海|male"))
                .withProducts(Fixtures.products(spark,
                        "10|p10|{}|0|10",
                        "11|p11|{}|0|20",
                        "12|p12|{}|1|30",
                        "13|p13|{}|1|40",
                        "14|p14|{}|0|"))
                .withActions(Fixtures.actions(spark,
                        click(1, "t0", "2019-06-29 09:00:00", 2, "12", "search"),
                        click(1, "t0", "2019-06-29 09:00:01", 2, "12", "search"),
                        click(1, "t0", "2019-06-29 09:00:02", 2, "12", "search"),
                        search(1, "t1", "2019-07-01 10:00:00", "火锅", "search"),
                        click(1, "t1", "2019-07-01 10:00:10", 1, "10", "search"),
                        click(1, "t1", "2019-07-01 10:00:20", 1, "11", "search"),
                        click(1, "t1", "2019-07-01 10:00:30", 2, "12", "search"),
                        click(1, "t1", "2019-07-01 10:00:40", 1, "", "search"),
                        pay(1, "t1", "2019-07-01 10:00:50", "1", "10", "search"),
                        pay(1, "t2", "2019-07-03 10:00:00", "1", "", "recommend"),
                        view(2, "t3", "2019-06-30 23:59:50", "social"),
                        search(2, "t3", "2019-07-01 00:00:10", "  ", "direct"),
                        click(2, "t3", "2019-07-01 00:00:20", 2, "12", "direct"),
                        click(2, "t3", "2019-07-01 00:00:30", 2, "13", "direct"),
                        click(2, "t3", "2019-07-01 00:00:40", 9, "99", "direct"),
                        pay(2, "t3", "2019-07-01 00:00:50", "2", "12", "direct"),
                        search(3, "t4", "2019-07-02 09:00:00", "火锅", ""),
                        search(3, "t4", "2019-07-02 09:00:10", "蛋糕", ""),
                        click(3, "t4", "2019-07-02 09:00:20", 1, "10", ""),
                        click(3, "t4", "2019-07-02 09:00:30", 2, "12", ""),
                        pay(3, "t4", "2019-07-02 09:00:40", "1,-1", "11", ""),
                        search(4, "t5", "2019-07-05 12:00:00", "温泉", "recommend"),
                        search(5, "t6", "2019-07-06 12:00:00", "蛋糕", "search"),
                        click(6, "t7", "2019-07-04 08:00:00", 2, "13", "direct"),
                        click(6, "t7", "2019-07-04 08:00:10", 2, "13", "direct"),
                        click(6, "t7", "2019-07-04 08:00:20", 2, "13", "direct"),
                        click(6, "t7", "2019-07-04 08:00:30", 3, "14", "direct"),
                        pay(6, "t7", "2019-07-04 08:00:40", "2,3", "13,14", "direct"),
                        search(1, "t8", "2019-07-09 10:00:00", "温泉", "search"),
                        click(1, "t8", "2019-07-09 10:00:10", 1, "10", "search"),
                        click(1, "t8", "2019-07-09 10:00:20", 1, "10", "search"),
                        click(1, "t8", "2019-07-09 10:00:30", 1, "10", "search")));
    }
}
