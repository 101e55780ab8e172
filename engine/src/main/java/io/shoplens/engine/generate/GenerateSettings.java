package io.shoplens.engine.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code shoplens generate} makes: how many sessions, users, products, days and ad clicks,
 * from which seed and start date, in which formats. Same settings, same bytes (Parquet: the same
 * schema and rows; parquet-mr orders a column chunk's encoding list by identity hash codes, which
 * can change between JVM runs).
 */
public record GenerateSettings(long sessions, int users, int products, int days, long adClicks,
                               long seed, LocalDate startDate, List<LogFormat> formats) {

    /** The platform's own sample date, so generated logs look like its exports. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2019, 7, 17);

    public GenerateSettings {
        require(sessions >= 0, "sessions must be >= 0");
        require(users >= 1, "users must be >= 1");
        require(products >= 1, "products must be >= 1");
        require(days >= 1, "days must be >= 1");
        require(adClicks >= 0, "ad clicks must be >= 0");
        require(startDate != null, "start date is required");
        require(formats != null && !formats.isEmpty(), "at least one format is required");
        require(formats.stream().distinct().count() == formats.size(), "formats must not repeat");
        formats = List.copyOf(formats);
    }

    /**
     * The committed main sample: every analysis has something to show. Four weeks, so the default
     * periods (the last 7 days against the 7 before) hold data and habits, lapses and tier moves show;
     * 400 users, so that more than the default 100 look-alikes are scored and their backtest has
     * others to compare with.
     */
    public static GenerateSettings defaults() {
        return new GenerateSettings(4000, 400, 100, 28, 20_000, 42, DEFAULT_START, List.of(LogFormat.CSV));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
