package io.shoplens.engine.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the default workspace is. Apart from {@link Workspace} so that finding the folder loads
 * nothing else: the desktop app asks before its window shows, and {@code Workspace}'s JSON
 * mapper alone is some 400 classes.
 */
public final class WorkspaceLocation {

    private WorkspaceLocation() {
    }

    /**
     * System property {@value Workspace#PROPERTY}, else environment variable
     * {@value Workspace#ENVIRONMENT}, else the OS's per-user data folder plus {@code ShopLens}.
     */
    public static Path defaultFolder() {
        String property = System.getProperty(Workspace.PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv(Workspace.ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return userDataFolder(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")))
                .resolve("ShopLens");
    }

    static Path userDataFolder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
    }
}
