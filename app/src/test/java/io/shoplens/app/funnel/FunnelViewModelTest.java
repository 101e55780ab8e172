package io.shoplens.app.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.engine.FilterChoices;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.funnel.Attribution;
import io.shoplens.engine.funnel.FunnelDimension;
import io.shoplens.engine.funnel.FunnelOrder;
import io.shoplens.engine.funnel.FunnelParams;
import io.shoplens.engine.funnel.FunnelStep;
import io.shoplens.engine.funnel.FunnelStep.Kind;
import io.shoplens.engine.funnel.FunnelUnit;
import io.shoplens.engine.run.RunRequest;

class FunnelViewModelTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final FunnelViewModel model = new FunnelViewModel(engine, new SyncJobRunner(e -> { }), dialogs,
            Messages.forLocale(Locale.ENGLISH));

    @TempDir
    Path dir;

    @Test
    void startsWithTheContractDefaults() {
        model.hasDataProperty().set(true);
        model.run();

        RunRequest request = engine.requests().get(0);
        assertThat(request.analyses()).containsExactly("funnel");
        assertThat(request.funnel()).isEqualTo(FunnelParams.defaults());
    }

    @Test
    void requestCarriesTheEditedStepsAndOptions() {
        model.choicesProperty().set(new FilterChoices(List.of(), List.of(), List.of(), List.of(8L, 15L), null, null,
                Map.of(15L, "家电"), List.of(1L, 2L, 3L), List.of("手机", "火锅"), List.of(42L, 7L), Map.of(42L, "小米 14")));
        // Every kind with a field offers what the workspace holds.
        assertThat(model.targetChoices(Kind.PAGE)).containsExactly("1", "2", "3");
        assertThat(model.targetChoices(Kind.SEARCH)).containsExactly("手机", "火锅");
        assertThat(model.targetChoices(Kind.PAY_PRODUCT)).containsExactly("小米 14 (42)", "7");
        assertThat(model.targetChoices(Kind.ORDER)).isEmpty();
        model.steps().setAll(new StepDraft(Kind.PAGE, " 3 "), new StepDraft(Kind.SEARCH, "手机"),
                new StepDraft(Kind.CLICK_CATEGORY, ""), new StepDraft(Kind.PAY, "ignored: pay takes no id"));
        // The category picked from the offered choices, as the editor's field shows it.
        assertThat(model.targetChoices(Kind.CLICK_CATEGORY)).containsExactly("8", "家电 (15)");
        model.steps().get(2).targetProperty().set("家电 (15)");
        model.orderProperty().set(FunnelOrder.STRICT);
        model.unitProperty().set(FunnelUnit.USER);
        model.windowMinutesProperty().set("60");
        model.breakdownProperty().set(FunnelDimension.KEYWORD);
        model.attributionProperty().set(Attribution.step(2));
        model.hasDataProperty().set(true);
        model.run();

        RunRequest request = engine.requests().get(0);
        assertThat(request.funnel()).isEqualTo(new FunnelParams(
                List.of(FunnelStep.of(Kind.PAGE, 3), FunnelStep.search("手机"), FunnelStep.of(Kind.CLICK_CATEGORY, 15),
                        FunnelStep.of(Kind.PAY)),
                FunnelOrder.STRICT, FunnelUnit.USER, Optional.of(60), Optional.of(FunnelDimension.KEYWORD),
                Attribution.step(2)));
        // The page funnel shares --window-minutes, so the request holds the window there too.
        assertThat(request.pages().windowMinutes()).contains(60);
        assertThat(request.toArguments()).containsSubsequence("--funnel-steps",
                "page:3,search:手机,click:category:15,pay", "--funnel-order", "strict", "--funnel-unit", "user",
                "--funnel-breakdown", "keyword", "--attribution", "step:2");
    }

    @Test
    void stepsMoveAddAndRemove() {
        model.moveStep(3, 0);
        assertThat(definitions()).containsExactly("pay", "search", "click", "order");
        model.moveStep(0, 1);
        assertThat(definitions()).containsExactly("search", "pay", "click", "order");
        model.addStep();
        assertThat(definitions()).containsExactly("search", "pay", "click", "order", "pay");

        model.attributionProperty().set(Attribution.step(5));
        model.removeStep(4);
        assertThat(definitions()).containsExactly("search", "pay", "click", "order");
        // Step 5 is gone: the breakdown's value comes from the last step left.
        assertThat(model.attributionProperty().get()).isEqualTo(Attribution.step(4));
        assertThat(model.attributionChoices()).containsExactly(Attribution.FIRST_TOUCH, Attribution.LAST_TOUCH,
                Attribution.step(1), Attribution.step(2), Attribution.step(3), Attribution.step(4));
    }

    @Test
    void anEditedStepReRunsTheShownFunnel() {
        model.hasDataProperty().set(true);
        model.freshness().shownProperty().set(true);
        int before = engine.requests().size();

        model.steps().get(1).kindProperty().set(Kind.CLICK_PRODUCT);
        assertThat(engine.requests()).hasSize(before);
        model.steps().get(1).targetProperty().set("77");

        assertThat(engine.requests()).hasSize(before + 1);
        assertThat(engine.requests().get(before).funnel().stepsText()).isEqualTo("search,click:product:77,order,pay");
    }

    @Test
    void saysWhatIsWrongWithTheSteps() {
        model.removeStep(3);
        model.removeStep(2);
        model.removeStep(1);
        assertThat(model.validationErrorProperty().get()).isEqualTo("The funnel needs at least two steps.");
        model.addStep();
        model.steps().get(1).kindProperty().set(Kind.PAGE);
        assertThat(model.validationErrorProperty().get()).isEqualTo("Step 2 needs an id: a whole number of 0 or more.");
        model.steps().get(1).targetProperty().set("x");
        assertThat(model.validationErrorProperty().get()).isEqualTo("Step 2 needs an id: a whole number of 0 or more.");
        model.steps().get(1).targetProperty().set("4");
        assertThat(model.validationErrorProperty().get()).isEmpty();
        model.steps().get(0).targetProperty().set("a,b");
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("Step 1: a search keyword cannot hold a comma.");
        model.steps().get(0).targetProperty().set("");
        model.windowMinutesProperty().set("0");
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("The time window must be a whole number of minutes above 0, or empty.");
    }

    @Test
    void exportsTheUnitsThatDroppedAfterAStep() throws Exception {
        model.hasDataProperty().set(true);
        model.run();
        assertThat(model.dropSteps()).containsExactly(1, 2, 3);
        Path file = dir.resolve("dropped.csv");
        dialogs.saveAnswer = Optional.of(file);

        model.exportDroppedAfter(1);

        assertThat(dialogs.saveRequests)
                .containsExactly("Export who dropped after step 1|funnel-dropped-after-step-1.csv|csv");
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly("dropped_after_step,unit_id", "1,s-0003", "1,s-0011", "1,s-0042");
        assertThat(dialogs.infos).containsExactly("3 units written to " + file);

        model.exportDroppedAfter(3);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly("dropped_after_step,unit_id", "3,s-0023");
    }

    @Test
    void aCancelledSaveDialogWritesNothing() {
        model.hasDataProperty().set(true);
        model.run();
        dialogs.saveAnswer = Optional.empty();

        model.exportDroppedAfter(2);

        assertThat(dialogs.infos).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void signalsLinkWhereTheFilterHasTheirDimension() {
        assertThat(FunnelViewModel.linkOf("searched:手机")).contains(new FilterLink(FilterLink.Dimension.KEYWORD, "手机"));
        assertThat(FunnelViewModel.linkOf("clicked_category:15")).contains(FilterLink.category(15));
        assertThat(FunnelViewModel.linkOf("sex:female")).contains(new FilterLink(FilterLink.Dimension.SEX, "female"));
        assertThat(FunnelViewModel.linkOf("professional:教师"))
                .contains(new FilterLink(FilterLink.Dimension.PROFESSIONAL, "教师"));
        assertThat(FunnelViewModel.linkOf("sex:unknown")).isEmpty();
        assertThat(FunnelViewModel.linkOf("page:3")).isEmpty();
        assertThat(FunnelViewModel.linkOf("channel:social")).isEmpty();
    }

    @Test
    void aReopenedResultShowsTheOptionsThatMadeIt() {
        model.hasDataProperty().set(true);
        model.steps().setAll(new StepDraft(Kind.SEARCH, "鞋"), new StepDraft(Kind.ORDER, ""));
        model.unitProperty().set(FunnelUnit.USER);
        model.breakdownProperty().set(FunnelDimension.CHANNEL);
        model.run();
        FunnelViewModel reopened = new FunnelViewModel(engine, new SyncJobRunner(e -> { }), dialogs,
                Messages.forLocale(Locale.ENGLISH));

        reopened.loadLastResult();

        assertThat(reopened.steps()).extracting(d -> d.toStep().orElseThrow().definition())
                .containsExactly("search:鞋", "order");
        assertThat(reopened.unitProperty().get()).isEqualTo(FunnelUnit.USER);
        assertThat(reopened.breakdownProperty().get()).isEqualTo(FunnelDimension.CHANNEL);
        assertThat(reopened.resultProperty().get().has("funnel_breakdown")).isTrue();
    }

    private List<String> definitions() {
        return model.steps().stream().map(d -> d.toStep().orElseThrow().definition()).toList();
    }
}
