package io.shoplens.engine.audience;

import static io.shoplens.engine.audience.AudienceLines.click;
import static io.shoplens.engine.audience.AudienceLines.pay;
import static io.shoplens.engine.audience.AudienceLines.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.memory.SampleShop;
import io.shoplens.engine.memory.SparkAndMemoryModel;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * The in-memory tag tables against {@link AudienceAnalysis#lookalikeTables}, value by value,
 * on the sample shop (default periods, targets, a filter), on the hand-made fixtures of this
 * package, and on rows the Spark form treats in its own way: a null user, a product listed
 * twice, keywords that order differently by code point and by UTF-16.
 */
@ExtendWith(SampleShop.class)
class MemoryTagTablesMatchSparkTest {

    private static final List<String> TAG_TABLES = List.of(AudienceAnalysis.USER_TAGS, AudienceAnalysis.TAGS,
            AudienceAnalysis.TAG_LIFT, AudienceAnalysis.LOOKALIKES, AudienceAnalysis.LOOKALIKE_CHECK);

    private static SparkAndMemoryModel shop;
    private static SparkAndMemoryModel tags;
    private static SparkAndMemoryModel sweetApples;
    private static SparkAndMemoryModel awkward;

    @BeforeAll
    static void load(SparkAndMemoryModel sampleShop) {
        shop = sampleShop;
        tags = SparkAndMemoryModel.of(TagsFixture.tables());
        sweetApples = SparkAndMemoryModel.of(SweetApplesFixture.tables());
        awkward = SparkAndMemoryModel.of(awkwardTables(TestSpark.session()));
    }

    @AfterAll
    static void release() {
        for (SparkAndMemoryModel model : new SparkAndMemoryModel[] {tags, sweetApples, awkward}) {
            if (model != null) {
                model.release();
            }
        }
    }

    @Test
    void sampleWithDefaultPeriodsAndSuspects() {
        List<MemorySession> sessions = MemoryFilter.apply(shop.memory(), SessionFilter.NONE, Set.of());
        AudiencePeriods periods = periods(AudienceParams.defaults(), sessions);
        // Three active users and one the data never saw.
        TreeSet<Long> suspects = new TreeSet<>();
        MemoryPeriodActions actions = MemoryPeriodActions.of(sessions, periods);
        for (int u = 0; u < actions.users().count(); u++) {
            for (int a = actions.from(u); a < actions.to(u); a++) {
                if (actions.inBase(a)) {
                    suspects.add(actions.users().id(u));
                }
            }
        }
        Set<Long> some = Set.of(suspects.pollFirst(), suspects.pollLast(), suspects.pollFirst(), 987_654_321L);
        assertSameTables(shop, SessionFilter.NONE, AudienceParams.defaults(), some);
    }

    /**
     * An age range and a date range (the sample runs 07-17..08-13): fewer users, default periods
     * that move with the dates (base 07-17..07-23), sessions cut at the first date.
     */
    @Test
    void sampleFilteredByAgeAndDate() {
        SessionFilter filter = SessionFilter.NONE.withAges(20, 45)
                .withDates(LocalDate.of(2019, 7, 18), LocalDate.of(2019, 7, 30));
        // The most paid category as the target: the default case has any pay.
        assertSameTables(shop, filter, params("category:" + mostPaid(shop, true), 2, 30), Set.of());
    }

    @Test
    void tagsFixture() {
        assertSameTables(tags, SessionFilter.NONE, TagsFixture.params(1), Set.of(2L, 9L));
    }

    @Test
    void sweetApplesForAnyPay() {
        assertSameTables(sweetApples, SessionFilter.NONE, SweetApplesFixture.params("pay", 3, 3), Set.of(3L));
    }

    @Test
    void sweetApplesForACategory() {
        assertSameTables(sweetApples, SessionFilter.NONE, SweetApplesFixture.params("category:7", 2, 5),
                SweetApplesFixture.SUSPECTS);
    }

    @Test
    void sweetApplesForAProduct() {
        assertSameTables(sweetApples, SessionFilter.NONE, SweetApplesFixture.params("product:70", 2, 100),
                Set.of(3L));
    }

    @Test
    void awkwardRowsForAProduct() {
        assertSameTables(awkward, SessionFilter.NONE, SweetApplesFixture.params("product:12", 1, 2), Set.of(2L));
    }

    private static void assertSameTables(SparkAndMemoryModel model, SessionFilter filter, AudienceParams params,
                                         Set<Long> suspects) {
        AnalysisInput input = AnalysisInput.of(model.spark(), filter);
        List<ResultTable> spark = AudienceAnalysis.lookalikeTables(input, params, suspectIds(suspects));
        List<MemorySession> sessions = MemoryFilter.apply(model.memory(), filter, Set.of());
        AudiencePeriods periods = periods(params, sessions);
        List<ResultTable> mine = MemoryTagTables.of(model.memory(), sessions, MemoryPeriodActions.of(sessions, periods),
                params, suspects);

        assertThat(spark).extracting(ResultTable::name).containsExactlyElementsOf(TAG_TABLES);
        assertThat(mine).extracting(ResultTable::name).containsExactlyElementsOf(TAG_TABLES);
        // Tables that would pass empty prove nothing: the user tags and the look-alikes must be there.
        assertThat(spark.get(0).rows()).isNotEmpty();
        assertThat(spark.get(3).rows()).isNotEmpty();
        for (int i = 0; i < TAG_TABLES.size(); i++) {
            assertThat(mine.get(i).columns()).as(TAG_TABLES.get(i)).isEqualTo(spark.get(i).columns());
            assertThat(mine.get(i).rows()).as(TAG_TABLES.get(i)).isEqualTo(spark.get(i).rows());
        }
    }

    /** The periods the Spark form finds: from the params, else ending on the filtered sessions' last date. */
    private static AudiencePeriods periods(AudienceParams params, List<MemorySession> sessions) {
        Optional<LocalDate> last = sessions.stream().mapToInt(MemorySession::maxDate).boxed()
                .max(Comparator.naturalOrder()).map(LocalDate::ofEpochDay);
        return AudiencePeriods.of(params, last).orElseThrow();
    }

    private static Dataset<Row> suspectIds(Set<Long> ids) {
        return TestSpark.session().createDataFrame(ids.stream().map(id -> RowFactory.create(id)).toList(),
                new StructType().add("user_id", DataTypes.LongType));
    }

    private static AudienceParams params(String target, int minUsers, int lookalikes) {
        AudienceParams d = AudienceParams.defaults();
        return new AudienceParams(Optional.empty(), Optional.empty(), AudienceParams.parseTarget(target), List.of(),
                d.likeClicks(), d.habitDays(), minUsers, lookalikes, d.minDwellSeconds(), d.asOf(), d.paidChannels());
    }

    /** The category (or product) in most pay lists of the whole model, the smallest id among ties. */
    private static long mostPaid(SparkAndMemoryModel model, boolean category) {
        Map<Long, Integer> pays = new HashMap<>();
        for (MemorySession s : model.memory().sessions()) {
            for (int i = 0; i < s.actions().size(); i++) {
                MemoryAction a = s.actions().get(i);
                long[] ids = MemoryAction.distinctSetIds(category ? a.payCategories() : a.payProducts());
                if (ids != null) {
                    for (long id : ids) {
                        pays.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        return pays.entrySet().stream()
                .max(Comparator.comparing(Map.Entry<Long, Integer>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }

    /**
     * Base 07-01..07-07, current 07-08..07-14. A session without a user (n1, n2) that is active,
     * pays, clicks and converts; product 12 listed twice, so the row with the smaller extend_info
     * (third party, 30) is the one, not the smaller status; keywords a tab (blank to Java, not to
     * Spark's trim), 𝄞 and ｚ (ordered one way by UTF-16, the other by code point); product 12
     * clicked in category 2, and paid alone with categories -1 and 5, so its categories are 2 and 5.
     */
    private static LogTables awkwardTables(SparkSession spark) {
        String noUser = "";
        return LogTables.empty(spark)
                .withUsers(Fixtures.users(spark,
                        "1|u1|n1|30|teacher|北京|male",
                        "2|u2|n2|17|student| |female",
                        "3|u3|n3||teacher|上海|"))
                .withProducts(Fixtures.products(spark,
                        "10|p10|{}|0|0.1",
                        "11|p11|{}|0|0.2",
                        "12|p12|{\"b\"}|0|35",
                        "12|p12|{\"a\"}|1|30",
                        "13|p13|{}|1|0.0000005"))
                .withActions(Fixtures.actions(spark,
                        search(1, "a1", "2019-07-01 10:00:00", "\t", "search"),
                        click(1, "a1", "2019-07-01 10:00:10", 2, "12", "search"),
                        click(1, "a1", "2019-07-01 10:00:20", 2, "12", "search"),
                        click(1, "a1", "2019-07-01 10:00:30", 2, "12", "search"),
                        pay(1, "a1", "2019-07-01 10:00:40", "1", "10,11", "search"),
                        search(2, "a2", "2019-07-02 10:00:00", "𝄞", "display_ad"),
                        search(2, "a2", "2019-07-02 10:00:01", "ｚ", "display_ad"),
                        pay(2, "a2", "2019-07-02 10:00:10", "-1,5", "12", "display_ad"),
                        search(3, "a3", "2019-07-03 10:00:00", "ｚ", ""),
                        pay(3, "a3", "2019-07-03 10:00:10", "3", "13", ""),
                        search(4, "a4", "2019-07-03 11:00:00", "𝄞", "social"),
                        click(4, "a4", "2019-07-03 11:00:10", 2, "12", "social"),
                        pay(4, "a4", "2019-07-03 11:00:20", "2", "10", "social"),
                        search(5, "a5", "2019-07-04 11:00:00", "ｚ", "social"),
                        line(noUser, "n1", "2019-07-04 12:00:00", "𝄞", "", "", "", "", "search"),
                        line(noUser, "n1", "2019-07-04 12:00:10", "", "2", "12", "", "", "search"),
                        line(noUser, "n1", "2019-07-04 12:00:20", "", "", "", "2", "12", "search"),
                        pay(4, "c4", "2019-07-09 10:00:00", "2", "12", "social"),
                        pay(5, "c5", "2019-07-09 10:00:00", "2", "12", "social"),
                        line(noUser, "n2", "2019-07-10 12:00:20", "", "", "", "2", "12", "search")));
    }

    /** An action line with the user id as text, so it can be empty (no user). */
    private static String line(String user, String session, String time, String keyword, String category,
                               String product, String payCategories, String payProducts, String channel) {
        return String.join("|", time.substring(0, 10), user, session, "1", time, keyword, category, product, "", "",
                payCategories, payProducts, "1", channel, "");
    }
}
