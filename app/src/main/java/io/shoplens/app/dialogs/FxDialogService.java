package io.shoplens.app.dialogs;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.ErrorText;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.ImportItem;
import io.shoplens.app.engine.ImportPreview;
import io.shoplens.app.imports.ImportReviewDialog;
import io.shoplens.app.imports.RejectedRowsDialog;
import io.shoplens.app.live.ConnectDialog;
import io.shoplens.app.live.ConnectPrompt;
import io.shoplens.app.live.OrderMappingDialog;
import io.shoplens.app.live.OrderMappingViewModel;
import io.shoplens.app.live.OrderPrompt;
import io.shoplens.app.live.ConnectViewModel;
import io.shoplens.app.live.LiveConnection;
import io.shoplens.app.preferences.AppPreferences;
import io.shoplens.app.preferences.EngineDialog;
import io.shoplens.app.preferences.EngineViewModel;
import io.shoplens.app.preferences.PreferencesDialog;
import io.shoplens.engine.imports.ImportReport;

/** The real dialogs: ControlsFX notifications for messages, JavaFX dialogs for questions. */
public final class FxDialogService implements DialogService, ConnectPrompt, OrderPrompt {

    private final Supplier<Window> owner;
    private final Messages messages;
    private final AppPreferences preferences;
    /** A fresh Engine form each time the dialog opens; set once the job runner exists. */
    private Supplier<EngineViewModel> engineForm;
    /** Where the last export went; the next save dialog starts there. */
    private File lastSaveFolder;

    public FxDialogService(Supplier<Window> owner, Messages messages, AppPreferences preferences) {
        this.owner = owner;
        this.messages = messages;
        this.preferences = preferences;
    }

    @Override
    public void notifyError(String title, Throwable error) {
        Notifications.create()
                .owner(owner.get())
                .title(title)
                .text(ErrorText.summary(error))
                .hideAfter(Duration.seconds(15))
                .action(new Action(messages.get("error.details"), e -> showDetails(title, error)))
                .showError();
    }

    /** The details, collapsed under a plain message: a person reads the message, a bug report gets the trace. */
    private void showDetails(String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(ErrorText.summary(error));
        TextArea trace = new TextArea(ErrorText.details(error));
        trace.setEditable(false);
        trace.setWrapText(false);
        trace.setPrefRowCount(16);
        alert.getDialogPane().setExpandableContent(trace);
        alert.getDialogPane().setExpanded(false);
        alert.show();
    }

    @Override
    public void notifyInfo(String title, String text) {
        Notifications.create().owner(owner.get()).title(title).text(text).hideAfter(Duration.seconds(6))
                .showInformation();
    }

    @Override
    public Optional<List<Path>> chooseImportFiles(boolean folder) {
        if (folder) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("menu.importFolder"));
            File chosen = chooser.showDialog(owner.get());
            return Optional.ofNullable(chosen).map(f -> List.of(f.toPath()));
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("menu.import"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("import.filter.logs"),
                        "*.csv", "*.tsv", "*.txt", "*.log", "*.json", "*.jsonl", "*.parquet", "*.gz"),
                new FileChooser.ExtensionFilter(messages.get("import.filter.all"), "*"));
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null || files.isEmpty() ? Optional.empty()
                : Optional.of(files.stream().map(File::toPath).toList());
    }

    @Override
    public Optional<List<ImportItem>> reviewImport(List<ImportPreview> previews) {
        return new ImportReviewDialog(owner.get(), messages, previews).showAndWait();
    }

    @Override
    public void showRejectedRows(ImportReport report) {
        new RejectedRowsDialog(owner.get(), messages, report).show();
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(prompt);
        return dialog.showAndWait();
    }

    @Override
    public boolean confirm(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String fileName, String description, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        if (lastSaveFolder != null && lastSaveFolder.isDirectory()) {
            chooser.setInitialDirectory(lastSaveFolder);
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        // The native save dialogs (GTK, Windows, macOS) ask before replacing an existing file.
        File chosen = chooser.showSaveDialog(owner.get());
        if (chosen == null) {
            return Optional.empty();
        }
        lastSaveFolder = chosen.getParentFile();
        String name = chosen.getName();
        return Optional.of(name.contains(".") ? chosen.toPath() : chosen.toPath().resolveSibling(name + "." + extension));
    }

    @Override
    public void showPreferences() {
        new PreferencesDialog(owner.get(), messages, preferences).showAndWait();
    }

    /** Preferences ▸ Engine builds its form with {@code form} (it needs the job runner, made after this service). */
    public void useEngineForm(Supplier<EngineViewModel> form) {
        this.engineForm = form;
    }

    @Override
    public void showEnginePreferences() {
        if (engineForm == null) {
            throw new IllegalStateException("No engine form: call useEngineForm first");
        }
        new EngineDialog(owner.get(), messages, engineForm.get()).showAndWait();
    }

    @Override
    public Optional<LiveConnection> connectLive(ConnectViewModel model) {
        return new ConnectDialog(owner.get(), messages, model).showAndWait();
    }

    @Override
    public Optional<io.shoplens.engine.live.LiveGmvSettings> mapOrders(OrderMappingViewModel model) {
        return new OrderMappingDialog(owner.get(), messages, model).showAndWait();
    }
}
