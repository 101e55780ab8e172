package io.shoplens.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.funnel.FunnelParams;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.products.HotProductsAnalysis;
import io.shoplens.engine.products.HotProductsAnalysis.ProductParams;
import io.shoplens.engine.sessions.SessionAnalysis;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;

/**
 * One run of some analyses: which ones, the session filter and each analysis's parameters.
 * It can say itself back as {@code shoplens analyze} arguments, so a run (and a report) can be
 * repeated exactly. {@code --window-minutes} is one option for the page funnel and the funnel, so
 * both hold the same given window.
 */
public record RunRequest(List<String> analyses, SessionFilter filter, SessionParams sessions, PageParams pages,
                         ProductParams products, AdParams ads, GmvParams gmv, FunnelParams funnel,
                         AudienceParams audience) {

    /** Every analysis, in the order they run and are reported. */
    public static final List<String> ALL = List.of(SessionAnalysis.NAME, PageConversionAnalysis.NAME,
            HotProductsAnalysis.NAME, AdClickAnalysis.NAME, GmvAnalysis.NAME, FunnelAnalysis.NAME,
            AudienceAnalysis.NAME);

    public RunRequest {
        analyses = List.copyOf(analyses);
        if (funnel == null) {
            // A run recorded before the funnel existed holds no funnel parameters: its defaults.
            funnel = FunnelParams.defaults().withWindowMinutes(pages.windowMinutes());
        }
        if (audience == null) {
            // Likewise a run recorded before the audience analysis: its defaults.
            audience = AudienceParams.defaults();
        }
        if (!funnel.windowMinutes().equals(pages.windowMinutes())) {
            throw new IllegalArgumentException("The page funnel and the funnel share --window-minutes: "
                    + pages.windowMinutes() + " and " + funnel.windowMinutes() + " cannot be repeated as one run");
        }
    }

    /** A request with the funnel's defaults (and the page funnel's window) and the audience's defaults. */
    public RunRequest(List<String> analyses, SessionFilter filter, SessionParams sessions, PageParams pages,
                      ProductParams products, AdParams ads, GmvParams gmv) {
        this(analyses, filter, sessions, pages, products, ads, gmv,
                FunnelParams.defaults().withWindowMinutes(pages.windowMinutes()), AudienceParams.defaults());
    }

    /** {@code all} or names from {@link #ALL}, in canonical order, without repeats. */
    public static List<String> analysesOf(List<String> names) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                wanted.addAll(ALL);
            } else if (ALL.contains(name)) {
                wanted.add(name);
            } else if (!name.isEmpty()) {
                throw new IllegalArgumentException("Unknown analysis '" + raw + "'; choose all or any of "
                        + String.join(", ", ALL));
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("No analysis chosen; use --analysis all");
        }
        return ALL.stream().filter(wanted::contains).toList();
    }

    /** The defaults of docs/ANALYSES.md for the given analyses. */
    public static RunRequest defaults(List<String> analyses) {
        return new RunRequest(analysesOf(analyses), SessionFilter.NONE, SessionParams.defaults(),
                PageParams.defaults(), new ProductParams(), new AdParams(), new GmvParams(), FunnelParams.defaults(),
                AudienceParams.defaults());
    }

    public boolean includes(String analysis) {
        return analyses.contains(analysis);
    }

    /** The same inputs for some of this request's analyses (in canonical order). */
    public RunRequest onlyAnalyses(List<String> some) {
        return new RunRequest(analysesOf(some), filter, sessions, pages, products, ads, gmv, funnel, audience);
    }

    /** The same request under another session filter. */
    public RunRequest withFilter(SessionFilter newFilter) {
        return new RunRequest(analyses, newFilter, sessions, pages, products, ads, gmv, funnel, audience);
    }

    public RunRequest withSessions(SessionParams params) {
        return new RunRequest(analyses, filter, params, pages, products, ads, gmv, funnel, audience);
    }

    public RunRequest withPages(PageParams params) {
        // The two funnels share --window-minutes.
        return new RunRequest(analyses, filter, sessions, params, products, ads, gmv,
                funnel.withWindowMinutes(params.windowMinutes()), audience);
    }

    public RunRequest withAds(AdParams params) {
        return new RunRequest(analyses, filter, sessions, pages, products, params, gmv, funnel, audience);
    }

    public RunRequest withGmv(GmvParams params) {
        return new RunRequest(analyses, filter, sessions, pages, products, ads, params, funnel, audience);
    }

    public RunRequest withFunnel(FunnelParams params) {
        return new RunRequest(analyses, filter, sessions, pages, products, ads, gmv, params, audience);
    }

    public RunRequest withAudience(AudienceParams params) {
        return new RunRequest(analyses, filter, sessions, pages, products, ads, gmv, funnel, params);
    }

    /** The parameters record of one analysis (its own options, not the filter). */
    public Object paramsOf(String analysis) {
        return switch (analysis) {
            case SessionAnalysis.NAME -> sessions;
            case PageConversionAnalysis.NAME -> pages;
            case HotProductsAnalysis.NAME -> products;
            case AdClickAnalysis.NAME -> ads;
            case GmvAnalysis.NAME -> gmv;
            case FunnelAnalysis.NAME -> funnel;
            case AudienceAnalysis.NAME -> audience;
            default -> throw new IllegalArgumentException("Unknown analysis " + analysis);
        };
    }

    /** The {@code analyze} options that repeat this request (inputs and output not included). */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>();
        args.add("--analysis");
        args.add(analyses.equals(ALL) ? "all" : String.join(",", analyses));
        filter.from().ifPresent(d -> add(args, "--from", d.toString()));
        filter.to().ifPresent(d -> add(args, "--to", d.toString()));
        if (filter.minAge().isPresent() || filter.maxAge().isPresent()) {
            add(args, "--ages", filter.minAge().orElse(0) + "-" + filter.maxAge().orElse(Integer.MAX_VALUE));
        }
        addList(args, "--professionals", filter.professionals());
        addList(args, "--cities", filter.cities());
        addList(args, "--sex", filter.sexes());
        addList(args, "--keywords", filter.keywords());
        addList(args, "--categories", filter.categories());
        addList(args, "--channels", filter.channels());
        addList(args, "--areas", filter.areas());
        addList(args, "--page-jumps", filter.pageJumps().stream().map(PageJump::text).toList());
        if (filter.excludeSuspects()) {
            args.add("--exclude-suspects");
        }
        add(args, "--page-flow", pages.flow().stream().map(String::valueOf).collect(Collectors.joining(",")));
        pages.windowMinutes().ifPresent(m -> add(args, "--window-minutes", String.valueOf(m)));
        add(args, "--sample", String.valueOf(sessions.sample()));
        add(args, "--seed", String.valueOf(sessions.seed()));
        add(args, "--blacklist-threshold", String.valueOf(ads.blacklistThreshold()));
        add(args, "--time-zone", ads.zone().getId());
        addList(args, "--provinces", ads.provinces());
        // One --base/--current pair serves gmv and audience; audience's alone when gmv has none.
        (gmv.base().isPresent() ? gmv.base() : audience.base()).ifPresent(r -> add(args, "--base", r.toString()));
        (gmv.current().isPresent() ? gmv.current() : audience.current())
                .ifPresent(r -> add(args, "--current", r.toString()));
        addAudience(args);
        args.addAll(funnel.toArguments());
        return args;
    }

    /** What the workspace records as the run's parameters; see {@link RunRequestJson}. */
    public String toJson() {
        return RunRequestJson.write(this);
    }

    /**
     * The request a run recorded ({@link #toJson()}, or the arguments alone of a run recorded by
     * an older ShopLens); throws {@link IllegalArgumentException} when {@code json} holds none.
     */
    public static RunRequest fromJson(String json) {
        return RunRequestJson.read(json);
    }

    /** The {@code analyze} options a run recorded with its parameters (empty when none). */
    public static List<String> argumentsOf(String json) {
        return RunRequestJson.arguments(json);
    }

    /** The arguments as one shell-safe line (single-quoted where needed). */
    public String toCommandLine() {
        return toArguments().stream().map(RunRequest::shellQuote).collect(Collectors.joining(" "));
    }

    static String shellQuote(String arg) {
        if (arg.matches("[A-Za-z0-9_.,:/=@+-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private void addAudience(List<String> args) {
        add(args, "--target", audience.targetText());
        audience.lapsed().forEach(item -> add(args, "--lapsed", item.toString()));
        add(args, "--like-clicks", String.valueOf(audience.likeClicks()));
        add(args, "--habit-days", String.valueOf(audience.habitDays()));
        add(args, "--min-users", String.valueOf(audience.minUsers()));
        add(args, "--lookalikes", String.valueOf(audience.lookalikes()));
        add(args, "--min-dwell", String.valueOf(audience.minDwellSeconds()));
        audience.asOf().ifPresent(d -> add(args, "--as-of", d.toString()));
        addList(args, "--paid-channels", audience.paidChannels());
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }

    private static void addList(List<String> args, String option, List<?> values) {
        if (!values.isEmpty()) {
            add(args, option, values.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
    }
}
