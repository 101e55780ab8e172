package io.shoplens.engine.live;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One session's actions in session order, and what they contribute to the live tables. A late
 * action lands in its place, so the session's first action, page path and pays are always those
 * the batch session model makes of the same actions.
 */
final class GmvSessionPath {

    /** A pay at its time, with its GMV in millionths (null when unknown). */
    record Pay(LocalDateTime time, Long amountMicros) {
    }

    /**
     * What a session counts for, as the batch gmv and pages analyses count it.
     *
     * @param date    its first action's date (the session's date)
     * @param start   its first action's time
     * @param channel its first action's channel; {@code unknown} when absent
     * @param jumps   per step of the flow, the adjacent page pairs a→b equal to that step's pair
     * @param views   actions on the flow's first page
     * @param reached how many leading pages of the flow the path visits in order (greedy match)
     */
    record Counted(LocalDate date, LocalDateTime start, String channel, List<Pay> pays, long[] jumps, long views,
                   int reached) {

        long orders() {
            return pays.size();
        }

        long gmvMicros() {
            long sum = 0;
            for (Pay p : pays) {
                sum += p.amountMicros() == null ? 0 : p.amountMicros();
            }
            return sum;
        }

        long withoutAmount() {
            return pays.stream().filter(p -> p.amountMicros() == null).count();
        }
    }

    private final List<GmvAction> actions = new ArrayList<>();

    void add(GmvAction action) {
        int at = Collections.binarySearch(actions, action, GmvAction.SESSION_ORDER);
        actions.add(at < 0 ? -at - 1 : at, action);
    }

    void remove(GmvAction action) {
        actions.remove(action);
    }

    /** The actions in session order, orders placed in the session included. */
    List<GmvAction> actions() {
        return Collections.unmodifiableList(actions);
    }

    boolean isEmpty() {
        return actions.isEmpty();
    }

    /** The first action in session order; the path must not be empty. */
    GmvAction first() {
        return actions.get(0);
    }

    /** The session's contribution for {@code flow} (the page conversion's default flow, no window). */
    Counted counted(List<Long> flow) {
        GmvAction first = actions.get(0);
        String channel = first.channel() == null || first.channel().isBlank() ? "unknown" : first.channel();
        List<Pay> pays = new ArrayList<>();
        long[] jumps = new long[Math.max(0, flow.size() - 1)];
        long views = 0;
        int reached = 0;
        Long previous = null;
        for (int i = 0; i < actions.size(); i++) {
            GmvAction a = actions.get(i);
            if (a.pay()) {
                pays.add(new Pay(a.time(), a.amountMicros()));
            }
            Long page = a.pageId();
            if (page != null) {
                if (i > 0 && previous != null) {
                    for (int s = 0; s < jumps.length; s++) {
                        if (previous.equals(flow.get(s)) && page.equals(flow.get(s + 1))) {
                            jumps[s]++;
                        }
                    }
                }
                if (page.equals(flow.get(0))) {
                    views++;
                }
                if (reached < flow.size() && page.equals(flow.get(reached))) {
                    reached++;
                }
            }
            previous = page;
        }
        return new Counted(first.date(), first.time(), channel, List.copyOf(pays), jumps, views, reached);
    }
}
