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
 * <p>
 * Made one user at a time, in user order, from that user's period actions: each user's few tags
 * are sorted alone, where one sort of every (user, tag) pair and maps keyed by (user, value) took
 * most of the audience's time at 10M actions.
 */
final class MemoryUserTags {

    /**
     * user_tags in its order: user number u (of {@link AudienceUsers}) has the tags
     * {@code tags[from[u]..from[u+1])}, distinct and in Spark's text order.
     */
    record Tagged(AudienceUsers users, int[] from, String[] tags) {

        int size() {
            return from[from.length - 1];
        }

        long userId(int user) {
            return users.id(user);
        }
    }

    /** The thirds' quantiles exactly as UserTags hands them to Spark. */
    private static final double LOW_THIRD = 1.0 / 3;
    private static final double HIGH_THIRD = 2.0 / 3;
    private static final int MONEY_SCALE = 6;

    private MemoryUserTags() {
    }

    /**
     * @param actions  {@link MemoryPeriodActions} of the filtered sessions
     * @param suspects the ids of suspect users
     */
    static Tagged of(MemoryModel model, MemoryPeriodActions actions, Set<Long> suspects, int likeClicks) {
        AudienceUsers users = actions.users();
        Attributes[] attributes = attributes(actions);
        ProductLookup catalogue = new ProductLookup(model.catalogue());
        PriceThirds thirds = PriceThirds.of(actions, catalogue);
        TagTexts texts = new TagTexts();
        List<String> tags = new ArrayList<>();
        long[] clicked = new long[16];
        int[] from = new int[users.count() + 1];
        String[] out = new String[1024];
        int size = 0;
        for (int u = 0; u < users.count(); u++) {
            from[u] = size;
            if (!actions.userInBase(u)) {
                continue;
            }
            tags.clear();
            long id = users.id(u);
            Attributes user = attributes[u];
            if (user != null) {
                tags.add(texts.of("age_group", user.age() == null ? null : MemoryGmvAnalysis.ageGroup(user.age())));
                tags.add(texts.of("sex", user.sex()));
                tags.add(texts.of("professional", user.professional()));
                tags.add(texts.of("city", user.city()));
            }
            tags.add(texts.of("channel", actions.channel(first(actions, u))));
            clicked = likes(actions, u, likeClicks, clicked, texts, tags);
            searched(actions, u, texts, tags);
            prefers(actions, u, catalogue, tags);
            for (int p = actions.firstPay(u); p < actions.firstPay(u + 1); p++) {
                if (actions.inBase(actions.payAction(p)) && actions.payCategories(p) != null) {
                    for (long category : actions.payCategories(p)) {
                        tags.add(texts.of("bought:", category));
                    }
                }
            }
            thirds.tag(actions, u, catalogue, tags);
            if (id != MemoryAction.NONE && suspects.contains(id)) {
                tags.add(UserTags.SUSPECT);
            }
            tags.removeIf(Objects::isNull);
            tags.sort(Text.ORDER);
            for (int t = 0; t < tags.size(); t++) {
                if (t > 0 && tags.get(t).equals(tags.get(t - 1))) {
                    continue;
                }
                if (size == out.length) {
                    out = Arrays.copyOf(out, size * 2);
                }
                out[size++] = tags.get(t);
            }
        }
        from[users.count()] = size;
        return new Tagged(users, from, Arrays.copyOf(out, size));
    }

    /** The user_info columns of a session, compared as Spark's min(struct(age, sex, professional, city)). */
    private record Attributes(Integer age, String sex, String professional, String city) {
        static final Comparator<Attributes> SMALLEST = Comparator
                .comparing(Attributes::age, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                .thenComparing(Attributes::sex, Text.NULLS_FIRST)
                .thenComparing(Attributes::professional, Text.NULLS_FIRST)
                .thenComparing(Attributes::city, Text.NULLS_FIRST);
    }

    /** Each base user's smallest attributes over all its filtered sessions; null for the null user. */
    private static Attributes[] attributes(MemoryPeriodActions actions) {
        AudienceUsers users = actions.users();
        Attributes[] smallest = new Attributes[users.count()];
        for (int u = 0; u < users.count(); u++) {
            // The Spark form joins on user_id: a null user matches no one.
            if (!actions.userInBase(u) || users.id(u) == MemoryAction.NONE) {
                continue;
            }
            for (int k = 0; k < users.sessionCount(u); k++) {
                MemorySession s = users.sessions().get(users.session(u, k));
                Attributes now = smallest[u];
                // A user's sessions join the same user_info row, so the values are the same
                // instances: compared by reference first, the comparator runs almost never.
                if (now != null && Objects.equals(now.age(), s.age()) && now.sex() == s.sex()
                        && now.professional() == s.professional() && now.city() == s.userCity()) {
                    continue;
                }
                Attributes a = new Attributes(s.age(), s.sex(), s.professional(), s.userCity());
                if (now == null || Attributes.SMALLEST.compare(a, now) < 0) {
                    smallest[u] = a;
                }
            }
        }
        return smallest;
    }

    /** The user's first base action, Spark's min(struct(time, file, line, channel)): every field breaks ties. */
    private static int first(MemoryPeriodActions actions, int user) {
        int first = -1;
        for (int a = actions.from(user); a < actions.to(user); a++) {
            if (actions.inBase(a) && (first < 0 || before(actions, a, first))) {
                first = a;
            }
        }
        return first;
    }

    private static boolean before(MemoryPeriodActions actions, int a, int b) {
        int c = Long.compare(actions.time(a), actions.time(b));
        if (c == 0) {
            c = Text.NULLS_FIRST.compare(actions.file(a), actions.file(b));
        }
        if (c == 0) {
            c = Long.compare(actions.line(a), actions.line(b));
        }
        if (c == 0) {
            c = Text.NULLS_FIRST.compare(actions.channel(a), actions.channel(b));
        }
        return c < 0;
    }

    /** likes:c for each category the user clicked at least {@code likeClicks} times in the base; returns the buffer. */
    private static long[] likes(MemoryPeriodActions actions, int user, int likeClicks, long[] buffer, TagTexts texts,
                                List<String> tags) {
        int n = 0;
        for (int a = actions.from(user); a < actions.to(user); a++) {
            long category = actions.inBase(a) ? actions.clickCategory(a) : MemoryAction.NONE;
            if (category != MemoryAction.NONE) {
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, n * 2);
                }
                buffer[n++] = category;
            }
        }
        Arrays.sort(buffer, 0, n);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && buffer[j] == buffer[i]) {
                j++;
            }
            if (j - i >= likeClicks) {
                tags.add(texts.of("likes:", buffer[i]));
            }
            i = j;
        }
        return buffer;
    }

    private static void searched(MemoryPeriodActions actions, int user, TagTexts texts, List<String> tags) {
        for (int a = actions.from(user); a < actions.to(user); a++) {
            if (actions.inBase(a)) {
                String keyword = actions.keyword(a);
                if (keyword != null) {
                    tags.add(texts.of("searched", keyword));
                }
            }
        }
    }

    /** Whole-number comparisons as in UserTags.prefers; clicks on an unknown status count in the whole. */
    private static void prefers(MemoryPeriodActions actions, int user, ProductLookup catalogue,
                                List<String> tags) {
        long clicks = 0;
        long self = 0;
        long thirdParty = 0;
        for (int a = actions.from(user); a < actions.to(user); a++) {
            long product = actions.inBase(a) ? actions.clickProduct(a) : MemoryAction.NONE;
            if (product == MemoryAction.NONE) {
                continue;
            }
            clicks++;
            MemoryModel.CatalogueEntry entry = catalogue.get(product);
            Integer status = entry == null ? null : entry.status();
            if (status != null && status == 0) {
                self++;
            } else if (status != null && status == 1) {
                thirdParty++;
            }
        }
        if (clicks == 0) {
            return;
        }
        long twoThirds = clicks * 2;
        if (self * 3 >= twoThirds) {
            tags.add("prefers:self");
        } else if (thirdParty * 3 >= twoThirds) {
            tags.add("prefers:third_party");
        }
    }

    /**
     * price:low and price:high. A user's mean is Spark's: each price to DECIMAL(38,6) as its cast
     * does (the double's shortest decimal text, half up), the exact sum to double, then over the
     * count; the thirds are Spark's exact percentile of every priced item of the base.
     */
    private record PriceThirds(double low, double high, boolean any) {

        static PriceThirds of(MemoryPeriodActions actions, ProductLookup catalogue) {
            double[] all = new double[64];
            int n = 0;
            for (int p = 0; p < actions.pays(); p++) {
                if (!actions.inBase(actions.payAction(p)) || actions.payProducts(p) == null) {
                    continue;
                }
                for (long product : actions.payProducts(p)) {
                    Double price = price(catalogue, product);
                    if (price != null) {
                        if (n == all.length) {
                            all = Arrays.copyOf(all, n * 2);
                        }
                        all[n++] = price;
                    }
                }
            }
            if (n == 0) {
                return new PriceThirds(0, 0, false);
            }
            double[] sorted = Arrays.copyOf(all, n);
            Arrays.sort(sorted);
            return new PriceThirds(percentile(sorted, LOW_THIRD), percentile(sorted, HIGH_THIRD), true);
        }

        void tag(MemoryPeriodActions actions, int user, ProductLookup catalogue,
                 List<String> tags) {
            if (!any) {
                return;
            }
            BigDecimal sum = null;
            long items = 0;
            for (int p = actions.firstPay(user); p < actions.firstPay(user + 1); p++) {
                if (!actions.inBase(actions.payAction(p)) || actions.payProducts(p) == null) {
                    continue;
                }
                for (long product : actions.payProducts(p)) {
                    Double price = price(catalogue, product);
                    if (price != null) {
                        BigDecimal exact = BigDecimal.valueOf(price).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
                        sum = sum == null ? exact : sum.add(exact);
                        items++;
                    }
                }
            }
            if (sum == null) {
                return;
            }
            double mean = sum.doubleValue() / (double) items;
            if (mean <= low) {
                tags.add("price:low");
            }
            if (mean >= high) {
                tags.add("price:high");
            }
        }

        private static Double price(ProductLookup catalogue, long product) {
            MemoryModel.CatalogueEntry entry = catalogue.get(product);
            return entry == null ? null : entry.price();
        }
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

    /**
     * Each tag's text made once per request: the same few hundred texts stand for a million
     * (user, tag) pairs, and the tables after count them by text.
     */
    private static final class TagTexts {
        private final Map<String, Map<String, String>> byValue = new HashMap<>();
        private final Map<String, Map<Long, String>> byId = new HashMap<>();

        /** {@link #tag(String, String)}, null as there. */
        String of(String name, String value) {
            if (value == null) {
                return null;
            }
            return byValue.computeIfAbsent(name, k -> new HashMap<>()).computeIfAbsent(value, v -> tag(name, v));
        }

        /** prefix + id, as Spark's concat prints a bigint. */
        String of(String prefix, long id) {
            return byId.computeIfAbsent(prefix, k -> new HashMap<>()).computeIfAbsent(id, v -> prefix + v);
        }
    }
}
