package io.shoplens.engine.memory;

import java.util.Arrays;

import io.shoplens.engine.funnel.FunnelOrder;
import io.shoplens.engine.funnel.FunnelParams;

/**
 * Each unit's reported attempt (docs/ANALYSES.md, funnel) over an in-memory path, as the Spark
 * funnel's {@code Attempts} finds it: an attempt starts at an action matching step 1; ordered,
 * each next step is the earliest matching action after the previous step's; strict, the action
 * right after it; in any order, the earliest matching action after the start. With a window every
 * matched action is at most N minutes after the start; the first step that cannot be matched ends
 * the attempt, so its level is the steps matched before. The unit's level is the highest level of
 * its attempts and the reported attempt the earliest start reaching it.
 *
 * <p>Without a window, in order or in any order, the first start is the reported one (it matches
 * each step no later than any later start), which is also how Spark picks it. In order, the
 * default funnel, that attempt is one pass that tests each action against the next step only
 * ({@link #orderedFromFirstStart}), as Spark's cheapest plan does: no table is made. Otherwise every
 * start is followed; the earliest match of each step at or after each place is looked up in a
 * table made once per path ({@link #nextHits}), so following a start costs one look-up per step
 * and a user's path of thousands of actions under a 7-day window costs what its actions cost, not
 * their square.
 */
final class FunnelAttempts {

    /** A place no step matched. */
    static final int NONE = -1;

    private final FunnelStepMatch[] steps;
    private final int n;
    private final FunnelOrder order;
    /** The window in seconds, or -1 without one. */
    private final long windowSeconds;

    FunnelAttempts(FunnelParams params) {
        this.steps = params.steps().stream().map(FunnelStepMatch::of).toArray(FunnelStepMatch[]::new);
        this.n = steps.length;
        this.order = params.order();
        this.windowSeconds = params.window().map(minutes -> minutes * 60L).orElse(-1L);
    }

    /**
     * The reported attempt of {@code path} (in unit order, so times never decrease).
     *
     * @return the 0-based places in the path of the actions steps 1..n matched, {@link #NONE}
     *         beyond the attempt's level (all of them when no action matches step 1)
     */
    int[] reported(ActionRows path) {
        if (order == FunnelOrder.ORDERED && windowSeconds < 0) {
            return orderedFromFirstStart(path);
        }
        int[] places = new int[n];
        int[] starts = nextHits(0, path, 0);
        int first = starts[0];
        if (first == path.size()) {
            Arrays.fill(places, NONE);
            return places;
        }
        int[][] next = new int[n][];
        next[0] = starts;
        for (int k = 1; k < n; k++) {
            // Every later step is looked up after a start, so not before the first one.
            next[k] = nextHits(k, path, first + 1);
        }
        if (windowSeconds < 0 && order != FunnelOrder.STRICT) {
            follow(first, next, path, places);
            return places;
        }
        int best = first;
        int bestLevel = 0;
        for (int start = first; start < path.size() && bestLevel < n; start = next[0][start + 1]) {
            int level = follow(start, next, path, places);
            if (level > bestLevel) {
                best = start;
                bestLevel = level;
            }
        }
        follow(best, next, path, places);
        return places;
    }

    /**
     * Ordered without a window: the attempt from the first start, each step the first action
     * matching it after the previous step's ({@link #follow} over {@link #nextHits} gives the
     * same places), found in one pass.
     */
    private int[] orderedFromFirstStart(ActionRows path) {
        int[] places = new int[n];
        Arrays.fill(places, NONE);
        int k = 0;
        for (int i = 0, length = path.size(); i < length && k < n; i++) {
            if (steps[k].matches(path, i)) {
                places[k++] = i;
            }
        }
        return places;
    }

    /** The level of {@code places}: each place is set only when the one before is. */
    static int level(int[] places) {
        int level = 0;
        while (level < places.length && places[level] != NONE) {
            level++;
        }
        return level;
    }

    /**
     * Follows the attempt starting at {@code start} into {@code places}; returns its level.
     * Ordered, step k looks after step k-1's action; strict, at the action right after it; in any
     * order, after the start.
     */
    private int follow(int start, int[][] next, ActionRows path, int[] places) {
        Arrays.fill(places, NONE);
        places[0] = start;
        long deadline = windowSeconds < 0 ? Long.MAX_VALUE : path.time(start) + windowSeconds;
        int length = path.size();
        for (int k = 1; k < n; k++) {
            int found = switch (order) {
                case ORDERED -> next[k][places[k - 1] + 1];
                case STRICT -> start + k < length && next[k][start + k] == start + k ? start + k : length;
                case ANY -> next[k][start + 1];
            };
            // Without a window no time is read: the deadline holds every action.
            if (found == length || (windowSeconds >= 0 && path.time(found) > deadline)) {
                return k;
            }
            places[k] = found;
        }
        return n;
    }

    /**
     * For step {@code k} and each place i ({@code from..length}), the first place at or after i
     * whose action matches the step, or the path's length when none does; places before
     * {@code from} are left 0, never to be read. A unit without a start needs no other step's
     * row, and no row is needed before the first start: that is most of the matching saved.
     */
    private int[] nextHits(int k, ActionRows path, int from) {
        int length = path.size();
        int[] row = new int[length + 1];
        FunnelStepMatch step = steps[k];
        row[length] = length;
        for (int i = length - 1; i >= from; i--) {
            row[i] = step.matches(path, i) ? i : row[i + 1];
        }
        return row;
    }
}
