package io.shoplens.app.heap;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies the "maximum memory" preference. A JVM's heap limit is fixed when it starts, and the
 * installed launcher's options ({@code lib/app/ShopLens.cfg}) are shared by every user and
 * replaced by upgrades; so when the preference differs from this JVM's limit, the launcher starts
 * the app once more with {@code -Xmx} and waits for it. That costs one extra JVM start, and only
 * for users who chose a size.
 */
public final class HeapRelaunch {

    /** Set on the relaunched JVM, so it never relaunches again. */
    public static final String APPLIED_PROPERTY = "shoplens.heap.applied";
    /** Set by {@code ./shoplens} when {@code SHOPLENS_HEAP} fixes the heap for this start. */
    public static final String FIXED_PROPERTY = "shoplens.heap.fixed";
    /** A JVM reports a little less than {@code -Xmx} with some collectors; within this it fits. */
    static final double TOLERANCE = 0.10;

    private static final System.Logger LOG = System.getLogger(HeapRelaunch.class.getName());

    private HeapRelaunch() {
    }

    /** The {@code -Xmx} option to relaunch with, or empty when this JVM already has what is wanted. */
    public static Optional<String> neededOption(int wantedMb, long maxMemoryBytes, boolean appliedOrFixed) {
        if (wantedMb <= 0 || appliedOrFixed) {
            return Optional.empty();
        }
        double wanted = wantedMb * 1024.0 * 1024.0;
        if (Math.abs(maxMemoryBytes - wanted) <= wanted * TOLERANCE) {
            return Optional.empty();
        }
        return Optional.of("-Xmx" + wantedMb + "m");
    }

    /**
     * The relaunch: a {@code java} command gets its own JVM options, class path and main class
     * back, plus the heap (last, so it wins); a native launcher (jpackage's {@code bin/ShopLens})
     * reads its options from its {@code .cfg}, so the heap goes in through {@code JAVA_TOOL_OPTIONS},
     * which every JVM reads.
     */
    static Relaunch relaunch(String command, List<String> jvmOptions, String classPath, String mainClass,
                             List<String> args, String heapOption, Map<String, String> env) {
        String marker = "-D" + APPLIED_PROPERTY + "=true";
        List<String> line = new ArrayList<>();
        line.add(command);
        if (isJava(command)) {
            line.addAll(jvmOptions);
            line.add(heapOption);
            line.add(marker);
            line.add("-cp");
            line.add(classPath);
            line.add(mainClass);
            line.addAll(args);
            return new Relaunch(line, Map.of());
        }
        line.addAll(args);
        String existing = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
        String tool = (existing.isBlank() ? "" : existing + " ") + heapOption + " " + marker;
        return new Relaunch(line, Map.of("JAVA_TOOL_OPTIONS", tool));
    }

    static boolean isJava(String command) {
        String name = Path.of(command).getFileName().toString();
        return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
    }

    /** A command line and the environment variables to add. */
    record Relaunch(List<String> command, Map<String, String> environment) {
    }

    /**
     * Relaunches when the preference asks for another heap than this JVM's; returns the relaunched
     * app's exit code, or empty to go on in this JVM (no preference, already right, or the
     * relaunch failed, which is logged: the app then runs with the heap it has).
     * {@code beforeRelaunch} runs just before the new JVM starts.
     */
    public static OptionalInt relaunchIfNeeded(int wantedMb, Class<?> mainClass, String[] args, Runnable beforeRelaunch) {
        boolean appliedOrFixed = Boolean.getBoolean(APPLIED_PROPERTY) || Boolean.getBoolean(FIXED_PROPERTY);
        Optional<String> heap = neededOption(wantedMb, Runtime.getRuntime().maxMemory(), appliedOrFixed);
        Optional<String> command = ProcessHandle.current().info().command();
        if (heap.isEmpty() || command.isEmpty()) {
            return OptionalInt.empty();
        }
        Relaunch relaunch = relaunch(command.get(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), mainClass.getName(), List.of(args), heap.get(), System.getenv());
        beforeRelaunch.run();
        try {
            ProcessBuilder builder = new ProcessBuilder(relaunch.command()).inheritIO();
            builder.environment().putAll(relaunch.environment());
            return OptionalInt.of(builder.start().waitFor());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not restart with " + heap.get() + "; keeping this heap", e);
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }
}
