package io.shoplens.engine.sessions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shoplens.engine.charts.ChartText;

/**
 * The distribution buckets of docs/ANALYSES.md as a reader says them: {@code 1s_3s} → "1–3 s",
 * {@code 30m} (more than 1800 s) → "> 30 min", {@code 10_30} → "10–30 steps", {@code 60} → "> 60 steps".
 * The bucket ids stay in the tables (they are the CSV's values); the charts' axes show these.
 */
public final class BucketLabels {

    private static final Pattern TIME_RANGE = Pattern.compile("(\\d+)([sm])_(\\d+)([sm])");
    private static final Pattern TIME_OPEN = Pattern.compile("(\\d+)([sm])");
    private static final Pattern STEP_RANGE = Pattern.compile("(\\d+)_(\\d+)");
    private static final Pattern STEP_OPEN = Pattern.compile("(\\d+)");

    private BucketLabels() {
    }

    public static String label(String bucket, ChartText words) {
        Matcher m;
        if ((m = TIME_RANGE.matcher(bucket)).matches() && m.group(2).equals(m.group(4))) {
            return words.get("bucket.range." + m.group(2), m.group(1), m.group(3));
        }
        if ((m = TIME_OPEN.matcher(bucket)).matches()) {
            // "0s" is exactly no time; any other single bound is the open last bucket.
            return m.group(1).equals("0") ? words.get("bucket.zero")
                    : words.get("bucket.more." + m.group(2), m.group(1));
        }
        if ((m = STEP_RANGE.matcher(bucket)).matches()) {
            return words.get("bucket.range.steps", m.group(1), m.group(2));
        }
        if ((m = STEP_OPEN.matcher(bucket)).matches()) {
            return words.get("bucket.more.steps", m.group(1));
        }
        return bucket;
    }
}
