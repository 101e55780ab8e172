package io.shoplens.engine.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;

/** {@link PageConversionAnalysis} over in-memory sessions: the same two tables, the same values. */
public final class MemoryPageAnalysis {

    private MemoryPageAnalysis() {
    }

    public static AnalysisResult run(List<MemorySession> sessions, PageParams params) {
        return new AnalysisResult(PageConversionAnalysis.NAME, List.of(pageJumps(sessions, params.flow()),
                sessionFunnel(sessions, params)));
    }

    private static ResultTable pageJumps(List<MemorySession> sessions, List<Long> flow) {
        // The flow's few pairs are matched in place: a list made per action to look a pair up
        // in a map was most of this analysis at 10M actions. A pair the flow lists twice counts
        // in both places, as one map entry read twice did.
        long[] pages = flow.stream().mapToLong(Long::longValue).toArray();
        long[] jumpsAt = new long[Math.max(0, pages.length - 1)];
        long views = 0;
        for (MemorySession s : sessions) {
            ActionRows actions = s.actions();
            for (int i = 0; i < actions.size(); i++) {
                long page = actions.pageId(i);
                if (page == pages[0]) {
                    views++;
                }
                if (i + 1 < actions.size() && page != MemoryAction.NONE) {
                    long next = actions.pageId(i + 1);
                    for (int j = 0; next != MemoryAction.NONE && j < jumpsAt.length; j++) {
                        if (pages[j] == page && pages[j + 1] == next) {
                            jumpsAt[j]++;
                        }
                    }
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        Long previous = null;
        for (int i = 0; i + 1 < flow.size(); i++) {
            long jumps = jumpsAt[i];
            long denominator = previous == null ? views : previous;
            rows.add(Arrays.asList((long) i + 1, flow.get(i), flow.get(i + 1), jumps, rate(jumps, denominator),
                    rate(jumps, views)));
            previous = jumps;
        }
        return new ResultTable("page_jumps", List.of("step", "from_page", "to_page", "jumps", "step_rate",
                "cumulative_rate"), rows);
    }

    private static ResultTable sessionFunnel(List<MemorySession> sessions, PageParams params) {
        List<Long> flow = params.flow();
        long[] reaching = new long[flow.size() + 1];
        for (MemorySession s : sessions) {
            int reached = params.windowMinutes().isPresent()
                    ? longestPrefixWithin(s.actions(), flow, params.windowMinutes().get())
                    : greedyReach(s.actions(), flow);
            reaching[reached]++;
        }
        List<List<Object>> rows = new ArrayList<>();
        Long first = null;
        for (int step = 1; step <= flow.size(); step++) {
            long count = 0;
            for (int r = step; r <= flow.size(); r++) {
                count += reaching[r];
            }
            if (first == null) {
                first = count;
            }
            rows.add(Arrays.asList((long) step, flow.get(step - 1), count, rate(count, first)));
        }
        return new ResultTable("session_funnel", List.of("step", "page_id", "sessions", "rate"), rows);
    }

    /** Leading flow pages visited in order, each at its first visit after the previous one's. */
    static int greedyReach(ActionRows actions, List<Long> flow) {
        int next = 0;
        int reached = 0;
        while (reached < flow.size()) {
            long page = flow.get(reached);
            int found = -1;
            for (int i = next; i < actions.size(); i++) {
                if (actions.pageId(i) == page) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                break;
            }
            next = found + 1;
            reached++;
        }
        return reached;
    }

    /** As the Spark analysis: every visit of the first page tried as a start, the best reach within the window. */
    static int longestPrefixWithin(ActionRows actions, List<Long> flow, int minutes) {
        int best = 0;
        for (int start = 0; start < actions.size(); start++) {
            if (actions.pageId(start) != flow.get(0)) {
                continue;
            }
            long deadline = actions.time(start) + minutes * 60L;
            int k = 1;
            for (int i = start + 1; i < actions.size(); i++) {
                if (k < flow.size() && actions.pageId(i) == flow.get(k) && actions.time(i) <= deadline) {
                    k++;
                }
            }
            best = Math.max(best, k);
        }
        return best;
    }

    /** {@code numerator / denominator}, null when the denominator is 0. */
    static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
