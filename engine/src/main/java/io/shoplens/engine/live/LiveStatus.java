package io.shoplens.engine.live;

/** The state of a live query as the status bar shows it. */
public enum LiveStatus { STARTING, RUNNING, RECONNECTING, STOPPED, FAILED }
