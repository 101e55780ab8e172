package io.shoplens.app.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.audience.Item;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.run.RunRequest;

class AudienceViewModelTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final AudienceViewModel model = new AudienceViewModel(engine,
            new SyncJobRunner(e -> dialogs.notifyError("job", e)), dialogs, messages);

    private RunRequest runOnce() {
        model.hasDataProperty().set(true);
        model.run();
        return engine.requests().get(engine.requests().size() - 1);
    }

    @Test
    void theDefaultOptionsAskForTheContractsDefaultsUnderTheWindowsFilter() {
        SessionFilter noSuspects = SessionFilter.NONE.withExcludeSuspects(true);
        model.freshness().filterProperty().set(noSuspects);

        RunRequest request = runOnce();

        assertThat(request.analyses()).containsExactly("audience");
        assertThat(request.filter()).isEqualTo(noSuspects);
        assertThat(request.audience()).isEqualTo(AudienceParams.defaults());
    }

    @Test
    void theLookalikesToListAreAnOption() {
        model.lookalikesProperty().set(" 30 ");
        assertThat(runOnce().audience().lookalikes()).isEqualTo(30);

        model.lookalikesProperty().set("0");
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("The number of look-alikes must be a whole number above 0.");
    }

    @Test
    void habitsArePickedFromTheWorkspacesCategoriesAndProducts() {
        model.categoryChoices().setAll(5L, 8L);
        model.categoryNamesProperty().set(java.util.Map.of(5L, "家电"));
        model.choicesProperty().set(new io.shoplens.app.engine.FilterChoices(List.of(), List.of(), List.of(),
                List.of(5L, 8L), null, null, java.util.Map.of(5L, "家电"), List.of(), List.of(),
                List.of(12L, 7L), java.util.Map.of(12L, "手机0012")));

        assertThat(model.habitChoices()).containsExactly("category:5", "category:8", "product:12", "product:7");
        assertThat(model.habitText("category:5")).isEqualTo("category:5 家电");
        assertThat(model.habitText("product:12")).isEqualTo("product:12 手机0012");
        assertThat(model.habitText("product:7")).isEqualTo("product:7");

        model.addHabit("category:5");
        model.addHabit("product:12");
        model.addHabit("category:5");
        assertThat(model.lapsedProperty().get()).isEqualTo("category:5, product:12");
        assertThat(runOnce().audience().lapsed()).containsExactly(new Item(Item.Level.CATEGORY, 5),
                new Item(Item.Level.PRODUCT, 12));
    }

    @Test
    void aProductTargetHabitsAndPeriodsBecomeTheExactParams() {
        model.targetKindProperty().set(TargetKind.PRODUCT);
        model.targetProductProperty().set(" 42 ");
        model.lapsedProperty().set("category:5, product:12，category:5");
        model.baseFromProperty().set(LocalDate.of(2019, 7, 1));
        model.baseToProperty().set(LocalDate.of(2019, 7, 7));
        model.currentFromProperty().set(LocalDate.of(2019, 7, 8));
        model.currentToProperty().set(LocalDate.of(2019, 7, 14));

        RunRequest request = runOnce();

        assertThat(request.audience()).isEqualTo(new AudienceParams(
                Optional.of(new DateRange(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 7, 7))),
                Optional.of(new DateRange(LocalDate.of(2019, 7, 8), LocalDate.of(2019, 7, 14))),
                Optional.of(new Item(Item.Level.PRODUCT, 42)),
                List.of(new Item(Item.Level.CATEGORY, 5), new Item(Item.Level.PRODUCT, 12)),
                3, 2, 10, 100, 10, Optional.empty(), List.of("display_ad")));
    }

    @Test
    void aCategoryTargetIsTheCategoryPicked() {
        model.targetKindProperty().set(TargetKind.CATEGORY);
        assertThat(model.validationErrorProperty().get()).isEqualTo("Pick the target category.");
        model.targetCategoryProperty().set(8L);

        assertThat(runOnce().audience().target()).contains(new Item(Item.Level.CATEGORY, 8));
    }

    @Test
    void badOptionsSayWhatIsWrongAndDoNotRun() {
        model.lapsedProperty().set("category:5, shoes");
        model.hasDataProperty().set(true);
        model.run();
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("Habits are category:ID or product:ID, separated by commas.");

        model.lapsedProperty().set("");
        model.baseFromProperty().set(LocalDate.of(2019, 7, 1));
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("Give all four period days, or none for the default periods.");
        model.run();
        assertThat(engine.requests()).isEmpty();
    }

    @Test
    void aChangedOptionReRunsTheShownView() {
        model.hasDataProperty().set(true);
        model.freshness().shownProperty().set(true);
        int before = engine.requests().size();

        model.targetKindProperty().set(TargetKind.PRODUCT);
        model.targetProductProperty().set("7");

        assertThat(engine.requests().size()).isGreaterThan(before);
        assertThat(engine.requests().get(engine.requests().size() - 1).audience().target())
                .contains(new Item(Item.Level.PRODUCT, 7));
    }

    @Test
    void aReopenedRunRestoresItsOptions() throws Exception {
        RunRequest earlier = RunRequest.defaults(List.of("audience")).withAudience(new AudienceParams(
                Optional.empty(), Optional.empty(), Optional.of(new Item(Item.Level.CATEGORY, 15)),
                List.of(new Item(Item.Level.PRODUCT, 3)), 3, 2, 10, 100, 10, Optional.empty(), List.of("display_ad")));
        engine.run(earlier, io.shoplens.app.engine.JobContext.NONE);

        model.loadLastResult();

        assertThat(model.targetKindProperty().get()).isEqualTo(TargetKind.CATEGORY);
        assertThat(model.targetCategoryProperty().get()).isEqualTo(15L);
        assertThat(model.lapsedProperty().get()).isEqualTo("product:3");
    }

    @Test
    void theSearchShowsTheTagsThatContainItInAnyCase() {
        model.resultProperty().set(CannedAudience.result());
        assertThat(model.shownTags()).hasSize(4);

        model.tagSearchProperty().set("LIKES:");

        assertThat(model.shownTags().stream().map(r -> r.get(0)).toList()).containsExactly("likes:5", "likes:12");
        model.tagSearchProperty().set(" ");
        assertThat(model.shownTags()).hasSize(4);
    }

    @Test
    void theShownTagsAreExportedAsCsvOffTheFxThread(@TempDir Path dir) throws Exception {
        model.resultProperty().set(CannedAudience.result());
        model.tagSearchProperty().set("likes");
        Path file = dir.resolve("tags.csv");
        dialogs.saveAnswer = Optional.of(file);

        model.exportCsv(model.shownTagsTable());

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactly("tag,users,share", "likes:5,30,0.3", "likes:12,10,0.1");
        assertThat(dialogs.saveRequests).containsExactly("Export as CSV|tags.csv|csv");
        assertThat(dialogs.infos).hasSize(1);
    }

    @Test
    void aSegmentsUsersAreExportedForACampaign(@TempDir Path dir) throws Exception {
        model.resultProperty().set(CannedAudience.result());
        model.segmentProperty().set("champions");
        Path file = dir.resolve("champions.csv");
        dialogs.saveAnswer = Optional.of(file);

        model.exportSegmentUsers();

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "user_id,recency_days,frequency,monetary,r,f,m,segment",
                "1,0,5,300.0,5,5,5,champions",
                "3,1,4,200.0,4,4,4,champions");
        assertThat(dialogs.saveRequests).containsExactly("Export as CSV|champions_users.csv|csv");
        assertThat(model.segmentSizes().rows()).containsExactly(
                List.of("champions", 2L, 500.0), List.of("lost", 1L, 40.0));
    }

    @Test
    void aCancelledSaveDialogWritesNothing() {
        model.resultProperty().set(CannedAudience.result());

        model.exportCsv(model.shownTagsTable());

        assertThat(dialogs.saveRequests).hasSize(1);
        assertThat(dialogs.infos).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }
}
