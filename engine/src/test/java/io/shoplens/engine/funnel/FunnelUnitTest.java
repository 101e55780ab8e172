package io.shoplens.engine.funnel;

import static io.shoplens.engine.funnel.FunnelOrderTest.row;
import static io.shoplens.engine.funnel.FunnelRuns.lines;
import static io.shoplens.engine.funnel.FunnelRuns.params;
import static io.shoplens.engine.funnel.FunnelRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;

/** A user's actions over their sessions as one path, with and without the window; filters first. */
class FunnelUnitTest {

    private static final String STEPS = "search,click,order";

    private static LogTables tables;

    /**
     * User 1: S 07-17 10:00, C 10:01 (session u1a), O 07-18 09:00 (u1b, 82,740 s after the click).
     * User 2: S 07-17 10:00 (u2a), C and O eight days later (u2b).
     * User 3: two sessions at once: S 10:00:00 and O 10:00:20 (u3a), C 10:00:10 (u3b).
     * User 4: S (u4a) and C (u4b) in the same second, S on the earlier line; O 5 s later (u4b).
     * User 10: the same with C on the earlier line: C, S, O.
     */
    @BeforeAll
    static void fixture() {
        tables = FunnelRuns.tables(
                Act.in("u1a").user(1).at("10:00:00").search("a"), Act.in("u1a").user(1).at("10:01:00").click(1, 10),
                Act.in("u1b").user(1).on("2019-07-18").at("09:00:00").order("1", "10"),
                Act.in("u2a").user(2).at("10:00:00").search("a"),
                Act.in("u2b").user(2).on("2019-07-25").at("10:00:00").click(1, 10),
                Act.in("u2b").user(2).on("2019-07-25").at("10:00:30").order("1", "10"),
                Act.in("u3a").user(3).at("10:00:00").search("a"), Act.in("u3a").user(3).at("10:00:20").order("1", "10"),
                Act.in("u3b").user(3).at("10:00:10").click(1, 10),
                Act.in("u4a").user(4).at("10:00:00").search("a"), Act.in("u4b").user(4).at("10:00:00").click(1, 10),
                Act.in("u4b").user(4).at("10:00:05").order("1", "10"),
                Act.in("u10b").user(10).at("10:00:00").click(1, 10), Act.in("u10a").user(10).at("10:00:00").search("a"),
                Act.in("u10a").user(10).at("10:00:05").order("1", "10"));
    }

    @Test
    void aUsersSessionsAreOnePathInTimeOrderWithinSevenDaysByDefault() {
        AnalysisResult result = run(tables, params(STEPS, FunnelOrder.ORDERED, FunnelUnit.USER, null));

        // Levels: user 1 3 (the order 23 h later is inside 7 days), user 2 1 (8 days), user 3 3,
        // user 4 3 (0 s, 5 s), user 10 1. Step 2 times 60, 10, 0: median 10. Step 3 times
        // 82740, 10, 5: median 10, mean 82755 / 3.
        assertThat(result.table(FunnelAnalysis.STEPS).rows()).containsExactly(
                row(1L, "search", 5L, 1.0, null, null, null, null),
                row(2L, "click", 3L, 3.0 / 5, 3.0 / 5, 1 - 3.0 / 5, 10L, 70.0 / 3),
                row(3L, "order", 3L, 3.0 / 5, 1.0, 0.0, 10L, 82755.0 / 3));
        assertThat(lines(result, FunnelAnalysis.TIMES)).contains("2|0s|1", "2|10s_30s|1", "2|30s_60s|1",
                "3|4s_6s|1", "3|10s_30s|1", "3|30m|1");
        // User ids sort as numbers: 2 before 10.
        assertThat(lines(result, FunnelAnalysis.DROPOFF)).containsExactly("1|2", "1|10");
    }

    @Test
    void theWindowBoundsEveryStepFromTheStart() {
        AnalysisResult hour = run(tables, params(STEPS, FunnelOrder.ORDERED, FunnelUnit.USER, 60));
        // User 1's order is 23 hours after its search.
        assertThat(hour.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(2)).containsExactly(5L, 3L, 2L);
        assertThat(lines(hour, FunnelAnalysis.DROPOFF)).containsExactly("1|2", "1|10", "2|1");

        AnalysisResult twoWeeks = run(tables, params(STEPS, FunnelOrder.ORDERED, FunnelUnit.USER, 20160));
        // User 2's click and order eight days later count.
        assertThat(twoWeeks.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(2)).containsExactly(5L, 4L, 4L);
    }

    @Test
    void perSessionTheSameActionsConvertLess() {
        AnalysisResult result = run(tables, params(STEPS, FunnelOrder.ORDERED, FunnelUnit.SESSION, null));

        // Units: u1a (2), u2a, u3a (its click is in u3b), u4a, u10a (1 each).
        assertThat(result.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(2)).containsExactly(5L, 1L, 0L);
        assertThat(lines(result, FunnelAnalysis.DROPOFF)).containsExactly("1|u10a", "1|u2a", "1|u3a", "1|u4a",
                "2|u1a");
    }

    @Test
    void aDateFilterCutsASessionBeforeItsPathIsMatched() {
        // c1 runs past midnight: S 23:59 on the 17th, C and O on the 18th.
        LogTables midnight = FunnelRuns.tables(
                Act.in("c1").at("23:59:00").search("a"),
                Act.in("c1").on("2019-07-18").at("00:01:00").click(1, 10),
                Act.in("c1").on("2019-07-18").at("00:02:00").order("1", "10"),
                Act.in("c2").on("2019-07-18").at("10:00:00").search("a"));
        LocalDate july17 = LocalDate.of(2019, 7, 17);
        LocalDate july18 = LocalDate.of(2019, 7, 18);

        AnalysisResult whole = run(midnight, params(STEPS, FunnelOrder.ORDERED, FunnelUnit.SESSION, null));
        assertThat(whole.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(2)).containsExactly(2L, 1L, 1L);

        AnalysisResult first = run(midnight, SessionFilter.NONE.withDates(july17, july17),
                params(STEPS, FunnelOrder.ORDERED, FunnelUnit.SESSION, null));
        assertThat(first.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(2)).containsExactly(1L, 0L, 0L);
        assertThat(lines(first, FunnelAnalysis.DROPOFF)).containsExactly("1|c1");

        // On the 18th c1 has no search left: only c2 enters.
        AnalysisResult second = run(midnight, SessionFilter.NONE.withDates(july18, july18),
                params(STEPS, FunnelOrder.ORDERED, FunnelUnit.SESSION, null));
        assertThat(second.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(2)).containsExactly(1L, 0L, 0L);
        assertThat(lines(second, FunnelAnalysis.DROPOFF)).containsExactly("1|c2");
    }

    @Test
    void sessionFiltersKeepWholeSessionsOfTheUserPath() {
        // Keyword filter: only sessions that searched "a" are kept, so user 3 loses u3b (its click)
        // and user 4 loses u4b: each user path is its kept sessions' actions.
        AnalysisResult result = run(tables, SessionFilter.NONE.withKeywords(java.util.List.of("a")),
                params(STEPS, FunnelOrder.ORDERED, FunnelUnit.USER, null));
        // User 1: u1a only (S C): 2. User 2: u2a (S): 1. User 3: S, O: 1. User 4: S: 1. User 10: S, O: 1.
        assertThat(result.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(2)).containsExactly(5L, 1L, 0L);
    }
}
