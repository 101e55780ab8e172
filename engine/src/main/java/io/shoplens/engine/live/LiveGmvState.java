package io.shoplens.engine.live;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The live GMV view's counts between micro-batches: every session of the open day and the day
 * before with its actions in session order ({@link GmvSessionPath}), the orders by id, and the
 * sums of each of the two days ({@link GmvDayCounts}), from which {@link LiveGmvTables} makes the
 * tables. A batch costs its own actions: only the sessions it touches are counted again, their
 * old contribution taken away and the new one added. An order of a user-only mapping counts in
 * the session {@link OrderAttribution} gives it, asked again whenever its user's sessions change.
 *
 * <p>The open day is the date of the latest action read; when it turns, sessions dated before
 * the day before it are let go, and an action of such a date read later is counted as late and
 * left out (the batch analyses would count it: the one place live and batch part).
 *
 * <p>Deterministic in the batches it is given: a restart that merges the stored batches again
 * in order ends in the same state. Not thread-safe: the live query merges under its batch lock.
 */
final class LiveGmvState {

    static final int SAMPLES = 5;

    /** An order's new state from the orders topic; {@code action} null when it was deleted. */
    record OrderChange(String orderId, GmvAction action) {
    }

    /** A message that did not parse, where it was and why; {@code source} is {@link GmvAction}'s topic kind. */
    record Malformed(int source, String topic, int partition, long offset, String reason, String message) {

        String sample() {
            return topic + " partition " + partition + " offset " + offset + ": " + reason + ": " + message;
        }
    }

    private final LiveGmvParams params;
    private final Map<String, GmvSessionPath> sessions = new HashMap<>();
    private final Map<String, GmvSessionPath.Counted> counted = new HashMap<>();
    /** The orders counted, by id, each as counted (a user-only one with the session it was given). */
    private final Map<String, GmvAction> orders = new HashMap<>();
    private final OrderAttribution attribution = new OrderAttribution();
    private final Map<LocalDate, GmvDayCounts> days = new HashMap<>();

    private long mergedThrough = -1;
    private long actionsRead;
    private long orderChangesRead;
    private long malformedActionsRead;
    private long malformedOrdersRead;
    private long lateRead;
    private List<String> samples = List.of();
    private LocalDate day;
    private LocalDateTime latest;
    /** Whether any action of the day before the open day was read, so that a comparison means something. */
    private boolean dayBeforeRead;

    LiveGmvState(LiveGmvParams params) {
        this.params = params;
    }

    LiveGmvParams params() {
        return params;
    }

    long mergedThrough() {
        return mergedThrough;
    }

    long actionsRead() {
        return actionsRead;
    }

    long orderChangesRead() {
        return orderChangesRead;
    }

    /** Messages of the actions topic that did not parse. */
    long malformedActionsRead() {
        return malformedActionsRead;
    }

    /** Messages of the orders topic that did not parse. */
    long malformedOrdersRead() {
        return malformedOrdersRead;
    }

    long lateRead() {
        return lateRead;
    }

    List<String> samples() {
        return samples;
    }

    Optional<LocalDate> day() {
        return Optional.ofNullable(day);
    }

    Optional<LocalDateTime> latest() {
        return Optional.ofNullable(latest);
    }

    /** Counts batch {@code batchId}; a batch at or below {@link #mergedThrough()} was counted already. */
    void merge(long batchId, List<GmvAction> actions, List<OrderChange> changes, List<Malformed> malformed) {
        if (batchId <= mergedThrough) {
            throw new IllegalArgumentException("Batch " + batchId + " was merged already (through " + mergedThrough + ")");
        }
        moveClock(actions, changes);
        Map<String, GmvSessionPath> touched = new HashMap<>();
        for (GmvAction a : actions) {
            actionsRead++;
            if (isLate(a)) {
                lateRead++;
                continue;
            }
            touched.put(a.sessionId(), path(a.sessionId()));
            path(a.sessionId()).add(a);
            attribution.sessionAction(a);
        }
        Set<Long> usersToAttribute = new HashSet<>();
        for (OrderChange c : changes) {
            orderChangesRead++;
            GmvAction before = orders.remove(c.orderId());
            attribution.remove(c.orderId());
            if (before != null) {
                GmvSessionPath path = sessions.get(before.sessionId());
                if (path != null) {
                    path.remove(before);
                    touched.put(before.sessionId(), path);
                }
            }
            if (c.action() == null) {
                continue;
            }
            if (isLate(c.action())) {
                lateRead++;
                continue;
            }
            if (c.action().userOnly()) {
                attribution.put(c.orderId(), c.action());
                usersToAttribute.add(c.action().userId());
                continue;
            }
            orders.put(c.orderId(), c.action());
            touched.put(c.action().sessionId(), path(c.action().sessionId()));
            path(c.action().sessionId()).add(c.action());
        }
        // Every session the batch changed may have moved its start: its users' orders are placed again.
        touched.keySet().forEach(session -> usersToAttribute.addAll(attribution.usersOf(session)));
        usersToAttribute.forEach(user -> attribute(user, touched));
        touched.forEach(this::recount);
        for (Malformed m : malformed) {
            if (m.source() == GmvAction.FROM_ORDERS) {
                malformedOrdersRead++;
            } else {
                malformedActionsRead++;
            }
        }
        addSamples(malformed);
        mergedThrough = batchId;
    }

    /** Moves each user-only order of {@code user} to the session it now belongs to, if that changed. */
    private void attribute(long user, Map<String, GmvSessionPath> touched) {
        attribution.ordersOf(user).forEach((orderId, order) -> {
            String target = attribution.sessionFor(order, sessions::get);
            GmvAction counted = orders.get(orderId);
            String current = counted == null ? null : counted.sessionId();
            if (Objects.equals(target, current)) {
                return;
            }
            if (counted != null) {
                orders.remove(orderId);
                GmvSessionPath path = sessions.get(current);
                if (path != null) {
                    path.remove(counted);
                    touched.put(current, path);
                }
            }
            if (target != null) {
                GmvAction placed = order.inSession(target);
                orders.put(orderId, placed);
                path(target).add(placed);
                touched.put(target, path(target));
            }
        });
    }

    /** User-only orders that no session of their user takes yet: counted nowhere, as in the batch recount. */
    long unattributedOrders() {
        return attribution.orderIds().stream().filter(id -> !orders.containsKey(id)).count();
    }

    /** The open day moves to the latest date read before anything is counted, as the ad-click view's does. */
    private void moveClock(List<GmvAction> actions, List<OrderChange> changes) {
        LocalDate newDay = day;
        List<GmvAction> all = new ArrayList<>(actions);
        changes.stream().map(OrderChange::action).filter(a -> a != null).forEach(all::add);
        for (GmvAction a : all) {
            if (newDay == null || a.date().isAfter(newDay)) {
                newDay = a.date();
            }
            if (latest == null || a.time().isAfter(latest)) {
                latest = a.time();
            }
        }
        if (newDay != null && !newDay.equals(day)) {
            day = newDay;
            letGoBefore(day.minusDays(1));
        }
        for (GmvAction a : all) {
            dayBeforeRead |= a.date().equals(day.minusDays(1));
        }
    }

    private void letGoBefore(LocalDate first) {
        for (Iterator<Map.Entry<String, GmvSessionPath.Counted>> it = counted.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, GmvSessionPath.Counted> e = it.next();
            if (e.getValue().date().isBefore(first)) {
                sessions.remove(e.getKey());
                it.remove();
            }
        }
        orders.values().removeIf(a -> !sessions.containsKey(a.sessionId()));
        attribution.forget(first, sessions.keySet());
        days.keySet().removeIf(d -> d.isBefore(first));
        dayBeforeRead = days.containsKey(first);
    }

    private boolean isLate(GmvAction a) {
        return a.date().isBefore(day.minusDays(1));
    }

    private GmvSessionPath path(String sessionId) {
        return sessions.computeIfAbsent(sessionId, s -> new GmvSessionPath());
    }

    private void recount(String sessionId, GmvSessionPath path) {
        GmvSessionPath.Counted old = counted.remove(sessionId);
        if (old != null) {
            dayCounts(old.date()).add(old, -1);
        }
        if (path.isEmpty()) {
            sessions.remove(sessionId);
            return;
        }
        GmvSessionPath.Counted now = path.counted(params.flow());
        counted.put(sessionId, now);
        dayCounts(now.date()).add(now, 1);
    }

    private GmvDayCounts dayCounts(LocalDate date) {
        return days.computeIfAbsent(date, d -> new GmvDayCounts(params.flow().size()));
    }

    /** The sums of {@code date}; empty counts for a day with no session. */
    GmvDayCounts counts(LocalDate date) {
        GmvDayCounts c = days.get(date);
        return c == null ? new GmvDayCounts(params.flow().size()) : c;
    }

    /** Whether the day before the open day was read, so today can be set against its same hours. */
    boolean holdsDayBefore() {
        return dayBeforeRead;
    }

    /**
     * What this state holds, to be kept on disk in place of the batches merged so far ({@link
     * GmvSnapshots}): the actions of every session kept, each order as it stands after its last
     * change (a user-only one as read, without the session it was given), and the counters.
     */
    GmvSnapshot snapshot() {
        List<GmvAction> actions = new ArrayList<>();
        sessions.values().forEach(path -> path.actions().stream()
                .filter(a -> a.source() == GmvAction.FROM_ACTIONS).forEach(actions::add));
        List<OrderChange> changes = new ArrayList<>();
        orders.forEach((id, order) -> {
            if (!attribution.orderIds().contains(id)) {
                changes.add(new OrderChange(id, order));
            }
        });
        attribution.orderIds().forEach(id -> changes.add(new OrderChange(id, attribution.order(id))));
        return new GmvSnapshot(mergedThrough, day, latest, new GmvSnapshot.Counters(actionsRead, orderChangesRead,
                malformedActionsRead, malformedOrdersRead, lateRead, dayBeforeRead), samples, actions, changes);
    }

    /**
     * The state a snapshot was taken of: its sessions and orders merged again as one batch, which
     * gives the same sums (they add up session by session), and its counters as they were.
     */
    static LiveGmvState restore(LiveGmvParams params, GmvSnapshot snapshot) {
        LiveGmvState state = new LiveGmvState(params);
        // The clock first, so that nothing kept counts as late and no session is let go.
        state.day = snapshot.day();
        state.latest = snapshot.latest();
        state.merge(snapshot.through(), snapshot.actions(), snapshot.orders(), List.of());
        GmvSnapshot.Counters c = snapshot.counters();
        state.actionsRead = c.actionsRead();
        state.orderChangesRead = c.orderChangesRead();
        state.malformedActionsRead = c.malformedActionsRead();
        state.malformedOrdersRead = c.malformedOrdersRead();
        state.lateRead = c.lateRead();
        state.dayBeforeRead = c.dayBeforeRead();
        state.samples = List.copyOf(snapshot.samples());
        return state;
    }

    private void addSamples(List<Malformed> bad) {
        if (bad.isEmpty()) {
            return;
        }
        List<String> newest = new ArrayList<>(bad.stream()
                .sorted(Comparator.comparing(Malformed::topic).thenComparingInt(Malformed::partition)
                        .thenComparing(Comparator.comparingLong(Malformed::offset).reversed()))
                .map(Malformed::sample).limit(SAMPLES).toList());
        newest.addAll(samples);
        samples = List.copyOf(newest.subList(0, Math.min(SAMPLES, newest.size())));
    }
}
