package io.shoplens.app.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.QueuedJobRunner;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.run.RunRequest;

class SessionsViewModelTest {

    private static final SessionFilter TEACHERS_FROM_17 = SessionFilter.NONE
            .withDates(LocalDate.of(2019, 7, 17), null).withAges(20, 45)
            .withKeywords(List.of("火锅", "蛋糕")).withProfessionals(List.of("教师"));

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private SessionsViewModel model;

    @BeforeEach
    void setUp() {
        model = new SessionsViewModel(engine, new SyncJobRunner(e -> dialogs.notifyError("job", e)), dialogs, messages);
        model.hasDataProperty().set(true);
    }

    @Test
    void defaultsAreTheAnalysisOwnAndValid() {
        assertThat(model.validationErrorProperty().get()).isEmpty();
        assertThat(model.sampleSizeProperty().get()).isEqualTo("100");
        assertThat(model.seedProperty().get()).isEqualTo("42");
    }

    @Test
    void sampleSizeFollowsTheEnginesRuleZeroOrMore() {
        model.sampleSizeProperty().set("-1");
        assertThat(model.validationErrorProperty().get()).isEqualTo(
                "The sample size must be a whole number, 0 or more.");
        model.sampleSizeProperty().set("many");
        assertThat(model.validationErrorProperty().get()).isEqualTo(
                "The sample size must be a whole number, 0 or more.");
        // The CLI takes --sample 0 (the distributions without a sample), so the window does too.
        model.sampleSizeProperty().set("0");
        assertThat(model.validationErrorProperty().get()).isEmpty();
        model.sampleSizeProperty().set("12");
        assertThat(model.validationErrorProperty().get()).isEmpty();
    }

    @Test
    void seedMustBeAWholeNumber() {
        model.seedProperty().set("4.2");
        assertThat(model.validationErrorProperty().get()).isEqualTo("The seed must be a whole number.");
    }

    @Test
    void runSendsTheWindowFilterAndTheOptionsAsTheEngineRequest() {
        model.freshness().filterProperty().set(TEACHERS_FROM_17);
        model.sampleSizeProperty().set("7");
        model.seedProperty().set("9");

        model.run();

        RunRequest request = engine.requests().get(0);
        assertThat(request.analyses()).containsExactly("sessions");
        assertThat(request.sessions().sample()).isEqualTo(7);
        assertThat(request.sessions().seed()).isEqualTo(9);
        assertThat(request.filter()).isEqualTo(TEACHERS_FROM_17);
        assertThat(model.resultProperty().get().analysis()).isEqualTo("sessions");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.freshness().staleProperty().get()).isFalse();
    }

    @Test
    void withoutDataNothingRuns() {
        model.hasDataProperty().set(false);
        model.freshness().shownProperty().set(true);
        model.run();
        assertThat(engine.requests()).isEmpty();
    }

    @Test
    void aShownViewRunsByItselfAndFollowsEachFilterChange() {
        model.freshness().shownProperty().set(true);
        model.freshness().filterProperty().set(TEACHERS_FROM_17);

        assertThat(engine.requests()).extracting(RunRequest::filter).containsExactly(SessionFilter.NONE,
                TEACHERS_FROM_17);
        assertThat(model.freshness().staleProperty().get()).isFalse();
    }

    @Test
    void aHiddenViewSaysItsResultIsStaleAndRunsWhenShown() {
        model.run();
        model.freshness().filterProperty().set(TEACHERS_FROM_17);

        assertThat(engine.requests()).hasSize(1);
        assertThat(model.freshness().staleProperty().get()).isTrue();

        model.freshness().shownProperty().set(true);

        assertThat(engine.requests()).extracting(RunRequest::filter).containsExactly(SessionFilter.NONE,
                TEACHERS_FROM_17);
        assertThat(model.freshness().staleProperty().get()).isFalse();
        // Shown again with nothing changed: the result still answers, nothing runs.
        model.freshness().shownProperty().set(false);
        model.freshness().shownProperty().set(true);
        assertThat(engine.requests()).hasSize(2);
    }

    @Test
    void newDataMakesTheResultStale() {
        model.freshness().dataKeyProperty().set("1:a;");
        model.run();
        model.freshness().dataKeyProperty().set("1:a;2:b;");

        assertThat(model.freshness().staleProperty().get()).isTrue();
        model.freshness().shownProperty().set(true);
        assertThat(engine.requests()).hasSize(2);
        assertThat(model.freshness().staleProperty().get()).isFalse();
    }

    @Test
    void anOptionChangedWhileShownRunsAgain() {
        model.freshness().shownProperty().set(true);
        model.sampleSizeProperty().set("12");
        model.sampleSizeProperty().set("x");

        assertThat(engine.requests()).extracting(r -> r.sessions().sample()).containsExactly(100, 12);
    }

    @Test
    void aNewerRequestSupersedesTheOneStillRunning() {
        QueuedJobRunner jobs = new QueuedJobRunner();
        SessionsViewModel queued = new SessionsViewModel(engine, jobs, dialogs, messages);
        queued.hasDataProperty().set(true);

        queued.run();
        queued.freshness().filterProperty().set(TEACHERS_FROM_17);
        queued.run();
        jobs.runAll();

        // The first was cancelled before it started; only the newer one answers.
        assertThat(engine.requests()).extracting(RunRequest::filter).containsExactly(TEACHERS_FROM_17);
        assertThat(queued.freshness().computedForProperty().get()).isEqualTo(TEACHERS_FROM_17);
        assertThat(queued.runningProperty().get()).isFalse();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void theSameRequestWhileRunningIsNotSentTwice() {
        QueuedJobRunner jobs = new QueuedJobRunner();
        SessionsViewModel queued = new SessionsViewModel(engine, jobs, dialogs, messages);
        queued.hasDataProperty().set(true);

        queued.run();
        queued.run();

        assertThat(jobs.pending()).isEqualTo(1);
    }

    @Test
    void aFailedRunIsNotifiedAndLeavesTheOldResult() {
        model.run();
        var first = model.resultProperty().get();
        engine.failNextRun(new IllegalStateException("no user_visit_action dataset"));

        model.run();

        assertThat(dialogs.errors).containsExactly("Sessions: the analysis failed");
        assertThat(dialogs.errorCauses.get(0)).hasMessage("no user_visit_action dataset");
        assertThat(model.resultProperty().get()).isSameAs(first);
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aReopenedResultBringsBackItsOptionsAndCountsForItsFilter() {
        model.sampleSizeProperty().set("25");
        model.seedProperty().set("7");
        model.freshness().filterProperty().set(TEACHERS_FROM_17);
        model.run();

        SessionsViewModel reopened = new SessionsViewModel(engine, new SyncJobRunner(e -> { }), dialogs, messages);
        reopened.loadLastResult();

        assertThat(reopened.resultProperty().get()).isEqualTo(model.resultProperty().get());
        assertThat(reopened.sampleSizeProperty().get()).isEqualTo("25");
        assertThat(reopened.seedProperty().get()).isEqualTo("7");
        assertThat(reopened.freshness().computedForProperty().get()).isEqualTo(TEACHERS_FROM_17);
        // The window opens without filters: the reopened result says it was computed for others.
        assertThat(reopened.freshness().staleProperty().get()).isTrue();
        assertThat(engine.requests()).hasSize(1);
    }

    @Test
    void categoriesAreShownWithTheirNamesWhereKnown() {
        model.categoryNamesProperty().set(java.util.Map.of(8L, "家电"));
        assertThat(model.categoryText(8L)).isEqualTo("家电 (8)");
        assertThat(model.categoryText(9L)).isEqualTo("9");
    }
}
