package io.shoplens.engine.workspace;

import java.util.Locale;

/** Life cycle of an analysis run; stored in lower case. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus byId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
