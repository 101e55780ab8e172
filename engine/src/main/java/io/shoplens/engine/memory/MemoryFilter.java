package io.shoplens.engine.memory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.model.Unknown;

/**
 * A {@link SessionFilter} over the in-memory model, with the rules of {@code ModelFilter}: the
 * date range keeps actions by their date, a session cut by it is made again from the actions
 * left, and the other filters keep whole sessions.
 */
public final class MemoryFilter {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH");

    private MemoryFilter() {
    }

    /** {@code filter} on {@code model}; with {@code excludeSuspects}, no suspects are known, so none leave. */
    public static List<MemorySession> apply(MemoryModel model, SessionFilter filter) {
        return apply(model, filter, Set.of());
    }

    /**
     * {@code filter} on {@code model}; when it excludes suspects, the sessions of {@code suspects}
     * (found on the whole model by the Spark rules) leave first.
     */
    public static List<MemorySession> apply(MemoryModel model, SessionFilter filter, Set<Long> suspects) {
        int from = filter.from().map(d -> (int) d.toEpochDay()).orElse(Integer.MIN_VALUE);
        int to = filter.to().map(d -> (int) d.toEpochDay()).orElse(Integer.MAX_VALUE);
        Set<String> professionals = new HashSet<>(filter.professionals());
        Set<String> cities = new HashSet<>(filter.cities());
        Set<String> sexes = new HashSet<>(filter.sexes());
        Set<String> keywords = new HashSet<>(filter.keywords());
        Set<Long> categories = new HashSet<>(filter.categories());
        Set<String> channels = new HashSet<>(filter.channels());
        Set<String> areas = new HashSet<>(filter.areas());
        List<MemorySession> kept = new ArrayList<>();
        boolean dropSuspects = filter.excludeSuspects() && !suspects.isEmpty();
        for (MemorySession s : model.sessions()) {
            MemorySession inRange = s;
            if (s.maxDate() < from || s.minDate() > to) {
                continue;
            }
            if (s.minDate() < from || s.maxDate() > to) {
                inRange = cut(model, s, from, to);
            }
            if (dropSuspects && suspects.contains(inRange.userId())) {
                continue;
            }
            if (passes(inRange, filter, professionals, cities, sexes, keywords, categories)
                    && (channels.isEmpty() || channels.contains(Unknown.or(inRange.channel(), Unknown.VALUE)))
                    && (areas.isEmpty() || areas.contains(Unknown.or(inRange.area(), Unknown.PLACE)))
                    && (filter.pageJumps().isEmpty() || madeAnyOf(inRange, filter.pageJumps()))) {
                kept.add(inRange);
            }
        }
        return kept;
    }

    private static boolean passes(MemorySession s, SessionFilter filter, Set<String> professionals, Set<String> cities,
                                  Set<String> sexes, Set<String> keywords, Set<Long> categories) {
        if (filter.minAge().isPresent() && (s.age() == null || s.age() < filter.minAge().get())) {
            return false;
        }
        if (filter.maxAge().isPresent() && (s.age() == null || s.age() > filter.maxAge().get())) {
            return false;
        }
        if (!professionals.isEmpty() && !professionals.contains(s.professional())) {
            return false;
        }
        if (!cities.isEmpty() && !cities.contains(s.userCity())) {
            return false;
        }
        if (!sexes.isEmpty() && !sexes.contains(s.sex())) {
            return false;
        }
        if (!keywords.isEmpty() && s.keywords().stream().noneMatch(keywords::contains)) {
            return false;
        }
        if (!categories.isEmpty()) {
            boolean any = false;
            for (long c : s.clickCategories()) {
                any |= categories.contains(c);
            }
            return any;
        }
        return true;
    }

    /** As {@code ModelFilter}: two adjacent actions, both with a page, on the pages of one of {@code jumps}. */
    static boolean madeAnyOf(MemorySession s, List<PageJump> jumps) {
        ActionRows actions = s.actions();
        for (int i = 0; i + 1 < actions.size(); i++) {
            long from = actions.pageId(i);
            long to = actions.pageId(i + 1);
            if (from != MemoryAction.NONE && to != MemoryAction.NONE
                    && jumps.stream().anyMatch(jump -> jump.from() == from && jump.to() == to)) {
                return true;
            }
        }
        return false;
    }

    /** The session made of its actions dated {@code from..to} (epoch days), as the model would make it. */
    static MemorySession cut(MemoryModel model, MemorySession s, int from, int to) {
        ActionRows actions = s.actions();
        ActionRows left = actions.keptWhere(i -> actions.date(i) >= from && actions.date(i) <= to);
        return sessionOf(model, s.sessionId(), left);
    }

    /** A session of {@code actions} (in session order, at least one), its user and place looked up in {@code model}. */
    static MemorySession sessionOf(MemoryModel model, String sessionId, ActionRows actions) {
        return sessionOf(model.users(), model.cities(), sessionId, actions);
    }

    /** As {@link #sessionOf(MemoryModel, String, ActionRows)}, users and cities as the model joins them. */
    static MemorySession sessionOf(Map<Long, MemoryModel.User> users, Map<Long, MemoryModel.City> cities,
                                   String sessionId, ActionRows actions) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        int minDate = Integer.MAX_VALUE;
        int maxDate = Integer.MIN_VALUE;
        long orders = 0;
        long gmv = 0;
        long withoutAmount = 0;
        Set<String> keywords = new LinkedHashSet<>();
        Set<Long> categories = new LinkedHashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            start = Math.min(start, actions.time(i));
            end = Math.max(end, actions.time(i));
            minDate = Math.min(minDate, actions.date(i));
            maxDate = Math.max(maxDate, actions.date(i));
            if (actions.isPay(i)) {
                orders++;
                long amount = actions.amountMicros(i);
                if (amount == MemoryAction.NONE) {
                    withoutAmount++;
                } else {
                    gmv = Math.addExact(gmv, amount);
                }
            }
            String keyword = actions.keyword(i);
            if (keyword != null && !keyword.isEmpty()) {
                keywords.add(keyword);
            }
            if (MemoryAction.isSet(actions.clickCategory(i))) {
                categories.add(actions.clickCategory(i));
            }
        }
        MemoryAction first = actions.get(0);
        MemoryModel.User user = first.userId() == MemoryAction.NONE ? null : users.get(first.userId());
        MemoryModel.City city = first.cityId() == MemoryAction.NONE ? null : cities.get(first.cityId());
        return new MemorySession(sessionId, first.userId(), start, end, actions.size(),
                HOUR.format(LocalDateTime.ofEpochSecond(start, 0, ZoneOffset.UTC)), first.date(), minDate, maxDate,
                first.channel(), first.cityId(), city == null ? null : city.name(), city == null ? null : city.area(),
                List.copyOf(keywords), categories.stream().mapToLong(Long::longValue).toArray(), orders, gmv,
                withoutAmount, user != null, user == null ? null : user.age(),
                user == null ? null : user.professional(), user == null ? null : user.city(),
                user == null ? null : user.sex(), actions);
    }

    static LocalDate date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
