package io.shoplens.engine.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.audience.Item;
import io.shoplens.engine.funnel.FunnelParams;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.products.HotProductsAnalysis.ProductParams;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The filters and options of docs/ANALYSES.md, shared by {@code analyze} and {@code report}. */
public final class AnalysisOptions {

    @Option(names = "--analysis", split = ",", defaultValue = "all", paramLabel = "LIST",
            description = "all (default) or a comma list of: sessions, pages, products, ads, gmv, funnel, audience")
    List<String> analyses = new ArrayList<>(List.of("all"));

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", description = "First date of actions kept.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "Last date of actions kept.")
    LocalDate to;

    @Option(names = "--ages", paramLabel = "MIN-MAX", converter = AgeRangeConverter.class,
            description = "Inclusive age range of the session's user, e.g. 20-45.")
    AgeRange ages;

    @Option(names = "--professionals", split = ",", paramLabel = "LIST", description = "User professionals.")
    List<String> professionals = new ArrayList<>();

    @Option(names = "--cities", split = ",", paramLabel = "LIST", description = "User cities (user_info).")
    List<String> cities = new ArrayList<>();

    @Option(names = "--sex", split = ",", paramLabel = "LIST", description = "User sex, e.g. male,female.")
    List<String> sexes = new ArrayList<>();

    @Option(names = "--keywords", split = ",", paramLabel = "LIST", description = "Sessions that searched any of these.")
    List<String> keywords = new ArrayList<>();

    @Option(names = "--categories", split = ",", paramLabel = "LIST", description = "Sessions that clicked any of these category ids.")
    List<Long> categories = new ArrayList<>();

    @Option(names = "--channels", split = ",", paramLabel = "LIST",
            description = "Sessions that came through any of these channels (their first action's; unknown when missing).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--areas", split = ",", paramLabel = "LIST",
            description = "Sessions whose first action's city is in any of these areas (city_info; (unknown) when not known).")
    List<String> areas = new ArrayList<>();

    @Option(names = "--page-jumps", split = ",", paramLabel = "LIST", converter = PageJumpConverter.class,
            description = "Sessions that jumped from page A straight to page B for any A-B of these, e.g. 3-4,5-6.")
    List<PageJump> pageJumps = new ArrayList<>();

    @Option(names = "--exclude-suspects",
            description = "Drop every session of the fake-order suspect users (found on all the data) first.")
    boolean excludeSuspects;

    @Option(names = "--page-flow", split = ",", paramLabel = "IDS", defaultValue = PageParams.DEFAULT_FLOW_TEXT,
            description = "Target page flow (default: ${DEFAULT-VALUE}).")
    List<Long> pageFlow = new ArrayList<>();

    @Option(names = "--window-minutes", paramLabel = "N", description = "Page funnel and funnel: matched steps within N"
            + " minutes of the first (default: none; a user funnel " + FunnelParams.DEFAULT_USER_WINDOW_MINUTES + ").")
    Integer windowMinutes;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "" + SessionParams.DEFAULT_SAMPLE, description = "Sessions to sample (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SessionParams.DEFAULT_SEED, description = "Seed of the session sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--blacklist-threshold", paramLabel = "N", defaultValue = "" + AdParams.DEFAULT_BLACKLIST_THRESHOLD,
            description = "Clicks on one ad in one day that blacklist a user (default: ${DEFAULT-VALUE}).")
    int blacklistThreshold;

    @Option(names = "--provinces", split = ",", paramLabel = "LIST",
            description = "Ads: count the clicks of these provinces only (who is blacklisted is still decided on all clicks).")
    List<String> provinces = new ArrayList<>();

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Zone for ad-click timestamps (default: the system's).")
    ZoneId timeZone;

    @Option(names = "--base", paramLabel = "FROM..TO", converter = DateRangeConverter.class,
            description = "Base period: of the GMV bridge (made when both periods are given) and of audience "
                    + "(default: the 7 days before the current period).")
    DateRange base;

    @Option(names = "--current", paramLabel = "FROM..TO", converter = DateRangeConverter.class,
            description = "Current period: of the GMV bridge and of audience (default: the last 7 days of the data).")
    DateRange current;

    @Option(names = "--funnel-steps", paramLabel = "STEPS", defaultValue = FunnelParams.DEFAULT_STEPS,
            description = "Funnel steps, a comma list of page:ID, search[:KEYWORD], click[:category:ID|:product:ID],"
                    + " order[:category:ID], pay[:category:ID|:product:ID] (default: ${DEFAULT-VALUE}).")
    String funnelSteps;

    @Option(names = "--funnel-order", paramLabel = "ORDER", description = "ordered (default), strict or any.")
    String funnelOrder;

    @Option(names = "--funnel-unit", paramLabel = "UNIT", description = "session (default) or user.")
    String funnelUnit;

    @Option(names = "--funnel-breakdown", paramLabel = "DIM",
            description = "funnel_breakdown by channel, area, sex, professional, age_group or keyword.")
    String funnelBreakdown;

    @Option(names = "--attribution", paramLabel = "HOW",
            description = "Breakdown value of the funnel's first_touch (default), last_touch or step:K action.")
    String attribution;

    @Option(names = "--target", paramLabel = "TARGET", defaultValue = AudienceParams.ANY_PAY,
            description = "Audience: what the sweet apples hit: pay, category:ID or product:ID (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--lapsed", split = ",", paramLabel = "ITEM", converter = ItemConverter.class,
            description = "Audience: a habit whose lapse is studied, category:ID or product:ID; repeatable "
                    + "(default: the 3 categories with most pays in the base period).")
    List<Item> lapsed = new ArrayList<>();

    @Option(names = "--like-clicks", paramLabel = "N", defaultValue = "" + AudienceParams.DEFAULT_LIKE_CLICKS,
            description = "Audience: clicks on a category that tag a user likes:CATEGORY (default: ${DEFAULT-VALUE}).")
    int likeClicks;

    @Option(names = "--habit-days", paramLabel = "N", defaultValue = "" + AudienceParams.DEFAULT_HABIT_DAYS,
            description = "Audience: distinct pay dates in the base period that make a habit (default: ${DEFAULT-VALUE}).")
    int habitDays;

    @Option(names = "--min-users", paramLabel = "N", defaultValue = "" + AudienceParams.DEFAULT_MIN_USERS,
            description = "Audience: users a tag needs to be in tag_lift (default: ${DEFAULT-VALUE}).")
    int minUsers;

    @Option(names = "--lookalikes", paramLabel = "N", defaultValue = "" + AudienceParams.DEFAULT_LOOKALIKES,
            description = "Audience: look-alikes listed (default: ${DEFAULT-VALUE}).")
    int lookalikes;

    @Option(names = "--min-dwell", paramLabel = "SECONDS",
            defaultValue = "" + AudienceParams.DEFAULT_MIN_DWELL_SECONDS,
            description = "Audience: a first pay sooner than this after a session's first action is an instant pay "
                    + "(default: ${DEFAULT-VALUE}).")
    int minDwell;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
            description = "Audience: the date RFM is computed as of (default: the last date in the data).")
    LocalDate asOf;

    @Option(names = "--paid-channels", split = ",", paramLabel = "LIST",
            description = "Audience: channels that are paid traffic (default: display_ad).")
    List<String> paidChannels = new ArrayList<>(AudienceParams.DEFAULT_PAID_CHANNELS);

    /** The validated request; throws {@link IllegalArgumentException} with a user-facing message. */
    public RunRequest toRequest() {
        if (sample < 0) {
            throw new IllegalArgumentException("--sample must be 0 or more, not " + sample);
        }
        if (blacklistThreshold < 1) {
            throw new IllegalArgumentException("--blacklist-threshold must be at least 1, not " + blacklistThreshold);
        }
        if (windowMinutes != null && windowMinutes < 0) {
            throw new IllegalArgumentException("--window-minutes must be 0 or more, not " + windowMinutes);
        }
        if (pageFlow.size() < 2) {
            throw new IllegalArgumentException("--page-flow needs at least two pages, e.g. 1,2,3");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if ((base == null) != (current == null)) {
            throw new IllegalArgumentException("--base and --current go together");
        }
        SessionFilter filter = SessionFilter.NONE.withDates(from, to)
                .withAges(ages == null ? null : ages.min(), ages == null ? null : ages.max())
                .withProfessionals(trimmed(professionals)).withCities(trimmed(cities)).withSexes(trimmed(sexes))
                .withKeywords(trimmed(keywords)).withCategories(categories)
                .withChannels(trimmed(channels)).withAreas(trimmed(areas))
                .withPageJumps(pageJumps.stream().distinct().toList())
                .withExcludeSuspects(excludeSuspects);
        return new RunRequest(RunRequest.analysesOf(analyses), filter,
                new SessionParams(sample, seed),
                new PageParams(List.copyOf(pageFlow), Optional.ofNullable(windowMinutes)),
                new ProductParams(),
                new AdParams(blacklistThreshold, timeZone == null ? ZoneId.systemDefault() : timeZone,
                        trimmed(provinces).stream().distinct().toList()),
                new GmvParams(Optional.ofNullable(base), Optional.ofNullable(current)),
                FunnelParams.parse(funnelSteps, funnelOrder, funnelUnit, windowMinutes, funnelBreakdown, attribution),
                audience());
    }

    /** The audience options, the member ones included; the checks are {@link AudienceParams}'s. */
    private AudienceParams audience() {
        return new AudienceParams(Optional.ofNullable(base), Optional.ofNullable(current),
                AudienceParams.parseTarget(target), lapsed, likeClicks, habitDays, minUsers, lookalikes,
                minDwell, Optional.ofNullable(asOf), trimmed(paidChannels));
    }

    /** The request that {@code analyze} options (as {@link RunRequest#toArguments()} writes them) describe. */
    public static RunRequest parse(List<String> arguments) {
        AnalysisOptions options = new AnalysisOptions();
        new picocli.CommandLine(options).parseArgs(arguments.toArray(String[]::new));
        return options.toRequest();
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** An inclusive age range. */
    record AgeRange(int min, int max) {
    }

    /** {@code 20-45} → ages 20 to 45. */
    static final class AgeRangeConverter implements ITypeConverter<AgeRange> {
        @Override
        public AgeRange convert(String value) {
            String[] parts = value.split("-", -1);
            try {
                if (parts.length == 2) {
                    int min = Integer.parseInt(parts[0].trim());
                    int max = Integer.parseInt(parts[1].trim());
                    if (min >= 0 && min <= max) {
                        return new AgeRange(min, max);
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not an age range like 20-45");
        }
    }

    /** {@code 3-4} → the jump from page 3 to page 4. */
    static final class PageJumpConverter implements ITypeConverter<PageJump> {
        @Override
        public PageJump convert(String value) {
            try {
                return PageJump.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code category:3} or {@code product:30} → an item. */
    static final class ItemConverter implements ITypeConverter<Item> {
        @Override
        public Item convert(String value) {
            try {
                return Item.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 2019-07-01..2019-07-07} → a date range, both ends inclusive. */
    static final class DateRangeConverter implements ITypeConverter<DateRange> {
        @Override
        public DateRange convert(String value) {
            try {
                return DateRange.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
