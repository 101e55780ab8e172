package io.shoplens.engine.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

class SessionSummariesTest {

    private static final LocalDateTime BASE = LocalDateTime.of(2019, 7, 20, 8, 0);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One action as the test knows it: its session order key and its page. */
    private record Step(String session, LocalDateTime time, String file, long line, long page) {
    }

    /**
     * Every session's pages in session order, whatever order the shuffle brings its actions in:
     * the input is spread over several partitions, times collide often, and the file names break
     * those ties against the line order.
     */
    @Test
    void pagesAreInSessionOrderWhateverTheInputOrder() {
        SparkSession spark = TestSpark.session();
        Random random = new Random(11);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String session = "s" + random.nextInt(40);
            LocalDateTime time = BASE.plusSeconds(random.nextInt(25));
            lines.add(actionLine(session, time, 1 + random.nextInt(9), 1, 7));
        }
        Collections.shuffle(lines, random);
        // Odd lines come from file "a", even ones from "b": within a second, every "a" action is
        // before every "b" one, though the lines interleave.
        Dataset<Row> actions = Fixtures.actions(spark, lines.toArray(String[]::new))
                .withColumn("source_file", when(col("source_line").mod(2).equalTo(1), lit("a")).otherwise(lit("b")))
                .repartition(5);

        assertThat(pagesOf(SessionSummaries.summarize(actions, lit(0), true))).hasSize(40)
                .isEqualTo(expectedPages(actions));
    }

    /**
     * Actions from one file: the pass leaves the file name out, and the order, by time and then
     * line, is the same as with it. The first action (GMV's) is the same too.
     */
    @Test
    void oneFileNeedsNoFileNameForTheSameOrder() {
        SparkSession spark = TestSpark.session();
        Random random = new Random(12);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            LocalDateTime time = BASE.plusSeconds(random.nextInt(10));
            int user = random.nextInt(5);
            String session = "s" + random.nextInt(20);
            int page = 1 + random.nextInt(9);
            lines.add(actionLine(session, time, page, user, random.nextInt(4)));
        }
        Dataset<Row> actions = Fixtures.actions(spark, lines.toArray(String[]::new)).repartition(5);

        Dataset<Row> withoutName = SessionSummaries.summarize(actions, lit(0), false);
        Dataset<Row> withName = SessionSummaries.summarize(actions, lit(0), true);

        assertThat(pagesOf(withoutName)).hasSize(20).isEqualTo(expectedPages(actions)).isEqualTo(pagesOf(withName));
        String[] first = {"first_user_id", "first_city_id"};
        assertThat(withoutName.select("session_id", first).orderBy("session_id").collectAsList())
                .isEqualTo(withName.select("session_id", first).orderBy("session_id").collectAsList());
    }

    /**
     * A sample's keyword and category lists, in session order and each value once, are the same
     * whether its ids reach the scan as literals or as a broadcast table; other sessions are left
     * out.
     */
    @Test
    void listsAreTheSameWithIdsAsLiteralsOrAsATable() {
        Dataset<Row> actions = Fixtures.actions(TestSpark.session(),
                clickLine("s1", 5, "b", "7"),
                clickLine("s1", 1, "a", ""),
                clickLine("s1", 3, "b", "3"),
                clickLine("s1", 9, "", "7"),
                clickLine("s2", 0, "", ""),
                clickLine("s3", 0, "c", "5")).repartition(3);
        List<List<Object>> expected = List.of(List.of("s1", "a,b", "3,7"), List.of("s2", "", ""));

        for (int maxLiteralIds : new int[] {SessionSummaries.MAX_LITERAL_IDS, 1}) {
            List<List<Object>> lists = new ArrayList<>();
            for (Row r : SessionSummaries.listsOf(actions, List.of("s1", "s2"), maxLiteralIds)
                    .orderBy("session_id").collectAsList()) {
                lists.add(List.of(r.get(0), r.get(1), r.get(2)));
            }
            assertThat(lists).as("at most %d literal ids", maxLiteralIds).isEqualTo(expected);
        }
    }

    /** An action of {@code session} at {@code second} after 8:00 with a search keyword and a clicked category. */
    private static String clickLine(String session, int second, String keyword, String category) {
        return "2019-07-20|1|" + session + "|1|" + TIME.format(BASE.plusSeconds(second)) + "|" + keyword + "|"
                + category + "||||||1|web";
    }

    /** A web action of {@code session} on {@code page}, in the fixture's line form. */
    private static String actionLine(String session, LocalDateTime time, int page, int user, int city) {
        return "2019-07-20|" + user + "|" + session + "|" + page + "|" + TIME.format(time) + "||||||||" + city + "|web";
    }

    private static Map<String, List<Long>> pagesOf(Dataset<Row> summaries) {
        Map<String, List<Long>> pages = new TreeMap<>();
        for (Row r : summaries.select("session_id", "pages").collectAsList()) {
            pages.put(r.getString(0), r.getList(1));
        }
        return pages;
    }

    private static Map<String, List<Long>> expectedPages(Dataset<Row> actions) {
        List<Step> steps = new ArrayList<>();
        for (Row r : actions.select("session_id", "action_time", "source_file", "source_line", "page_id").collectAsList()) {
            steps.add(new Step(r.getString(0), r.getAs(1), r.getString(2), r.getLong(3), r.getLong(4)));
        }
        steps.sort(Comparator.comparing(Step::time).thenComparing(Step::file).thenComparingLong(Step::line));
        Map<String, List<Long>> pages = new TreeMap<>();
        for (Step s : steps) {
            pages.computeIfAbsent(s.session(), k -> new ArrayList<>()).add(s.page());
        }
        return pages;
    }
}
