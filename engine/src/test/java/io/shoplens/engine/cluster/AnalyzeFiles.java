package io.shoplens.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the cluster integration tests compare between a local run and a remote one, and how. */
final class AnalyzeFiles {

    /** Every table analyze writes for the sample logs (docs/ANALYSES.md), plus the rejected rows. */
    static final List<String> ALL = List.of(
            "ads/blacklist.csv", "ads/daily_clicks.csv", "ads/minute_trend.csv", "ads/top_ads.csv",
            "audience/amplification.csv", "audience/lapsed_substitutes.csv", "audience/lapsed_summary.csv",
            "audience/lookalike_check.csv", "audience/lookalikes.csv", "audience/rfm.csv",
            "audience/suspect_users.csv", "audience/suspects.csv", "audience/tag_lift.csv", "audience/tags.csv",
            "audience/tier_moves.csv", "audience/user_tags.csv",
            "funnel/funnel_correlation.csv", "funnel/funnel_dropoff.csv", "funnel/funnel_steps.csv",
            "funnel/funnel_times.csv",
            "gmv/gmv_breakdown.csv", "gmv/gmv_coverage.csv", "gmv/gmv_cube.csv", "gmv/gmv_daily.csv",
            "pages/page_jumps.csv", "pages/session_funnel.csv",
            "products/top_products.csv",
            "rejected.csv",
            "sessions/sampled_sessions.csv", "sessions/step_length.csv", "sessions/top_categories.csv",
            "sessions/top_sessions.csv", "sessions/visit_length.csv");

    /** Generous: a run of every analysis took minutes on a busy 2-core machine; this only stops a hang. */
    static final long PROCESS_LIMIT_MINUTES = 60;

    private AnalyzeFiles() {
    }

    static List<String> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names = filesUnder(expected);
        assertEquals(names, filesUnder(actual));
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)), name);
        }
    }

    static void await(Process process, List<String> command, Path log) throws Exception {
        if (!process.waitFor(PROCESS_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        if (process.exitValue() != 0) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                    + output.substring(Math.max(0, output.length() - 4000)));
        }
    }
}

