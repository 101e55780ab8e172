package io.shoplens.engine.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The options of the funnel (docs/ANALYSES.md, funnel), validated, with the contract's defaults.
 *
 * @param steps         the steps in order ({@code --funnel-steps}), at least two
 * @param order         {@code --funnel-order}
 * @param unit          {@code --funnel-unit}
 * @param windowMinutes {@code --window-minutes} as given, 0 or more; the option is shared with the
 *                      page funnel, so the unit's default is not stored here but applied by
 *                      {@link #window()}
 * @param breakdown     {@code --funnel-breakdown}: funnel_breakdown is made when present
 * @param attribution   {@code --attribution}; step:K names one of the steps
 */
public record FunnelParams(List<FunnelStep> steps, FunnelOrder order, FunnelUnit unit, Optional<Integer> windowMinutes,
                           Optional<FunnelDimension> breakdown, Attribution attribution) {

    public static final String DEFAULT_STEPS = "search,click,order,pay";
    public static final FunnelOrder DEFAULT_ORDER = FunnelOrder.ORDERED;
    public static final FunnelUnit DEFAULT_UNIT = FunnelUnit.SESSION;
    /** A user funnel's window when none is given: 7 days. A session funnel has none. */
    public static final int DEFAULT_USER_WINDOW_MINUTES = 10080;
    public static final Attribution DEFAULT_ATTRIBUTION = Attribution.FIRST_TOUCH;

    public FunnelParams {
        steps = List.copyOf(steps);
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(windowMinutes, "windowMinutes");
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(attribution, "attribution");
        if (steps.size() < 2) {
            throw new IllegalArgumentException("--funnel-steps needs at least two steps, e.g. search,pay");
        }
        if (windowMinutes.isPresent() && windowMinutes.get() < 0) {
            throw new IllegalArgumentException("--window-minutes must be 0 or more, not " + windowMinutes.get());
        }
        if (attribution.step() > steps.size()) {
            throw new IllegalArgumentException("--attribution " + attribution.text() + " names a step the funnel"
                    + " does not have (it has " + steps.size() + ")");
        }
    }

    public static FunnelParams defaults() {
        return new FunnelParams(FunnelStep.parseList(DEFAULT_STEPS), DEFAULT_ORDER, DEFAULT_UNIT, Optional.empty(),
                Optional.empty(), DEFAULT_ATTRIBUTION);
    }

    /**
     * The options as the command line gives them; null means "not given" (the default).
     *
     * @throws IllegalArgumentException with a message for the user when a value is not valid
     */
    public static FunnelParams parse(String steps, String order, String unit, Integer windowMinutes,
                                     String breakdown, String attribution) {
        return new FunnelParams(FunnelStep.parseList(steps == null ? DEFAULT_STEPS : steps),
                order == null ? DEFAULT_ORDER : FunnelOrder.parse(order),
                unit == null ? DEFAULT_UNIT : FunnelUnit.parse(unit),
                Optional.ofNullable(windowMinutes),
                breakdown == null ? Optional.empty() : Optional.of(FunnelDimension.parse(breakdown)),
                attribution == null ? DEFAULT_ATTRIBUTION : Attribution.parse(attribution));
    }

    /** The window in force: the one given, else 10080 minutes for a user funnel and none for a session funnel. */
    public Optional<Integer> window() {
        if (windowMinutes.isPresent() || unit == FunnelUnit.SESSION) {
            return windowMinutes;
        }
        return Optional.of(DEFAULT_USER_WINDOW_MINUTES);
    }

    public FunnelParams withWindowMinutes(Optional<Integer> minutes) {
        return new FunnelParams(steps, order, unit, minutes, breakdown, attribution);
    }

    /** The steps as {@code --funnel-steps} takes them. */
    public String stepsText() {
        return steps.stream().map(FunnelStep::definition).collect(Collectors.joining(","));
    }

    /**
     * The funnel's own {@code analyze} options that repeat these parameters; {@code --window-minutes}
     * is not among them, as the request writes it once for the page funnel and this one.
     */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>(List.of("--funnel-steps", stepsText(), "--funnel-order", order.text(),
                "--funnel-unit", unit.text()));
        breakdown.ifPresent(d -> args.addAll(List.of("--funnel-breakdown", d.text())));
        args.addAll(List.of("--attribution", attribution.text()));
        return args;
    }
}
