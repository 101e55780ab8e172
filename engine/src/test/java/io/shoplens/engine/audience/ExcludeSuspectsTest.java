package io.shoplens.engine.audience;

import static io.shoplens.engine.audience.OneSuspectShop.OTHERS;
import static io.shoplens.engine.audience.OneSuspectShop.all;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.model.SuspectRules;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.run.AnalysisRunner;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.testing.Tables;

/** Leaving suspects out, on {@link OneSuspectShop}. */
class ExcludeSuspectsTest {

    private static final SessionFilter EXCLUDE = SessionFilter.NONE.withExcludeSuspects(true);

    @Test
    void withoutSuspectsTheFlagChangesNothing() {
        SessionModel model = Actions.model(OTHERS);

        AnalysisResult with = gmv(model, EXCLUDE);
        AnalysisResult without = gmv(model, SessionFilter.NONE);
        for (int i = 0; i < without.tables().size(); i++) {
            assertThat(with.tables().get(i)).isEqualTo(without.tables().get(i));
        }
        assertThat(Tables.lines(with.table(GmvAnalysis.DAILY))).containsExactly(
                "2019-07-17|2|2|9.0|1.0|4.5",
                "2019-07-18|1|1|3.0|1.0|3.0");
    }

    @Test
    void everySessionOfASuspectIsDroppedFromAnotherAnalysis() {
        SessionModel model = Actions.model(all());

        assertThat(Tables.lines(gmv(model, SessionFilter.NONE).table(GmvAnalysis.DAILY))).containsExactly(
                "2019-07-17|3|3|19.0|1.0|6.333333333333333",
                "2019-07-18|2|2|8.0|1.0|4.0");
        assertThat(Tables.lines(gmv(model, EXCLUDE).table(GmvAnalysis.DAILY))).containsExactly(
                "2019-07-17|2|2|9.0|1.0|4.5",
                "2019-07-18|1|1|3.0|1.0|3.0");
    }

    @Test
    void suspectsAreFoundOnTheUnfilteredData() {
        SessionModel model = Actions.model(all());
        // 07-18 alone shows nothing suspect of u1, whose rules fired on 07-17: s2 goes all the same.
        SessionFilter from18 = SessionFilter.NONE.withDates(LocalDate.of(2019, 7, 18), null);

        assertThat(Tables.lines(gmv(model, from18).table(GmvAnalysis.DAILY))).containsExactly(
                "2019-07-18|2|2|8.0|1.0|4.0");
        assertThat(Tables.lines(gmv(model, from18.withExcludeSuspects(true)).table(GmvAnalysis.DAILY)))
                .containsExactly("2019-07-18|1|1|3.0|1.0|3.0");
    }

    @Test
    void theRunSaysWhatItExcluded() {
        SessionModel model = Actions.model(all());
        RunRequest gmvOnly = RunRequest.defaults(List.of(GmvAnalysis.NAME));
        RunRequest excluding = new RunRequest(gmvOnly.analyses(), EXCLUDE, gmvOnly.sessions(), gmvOnly.pages(),
                gmvOnly.products(), gmvOnly.ads(), gmvOnly.gmv());

        assertThat(AnalysisRunner.run(model, excluding, AnalysisRunner.Listener.NONE).notes())
                .containsExactly("excluded 1 suspect user (2 sessions), found on the unfiltered data");
        assertThat(AnalysisRunner.run(model, gmvOnly, AnalysisRunner.Listener.NONE).notes()).isEmpty();
        assertThat(SuspectExclusion.of(Actions.model(OTHERS), 10).note())
                .isEqualTo("excluded 0 suspect users (0 sessions), found on the unfiltered data");
    }

    @Test
    void suspectUsersOfAModelAreAUserIdColumn() {
        assertThat(Actions.lines(SuspectRules.suspectUsers(Actions.model(all()), 10), "user_id"))
                .containsExactly("1");
        // With a dwell of 2 s, u1's 3 s pay is no longer instant: one rule left.
        assertThat(SuspectRules.suspectUsers(Actions.model(all()), 2).count()).isZero();
    }

    private static AnalysisResult gmv(SessionModel model, SessionFilter filter) {
        return GmvAnalysis.run(AnalysisInput.of(model, filter), new GmvParams());
    }
}
