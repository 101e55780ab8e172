package io.shoplens.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.shoplens.engine.run.MemoryAnalyses;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.products.HotProductsAnalysis.ProductParams;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * The in-memory analyses against the Spark analyses, table by table and value by value, on the
 * sample logs and on a fixture of awkward rows, under filters that cut sessions, drop unknown
 * users and match keywords and categories.
 */
@ExtendWith(SampleShop.class)
class MemoryAnalysesMatchSparkTest {

    private static SparkAndMemoryModel shop;
    private static SparkAndMemoryModel awkward;

    @BeforeAll
    static void load(SparkAndMemoryModel sampleShop) {
        shop = sampleShop;
        awkward = SparkAndMemoryModel.of(awkwardTables(TestSpark.session()));
    }

    @AfterAll
    static void close() {
        if (awkward != null) {
            awkward.release();
        }
    }

    static Stream<Arguments> requests() {
        RunRequest none = request(SessionFilter.NONE);
        RunRequest cutAfterMidnight = request(SessionFilter.NONE.withDates(LocalDate.of(2019, 7, 18), null));
        RunRequest users = withSample(request(SessionFilter.NONE.withAges(20, 45).withSexes(List.of("female"))),
                new SessionParams(5000, 7));
        RunRequest words = request(SessionFilter.NONE.withKeywords(List.of("火锅", "温泉"))
                .withCategories(List.of(1L, 2L, 17L)));
        RunRequest places = withSample(request(SessionFilter.NONE.withProfessionals(List.of("teacher", "engineer"))
                .withCities(List.of("上海", "武汉"))), new SessionParams(0, 42));
        RunRequest window = withPages(request(SessionFilter.NONE.withDates(null, LocalDate.of(2019, 7, 17))),
                new PageParams(List.of(3L, 4L, 3L, 4L, 5L), Optional.of(30)));
        return Stream.of(
                Arguments.of("shop", none), Arguments.of("shop", cutAfterMidnight), Arguments.of("shop", users),
                Arguments.of("shop", window),
                Arguments.of("awkward", cutAfterMidnight), Arguments.of("awkward", words),
                Arguments.of("awkward", places),
                Arguments.of("awkward", withSample(window, new SessionParams(37, -3))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("requests")
    void everyTableIsTheSparkTable(String data, RunRequest request) {
        SparkAndMemoryModel model = data.equals("shop") ? shop : awkward;
        AnalysisInput input = AnalysisInput.of(model.spark(), request.filter());
        List<MemorySession> sessions = MemoryAnalyses.sessions(model.memory(), request);
        // Audience has its own tests against Spark, in its package (MemoryAudienceMatchesSparkTest).
        for (String analysis : MemoryAnalyses.SUPPORTED.stream().filter(a -> !a.equals("audience")).toList()) {
            AnalysisResult expected = switch (analysis) {
                case "sessions" -> io.shoplens.engine.sessions.SessionAnalysis.run(input, request.sessions());
                case "pages" -> PageConversionAnalysis.run(input, request.pages());
                case "products" -> io.shoplens.engine.products.HotProductsAnalysis.run(input, request.products());
                case "gmv" -> io.shoplens.engine.gmv.GmvAnalysis.run(input, request.gmv());
                case "funnel" -> io.shoplens.engine.funnel.FunnelAnalysis.run(input, request.funnel());
                default -> throw new IllegalStateException(analysis);
            };
            AnalysisResult actual = MemoryAnalyses.run(analysis, model.memory(), sessions, request).orElseThrow();
            assertThat(actual.tables()).extracting(ResultTable::name)
                    .containsExactlyElementsOf(expected.tables().stream().map(ResultTable::name).toList());
            for (ResultTable table : expected.tables()) {
                ResultTable mine = actual.table(table.name());
                assertThat(mine.columns()).as(analysis + "/" + table.name()).isEqualTo(table.columns());
                assertThat(mine.rows()).as(analysis + "/" + table.name()).isEqualTo(table.rows());
            }
        }
    }

    private static RunRequest request(SessionFilter filter) {
        RunRequest d = RunRequest.defaults(List.of("all"));
        return new RunRequest(d.analyses(), filter, d.sessions(), d.pages(), new ProductParams(),
                new AdParams(100, ZoneId.of("UTC")), GmvParams.bridge(DateRange.parse("2019-07-17..2019-07-19"),
                DateRange.parse("2019-07-20..2019-07-24")));
    }

    private static RunRequest withPages(RunRequest r, PageParams pages) {
        return new RunRequest(r.analyses(), r.filter(), r.sessions(), pages, r.products(), r.ads(), r.gmv());
    }

    private static RunRequest withSample(RunRequest r, SessionParams sessions) {
        return new RunRequest(r.analyses(), r.filter(), sessions, r.pages(), r.products(), r.ads(), r.gmv());
    }

    /**
     * Rows the sample does not have: unset and -1 ids, a page-less action, repeated and -1 ids in
     * lists, a pay without an amount whose product has no price, unknown users, cities and
     * products, a product without a name, a session of two users, ties in time, a session past
     * midnight, a keyword outside the BMP.
     */
    private static LogTables awkwardTables(SparkSession spark) {
        return LogTables.empty(spark)
                .withCities(Fixtures.cities(spark, "1|北京|华北", "2|上海|华东", "3|无区|", "2|上海|华南"))
                .withUsers(Fixtures.users(spark, "1|u1|n1|30|teacher|上海|male", "2|u2|n2|17|student|武汉|female",
                        "3|u3|n3||engineer|上海|", "2|u2b|n2|17|student|武汉|female"))
                .withProducts(Fixtures.products(spark, "10|p10|{}|0|2.5", "11||{}|1|", "12|p12|{}|7|3"))
                .withActions(Fixtures.actions(spark,
                        "2019-07-17|1|a1|1|2019-07-17 10:00:00|火锅|||||||1|search|",
                        "2019-07-17|1|a1|2|2019-07-17 10:00:00||-1|10|||||1|search|",
                        "2019-07-17|1|a1||2019-07-17 10:00:30||1|10|||||1|search|",
                        "2019-07-17|1|a1|3|2019-07-17 10:02:00||||1,1,-1,2|10,10|||1|search|",
                        "2019-07-17|1|a1|4|2019-07-17 10:03:00||||||1,2,2|10,11|1|search|",
                        "2019-07-17|2|a2|1|2019-07-17 23:59:50|𝄞|||||||3|direct|",
                        "2019-07-18|3|a2|2|2019-07-18 00:00:05||17|12|||||9|direct|",
                        "2019-07-18|3|a2|3|2019-07-18 00:40:00||||||17|12|9|direct|",
                        "2019-07-18|9|a3|1|2019-07-18 09:00:00||2|99|||||2||",
                        "2019-07-18|9|a3|2|2019-07-18 09:00:01||||||2|99|2||5.5",
                        "2019-07-19|1|a4|3|2019-07-19 12:00:00|温泉|||||||||",
                        "2019-07-19|1|a4|4|2019-07-19 12:00:00||1|11|||||1|display_ad|",
                        "2019-07-20|2|a5|1|2019-07-20 08:00:00||2|10|||||2|social|",
                        "2019-07-20|2|a5|2|2019-07-20 08:01:00||2|10|||||2|social|",
                        "2019-07-20|2|a5|3|2019-07-20 08:05:00||||||2|10|2|social|2.5"));
    }
}
