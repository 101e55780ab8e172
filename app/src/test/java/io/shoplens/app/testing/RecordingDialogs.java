package io.shoplens.app.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.shoplens.app.common.DialogService;
import io.shoplens.app.engine.ImportItem;
import io.shoplens.app.engine.ImportPreview;
import io.shoplens.app.live.ConnectPrompt;
import io.shoplens.app.live.ConnectViewModel;
import io.shoplens.app.live.LiveConnection;
import io.shoplens.engine.imports.ImportReport;

/** A {@link DialogService} that records what would have been shown and answers as told. */
public final class RecordingDialogs implements DialogService, ConnectPrompt {

    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<Throwable> errorCauses = new CopyOnWriteArrayList<>();
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<List<ImportPreview>> reviewed = new CopyOnWriteArrayList<>();
    public final List<ImportReport> rejectedShown = new CopyOnWriteArrayList<>();
    public Function<List<ImportPreview>, Optional<List<ImportItem>>> reviewAnswer =
            previews -> Optional.of(previews.stream().map(p -> new ImportItem(p.file(), p.kind())).toList());
    public Optional<String> textAnswer = Optional.empty();
    public boolean confirmAnswer = true;
    /** What chooseSaveFile answers; the requests are recorded as "title|fileName|extension". */
    public Optional<Path> saveAnswer = Optional.empty();
    public final List<String> saveRequests = new CopyOnWriteArrayList<>();

    @Override
    public void notifyError(String title, Throwable error) {
        errors.add(title);
        errorCauses.add(error);
    }

    @Override
    public void notifyInfo(String title, String text) {
        infos.add(text);
    }

    @Override
    public Optional<List<Path>> chooseImportFiles(boolean folder) {
        return Optional.empty();
    }

    @Override
    public Optional<List<ImportItem>> reviewImport(List<ImportPreview> previews) {
        reviewed.add(new ArrayList<>(previews));
        return reviewAnswer.apply(previews);
    }

    @Override
    public void showRejectedRows(ImportReport report) {
        rejectedShown.add(report);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        return textAnswer;
    }

    @Override
    public boolean confirm(String title, String text) {
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String fileName, String description, String extension) {
        saveRequests.add(title + "|" + fileName + "|" + extension);
        return saveAnswer;
    }

    /** What Live ▸ Connect answers, given the form's model. */
    public Function<ConnectViewModel, Optional<LiveConnection>> connectAnswer = model -> Optional.empty();

    @Override
    public Optional<LiveConnection> connectLive(ConnectViewModel model) {
        return connectAnswer.apply(model);
    }

    @Override
    public void showPreferences() {
    }

    /** How often Preferences ▸ Engine was opened. */
    public int enginePreferencesShown;

    @Override
    public void showEnginePreferences() {
        enginePreferencesShown++;
    }
}
