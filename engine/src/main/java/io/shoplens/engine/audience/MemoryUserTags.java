package io.shoplens.engine.audience;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemoryGmvAnalysis;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.text.Text;

/**
 * {@link UserTags} over the in-memory model: the same (user, tag) pairs, distinct, in user_tags'
 * order. A user id of {@link MemoryAction#NONE} is Spark's null user: it is grouped like any id
 * but matches no join, so it gets the tags read from actions and none from user_info or suspects.
 */
final class MemoryUserTags {

    /** One row of user_tags; {@code userId} NONE is a null user_id. */
    record UserTag(long userId, String tag) {
        /**
         * The record's own hash (31 × user + tag) makes neighbouring users' tags collide ("likes:5"
         * and "likes:12" differ by more than 31): sets of a million tags fell into tree bins.
         */
        @Override
        public int hashCode() {
            return hash(userId, tag);
        }
    }

    /** A user and an id or a text, the key of a count or a set before its tag's text is made. */
    private record UserValue(long userId, Object value) {
        @Override
        public int hashCode() {
            return hash(userId, value);
        }
    }

    /** A key of (user, value) that spreads neighbouring users over the whole int range. */
    private static int hash(long userId, Object value) {
        return Long.hashCode(userId * 0x9E3779B97F4A7C15L) ^ Objects.hashCode(value);
    }

    /** user_tags' order: user_id ascending with null (NONE, the smallest long) first, then tag. */
    static final Comparator<UserTag> ORDER = (a, b) -> {
        int byUser = Long.compare(a.userId(), b.userId());
        return byUser != 0 ? byUser : Text.compare(a.tag(), b.tag());
    };

    /** The thirds' quantiles exactly as UserTags hands them to Spark. */
    private static final double LOW_THIRD = 1.0 / 3;
    private static final double HIGH_THIRD = 2.0 / 3;
    private static final int MONEY_SCALE = 6;

    private MemoryUserTags() {
    }

    /**
     * @param actions  {@link MemoryPeriodActions} of {@code sessions}
     * @param suspects the ids of suspect users
     */
    static List<UserTag> of(MemoryModel model, List<MemorySession> sessions,
                            List<MemoryPeriodActions.PeriodAction> actions, Set<Long> suspects, int likeClicks) {
        List<MemoryPeriodActions.PeriodAction> base = actions.stream().filter(MemoryPeriodActions.PeriodAction::inBase)
                .toList();
        Set<Long> users = new HashSet<>();
        base.forEach(a -> users.add(a.userId()));
        Set<UserTag> tags = new HashSet<>();
        attributes(sessions, users, tags);
        channels(base, tags);
        likes(base, likeClicks, tags);
        bought(base, tags);
        searched(base, tags);
        prefers(base, model.catalogue(), tags);
        prices(base, model.catalogue(), tags);
        for (long suspect : suspects) {
            if (suspect != MemoryAction.NONE && users.contains(suspect)) {
                tags.add(new UserTag(suspect, UserTags.SUSPECT));
            }
        }
        List<UserTag> ordered = new ArrayList<>(tags);
        ordered.sort(ORDER);
        return ordered;
    }

    /** The user_info columns of a session, compared as Spark's min(struct(age, sex, professional, city)). */
    private record Attributes(Integer age, String sex, String professional, String city) {
        static final Comparator<Attributes> SMALLEST = Comparator
                .comparing(Attributes::age, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                .thenComparing(Attributes::sex, Text.NULLS_FIRST)
                .thenComparing(Attributes::professional, Text.NULLS_FIRST)
                .thenComparing(Attributes::city, Text.NULLS_FIRST);
    }

    private static void attributes(List<MemorySession> sessions, Set<Long> users, Set<UserTag> tags) {
        Map<Long, Attributes> smallest = new HashMap<>();
        for (MemorySession s : sessions) {
            // The Spark form joins on user_id: a null user matches no one.
            if (s.userId() == MemoryAction.NONE || !users.contains(s.userId())) {
                continue;
            }
            smallest.merge(s.userId(), new Attributes(s.age(), s.sex(), s.professional(), s.userCity()),
                    (a, b) -> Attributes.SMALLEST.compare(a, b) <= 0 ? a : b);
        }
        smallest.forEach((user, u) -> {
            add(tags, user, tag("age_group", u.age() == null ? null : MemoryGmvAnalysis.ageGroup(u.age())));
            add(tags, user, tag("sex", u.sex()));
            add(tags, user, tag("professional", u.professional()));
            add(tags, user, tag("city", u.city()));
        });
    }

    /** The first action is Spark's min(struct(time, file, line, channel)): every field breaks ties. */
    private static final Comparator<MemoryPeriodActions.PeriodAction> FIRST = Comparator
            .comparingLong(MemoryPeriodActions.PeriodAction::time)
            .thenComparing(MemoryPeriodActions.PeriodAction::file, Text.NULLS_FIRST)
            .thenComparingLong(MemoryPeriodActions.PeriodAction::line)
            .thenComparing(MemoryPeriodActions.PeriodAction::channel, Text.NULLS_FIRST);

    private static void channels(List<MemoryPeriodActions.PeriodAction> base, Set<UserTag> tags) {
        Map<Long, MemoryPeriodActions.PeriodAction> first = new HashMap<>();
        for (MemoryPeriodActions.PeriodAction a : base) {
            first.merge(a.userId(), a, (x, y) -> FIRST.compare(x, y) <= 0 ? x : y);
        }
        first.forEach((user, a) -> add(tags, user, tag("channel", a.channel())));
    }

    private static void likes(List<MemoryPeriodActions.PeriodAction> base, int likeClicks, Set<UserTag> tags) {
        // Counted by ids; the tag's text is made only for the pairs that reach the threshold.
        Map<UserValue, long[]> clicks = new HashMap<>();
        for (MemoryPeriodActions.PeriodAction a : base) {
            if (a.clickCategory() != MemoryAction.NONE) {
                clicks.computeIfAbsent(new UserValue(a.userId(), a.clickCategory()), k -> new long[1])[0]++;
            }
        }
        clicks.forEach((pair, n) -> {
            if (n[0] >= likeClicks) {
                tags.add(new UserTag(pair.userId(), "likes:" + pair.value()));
            }
        });
    }

    private static void bought(List<MemoryPeriodActions.PeriodAction> base, Set<UserTag> tags) {
        for (MemoryPeriodActions.PeriodAction a : base) {
            if (a.payCategories() != null) {
                for (long category : a.payCategories()) {
                    tags.add(new UserTag(a.userId(), "bought:" + category));
                }
            }
        }
    }

    private static void searched(List<MemoryPeriodActions.PeriodAction> base, Set<UserTag> tags) {
        Set<UserValue> searches = new HashSet<>();
        for (MemoryPeriodActions.PeriodAction a : base) {
            if (a.keyword() != null) {
                searches.add(new UserValue(a.userId(), a.keyword()));
            }
        }
        searches.forEach(pair -> add(tags, pair.userId(), tag("searched", (String) pair.value())));
    }

    /** Whole-number comparisons as in UserTags.prefers; clicks on an unknown status count in the whole. */
    private static void prefers(List<MemoryPeriodActions.PeriodAction> base,
                                Map<Long, MemoryModel.CatalogueEntry> catalogue, Set<UserTag> tags) {
        Map<Long, long[]> counts = new HashMap<>();
        for (MemoryPeriodActions.PeriodAction a : base) {
            if (a.clickProduct() == MemoryAction.NONE) {
                continue;
            }
            long[] c = counts.computeIfAbsent(a.userId(), k -> new long[3]);
            c[0]++;
            MemoryModel.CatalogueEntry product = catalogue.get(a.clickProduct());
            Integer status = product == null ? null : product.status();
            if (status != null && status == 0) {
                c[1]++;
            } else if (status != null && status == 1) {
                c[2]++;
            }
        }
        counts.forEach((user, c) -> {
            long twoThirds = c[0] * 2;
            if (c[1] * 3 >= twoThirds) {
                tags.add(new UserTag(user, "prefers:self"));
            } else if (c[2] * 3 >= twoThirds) {
                tags.add(new UserTag(user, "prefers:third_party"));
            }
        });
    }

    /**
     * The user's mean is Spark's: each price to DECIMAL(38,6) as its cast does (the double's
     * shortest decimal text, half up), the exact sum to double, then over the count; the thirds
     * are Spark's exact percentile of every priced item.
     */
    private static void prices(List<MemoryPeriodActions.PeriodAction> base,
                               Map<Long, MemoryModel.CatalogueEntry> catalogue, Set<UserTag> tags) {
        List<Double> all = new ArrayList<>();
        Map<Long, BigDecimal> sums = new HashMap<>();
        Map<Long, Long> items = new HashMap<>();
        for (MemoryPeriodActions.PeriodAction a : base) {
            if (a.payProducts() == null) {
                continue;
            }
            for (long product : a.payProducts()) {
                MemoryModel.CatalogueEntry entry = catalogue.get(product);
                if (entry == null || entry.price() == null) {
                    continue;
                }
                double price = entry.price();
                all.add(price);
                sums.merge(a.userId(), BigDecimal.valueOf(price).setScale(MONEY_SCALE, RoundingMode.HALF_UP),
                        BigDecimal::add);
                items.merge(a.userId(), 1L, Long::sum);
            }
        }
        if (all.isEmpty()) {
            return;
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double low = percentile(sorted, LOW_THIRD);
        double high = percentile(sorted, HIGH_THIRD);
        sums.forEach((user, sum) -> {
            double mean = sum.doubleValue() / (double) items.get(user);
            if (mean <= low) {
                tags.add(new UserTag(user, "price:low"));
            }
            if (mean >= high) {
                tags.add(new UserTag(user, "price:high"));
            }
        });
    }

    /**
     * Spark's exact {@code percentile} (PercentileBase.getPercentile): the position (n − 1) × p,
     * the values at its floor and ceiling, and the same interpolation only when they differ,
     * since the interpolation of two equal values need not give that value back to the bit.
     */
    static double percentile(double[] sorted, double p) {
        double position = (double) (sorted.length - 1) * p;
        long lower = (long) Math.floor(position);
        long higher = (long) Math.ceil(position);
        double lowerValue = sorted[(int) lower];
        if (higher == lower) {
            return lowerValue;
        }
        double higherValue = sorted[(int) higher];
        if (lowerValue == higherValue) {
            return lowerValue;
        }
        return ((double) higher - position) * lowerValue + (position - (double) lower) * higherValue;
    }

    /** UserTags.tag: {@code name:value}, null when the value is missing or only spaces (Spark's trim). */
    static String tag(String name, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != ' ') {
                return name + ":" + value;
            }
        }
        return null;
    }

    private static void add(Set<UserTag> tags, long user, String tag) {
        if (tag != null) {
            tags.add(new UserTag(user, tag));
        }
    }
}
