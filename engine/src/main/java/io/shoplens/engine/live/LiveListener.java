package io.shoplens.engine.live;

/**
 * Receives a live query's results. Called on a streaming thread, never the FX thread: the app's
 * adapter hands each call over with {@code Platform.runLater}.
 */
public interface LiveListener {

    void onUpdate(LiveUpdate update);

    /** @param detail words for the status bar, e.g. the broker error while reconnecting; may be empty */
    void onStatus(LiveStatus status, String detail);
}
