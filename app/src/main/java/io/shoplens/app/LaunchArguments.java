package io.shoplens.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The desktop app's command line: options, then the files a desktop passes when the user opens
 * them with ShopLens ({@code %F} in the Linux desktop entry, file associations on Windows/macOS).
 *
 * <pre>
 * shoplens [--workspace DIR] [--samples DIR] [FILE.shoplens | LOG-FILE | FOLDER]...
 * </pre>
 *
 * A {@code .shoplens} file stands for the workspace folder it lies in (it sits next to the
 * workspace's {@code workspace.db}); anything else is a log file or a folder of logs to import.
 *
 * @param workspace the workspace to open, when chosen ({@code --workspace} or a {@code .shoplens} file)
 * @param samples   {@code --samples}
 * @param imports   absolute paths of the log files and folders to offer for import
 * @param help      {@code --help}
 */
public record LaunchArguments(Optional<Path> workspace, Optional<Path> samples, List<Path> imports, boolean help) {

    public static final String WORKSPACE_EXTENSION = ".shoplens";
    public static final String USAGE = "Usage: shoplens [--workspace DIR] [--samples DIR] [FILE.shoplens | LOG-FILE | FOLDER]...";

    /** Thrown for an unknown option or a missing value; the message is for the terminal. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Reads {@code args}; relative paths are resolved against {@code workingDirectory}. */
    public static LaunchArguments parse(String[] args, Path workingDirectory) throws UsageException {
        Optional<Path> workspace = Optional.empty();
        Optional<Path> samples = Optional.empty();
        List<Path> imports = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && arg.equals("--workspace")) {
                workspace = Optional.of(absolute(workingDirectory, value(args, ++i)));
            } else if (options && arg.equals("--samples")) {
                samples = Optional.of(absolute(workingDirectory, value(args, ++i)));
            } else if (options && (arg.equals("-h") || arg.equals("--help"))) {
                return new LaunchArguments(workspace, samples, List.of(), true);
            } else if (options && arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg + " (try --help)");
            } else {
                Path path = absolute(workingDirectory, arg);
                if (isWorkspaceFile(path)) {
                    // The last one wins, as with --workspace: one window shows one workspace.
                    workspace = Optional.of(path.getParent());
                } else {
                    imports.add(path);
                }
            }
        }
        return new LaunchArguments(workspace, samples, List.copyOf(imports), false);
    }

    static boolean isWorkspaceFile(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(WORKSPACE_EXTENSION);
    }

    /** The imports as strings, for handing them to a running instance. */
    public List<String> importStrings() {
        return imports.stream().map(Path::toString).toList();
    }

    private static Path absolute(Path workingDirectory, String path) {
        return workingDirectory.resolve(path).toAbsolutePath().normalize();
    }

    private static String value(String[] args, int i) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
