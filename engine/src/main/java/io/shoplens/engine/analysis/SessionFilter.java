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
 */
public record SessionFilter(Optional<LocalDate> from, Optional<LocalDate> to,
                            Optional<Integer> minAge, Optional<Integer> maxAge,
                            List<String> professionals, List<String> cities, List<String> sexes,
                            List<String> keywords, List<Long> categories, boolean excludeSuspects) {

    public static final SessionFilter NONE = new SessionFilter(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), false);

    public SessionFilter {
        professionals = List.copyOf(professionals);
        cities = List.copyOf(cities);
        sexes = List.copyOf(sexes);
        keywords = List.copyOf(keywords);
        categories = List.copyOf(categories);
    }

    /** Whether any filter needs the session's user (user_info). */
    public boolean usesUserAttributes() {
        return minAge.isPresent() || maxAge.isPresent() || !professionals.isEmpty() || !cities.isEmpty()
                || !sexes.isEmpty();
    }

    /** Whether any filter looks at whole sessions rather than single actions. */
    public boolean usesSessionAttributes() {
        return usesUserAttributes() || !keywords.isEmpty() || !categories.isEmpty();
    }

    public SessionFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new SessionFilter(Optional.ofNullable(newFrom), Optional.ofNullable(newTo), minAge, maxAge,
                professionals, cities, sexes, keywords, categories, excludeSuspects);
    }

    public SessionFilter withAges(Integer min, Integer max) {
        return new SessionFilter(from, to, Optional.ofNullable(min), Optional.ofNullable(max),
                professionals, cities, sexes, keywords, categories, excludeSuspects);
    }

    public SessionFilter withProfessionals(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, values,
                cities, sexes, keywords, categories, excludeSuspects);
    }

    public SessionFilter withCities(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals,
                values, sexes, keywords, categories, excludeSuspects);
    }

    public SessionFilter withSexes(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals,
                cities, values, keywords, categories, excludeSuspects);
    }

    public SessionFilter withKeywords(List<String> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals,
                cities, sexes, values, categories, excludeSuspects);
    }

    public SessionFilter withCategories(List<Long> values) {
        return new SessionFilter(from, to, minAge, maxAge, professionals,
                cities, sexes, keywords, values, excludeSuspects);
    }

    public SessionFilter withExcludeSuspects(boolean exclude) {
        return new SessionFilter(from, to, minAge, maxAge, professionals, cities, sexes, keywords, categories, exclude);
    }
}
