package io.shoplens.engine.model;

import java.util.List;

/**
 * The columns of the session model's users table, one row per user with a session: the user's
 * attributes as on their sessions, their first session (its start, id and channel: the way the
 * user came), and their totals over all sessions.
 */
public final class UserColumns {

    public static final String USER_ID = SessionColumns.USER_ID;
    public static final String USER_KNOWN = SessionColumns.USER_KNOWN;
    public static final String AGE = SessionColumns.AGE;
    public static final String PROFESSIONAL = SessionColumns.PROFESSIONAL;
    public static final String USER_CITY = SessionColumns.USER_CITY;
    public static final String SEX = SessionColumns.SEX;
    public static final String SESSIONS = "sessions";
    public static final String FIRST_START = "first_start";
    public static final String FIRST_SESSION_ID = "first_session_id";
    public static final String FIRST_CHANNEL = "first_channel";
    public static final String LAST_START = "last_start";
    public static final String ORDERS = SessionColumns.ORDERS;
    public static final String GMV = SessionColumns.GMV;

    public static final List<String> ALL = List.of(USER_ID, USER_KNOWN, AGE, PROFESSIONAL, USER_CITY, SEX, SESSIONS,
            FIRST_START, FIRST_SESSION_ID, FIRST_CHANNEL, LAST_START, ORDERS, GMV);

    private UserColumns() {
    }
}
