package io.shoplens.engine.imports;

import java.util.concurrent.CancellationException;

/** A flag a UI or CLI sets to stop an import; the importer checks it between lines and files. */
public final class CancellationToken {

    private volatile boolean cancelled;

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("Import cancelled");
        }
    }
}
