package io.shoplens.engine.audience;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.shoplens.engine.gmv.DateRange;

/**
 * The options of the audience analysis (docs/ANALYSES.md, audience), with the defaults of the
 * contract. Periods left empty are the last 7 days of the data and the 7 before, found when the
 * analysis runs.
 *
 * @param base         the base period ({@code --base})
 * @param current      the current period ({@code --current})
 * @param target       what the sweet apples hit ({@code --target}): empty for any pay
 * @param lapsed       the habits whose lapse is studied ({@code --lapsed}, repeatable); empty: the
 *                     3 categories with most pay actions in the base period
 * @param likeClicks   clicks on a category that make a {@code likes:} tag ({@code --like-clicks})
 * @param habitDays    distinct pay dates in the base period that make a habit ({@code --habit-days})
 * @param minUsers     users a tag needs in tag_lift ({@code --min-users})
 * @param lookalikes   look-alikes listed ({@code --lookalikes})
 * @param minDwellSeconds first action to first pay under this is an instant pay ({@code --min-dwell})
 * @param asOf         the date RFM is computed as of ({@code --as-of}); empty: the last date in the data
 * @param paidChannels channels that are paid traffic ({@code --paid-channels})
 */
public record AudienceParams(Optional<DateRange> base, Optional<DateRange> current, Optional<Item> target,
                             List<Item> lapsed, int likeClicks, int habitDays, int minUsers, int lookalikes,
                             int minDwellSeconds, Optional<LocalDate> asOf, List<String> paidChannels) {

    public static final int DEFAULT_LIKE_CLICKS = 3;
    public static final int DEFAULT_HABIT_DAYS = 2;
    public static final int DEFAULT_MIN_USERS = 10;
    public static final int DEFAULT_LOOKALIKES = 100;
    public static final int DEFAULT_MIN_DWELL_SECONDS = io.shoplens.engine.model.SuspectRules.DEFAULT_MIN_DWELL_SECONDS;
    public static final List<String> DEFAULT_PAID_CHANNELS = List.of("display_ad");
    /** {@code --target} for any pay, the default. */
    public static final String ANY_PAY = "pay";

    public AudienceParams {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(asOf, "asOf");
        lapsed = List.copyOf(lapsed);
        paidChannels = List.copyOf(paidChannels);
        if (base.isPresent() != current.isPresent()) {
            throw new IllegalArgumentException("--base and --current go together");
        }
        atLeast("--like-clicks", likeClicks, 1);
        atLeast("--habit-days", habitDays, 1);
        atLeast("--min-users", minUsers, 0);
        atLeast("--lookalikes", lookalikes, 0);
        atLeast("--min-dwell", minDwellSeconds, 0);
        if (paidChannels.isEmpty()) {
            throw new IllegalArgumentException("--paid-channels needs at least one channel");
        }
    }

    public static AudienceParams defaults() {
        return new AudienceParams(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                DEFAULT_LIKE_CLICKS, DEFAULT_HABIT_DAYS, DEFAULT_MIN_USERS, DEFAULT_LOOKALIKES,
                DEFAULT_MIN_DWELL_SECONDS, Optional.empty(), DEFAULT_PAID_CHANNELS);
    }

    /**
     * Parses {@code --target}: {@value #ANY_PAY} (empty), {@code category:ID} or {@code product:ID};
     * throws {@link IllegalArgumentException} with the reason otherwise.
     */
    public static Optional<Item> parseTarget(String text) {
        if (text.trim().equalsIgnoreCase(ANY_PAY)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Item.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target must be pay, category:ID or product:ID, not: " + text, e);
        }
    }

    /** {@code target} as {@code --target} writes it. */
    public String targetText() {
        return target.map(Item::toString).orElse(ANY_PAY);
    }

    private static void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", not " + value);
        }
    }
}
