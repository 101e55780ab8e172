package io.shoplens.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.cli.AnalysisOptions;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * The channel and area filters keep a session by its first action's channel and city's area, with
 * GMV's names for what is missing, on Spark and in memory alike; a cut session by its first kept
 * action.
 */
class ChannelAreaFilterTest {

    private static SessionModel model;
    private static MemoryModel memory;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        LogTables tables = LogTables.empty(spark)
                .withActions(Fixtures.actions(spark,
                        // p1: came by search from 上海 (华东); its second action's channel and city do not count.
                        "2019-07-17|1|p1|1|2019-07-17 10:00:00||||||||1|search|",
                        "2019-07-17|1|p1|2|2019-07-17 10:00:09||||||||2|display_ad|",
                        "2019-07-18|2|p2|1|2019-07-18 10:00:00||||||||2|display_ad|",
                        // p3: no channel, a city city_info does not know.
                        "2019-07-17|1|p3|1|2019-07-17 11:00:00||||||||9||",
                        // p4: a city without an area.
                        "2019-07-17|2|p4|1|2019-07-17 12:00:00||||||||3|search|",
                        // p5 runs past midnight: display_ad from 上海, then search from 北京.
                        "2019-07-17|2|p5|1|2019-07-17 23:59:00||||||||1|display_ad|",
                        "2019-07-18|2|p5|2|2019-07-18 00:01:00||||||||2|search|"))
                .withCities(Fixtures.cities(spark, "1|上海|华东", "2|北京|华北", "3|无区域|"));
        SessionModel plain = SessionModel.of(tables);
        model = new SessionModel(plain.sessions().cache(), plain.users(), tables);
        memory = MemoryModel.load(model);
    }

    @Test
    void channelsAreTheFirstActionsWithUnknownForNone() {
        assertBoth(SessionFilter.NONE.withChannels(List.of("search")), "p1", "p4");
        assertBoth(SessionFilter.NONE.withChannels(List.of("display_ad")), "p2", "p5");
        assertBoth(SessionFilter.NONE.withChannels(List.of("unknown")), "p3");
        assertBoth(SessionFilter.NONE.withChannels(List.of("search", "unknown")), "p1", "p3", "p4");
    }

    @Test
    void areasAreTheFirstActionsCitysWithUnknownPlaceForNone() {
        assertBoth(SessionFilter.NONE.withAreas(List.of("华东")), "p1", "p5");
        assertBoth(SessionFilter.NONE.withAreas(List.of("华北")), "p2");
        assertBoth(SessionFilter.NONE.withAreas(List.of("(unknown)")), "p3", "p4");
        assertBoth(SessionFilter.NONE.withAreas(List.of("华北")).withChannels(List.of("search")));
    }

    @Test
    void aCutSessionGoesByItsFirstKeptAction() {
        SessionFilter from18 = SessionFilter.NONE.withDates(LocalDate.of(2019, 7, 18), null);
        assertBoth(from18.withChannels(List.of("search")), "p5");
        assertBoth(from18.withAreas(List.of("华北")), "p2", "p5");
        assertBoth(from18.withAreas(List.of("华东")));
    }

    @Test
    void theCommandLineAndTheRecordedRunKeepThem() throws Exception {
        RunRequest request = AnalysisOptions.parse(List.of("--channels", "search, unknown", "--areas", "华东,(unknown)"));
        assertThat(request.filter().channels()).containsExactly("search", "unknown");
        assertThat(request.filter().areas()).containsExactly("华东", "(unknown)");
        assertThat(AnalysisOptions.parse(request.toArguments())).isEqualTo(request);
        assertThat(RunRequest.fromJson(request.toJson())).isEqualTo(request);
        // A run recorded before these filters existed has neither in its request.
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.toJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("request").get("filter")).remove(List.of("channels", "areas"));
        RunRequest before = RunRequest.fromJson(json.toString());
        assertThat(before.filter().channels()).isEmpty();
        assertThat(before.filter().areas()).isEmpty();
        assertThat(before.filter()).isEqualTo(SessionFilter.NONE);
    }

    private static void assertBoth(SessionFilter filter, String... sessions) {
        List<String> spark = ModelFilter.apply(model, filter).select(SessionColumns.SESSION_ID).collectAsList()
                .stream().map(r -> r.getString(0)).sorted().toList();
        List<String> inMemory = MemoryFilter.apply(memory, filter).stream().map(MemorySession::sessionId).sorted()
                .toList();
        assertThat(spark).as("Spark").containsExactly(sessions);
        assertThat(inMemory).as("in memory").containsExactly(sessions);
    }
}
