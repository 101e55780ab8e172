package io.shoplens.engine.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The filters of docs/ANALYSES.md (Conventions). Every filter applies to whole sessions, except the date range,
 * which filters actions by their {@code date} (inclusive both ends). An empty list or an empty
 * optional means "no filter".
 *
 * @param from          first date kept
 * @param to            last date kept
 * @param minAge        inclusive lower age bound of the session's user
 * @param maxAge        inclusive upper age bound
 * @param professionals the user's professional is one of these
 * @param cities        the user's city (user_info) is one of these
 * @param sexes         the user's sex is one of these
 * @param keywords      the session searched at least one of these
 * @param categories    the session clicked at least one of these categories
 * @param excludeSuspects drop every session of the fake-order suspect users, found on all the
 *                      data before any other filter (docs/ANALYSES.md, audience)
 * @param channels      the session's channel (its first action's; {@code unknown} when missing) is one of these
 * @param areas         the area of the session's first action's city ({@code (unknown)} when not known) is
 *                      one of these: the values GMV's breakdown shows, so a clicked value filters what it counted
 * @param pageJumps     the session made at least one of these jumps (two adjacent actions on those pages)
 */
public record SessionFilter(Optional<LocalDate> from, Optional<LocalDate> to,
                            Optional<Integer> minAge, Optional<Integer> maxAge,
                            List<String> professionals, List<String> cities, List<String> sexes,
                            List<String> keywords, List<Long> categories, boolean excludeSuspects,
                            List<String> channels, List<String> areas, List<PageJump> pageJumps) {

    public static final SessionFilter NONE = new SessionFilter(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), false,
            List.of(), List.of(), List.of());

    public SessionFilter {
        professionals = List.copyOf(professionals);
        cities = List.copyOf(cities);
        sexes = List.copyOf(sexes);
        keywords = List.copyOf(keywords);
        categories = List.copyOf(categories);
        // Runs recorded before these filters existed have none in their JSON.
        channels = channels == null ? List.of() : List.copyOf(channels);
        areas = areas == null ? List.of() : List.copyOf(areas);
        pageJumps = pageJumps == null ? List.of() : List.copyOf(pageJumps);
    }

    /** A filter without the page-jump filter. */
    public SessionFilter(Optional<LocalDate> from, Optional<LocalDate> to, Optional<Integer> minAge,
                         Optional<Integer> maxAge, List<String> professionals, List<String> cities,
                         List<String> sexes, List<String> keywords, List<Long> categories, boolean excludeSuspects,
                         List<String> channels, List<String> areas) {
        this(from, to, minAge, maxAge, professionals, cities, sexes, keywords, categories, excludeSuspects,
                channels, areas, List.of());
    }

    /** A filter without the channel, area and page-jump filters (how most callers and earlier runs make one). */
    public SessionFilter(Optional<LocalDate> from, Optional<LocalDate> to, Optional<Integer> minAge,
                         Optional<Integer> maxAge, List<String> professionals, List<String> cities,
                         List<String> sexes, List<String> keywords, List<Long> categories, boolean excludeSuspects) {
        this(from, to, minAge, maxAge, professionals, cities, sexes, keywords, categories, excludeSuspects,
                List.of(), List.of(), List.of());
    }

    /** Whether any filter needs the session's user (user_info). */
    public boolean usesUserAttributes() {
        return minAge.isPresent() || maxAge.isPresent() || !professionals.isEmpty() || !cities.isEmpty()
                || !sexes.isEmpty();
    }

    /** Whether any filter looks at whole sessions rather than single actions. */
    public boolean usesSessionAttributes() {
        return usesUserAttributes() || !keywords.isEmpty() || !categories.isEmpty() || !channels.isEmpty()
                || !areas.isEmpty() || !pageJumps.isEmpty();
    }

    public SessionFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new SessionFilter(Optional.ofNullable(newFrom), Optional.ofNullable(newTo), minAge, maxAge,
                professionals, cities, sexes, keywords, categories, excludeSuspects,
                channels, areas, pageJumps);
    }

    public SessionFilter withAges(Integer min, Integer max) {
        return new SessionFilter(from, to, Optional.ofNullable(min), Optional.ofNullable(max),
                professionals, cities, sexes, keywords, categories, excludeSuspects,
                channels, areas, pageJumps);
    }

    public SessionFilter withProfessionals(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, values,
                cities, sexes, keywords, categories, excludeSuspects,
                channels, areas, pageJumps);
    }

    public SessionFilter withCities(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals,
                values, sexes, keywords, categories, excludeSuspects,
                channels, areas, pageJumps);
    }

    public SessionFilter withSexes(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals,
                cities, values, keywords, categories, excludeSuspects,
                channels, areas, pageJumps);
    }

    public SessionFilter withKeywords(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals,
                cities, sexes, values, categories, excludeSuspects,
                channels, areas, pageJumps);
    }

    public SessionFilter withCategories(List<Long> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals,
                cities, sexes, keywords, values, excludeSuspects,
                channels, areas, pageJumps);
    }

    public SessionFilter withExcludeSuspects(boolean exclude) {
        return new SessionFilter(from, to, minAge, maxAge, professionals, cities, sexes, keywords, categories, exclude,
                channels, areas, pageJumps);
    }

    /** Sessions whose channel (their first action's, {@code unknown} when missing) is one of these. */
    public SessionFilter withChannels(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals, cities, sexes, keywords, categories,
                excludeSuspects, values, areas, pageJumps);
    }

    /** Sessions whose area (their first action's city's, {@code (unknown)} when not known) is one of these. */
    public SessionFilter withAreas(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals, cities, sexes, keywords, categories,
                excludeSuspects, channels, values, pageJumps);
    }

    /** Sessions that made any of these jumps (two adjacent actions, in session order, on those pages). */
    public SessionFilter withPageJumps(List<PageJump> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals, cities, sexes, keywords, categories,
                excludeSuspects, channels, areas, values);
    }
}
