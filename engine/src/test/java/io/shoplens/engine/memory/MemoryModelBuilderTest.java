package io.shoplens.engine.memory;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * The model made in this JVM ({@link MemoryModelBuilder}) is the model Spark makes and
 * {@link MemoryModel#load} reads, session by session and action by action: the in-memory
 * analyses are held to Spark's on the loaded one, so this equality carries them over.
 */
@ExtendWith(SampleShop.class)
class MemoryModelBuilderTest {

    private final SparkSession spark = TestSpark.session();

    @Test
    void theSampleShopIsTheModelSparkMakes(SparkAndMemoryModel sampleShop) {
        MemoryModel built = MemoryModelBuilder.build(sampleShop.spark().tables(), 61_568).orElseThrow();

        assertEquals(describe(sampleShop.memory()), describe(built));
        assertTrue(built.sessions().size() > 1000, "the sample has thousands of sessions");
    }

    @Test
    void oddValuesAndSeveralFilesGiveWhatSparkMakes() {
        Dataset<Row> first = Fixtures.actions(spark,
                // s1: ties in time broken by line; keywords repeated, blank and unset; -1 and repeated categories.
                "2024-05-01|1|s1|10|2024-05-01 10:00:05|phone|-1||||||3|app",
                "2024-05-01|1|s1|11|2024-05-01 10:00:05||7|70|||||3|app",
                "2024-05-01|1|s1|12|2024-05-01 10:00:00|phone|7|71|||||4|web",
                "2024-05-01|1|s1|13|2024-05-01 10:00:09| |8|80|||||4|web",
                // s2: pays priced by pay_amount, by every product's price, by a partial price list, by an
                // unknown product, by an id that is not a number, with ids padded, blank, NULL and trailing.
                pay(20, "2024-05-02 23:59:59", "1", "100", "2", "100", "12.3456789"),
                pay(21, "2024-05-03 00:00:01", "", "", "2", " 100 , 101", ""),
                pay(22, "2024-05-03 00:00:02", "", "", "2", "100,102", ""),
                pay(23, "2024-05-03 00:00:03", "", "", "2", "100,999", ""),
                pay(24, "2024-05-03 00:00:04", "", "", "2", "100,x", ""),
                pay(25, "2024-05-03 00:00:05", "", "", "2", "100,,101,", ""),
                pay(26, "2024-05-03 00:00:06", "", "", "NULL ", "100", ""),
                pay(27, "2024-05-03 00:00:07", "", "", "2", "null", ""),
                pay(28, "2024-05-03 00:00:08", " 1 ,2.5,x,", "", " ", "-2", "NaN"),
                pay(29, "2024-05-03 00:00:09", "", "", "2", "", "-0.0000005"),
                pay(30, "2024-05-03 00:00:10", "", "", "", "103", ""),
                pay(31, "2024-05-03 00:00:11", "", "", "", "101,101", "0.0000025"),
                // s3: an unknown user in an unknown city; a session whose first action is not its first line.
                "2024-05-04|404|s3|30|2024-05-04 08:00:00|shoes|9|90|||||77|",
                "2024-05-04|405|s3|31|2024-05-04 07:00:00||||||||77|web",
                // s4: one action, no user id, no city.
                "2024-05-04||s4|40|2024-05-04 09:00:00");
        // The same session's actions in a second file, sorting by file name where times tie.
        Dataset<Row> second = Fixtures.actions(spark,
                        "2024-05-01|1|s1|14|2024-05-01 10:00:05|bag|7|70|||||3|app",
                        "2024-05-05|6|s5|50|2024-05-05 12:00:00||||3|100||||web")
                .withColumn("source_file", lit("another"));
        Dataset<Row> users = Fixtures.users(spark,
                "1|u1|One|30|teacher|Paris|female",
                "1|u1b|One|25|artist|Lyon|female",
                "2|u2|Two||||",
                "6|u6|Six|41|clerk|Rome|male");
        Dataset<Row> products = Fixtures.products(spark,
                "100|Phone|{}|1|10.5",
                "101|Case|{}|0|2.25",
                "101|Case|{}|0|1.75",
                "102|Cable|{}|0|",
                "103|Charger|{}|0|NaN");
        Dataset<Row> cities = Fixtures.cities(spark,
                "3|Beijing|North",
                "3|Beijing|Alpha",
                "4|Shanghai|East",
                "5|Guangzhou|South");
        LogTables tables = new LogTables(first.unionByName(second), users, products, cities,
                Fixtures.adClicks(spark));

        assertSameModels(tables);
        assertSameModels(new LogTables(first, users, products, cities, Fixtures.adClicks(spark),
                LogTables.empty(spark).categories(), true));
    }

    @Test
    void aTimeWithAFractionOfASecondIsLeftToSpark() {
        Dataset<Row> actions = Fixtures.actions(spark, "2024-05-01|1|s1|10|2024-05-01 10:00:05")
                .withColumn("action_time", lit(java.sql.Timestamp.valueOf("2024-05-01 10:00:05.25"))
                        .cast("timestamp_ntz"));
        LogTables tables = LogTables.empty(spark);

        assertEquals(Optional.empty(), MemoryModelBuilder.build(new LogTables(actions, tables.users(),
                tables.products(), tables.cities(), tables.adClicks()), 1));
    }

    @Test
    void noActionsMakeAnEmptyModel() {
        MemoryModel built = MemoryModelBuilder.build(LogTables.empty(spark), 0).orElseThrow();

        assertEquals(List.of(), built.sessions());
        assertEquals(describe(MemoryModel.load(SessionModel.of(LogTables.empty(spark)))), describe(built));
    }

    /** An action of user 2's session s2 in city 5 on the app: {@code date|2|s2|page|time|||| order and pay lists |5|app|amount}. */
    private static String pay(int page, String time, String orderCategories, String orderProducts,
                              String payCategories, String payProducts, String amount) {
        return String.join("|", time.substring(0, 10), "2", "s2", String.valueOf(page), time, "", "", "",
                orderCategories, orderProducts, payCategories, payProducts, "5", "app", amount);
    }

    private static void assertSameModels(LogTables tables) {
        MemoryModel fromSpark = MemoryModel.load(SessionModel.of(tables));
        MemoryModel built = MemoryModelBuilder.build(tables, 3).orElseThrow();
        assertEquals(describe(fromSpark), describe(built));
    }

    /** Every value of the model, sessions in id order, as text that shows a difference where it is. */
    static List<String> describe(MemoryModel model) {
        List<String> lines = new ArrayList<>();
        model.sessions().stream().sorted(Comparator.comparing(MemorySession::sessionId)).forEach(s -> {
            lines.add(String.join(" | ", s.sessionId(), "user " + s.userId(), "start " + s.start(),
                    "end " + s.end(), "steps " + s.steps(), s.hour(), "dates " + s.firstDate() + "/" + s.minDate()
                            + "/" + s.maxDate(), "channel " + s.channel(), "city " + s.cityId() + " " + s.cityName()
                            + " " + s.area(), "keywords " + s.keywords(),
                    "categories " + Arrays.toString(s.clickCategories()), "orders " + s.orders(),
                    "gmv " + s.gmvMicros(), "without " + s.ordersWithoutAmount(), "known " + s.userKnown(),
                    "user " + s.age() + " " + s.professional() + " " + s.userCity() + " " + s.sex()));
            for (int i = 0; i < s.actions().size(); i++) {
                lines.add("    " + describe(s.actions().get(i)));
            }
        });
        lines.add("users " + model.users());
        lines.add("cities " + model.cities());
        lines.add("products " + model.products());
        lines.add("catalogue " + model.catalogue());
        return lines;
    }

    private static String describe(MemoryAction a) {
        return String.join(" ", "time " + a.time(), "file " + a.file(), "line " + a.line(), "date " + a.date(),
                "user " + a.userId(), "page " + a.pageId(), "keyword " + a.keyword(),
                "click " + a.clickCategory() + "/" + a.clickProduct(),
                "order " + Arrays.toString(a.orderCategories()) + "/" + Arrays.toString(a.orderProducts()),
                "pay " + Arrays.toString(a.payCategories()) + "/" + Arrays.toString(a.payProducts()),
                "city " + a.cityId(), "channel " + a.channel(), "payAmount " + a.payAmount(),
                "amount " + a.amountMicros());
    }
}
