package io.shoplens.engine.imports;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Files that are clearly not logs, found beside them in an export folder: documentation
 * (README, *.md, …), images, and the files operating systems keep in folders (.DS_Store,
 * desktop.ini, Thumbs.db). They are skipped with a note instead of failing the import; anything
 * else that cannot be read as a log still fails with its reason.
 */
public final class NonLogFiles {

    private static final Set<String> SYSTEM_FILES = Set.of(".ds_store", "desktop.ini", "thumbs.db", "ehthumbs.db",
            ".localized", "icon\r");
    private static final Set<String> DOCUMENT_NAMES = Set.of("readme", "license", "licence", "changelog");
    private static final Set<String> DOCUMENT_EXTENSIONS = Set.of("md", "markdown", "rst", "adoc", "pdf", "doc", "docx",
            "odt", "rtf", "html", "htm");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "bmp", "webp", "ico",
            "tif", "tiff", "heic");

    private NonLogFiles() {
    }

    /** Why {@code file} is clearly not a log, for the note that says it was skipped; empty for a possible log. */
    public static Optional<String> why(Path file) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toString().toLowerCase(Locale.ROOT);
        if (SYSTEM_FILES.contains(name)) {
            return Optional.of("a file the operating system keeps in folders");
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        String stem = name.split("[.\\-_ ]", 2)[0];
        if (DOCUMENT_NAMES.contains(stem) || DOCUMENT_EXTENSIONS.contains(extension)) {
            return Optional.of("documentation, not a log");
        }
        if (IMAGE_EXTENSIONS.contains(extension)) {
            return Optional.of("an image, not a log");
        }
        return Optional.empty();
    }
}
