package io.shoplens.engine.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

class OverviewsTest {

    private static SessionModel model;
    private static MemoryModel memory;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        LogTables tables = LogTables.empty(spark)
                .withProducts(Fixtures.products(spark, "50|p50|{}|0|4", "51|p51|{}|0|"))
                .withActions(Fixtures.actions(spark,
                        // Day 1: u1's session pays 10.5; u2 only looks.
                        "2019-07-17|1|s1|1|2019-07-17 10:00:00||5|50",
                        "2019-07-17|1|s1|2|2019-07-17 10:01:00||||||5|50|||10.5",
                        "2019-07-17|2|s2|1|2019-07-17 11:00:00|火锅",
                        // Day 2: u1 pays twice, once at the product's price (4), once at no known price.
                        "2019-07-18|1|s3|1|2019-07-18 09:00:00||||||5|50",
                        "2019-07-18|1|s3|2|2019-07-18 09:05:00||||||5|51",
                        "2019-07-18||s4|1|2019-07-18 12:00:00"));
        model = SessionModel.of(tables);
        memory = MemoryModel.load(model);
    }

    @Test
    void totalsAndDaysOfTheFilteredSessions() {
        for (Overview o : new Overview[] {Overviews.of(model.sessions(SessionFilter.NONE)),
                Overviews.of(MemoryFilter.apply(memory, SessionFilter.NONE))}) {
            assertThat(o.sessions()).isEqualTo(4);
            assertThat(o.users()).as("a session without a user is no user").isEqualTo(2);
            assertThat(o.orders()).isEqualTo(3);
            assertThat(o.gmv()).isEqualByComparingTo("14.5");
            assertThat(o.ordersWithoutAmount()).isEqualTo(1);
            assertThat(o.conversion()).contains(0.75);
            assertThat(o.aov().orElseThrow()).isEqualTo(14.5 / 3, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(o.first()).contains(LocalDate.of(2019, 7, 17));
            assertThat(o.last()).contains(LocalDate.of(2019, 7, 18));
            assertThat(o.days()).extracting(Overview.Day::sessions).containsExactly(2L, 2L);
            assertThat(o.days()).extracting(Overview.Day::orders).containsExactly(1L, 2L);
            assertThat(o.days().get(1).gmv()).isEqualByComparingTo("4");
        }
    }

    @Test
    void anEmptySelectionHasNoRates() {
        SessionFilter nobody = SessionFilter.NONE.withKeywords(java.util.List.of("none"));
        for (Overview o : new Overview[] {Overviews.of(model.sessions(nobody)),
                Overviews.of(MemoryFilter.apply(memory, nobody))}) {
            assertThat(o.sessions()).isZero();
            assertThat(o.conversion()).isEmpty();
            assertThat(o.aov()).isEmpty();
            assertThat(o.first()).isEmpty();
        }
    }
}
