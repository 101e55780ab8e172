package io.shoplens.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.audience.OneSuspectShop;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.SameResults;
import io.shoplens.engine.testing.TestSpark;

/**
 * A one-shot run held in memory gives what the same run gives on Spark alone: every analysis,
 * the ad clicks beside them, and the note about suspects left out, on {@link OneSuspectShop}.
 */
class ColdRunTest {

    private static LogTables tables;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        tables = LogTables.empty(spark)
                .withActions(Fixtures.actions(spark, OneSuspectShop.all()))
                .withAdClicks(Fixtures.adClicks(spark, "1563328800000|北京|北京|1|7", "1563415200000|上海|上海|2|8"));
    }

    @Test
    void heldInMemoryEveryAnalysisAndNoteIsSparksWithSuspectsLeftOut() {
        // Each analysis's memory form is held to Spark's in its own tests; here the run as a whole,
        // with the suspects found in memory rather than by Spark's rules.
        for (boolean exclude : List.of(true)) {
            RunRequest request = RunRequest.defaults(List.of("all")).withAudience(oneDayEach())
                    .withFilter(SessionFilter.NONE.withExcludeSuspects(exclude));

            AnalysisRunner.Outcome spark = ColdRun.run(tables, request, AnalysisRunner.Listener.NONE, 0);
            AnalysisRunner.Outcome held = ColdRun.run(tables, request, AnalysisRunner.Listener.NONE, 1_000);

            assertThat(held.timingsMillis().keySet()).containsExactlyElementsOf(RunRequest.ALL);
            for (int i = 0; i < RunRequest.ALL.size(); i++) {
                SameResults.assertSameTables(RunRequest.ALL.get(i) + (exclude ? " without suspects" : ""),
                        spark.results().get(i), held.results().get(i));
            }
            assertThat(held.notes()).isEqualTo(spark.notes());
            if (exclude) {
                assertThat(held.notes()).containsExactly(
                        "excluded 1 suspect user (2 sessions), found on the unfiltered data");
            }
        }
    }

    private static AudienceParams oneDayEach() {
        AudienceParams defaults = AudienceParams.defaults();
        return new AudienceParams(Optional.of(DateRange.parse("2019-07-17..2019-07-17")),
                Optional.of(DateRange.parse("2019-07-18..2019-07-18")), Optional.empty(), List.of(),
                defaults.likeClicks(), defaults.habitDays(), defaults.minUsers(), defaults.lookalikes(),
                defaults.minDwellSeconds(), defaults.asOf(), defaults.paidChannels());
    }
}
