package io.shoplens.engine.live;

/**
 * The state of a live query as the status bar shows it. RECONNECTING: the broker does not answer
 * (or the query restarts) and the query retries; OFFLINE: it has not answered for more than the
 * outage limit (a minute by default), the tables stay as they were and the query keeps retrying.
 */
public enum LiveStatus { STARTING, RUNNING, RECONNECTING, OFFLINE, STOPPED, FAILED }
