package io.shoplens.engine.live;

/**
 * Receives the live GMV view's results, on a streaming thread, never the FX thread (as {@link
 * LiveListener} for the ad-click view).
 */
public interface LiveGmvListener {

    void onUpdate(LiveGmvUpdate update);

    /** @param detail words for the status bar, e.g. the broker error while reconnecting; may be empty */
    void onStatus(LiveStatus status, String detail);
}
