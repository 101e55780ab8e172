package io.shoplens.app.live;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.live.ConnectionCheck;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveDay;
import io.shoplens.engine.live.LiveGmvSettings;
import io.shoplens.engine.live.LiveListener;
import io.shoplens.engine.live.LiveQuery;

/**
 * The live view's door to the engine (a port, like {@code engine.EngineService}). Every method may
 * block: the app calls them only from the job runner's worker threads, never on the FX thread.
 * Passwords are lent, not given: the caller zeroes the array when the call returns, so an
 * implementation copies what it must keep.
 */
public interface LiveService {

    /** The connections saved in the workspace, by name. */
    List<KafkaSettings> savedConnections() throws Exception;

    /** Saves {@code settings} under its name, replacing a connection of that name. */
    void saveConnection(KafkaSettings settings) throws Exception;

    void removeConnection(String name) throws Exception;

    /** A saved connection with the live GMV view's orders topic and order mapping; empty when no connection has that name. */
    Optional<LiveGmvSettings> gmvConnection(String name) throws Exception;

    /** Saves the connection with its orders topic and order mapping, replacing a connection of that name. */
    void saveGmvConnection(LiveGmvSettings settings) throws Exception;

    /** Tries the broker, the topic and the credentials; failures are answers, not exceptions. */
    ConnectionCheck test(KafkaSettings settings, char[] password) throws Exception;

    /**
     * Starts reading, with the ads rules' {@code params} (blacklist threshold, time zone); {@code
     * listener} hears of every micro-batch and status change, on a streaming thread.
     */
    LiveQuery start(KafkaSettings settings, char[] password, AdParams params, LiveListener listener) throws Exception;

    /**
     * Starts the live GMV view on {@code settings}' actions topic (and orders topic, if mapped);
     * {@code listener} hears its status and an update after each micro-batch. Returns at once.
     */
    io.shoplens.engine.live.LiveGmvQuery startGmv(LiveGmvSettings settings, char[] password,
                                                 io.shoplens.engine.live.LiveGmvListener listener) throws Exception;

    /**
     * A past day's tables of a connection whose live view is not running (a running one answers
     * {@link LiveQuery#history} itself), counted with {@code params}.
     */
    LiveDay history(KafkaSettings settings, AdParams params, LocalDate day) throws Exception;
}
