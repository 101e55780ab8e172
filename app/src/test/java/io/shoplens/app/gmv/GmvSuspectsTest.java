package io.shoplens.app.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.QueuedJobRunner;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.run.RunRequest;

/**
 * The GMV view says what the fake-order suspects make of its GMV, from a second, unrecorded run
 * with the suspects the other way: 10 sessions, 3 orders, 300.00 with them; 8, 2, 250.00 without.
 */
class GmvSuspectsTest {

    private static final SessionFilter EXCLUDED = SessionFilter.NONE.withExcludeSuspects(true);
    private static final AnalysisResult WITH = daily(10, 3, 300.0);
    private static final AnalysisResult WITHOUT = daily(8, 2, 250.0);

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);

    private GmvViewModel model(Locale locale) {
        engine.answerRunsWith(request -> request.filter().excludeSuspects() ? WITHOUT : WITH);
        return new GmvViewModel(engine, new SyncJobRunner(e -> { }), new RecordingDialogs(),
                Messages.forLocale(locale));
    }

    @Test
    void itSaysHowMuchGmvTheSuspectsMakeAndWhatTrafficConversionAndAovBecome() {
        GmvViewModel model = model(Locale.ENGLISH);
        boolean[] leftOut = {false};
        model.useExcludeSuspects(() -> leftOut[0] = true);
        model.hasDataProperty().set(true);

        model.run();

        assertThat(model.suspectsProperty().get()).isEqualTo("Fake-order suspects make ¥50.00 of this GMV (16.67%)."
                + " Without them: GMV ¥250.00, sessions 10 → 8, conversion 30.00% → 25.00%, AOV ¥100.00 → ¥125.00.");
        assertThat(model.canExcludeSuspectsProperty().get()).isTrue();
        model.excludeSuspects();
        assertThat(leftOut[0]).isTrue();
        // The comparison is asked for beside the run, and only the run is recorded.
        assertThat(engine.requests()).extracting(RunRequest::filter).containsExactly(SessionFilter.NONE);
        assertThat(engine.comparisons()).extracting(RunRequest::filter).containsExactly(EXCLUDED);
        assertThat(engine.lastResult("gmv")).contains(WITH);

        model.freshness().filterProperty().set(EXCLUDED);
        model.run();

        assertThat(model.resultProperty().get()).isEqualTo(WITHOUT);
        assertThat(model.suspectsProperty().get()).isEqualTo("Fake-order suspects are left out. With them GMV would be"
                + " ¥300.00, ¥50.00 more (16.67% of it): sessions 8 → 10, conversion 25.00% → 30.00%,"
                + " AOV ¥125.00 → ¥100.00.");
        assertThat(model.canExcludeSuspectsProperty().get()).isFalse();
    }

    @Test
    void withoutSuspectsInTheSessionsItSaysLeavingThemOutChangesNothing() {
        GmvViewModel model = model(Locale.ENGLISH);
        engine.answerRunsWith(request -> WITHOUT);
        model.hasDataProperty().set(true);

        model.run();

        assertThat(model.suspectsProperty().get())
                .isEqualTo("No fake-order suspect users in these sessions: leaving them out changes nothing.");
        assertThat(model.canExcludeSuspectsProperty().get()).isFalse();
    }

    @Test
    void inChinese() {
        GmvViewModel model = model(Locale.SIMPLIFIED_CHINESE);
        model.hasDataProperty().set(true);

        model.run();

        assertThat(model.suspectsProperty().get()).isEqualTo("刷单可疑用户贡献本 GMV 中的 ¥50.00（16.67%）。排除他们后："
                + "GMV ¥250.00，会话 10 → 8，转化率 30.00% → 25.00%，客单价 ¥100.00 → ¥125.00。");
    }

    @Test
    void aComparisonForAnEarlierFilterIsDropped() {
        QueuedJobRunner jobs = new QueuedJobRunner();
        engine.answerRunsWith(request -> request.filter().excludeSuspects() ? WITHOUT : WITH);
        GmvViewModel model = new GmvViewModel(engine, jobs, new RecordingDialogs(), Messages.forLocale(Locale.ENGLISH));
        model.hasDataProperty().set(true);
        model.run();
        jobs.runNext();
        assertThat(jobs.pending()).isEqualTo(1);
        assertThat(model.suspectsProperty().get()).isEqualTo("Comparing with and without fake-order suspect users…");

        // The filter changes before the comparison ran: it is cancelled, and the new one answers.
        model.freshness().filterProperty().set(EXCLUDED);
        model.run();
        jobs.runAll();

        assertThat(engine.comparisons()).extracting(RunRequest::filter).containsExactly(SessionFilter.NONE);
        assertThat(model.suspectsProperty().get()).startsWith("Fake-order suspects are left out.");
    }

    @Test
    void aReopenedResultIsComparedOnceItsViewIsShown() {
        GmvViewModel model = model(Locale.ENGLISH);
        model.hasDataProperty().set(true);
        model.run();
        GmvViewModel reopened = model(Locale.ENGLISH);
        reopened.hasDataProperty().set(true);
        reopened.loadLastResult();
        assertThat(reopened.resultProperty().get()).isEqualTo(WITH);
        assertThat(engine.comparisons()).hasSize(1);

        reopened.freshness().shownProperty().set(true);

        assertThat(engine.requests()).hasSize(1);
        assertThat(engine.comparisons()).hasSize(2);
        assertThat(reopened.suspectsProperty().get()).startsWith("Fake-order suspects make ¥50.00 of this GMV");
    }

    private static AnalysisResult daily(long sessions, long orders, double gmv) {
        return new AnalysisResult(GmvAnalysis.NAME, List.of(new ResultTable(GmvAnalysis.DAILY,
                GmvAnalysis.DAILY_COLUMNS, List.of(Arrays.asList(LocalDate.of(2019, 7, 17), sessions, orders, gmv,
                        (double) orders / sessions, gmv / orders)))));
    }
}
