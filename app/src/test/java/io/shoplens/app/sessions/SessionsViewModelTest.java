package io.shoplens.app.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.AnalysisRequest;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;

class SessionsViewModelTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private SessionsViewModel model;

    @BeforeEach
    void setUp() {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        model = new SessionsViewModel(engine, new SyncJobRunner(e -> dialogs.notifyError("job", e)), dialogs, messages);
        model.hasDataProperty().set(true);
    }

    @Test
    void defaultsAreValidAndRunnable() {
        assertThat(model.validationErrorProperty().get()).isEmpty();
        assertThat(model.canRunProperty().get()).isTrue();
    }

    @Test
    void withoutDataItCannotRun() {
        model.hasDataProperty().set(false);
        assertThat(model.canRunProperty().get()).isFalse();
    }

    @Test
    void sampleSizeMustBePositive() {
        model.sampleSizeProperty().set("0");
        assertThat(model.validationErrorProperty().get()).isEqualTo(
                "The sample size must be a whole number above 0.");
        assertThat(model.canRunProperty().get()).isFalse();
        model.sampleSizeProperty().set("12");
        assertThat(model.validationErrorProperty().get()).isEmpty();
    }

    @Test
    void seedMustBeAWholeNumber() {
        model.seedProperty().set("4.2");
        assertThat(model.validationErrorProperty().get()).isEqualTo("The seed must be a whole number.");
    }

    @Test
    void datesMustBeInOrder() {
        model.filter().fromProperty().set(LocalDate.of(2019, 7, 20));
        model.filter().toProperty().set(LocalDate.of(2019, 7, 19));
        assertThat(model.validationErrorProperty().get()).isEqualTo("The end date is before the start date.");
    }

    @Test
    void runSendsTheFiltersAndOptionsAndShowsTheResult() {
        model.filter().fromProperty().set(LocalDate.of(2019, 7, 17));
        model.filter().ageLowProperty().set(20);
        model.filter().ageHighProperty().set(45);
        model.filter().keywordsProperty().set("火锅, 蛋糕");
        model.filter().professionals().setAll("教师");
        model.sampleSizeProperty().set("7");
        model.seedProperty().set("9");

        model.run();

        AnalysisRequest.Sessions request = (AnalysisRequest.Sessions) engine.requests().get(0);
        assertThat(request.sampleSize()).isEqualTo(7);
        assertThat(request.seed()).isEqualTo(9);
        assertThat(request.filter().from()).contains(LocalDate.of(2019, 7, 17));
        assertThat(request.filter().to()).isEmpty();
        assertThat(request.filter().minAge()).contains(20);
        assertThat(request.filter().maxAge()).contains(45);
        assertThat(request.filter().keywords()).containsExactly("火锅", "蛋糕");
        assertThat(request.filter().professionals()).containsExactly("教师");
        assertThat(model.resultProperty().get().analysis()).isEqualTo("sessions");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void theFullAgeRangeIsNoAgeFilter() {
        model.run();
        AnalysisRequest.Sessions request = (AnalysisRequest.Sessions) engine.requests().get(0);
        assertThat(request.filter().minAge()).isEqualTo(Optional.empty());
        assertThat(request.filter().usesUserAttributes()).isFalse();
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
    void lastResultIsShownWithoutRunning() {
        model.run();
        SessionsViewModel reopened = new SessionsViewModel(engine, new SyncJobRunner(e -> { }), dialogs,
                Messages.forLocale(Locale.ENGLISH));

        reopened.loadLastResult();

        assertThat(reopened.resultProperty().get()).isNotNull();
        assertThat(engine.requests()).hasSize(1);
    }

    @Test
    void choicesKeepOnlySelectionsStillOffered() {
        model.filter().cities().setAll("北京", "西安");
        model.applyChoices(new io.shoplens.app.engine.FilterChoices(List.of(), List.of("北京", "上海"), List.of(),
                List.of(), null, null));
        assertThat(model.filter().cities()).containsExactly("北京");
        assertThat(model.filter().cityChoices()).containsExactly("北京", "上海");
    }

    @Test
    void aReopenedResultBringsBackTheInputsThatProducedIt() {
        model.sampleSizeProperty().set("25");
        model.seedProperty().set("7");
        model.filter().keywordsProperty().set("火锅, 蛋糕");
        model.filter().professionals().setAll("教师");
        model.run();

        SessionsViewModel reopened = new SessionsViewModel(engine, new SyncJobRunner(e -> { }), dialogs,
                Messages.forLocale(Locale.ENGLISH));
        reopened.loadLastResult();

        assertThat(reopened.resultProperty().get()).isEqualTo(model.resultProperty().get());
        assertThat(reopened.sampleSizeProperty().get()).isEqualTo("25");
        assertThat(reopened.seedProperty().get()).isEqualTo("7");
        assertThat(reopened.filter().keywordsProperty().get()).isEqualTo("火锅, 蛋糕");
        assertThat(reopened.filter().professionals()).containsExactly("教师");
        assertThat(reopened.filter().fromProperty().get()).isNull();
    }
}
