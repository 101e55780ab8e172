package io.shoplens.engine.audience;

import java.util.Arrays;
import java.util.List;

import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemorySession;

/**
 * The users of a request's filtered sessions, numbered {@code 0..count()-1} in ascending user id,
 * with {@link MemoryAction#NONE} (Spark's null user, the smallest long) first when a session has no
 * user; and the sessions grouped by user. A per-user step then works on arrays indexed by number
 * and one user at a time, and meets the users in user_tags' order: at ten million actions, maps
 * keyed by boxed ids were most of the audience's time.
 */
final class AudienceUsers {

    private final List<MemorySession> sessions;
    private final long[] ids;
    private final int[] userOfSession;
    /** Session indexes user by user, each user's in list order: user u has byUser[from[u]..from[u+1]). */
    private final int[] byUser;
    private final int[] from;

    private AudienceUsers(List<MemorySession> sessions, long[] ids, int[] userOfSession, int[] byUser, int[] from) {
        this.sessions = sessions;
        this.ids = ids;
        this.userOfSession = userOfSession;
        this.byUser = byUser;
        this.from = from;
    }

    static AudienceUsers of(List<MemorySession> sessions) {
        int n = sessions.size();
        long[] all = new long[n];
        for (int s = 0; s < n; s++) {
            all[s] = sessions.get(s).userId();
        }
        long[] sorted = all.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        long[] ids = Arrays.copyOf(sorted, distinct);
        int[] userOfSession = new int[n];
        int[] from = new int[distinct + 1];
        for (int s = 0; s < n; s++) {
            userOfSession[s] = Arrays.binarySearch(ids, all[s]);
            from[userOfSession[s] + 1]++;
        }
        for (int u = 0; u < distinct; u++) {
            from[u + 1] += from[u];
        }
        int[] next = Arrays.copyOf(from, distinct);
        int[] byUser = new int[n];
        for (int s = 0; s < n; s++) {
            byUser[next[userOfSession[s]]++] = s;
        }
        return new AudienceUsers(sessions, ids, userOfSession, byUser, from);
    }

    List<MemorySession> sessions() {
        return sessions;
    }

    int count() {
        return ids.length;
    }

    /** The user's id, {@link MemoryAction#NONE} for the null user. */
    long id(int user) {
        return ids[user];
    }

    /** The number of the user with this id, or a negative number when no session has it. */
    int numberOf(long id) {
        return Arrays.binarySearch(ids, id);
    }

    int userOf(int session) {
        return userOfSession[session];
    }

    /** How many sessions the user has. */
    int sessionCount(int user) {
        return from[user + 1] - from[user];
    }

    /** The user's k-th session (0 ≤ k &lt; sessionCount) as an index into {@link #sessions()}. */
    int session(int user, int k) {
        return byUser[from[user] + k];
    }
}
