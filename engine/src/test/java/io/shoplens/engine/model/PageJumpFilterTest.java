package io.shoplens.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.cli.AnalysisOptions;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemoryPageAnalysis;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.SameResults;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

/**
 * The page-jump filter keeps the sessions with two adjacent actions on A then B, the pairs the
 * pages analysis counts as jumps, on Spark and in memory alike.
 */
class PageJumpFilterTest {

    private static final PageJump THREE_FOUR = new PageJump(3, 4);

    private static SessionModel model;
    private static MemoryModel memory;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        LogTables tables = LogTables.empty(spark)
                .withActions(Fixtures.actions(spark,
                        // once: 3 then 4.
                        "2019-07-17|1|once|3|2019-07-17 10:00:00",
                        "2019-07-17|1|once|4|2019-07-17 10:00:10",
                        // twice: 3→4, 4→5, 5→3, 3→4.
                        "2019-07-17|2|twice|3|2019-07-17 10:00:00",
                        "2019-07-17|2|twice|4|2019-07-17 10:00:10",
                        "2019-07-17|2|twice|5|2019-07-17 10:00:20",
                        "2019-07-17|2|twice|3|2019-07-17 10:00:30",
                        "2019-07-17|2|twice|4|2019-07-17 10:00:40",
                        // apart: 3, 5, 4 visits 4 after 3, but never straight from it.
                        "2019-07-17|3|apart|3|2019-07-17 10:00:00",
                        "2019-07-17|3|apart|5|2019-07-17 10:00:10",
                        "2019-07-17|3|apart|4|2019-07-17 10:00:20",
                        // back: 4 then 3, the other way round.
                        "2019-07-17|4|back|4|2019-07-17 10:00:00",
                        "2019-07-17|4|back|3|2019-07-17 10:00:10",
                        // gap: an action without a page between 3 and 4 breaks the pair.
                        "2019-07-17|5|gap|3|2019-07-17 10:00:00",
                        "2019-07-17|5|gap||2019-07-17 10:00:05|火锅",
                        "2019-07-17|5|gap|4|2019-07-17 10:00:10",
                        // five-six: another jump, for a list of two.
                        "2019-07-17|6|five-six|5|2019-07-17 10:00:00",
                        "2019-07-17|6|five-six|6|2019-07-17 10:00:10",
                        // midnight: 3 on the 17th, 4 on the 18th; a date filter from the 18th cuts the 3 off.
                        "2019-07-17|7|midnight|3|2019-07-17 23:59:50",
                        "2019-07-18|7|midnight|4|2019-07-18 00:00:10",
                        // alone: one action on page 3.
                        "2019-07-17|8|alone|3|2019-07-17 10:00:00"));
        SessionModel plain = SessionModel.of(tables);
        model = new SessionModel(plain.sessions().cache(), plain.users(), tables);
        memory = MemoryModel.load(model);
    }

    @Test
    void aSessionQualifiesByAnAdjacentPairOnlyAndOnceHoweverOftenItJumped() {
        assertBoth(SessionFilter.NONE.withPageJumps(List.of(THREE_FOUR)), "midnight", "once", "twice");
        assertBoth(SessionFilter.NONE.withPageJumps(List.of(new PageJump(4, 3))), "back");
        assertBoth(SessionFilter.NONE.withPageJumps(List.of(THREE_FOUR, new PageJump(5, 6))),
                "five-six", "midnight", "once", "twice");
        assertBoth(SessionFilter.NONE.withPageJumps(List.of(new PageJump(3, 3))));
    }

    @Test
    void aCutSessionGoesByTheJumpsOfItsKeptActions() {
        SessionFilter jumped = SessionFilter.NONE.withPageJumps(List.of(THREE_FOUR));
        assertBoth(jumped.withDates(LocalDate.of(2019, 7, 18), null));
        assertBoth(jumped.withDates(null, LocalDate.of(2019, 7, 17)), "once", "twice");
        assertBoth(jumped.withKeywords(List.of("火锅")));
    }

    @Test
    void thePagesAnalysisOfTheKeptSessionsCountsEveryJumpOfThem() {
        SessionFilter jumped = SessionFilter.NONE.withPageJumps(List.of(THREE_FOUR));
        PageParams flow = new PageParams(List.of(3L, 4L, 5L), java.util.Optional.empty());

        AnalysisResult spark = PageConversionAnalysis.run(AnalysisInput.of(model, jumped), flow);
        AnalysisResult inMemory = MemoryPageAnalysis.run(MemoryFilter.apply(memory, jumped), flow);

        SameResults.assertSameTables("pages of sessions that jumped 3→4", spark, inMemory);
        // once 1 + twice 2 + midnight 1 jumps 3→4; views of 3: once 1, twice 2, midnight 1; 4→5: twice.
        assertThat(Tables.lines(spark.table("page_jumps"))).containsExactly(
                "1|3|4|4|1.0|1.0",
                "2|4|5|1|0.25|0.25");
    }

    @Test
    void theCommandLineAndTheRecordedRunKeepThem() throws Exception {
        RunRequest request = AnalysisOptions.parse(List.of("--page-jumps", "3-4, 5 - 6", "--page-jumps", "3-4"));
        assertThat(request.filter().pageJumps()).containsExactly(THREE_FOUR, new PageJump(5, 6));
        assertThat(request.toArguments()).containsSubsequence("--page-jumps", "3-4,5-6");
        assertThat(AnalysisOptions.parse(request.toArguments())).isEqualTo(request);
        assertThat(RunRequest.fromJson(request.toJson())).isEqualTo(request);
        // A run recorded before the filter existed has none in its request.
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.toJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("request").get("filter")).remove("pageJumps");
        assertThat(RunRequest.fromJson(json.toString()).filter()).isEqualTo(SessionFilter.NONE);
        assertThatThrownBy(() -> AnalysisOptions.parse(List.of("--page-jumps", "3"))).hasMessageContaining("3-4");
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
