package io.shoplens.app.common;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

import io.shoplens.engine.workspace.Workspace;
import io.shoplens.engine.workspace.WorkspaceLocation;

/**
 * Where the app reads and writes, injectable by system properties (STYLE.md rule 10: the
 * installer passes them; nothing per-OS is hard-coded elsewhere).
 *
 * @param workspace {@code -Dshoplens.workspace} (or {@code SHOPLENS_WORKSPACE}): the workspace folder
 * @param samples   {@code -Dshoplens.samples}: the sample logs offered on first start
 * @param logs      where the app's log file goes (inside the workspace)
 */
public record AppPaths(Path workspace, Path samples, Path logs) {

    public static final String WORKSPACE_PROPERTY = Workspace.PROPERTY;
    public static final String SAMPLES_PROPERTY = "shoplens.samples";
    static final Path SAMPLES = Path.of("sample-logs", "shop");

    public static AppPaths fromSystemProperties() {
        Path workspace = WorkspaceLocation.defaultFolder().toAbsolutePath();
        return new AppPaths(workspace, defaultSamples(), workspace.resolve("logs"));
    }

    /**
     * The property when set; else {@code sample-logs/shop} next to the app's jar (an installed app:
     * jpackage's input folder holds the jars and the samples; a build: {@code app/target}); else
     * relative to the working directory ({@code ./shoplens} from the repository root).
     */
    static Path defaultSamples() {
        String property = System.getProperty(SAMPLES_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        return jarFolder().map(folder -> folder.resolve(SAMPLES)).filter(Files::isDirectory)
                .orElse(SAMPLES.toAbsolutePath());
    }

    private static Optional<Path> jarFolder() {
        try {
            CodeSource source = AppPaths.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(Files.isRegularFile(location) ? location.getParent() : null);
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
