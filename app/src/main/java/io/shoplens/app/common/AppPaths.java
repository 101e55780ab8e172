package io.shoplens.app.common;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app reads and writes, injectable by system properties (STYLE.md rule 10: the
 * installer passes them; nothing per-OS is hard-coded elsewhere).
 *
 * @param workspace {@code -Dshoplens.workspace}: the workspace folder
 * @param samples   {@code -Dshoplens.samples}: the sample logs offered on first start
 * @param logs      where the app's log file goes (inside the workspace)
 */
public record AppPaths(Path workspace, Path samples, Path logs) {

    public static final String WORKSPACE_PROPERTY = "shoplens.workspace";
    public static final String SAMPLES_PROPERTY = "shoplens.samples";

    public static AppPaths fromSystemProperties() {
        Path workspace = Path.of(System.getProperty(WORKSPACE_PROPERTY, defaultWorkspace().toString()));
        // The samples ship next to the app: relative to the install (working) directory.
        Path samples = Path.of(System.getProperty(SAMPLES_PROPERTY, "sample-logs/shop")).toAbsolutePath();
        return new AppPaths(workspace, samples, workspace.resolve("logs"));
    }

    private static Path defaultWorkspace() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("ShopLens");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/ShopLens");
        }
        String dataHome = System.getenv("XDG_DATA_HOME");
        return (dataHome != null && !dataHome.isBlank() ? Path.of(dataHome) : home.resolve(".local/share"))
                .resolve("ShopLens");
    }
}
