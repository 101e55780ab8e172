package io.shoplens.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.run.RunRequest;

class PagesViewModelTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final PagesViewModel model = new PagesViewModel(engine, new SyncJobRunner(e -> { }),
            new RecordingDialogs(), Messages.forLocale(Locale.ENGLISH));

    @Test
    void pageFlowNeedsTwoIds() {
        model.pageFlowProperty().set("3");
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("The page flow needs at least two page ids, separated by commas.");
        model.pageFlowProperty().set("3,x");
        assertThat(model.validationErrorProperty().get()).isNotEmpty();
        model.pageFlowProperty().set(" 3, 5 ,8");
        assertThat(model.validationErrorProperty().get()).isEmpty();
    }

    @Test
    void windowIsEmptyOrPositive() {
        model.windowMinutesProperty().set("-5");
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("The time window must be a whole number of minutes above 0, or empty.");
        model.windowMinutesProperty().set("30");
        assertThat(model.validationErrorProperty().get()).isEmpty();
    }

    @Test
    void requestCarriesFlowAndWindow() {
        model.hasDataProperty().set(true);
        model.pageFlowProperty().set("1,2,3");
        model.windowMinutesProperty().set("");
        model.run();
        model.windowMinutesProperty().set("15");
        model.run();

        RunRequest first = engine.requests().get(0);
        RunRequest second = engine.requests().get(1);
        assertThat(first.analyses()).containsExactly("pages");
        assertThat(first.pages().flow()).containsExactly(1L, 2L, 3L);
        assertThat(first.pages().windowMinutes()).isEqualTo(Optional.empty());
        assertThat(second.pages().windowMinutes()).contains(15);
        assertThat(model.resultProperty().get().table("page_jumps").rows()).hasSize(2);
    }

    @Test
    void parseFlowAcceptsChineseCommas() {
        assertThat(PagesViewModel.parseFlow("1，2")).contains(List.of(1L, 2L));
    }
}
