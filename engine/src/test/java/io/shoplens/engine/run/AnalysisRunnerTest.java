package io.shoplens.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

class AnalysisRunnerTest {

    private static final String JOB_GROUP = "spark.jobGroup.id";

    private static LogTables tables;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        tables = LogTables.empty(spark)
                .withCities(Fixtures.cities(spark, "1|北京|华北", "2|上海|华东"))
                .withUsers(Fixtures.users(spark, "1|u1|n1|30|teacher|x|male", "2|u2|n2|17|student|x|female"))
                .withProducts(Fixtures.products(spark, "10|p10|{}|0|2.5", "11|p11|{}|1|4"))
                .withActions(Fixtures.actions(spark,
                        "2019-07-01|1|s1|1|2019-07-01 10:00:00|火锅|||||||1|search|",
                        "2019-07-01|1|s1|2|2019-07-01 10:00:30||1|10|||||1|search|",
                        "2019-07-01|1|s1|3|2019-07-01 10:02:00||||1|10|||1|search|",
                        "2019-07-01|1|s1|4|2019-07-01 10:03:00||||||1|10|1|search|10",
                        "2019-07-01|2|s2|1|2019-07-01 11:00:00||2|11|||||2|direct|",
                        "2019-07-01|2|s2|2|2019-07-01 11:00:05||1|10|||||2|direct|",
                        "2019-07-02|2|s3|1|2019-07-02 09:00:00||1|10|||||2|social|",
                        "2019-07-02|2|s3|2|2019-07-02 09:40:00||||2|11|2|11|2|social|4"))
                .withAdClicks(Fixtures.adClicks(spark,
                        "1561975200000|北京|北京|1|7",
                        "1561975201000|北京|北京|1|7",
                        "1562061600000|上海|上海|2|8"));
    }

    @Test
    void adsRunBesideTheSessionAnalysesWithTheSameResults() {
        Map<String, String> threads = new ConcurrentHashMap<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<String> events = new ArrayList<>();
        AnalysisRunner.Listener listener = new AnalysisRunner.Listener() {
            @Override
            public void started(String analysis, int index, int count) {
                enter();
                threads.put(analysis, Thread.currentThread().getName());
                events.add("started " + analysis + " " + index + "/" + count);
                inside.decrementAndGet();
            }

            @Override
            public void finished(String analysis, long millis) {
                enter();
                events.add("finished " + analysis);
                inside.decrementAndGet();
            }

            private void enter() {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.yield();
            }
        };

        AnalysisRunner.Outcome all = AnalysisRunner.run(tables, RunRequest.defaults(List.of("all")), listener);

        assertThat(all.results()).extracting(AnalysisResult::analysis).containsExactlyElementsOf(RunRequest.ALL);
        assertThat(all.timingsMillis()).containsOnlyKeys(RunRequest.ALL);
        assertThat(all.timingsMillis().keySet()).containsExactlyElementsOf(RunRequest.ALL);
        assertThat(all.wallMillis()).isPositive();
        String caller = Thread.currentThread().getName();
        assertThat(threads).containsEntry("sessions", caller).containsEntry("pages", caller)
                .containsEntry("gmv", caller).containsEntry("products", caller).containsEntry("funnel", caller)
                .containsEntry("audience", caller).containsEntry("ads", "shoplens-analyses-beside");
        assertThat(mostInside.get()).as("listener calls never overlap").isEqualTo(1);
        assertThat(events).hasSize(14).contains("started sessions 0/7", "started products 2/7", "started ads 3/7",
                "started gmv 4/7", "started funnel 5/7", "started audience 6/7");
        // The session side keeps its order.
        assertThat(events.stream().filter(e -> e.startsWith("started") && !e.contains("ads")))
                .containsExactly("started sessions 0/7", "started pages 1/7", "started products 2/7", "started gmv 4/7",
                        "started funnel 5/7", "started audience 6/7");

        for (AnalysisResult alone : runEachAlone()) {
            AnalysisResult together = all.results().get(RunRequest.ALL.indexOf(alone.analysis()));
            assertThat(linesOf(together)).as(alone.analysis()).isEqualTo(linesOf(alone)).isNotEmpty();
        }
    }

    @Test
    void theCallersJobGroupReachesTheThreadBeside() {
        SparkContext context = TestSpark.session().sparkContext();
        Map<String, String> groups = new ConcurrentHashMap<>();
        context.setJobGroup("runner-test", "a run", true);
        try {
            AnalysisRunner.run(tables, RunRequest.defaults(List.of("sessions", "ads")), new AnalysisRunner.Listener() {
                @Override
                public void started(String analysis, int index, int count) {
                    groups.put(analysis, String.valueOf(context.getLocalProperty(JOB_GROUP)));
                }
            });
        } finally {
            context.clearJobGroup();
        }
        // A cancelled group then stops the jobs of both sides.
        assertThat(groups).containsEntry("sessions", "runner-test").containsEntry("ads", "runner-test");
    }

    @Test
    void aFailureBesideIsThrownOnceTheSessionSideHasFinished() {
        SparkSession spark = TestSpark.session();
        LogTables broken = tables.withAdClicks(spark.range(3).toDF("not_an_ad_click"));
        List<String> finished = new ArrayList<>();

        assertThatThrownBy(() -> AnalysisRunner.run(broken, RunRequest.defaults(List.of("sessions", "ads")),
                new AnalysisRunner.Listener() {
                    @Override
                    public synchronized void finished(String analysis, long millis) {
                        finished.add(analysis);
                    }
                }))
                .hasMessageContaining("not_an_ad_click");
        assertThat(finished).containsExactly("sessions");
    }

    private static List<AnalysisResult> runEachAlone() {
        List<AnalysisResult> results = new ArrayList<>();
        // Audience reads only the kept sessions, as funnel does, and costs the most alone: left out.
        for (String analysis : RunRequest.ALL.stream().filter(a -> !a.equals("audience")).toList()) {
            results.addAll(AnalysisRunner.run(tables, RunRequest.defaults(List.of(analysis)),
                    AnalysisRunner.Listener.NONE).results());
        }
        return results;
    }

    private static Map<String, List<String>> linesOf(AnalysisResult result) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (ResultTable table : result.tables()) {
            lines.put(table.name(), Tables.lines(table));
        }
        return lines;
    }
}
