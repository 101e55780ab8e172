package io.shoplens.app.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;

/**
 * The Audience view over its results says what the suspects move, and "Leave them out" turns on
 * the window's switch. The canned result with its two users is the one with the suspect; without
 * user 2, sex:female falls from 20% to 5%, channel:search rises from 40% to 50% and likes:5's
 * odds ratio halves.
 */
@ExtendWith(ApplicationExtension.class)
class AudienceSuspectsViewTest {

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final List<Boolean> leftOut = new ArrayList<>();
    private AudienceViewModel model;

    @Start
    void start(Stage stage) {
        RecordingDialogs dialogs = new RecordingDialogs();
        AnalysisResult with = CannedAudience.result();
        AnalysisResult without = withoutUserTwo(with);
        engine.answerRunsWith(request -> request.filter().excludeSuspects() ? without : with);
        model = new AudienceViewModel(engine, new SyncJobRunner(e -> dialogs.notifyError("job", e)), dialogs,
                messages);
        model.useExcludeSuspects(() -> {
            leftOut.add(true);
            model.freshness().filterProperty().set(SessionFilter.NONE.withExcludeSuspects(true));
            model.run();
        });
        stage.setScene(new Scene(new AudienceView(model, messages), 1200, 800));
        stage.show();
    }

    @Test
    void theSentenceSaysWhichTagsMoveAndTheLinkLeavesThemOut(FxRobot robot) {
        robot.interact(() -> {
            model.hasDataProperty().set(true);
            model.run();
        });

        Label sentence = robot.lookup("#audience-suspects").queryAs(Label.class);
        assertThat(sentence.isVisible()).isTrue();
        assertThat(sentence.getText()).isEqualTo("Without the one fake-order suspect user tagged here, 2 tags change"
                + " share by 2 points or more: sex:female 20.0% → 5.0%, channel:search 40.0% → 50.0%; the odds ratio"
                + " of 1 tag changes by a factor of 1.5 or more: likes:5 4.00 → 2.00.");
        Hyperlink leaveOut = robot.lookup("#audience-exclude-suspects").queryAs(Hyperlink.class);
        assertThat(leaveOut.isVisible()).isTrue();

        robot.clickOn(leaveOut);

        assertThat(leftOut).containsExactly(true);
        assertThat(sentence.getText()).startsWith("The one fake-order suspect user tagged here is left out.");
        assertThat(leaveOut.isVisible()).isFalse();
    }

    private static AnalysisResult withoutUserTwo(AnalysisResult with) {
        List<ResultTable> tables = new ArrayList<>();
        for (ResultTable table : with.tables()) {
            tables.add(switch (table.name()) {
                case "user_tags" -> new ResultTable(table.name(), table.columns(), List.of(List.of(1L, "likes:5")));
                case "tags" -> new ResultTable(table.name(), table.columns(), List.of(
                        List.of("channel:search", 40L, 0.5), List.of("likes:5", 30L, 0.3),
                        List.of("likes:12", 10L, 0.1), List.of("sex:female", 5L, 0.05)));
                case "tag_lift" -> new ResultTable(table.name(), table.columns(), List.of(
                        List.of("likes:5", 12L, 18L, 1.5, 2.0), List.of("channel:search", 10L, 30L, 1.25, 1.5),
                        List.of("sex:female", 2L, 18L, 0.5, 0.25)));
                default -> table;
            });
        }
        return new AnalysisResult(with.analysis(), tables);
    }
}
