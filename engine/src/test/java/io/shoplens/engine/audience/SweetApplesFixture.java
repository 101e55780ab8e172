package io.shoplens.engine.audience;

import static io.shoplens.engine.audience.AudienceLines.click;
import static io.shoplens.engine.audience.AudienceLines.pay;
import static io.shoplens.engine.audience.AudienceLines.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * Eight users active in the base period (07-02), none in user_info and without channels, so
 * their tags are their searches (a…h), their pays' categories and, for user 3, suspect.
 * <pre>
 * user  base searches   base pay (category/product)   current pay (07-09)
 *  1    a b f h         7/70                          7/70
 *  2    a d f g h       7/71
 *  3    a e f           8/80
 *  4    b g             8/80
 *  5    a c h           (clicks 7/70)                 8/80
 *  6    b c e                                         7/71
 *  7    c d                                           (searches c)
 *  8    c g                                           8/80
 *  9    (not active in the base period)               7/70
 * </pre>
 * Product 70's category is 7: its click and its pays alone say so.
 */
final class SweetApplesFixture {

    private static final List<AnalysisResult> RESULTS = new ArrayList<>();

    private SweetApplesFixture() {
    }

    /** The analysis for target pay (min-users 3, 3 look-alikes), category:7 (2, 5) and product:70 (2, 100). */
    static synchronized AnalysisResult result(String target) {
        if (RESULTS.isEmpty()) {
            MemoryModel model = MemoryModel.load(SessionModel.of(tables()));
            RESULTS.add(heldTagTables(model, params("pay", 3, 3), SUSPECTS));
            RESULTS.add(heldTagTables(model, params("category:7", 2, 5), SUSPECTS));
            RESULTS.add(heldTagTables(model, params("product:70", 2, 100), SUSPECTS));
        }
        return RESULTS.get(List.of("pay", "category:7", "product:70").indexOf(target));
    }

    /** This fixture's suspect: user 3. */
    static final Set<Long> SUSPECTS = Set.of(3L);

    /**
     * The tag tables alone, with a fixture's own suspects rather than the rules', from the model
     * held in memory: the numbers the tests pin are the Spark tables' too, which
     * MemoryTagTablesMatchSparkTest checks on these fixtures with these parameters.
     */
    static AnalysisResult heldTagTables(MemoryModel model, AudienceParams params, Set<Long> suspects) {
        List<MemorySession> sessions = MemoryFilter.apply(model, SessionFilter.NONE);
        return new AnalysisResult(AudienceAnalysis.NAME,
                MemoryAudienceAnalysis.tagTables(model, sessions, params, suspects));
    }

    /** The tag tables alone on Spark, with this fixture's own suspects rather than the rules'. */
    static AnalysisResult tagTables(AnalysisInput input, AudienceParams params, Dataset<Row> suspects) {
        return new AnalysisResult(AudienceAnalysis.NAME, AudienceAnalysis.tagTables(input, params, suspects));
    }

    static AudienceParams params(String target, int minUsers, int lookalikes) {
        AudienceParams defaults = AudienceParams.defaults();
        return new AudienceParams(Optional.of(TagsFixture.BASE), Optional.of(TagsFixture.CURRENT),
                AudienceParams.parseTarget(target), List.of(), defaults.likeClicks(), defaults.habitDays(), minUsers,
                lookalikes, defaults.minDwellSeconds(), defaults.asOf(), defaults.paidChannels());
    }

    static Dataset<Row> suspects() {
        return TestSpark.session().createDataFrame(List.of(RowFactory.create(3L)),
                new StructType().add("user_id", DataTypes.LongType));
    }

    static LogTables tables() {
        SparkSession spark = TestSpark.session();
        List<String> lines = new ArrayList<>();
        base(lines, 1, "7", "70", "a", "b", "f", "h");
        base(lines, 2, "7", "71", "a", "d", "f", "g", "h");
        base(lines, 3, "8", "80", "a", "e", "f");
        base(lines, 4, "8", "80", "b", "g");
        base(lines, 5, null, null, "a", "c", "h");
        lines.add(click(5, "s5", "2019-07-02 05:59:00", 7, "70", ""));
        base(lines, 6, null, null, "b", "c", "e");
        base(lines, 7, null, null, "c", "d");
        base(lines, 8, null, null, "c", "g");
        lines.add(pay(1, "c1", "2019-07-09 10:00:00", "7", "70", ""));
        lines.add(pay(5, "c5", "2019-07-09 10:00:00", "8", "80", ""));
        lines.add(pay(6, "c6", "2019-07-09 10:00:00", "7", "71", ""));
        lines.add(search(7, "c7", "2019-07-09 10:00:00", "c", ""));
        lines.add(pay(8, "c8", "2019-07-09 10:00:00", "8", "80", ""));
        lines.add(pay(9, "c9", "2019-07-09 10:00:00", "7", "70", ""));
        return LogTables.empty(spark).withActions(Fixtures.actions(spark, lines.toArray(String[]::new)));
    }

    /** User {@code user}'s base session s{user} on 07-02 from {@code user}:00: the searches, then the pay if any. */
    private static void base(List<String> lines, long user, String categories, String products, String... keywords) {
        String hour = String.format("2019-07-02 %02d:00:", user);
        for (int i = 0; i < keywords.length; i++) {
            lines.add(search(user, "s" + user, hour + String.format("%02d", i), keywords[i], ""));
        }
        if (categories != null) {
            lines.add(pay(user, "s" + user, hour + "59", categories, products, ""));
        }
    }
}
