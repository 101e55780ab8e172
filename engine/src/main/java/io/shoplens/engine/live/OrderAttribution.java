package io.shoplens.engine.live;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The orders of a user-only mapping (a user id, no session id) and the session each counts in:
 * of its user's sessions whose first action is on the order's date and at or before the order's
 * time, the one that started last, the greater session id on a tie (docs/ANALYSES.md, "live gmv").
 * That is the session open when the user paid, or, after it closed, the last one they had that
 * day before paying. A session is the user's when any of its actions from the actions topic
 * carries the user's id; an order with no such session yet waits, and counts as soon as one
 * arrives.
 *
 * <p>The answer moves as sessions grow (a late action can start a session earlier, or on the day
 * before), so {@link LiveGmvState} asks again for every user whose sessions a batch touched.
 */
final class OrderAttribution {

    private final Map<Long, Set<String>> sessionsOfUser = new HashMap<>();
    private final Map<String, Set<Long>> usersOfSession = new HashMap<>();
    /** As read, by order id: no session. */
    private final Map<String, GmvAction> orders = new HashMap<>();
    private final Map<Long, Set<String>> ordersOfUser = new HashMap<>();

    /** Notes that {@code action} (from the actions topic) makes its session one of its user's. */
    void sessionAction(GmvAction action) {
        if (action.userId() == null) {
            return;
        }
        sessionsOfUser.computeIfAbsent(action.userId(), u -> new HashSet<>()).add(action.sessionId());
        usersOfSession.computeIfAbsent(action.sessionId(), s -> new HashSet<>()).add(action.userId());
    }

    Set<Long> usersOf(String sessionId) {
        return usersOfSession.getOrDefault(sessionId, Set.of());
    }

    void put(String orderId, GmvAction order) {
        orders.put(orderId, order);
        ordersOfUser.computeIfAbsent(order.userId(), u -> new HashSet<>()).add(orderId);
    }

    void remove(String orderId) {
        GmvAction gone = orders.remove(orderId);
        if (gone != null) {
            Set<String> ids = ordersOfUser.get(gone.userId());
            ids.remove(orderId);
            if (ids.isEmpty()) {
                ordersOfUser.remove(gone.userId());
            }
        }
    }

    /** The user-only orders of {@code user}, by order id, as read. */
    Map<String, GmvAction> ordersOf(long user) {
        Map<String, GmvAction> of = new HashMap<>();
        for (String id : ordersOfUser.getOrDefault(user, Set.of())) {
            of.put(id, orders.get(id));
        }
        return of;
    }

    /** A user-only order as read; null when there is none of that id. */
    GmvAction order(String orderId) {
        return orders.get(orderId);
    }

    Set<String> orderIds() {
        return orders.keySet();
    }

    /** The session {@code order} counts in, given the sessions' paths; null when its user has none that fits. */
    String sessionFor(GmvAction order, Function<String, GmvSessionPath> paths) {
        String best = null;
        GmvAction bestFirst = null;
        for (String session : sessionsOfUser.getOrDefault(order.userId(), Set.of())) {
            GmvSessionPath path = paths.apply(session);
            if (path == null || path.isEmpty()) {
                continue;
            }
            GmvAction first = path.first();
            if (!first.date().equals(order.date()) || first.time().isAfter(order.time())) {
                continue;
            }
            int later = bestFirst == null ? 1 : first.time().compareTo(bestFirst.time());
            if (later > 0 || later == 0 && session.compareTo(best) > 0) {
                best = session;
                bestFirst = first;
            }
        }
        return best;
    }

    /** Lets go of orders dated before {@code first} and of sessions no longer kept. */
    void forget(LocalDate first, Set<String> keptSessions) {
        for (String id : List.copyOf(orders.keySet())) {
            if (orders.get(id).date().isBefore(first)) {
                remove(id);
            }
        }
        usersOfSession.keySet().removeIf(s -> !keptSessions.contains(s));
        sessionsOfUser.values().forEach(sessions -> sessions.removeIf(s -> !keptSessions.contains(s)));
        sessionsOfUser.values().removeIf(Set::isEmpty);
    }
}
