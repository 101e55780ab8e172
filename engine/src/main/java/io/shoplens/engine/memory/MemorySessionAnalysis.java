package io.shoplens.engine.memory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.sessions.LargestRemainder;
import io.shoplens.engine.sessions.SessionAnalysis;
import io.shoplens.engine.sessions.SessionAnalysis.Bucket;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;
import io.shoplens.engine.text.Text;

/** {@link SessionAnalysis} over in-memory sessions: the same five tables, the same values. */
public final class MemorySessionAnalysis {

    /** Spark's own seed of {@code xxhash64}, which the sample's draw order hashes with. */
    private static final long SPARK_HASH_SEED = 42L;

    private MemorySessionAnalysis() {
    }

    public static AnalysisResult run(List<MemorySession> sessions, SessionParams params) {
        List<CategoryCount> top = topCategories(sessions);
        return new AnalysisResult(SessionAnalysis.NAME, List.of(
                distribution("visit_length", SessionAnalysis.VISIT_LENGTH_BUCKETS, sessions, true),
                distribution("step_length", SessionAnalysis.STEP_LENGTH_BUCKETS, sessions, false),
                topCategoriesTable(top),
                topSessions(sessions, top),
                sample(sessions, params)));
    }

    private static ResultTable distribution(String name, List<Bucket> buckets, List<MemorySession> sessions,
                                            boolean visit) {
        long[] counts = new long[buckets.size()];
        for (MemorySession s : sessions) {
            long value = visit ? s.visitSeconds() : s.steps();
            for (int i = 0; i < buckets.size(); i++) {
                if (buckets.get(i).holds(value)) {
                    counts[i]++;
                    break;
                }
            }
        }
        long total = Arrays.stream(counts).sum();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            rows.add(Arrays.asList(buckets.get(i).name(), counts[i], total == 0 ? null : (double) counts[i] / total));
        }
        return new ResultTable(name, List.of("bucket", "sessions", "ratio"), rows);
    }

    private record CategoryCount(long category, long clicks, long orders, long pays) {
    }

    private static List<CategoryCount> topCategories(List<MemorySession> sessions) {
        LongPairCounts counts = new LongPairCounts(3);
        for (MemorySession s : sessions) {
            ActionRows actions = s.actions();
            for (int i = 0; i < actions.size(); i++) {
                long category = actions.clickCategory(i);
                if (MemoryAction.isSet(category)) {
                    counts.add(category, 0, 0, 1);
                }
                countDistinct(counts, actions.orderCategories(i), 1);
                countDistinct(counts, actions.payCategories(i), 2);
            }
        }
        List<CategoryCount> all = new ArrayList<>(counts.size());
        for (int k = 0; k < counts.size(); k++) {
            all.add(new CategoryCount(counts.first(k), counts.count(k, 0), counts.count(k, 1), counts.count(k, 2)));
        }
        return all.stream()
                .sorted(Comparator.comparingLong(CategoryCount::clicks).reversed()
                        .thenComparing(Comparator.comparingLong(CategoryCount::orders).reversed())
                        .thenComparing(Comparator.comparingLong(CategoryCount::pays).reversed())
                        .thenComparingLong(CategoryCount::category))
                .limit(SessionAnalysis.TOP).toList();
    }

    /** Counts each distinct set id of {@code ids} once in slot {@code slot}. */
    private static void countDistinct(LongPairCounts counts, long[] ids, int slot) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.length; i++) {
            long id = ids[i];
            if (!MemoryAction.isSet(id) || firstIndex(ids, id) < i) {
                continue;
            }
            counts.add(id, 0, slot, 1);
        }
    }

    private static int firstIndex(long[] ids, long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private static ResultTable topCategoriesTable(List<CategoryCount> top) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            CategoryCount c = top.get(i);
            rows.add(List.of((long) i + 1, c.category(), c.clicks(), c.orders(), c.pays()));
        }
        return new ResultTable("top_categories", List.of("rank", "category_id", "click_count", "order_count",
                "pay_count"), rows);
    }

    /**
     * Each top category's ten sessions with the most clicks in it. A session's clicks are all in
     * its own actions, so each session is counted on its own and offered to a ten-place heap per
     * category: no map of every session, no sort of every session (on the wide filters of a
     * million actions these were most of the analysis's time).
     */
    private static ResultTable topSessions(List<MemorySession> sessions, List<CategoryCount> top) {
        long[] categories = top.stream().mapToLong(CategoryCount::category).toArray();
        List<PriorityQueue<SessionClicks>> best = new ArrayList<>();
        for (int k = 0; k < categories.length; k++) {
            best.add(new PriorityQueue<>(SessionAnalysis.TOP + 1, SessionClicks.RANKING.reversed()));
        }
        long[] counts = new long[categories.length];
        for (MemorySession s : sessions) {
            // The session's distinct click categories say whether any action needs reading.
            if (!clicksAny(s.clickCategories(), categories)) {
                continue;
            }
            ActionRows actions = s.actions();
            boolean clicked = false;
            for (int i = 0; i < actions.size(); i++) {
                long category = actions.clickCategory(i);
                int k = MemoryAction.isSet(category) ? firstIndex(categories, category) : -1;
                if (k >= 0) {
                    counts[k]++;
                    clicked = true;
                }
            }
            if (clicked) {
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] > 0) {
                        offer(best.get(k), new SessionClicks(s.sessionId(), counts[k]));
                        counts[k] = 0;
                    }
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 0; k < categories.length; k++) {
            List<SessionClicks> ranked = new ArrayList<>(best.get(k));
            ranked.sort(SessionClicks.RANKING);
            for (int i = 0; i < ranked.size(); i++) {
                rows.add(Arrays.asList(categories[k], (long) i + 1, ranked.get(i).sessionId(), ranked.get(i).clicks()));
            }
        }
        return new ResultTable("top_sessions", List.of("category_id", "rank", "session_id", "clicks"), rows);
    }

    private static boolean clicksAny(long[] clicked, long[] categories) {
        for (long c : clicked) {
            if (firstIndex(categories, c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the {@link SessionAnalysis#TOP} best of what it is offered; the worst kept is at the head. */
    private static void offer(PriorityQueue<SessionClicks> best, SessionClicks candidate) {
        if (best.size() < SessionAnalysis.TOP) {
            best.add(candidate);
        } else if (SessionClicks.RANKING.compare(candidate, best.peek()) < 0) {
            best.poll();
            best.add(candidate);
        }
    }

    /** A session's clicks in one category; ranked by clicks, most first, then by session id. */
    private record SessionClicks(String sessionId, long clicks) {
        static final Comparator<SessionClicks> RANKING = Comparator.comparingLong(SessionClicks::clicks).reversed()
                .thenComparing(SessionClicks::sessionId, Text.NULLS_FIRST);
    }

    private static ResultTable sample(List<MemorySession> sessions, SessionParams params) {
        Map<String, List<MemorySession>> byHour = new TreeMap<>();
        for (MemorySession s : sessions) {
            byHour.computeIfAbsent(s.hour(), h -> new ArrayList<>()).add(s);
        }
        LinkedHashMap<String, Long> sizes = new LinkedHashMap<>();
        byHour.forEach((hour, list) -> sizes.put(hour, (long) list.size()));
        List<MemorySession> drawn = new ArrayList<>();
        LargestRemainder.quotas(sizes, params.sample()).forEach((hour, quota) -> {
            if (quota > 0) {
                // Each session's place in the draw is hashed once, not at every comparison of the sort:
                // on a million actions that was most of the analysis's time.
                byHour.get(hour).stream()
                        .map(s -> new Draw(drawOrder(s.sessionId(), params.seed()), s))
                        .sorted(Comparator.comparingLong(Draw::order)
                                .thenComparing(d -> d.session().sessionId(), Text.ORDER))
                        .limit(quota).forEach(d -> drawn.add(d.session()));
            }
        });
        drawn.sort(Comparator.comparingLong(MemorySession::start).thenComparing(MemorySession::sessionId, Text.ORDER));
        List<List<Object>> rows = new ArrayList<>();
        for (MemorySession s : drawn) {
            rows.add(List.of(s.sessionId(), LocalDateTime.ofEpochSecond(s.start(), 0, ZoneOffset.UTC), s.hour(),
                    String.join(",", s.keywords()),
                    String.join(",", Arrays.stream(s.clickCategories()).mapToObj(Long::toString).toList())));
        }
        return new ResultTable("sampled_sessions", List.of("session_id", "start_time", "hour", "search_keywords",
                "click_category_ids"), rows);
    }

    private record Draw(long order, MemorySession session) {
    }

    /** Spark's {@code xxhash64(session_id, seed)}: the id hashed with Spark's seed, then the seed with that. */
    static long drawOrder(String sessionId, long seed) {
        long hash = XXH64.hashUTF8String(UTF8String.fromBytes(sessionId.getBytes(StandardCharsets.UTF_8)),
                SPARK_HASH_SEED);
        return XXH64.hashLong(seed, hash);
    }
}
