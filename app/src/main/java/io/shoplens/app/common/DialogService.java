package io.shoplens.app.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.shoplens.app.engine.ImportItem;
import io.shoplens.app.engine.ImportPreview;
import io.shoplens.engine.imports.ImportReport;

/**
 * Every dialog and notification goes through here, so view models can be tested with a
 * recording fake instead of windows (STYLE.md rule 9).
 */
public interface DialogService {

    /** A notification with a clear message; the technical details are one click away, collapsed. */
    void notifyError(String title, Throwable error);

    void notifyInfo(String title, String text);

    /** Files ({@code folder} false) or one folder to import; empty when the user cancelled. */
    Optional<List<Path>> chooseImportFiles(boolean folder);

    /** Shows the previews; returns the files to import with the kinds the user confirmed, or empty. */
    Optional<List<ImportItem>> reviewImport(List<ImportPreview> previews);

    /** The rejected rows of an import, as a table (file, line, reason, text). */
    void showRejectedRows(ImportReport report);

    Optional<String> askText(String title, String prompt, String initial);

    boolean confirm(String title, String text);

    void showPreferences();

    /** Preferences ▸ Engine: where the engine runs, saved for the next start. */
    void showEnginePreferences();

    /**
     * A file to write {@code fileName} to, starting in the folder last saved to; empty when the
     * user cancelled. An existing file is returned only after the user agreed to replace it.
     *
     * @param extension without the dot, e.g. {@code pdf}
     */
    default Optional<Path> chooseSaveFile(String title, String fileName, String description, String extension) {
        return Optional.empty();
    }
}
