package io.shoplens.app.preferences;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.spark.SparkSettings;

/** The engine in words for the status bar and the Engine dialog: "Local, 2 cores", "Cluster spark://…". */
public final class EngineLabel {

    private static final java.util.regex.Pattern LOCAL_CORES = java.util.regex.Pattern.compile("local\\[(\\d+)\\]");

    private EngineLabel() {
    }

    /** What {@code settings} run on; {@code machineCores} is what {@code local[*]} takes. */
    public static String of(SparkSettings settings, int machineCores, Messages messages) {
        if (settings.remote() != null) {
            return messages.get("engine.label.connect", withoutParameters(settings.remote()));
        }
        String master = settings.master();
        if (master.equals("local")) {
            return messages.get("engine.label.local", 1);
        }
        if (master.equals("local[*]")) {
            return messages.get("engine.label.local", machineCores);
        }
        var cores = LOCAL_CORES.matcher(master);
        if (cores.matches()) {
            return messages.get("engine.label.local", Integer.parseInt(cores.group(1)));
        }
        return messages.get("engine.label.cluster", master);
    }

    /** A Spark Connect URL's parameters may hold a token: never shown. */
    static String withoutParameters(String url) {
        int slash = url.indexOf('/', "sc://".length());
        return slash < 0 ? url : url.substring(0, slash);
    }
}
