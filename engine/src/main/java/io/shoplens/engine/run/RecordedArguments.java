package io.shoplens.engine.run;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.products.HotProductsAnalysis.ProductParams;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;

/**
 * Reads back the parameters of a run recorded before runs stored their request as JSON: the
 * {@code analyze} options {@link RunRequest#toArguments()} wrote, each {@code --option value}.
 * Lists were joined with commas then, so a value that held a comma comes back split, as it
 * always did for those runs.
 */
final class RecordedArguments {

    private RecordedArguments() {
    }

    static RunRequest parse(List<String> args) {
        if (args.size() % 2 != 0) {
            throw new IllegalArgumentException("Recorded arguments are not option-value pairs: " + args);
        }
        RunRequest defaults = RunRequest.defaults(List.of("all"));
        List<String> analyses = List.of("all");
        SessionFilter filter = SessionFilter.NONE;
        int sample = defaults.sessions().sample();
        long seed = defaults.sessions().seed();
        List<Long> flow = defaults.pages().flow();
        Optional<Integer> window = Optional.empty();
        int threshold = defaults.ads().blacklistThreshold();
        ZoneId zone = defaults.ads().zone();
        Optional<DateRange> base = Optional.empty();
        Optional<DateRange> current = Optional.empty();
        for (int i = 0; i < args.size(); i += 2) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--analysis" -> analyses = list(value);
                case "--from" -> filter = filter.withDates(LocalDate.parse(value), filter.to().orElse(null));
                case "--to" -> filter = filter.withDates(filter.from().orElse(null), LocalDate.parse(value));
                case "--ages" -> {
                    String[] ages = value.split("-", 2);
                    filter = filter.withAges(Integer.valueOf(ages[0].trim()), Integer.valueOf(ages[1].trim()));
                }
                case "--professionals" -> filter = filter.withProfessionals(list(value));
                case "--cities" -> filter = filter.withCities(list(value));
                case "--sex" -> filter = filter.withSexes(list(value));
                case "--keywords" -> filter = filter.withKeywords(list(value));
                case "--categories" -> filter = filter.withCategories(longs(value));
                case "--page-flow" -> flow = longs(value);
                case "--window-minutes" -> window = Optional.of(Integer.valueOf(value));
                case "--sample" -> sample = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--blacklist-threshold" -> threshold = Integer.parseInt(value);
                case "--time-zone" -> zone = ZoneId.of(value);
                case "--base" -> base = Optional.of(DateRange.parse(value));
                case "--current" -> current = Optional.of(DateRange.parse(value));
                default -> throw new IllegalArgumentException("Unknown recorded option " + args.get(i));
            }
        }
        return new RunRequest(RunRequest.analysesOf(analyses), filter, new SessionParams(sample, seed),
                new PageParams(flow, window), new ProductParams(), new AdParams(threshold, zone),
                new GmvParams(base, current));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Long> longs(String value) {
        List<Long> ids = new ArrayList<>();
        for (String s : list(value)) {
            ids.add(Long.valueOf(s));
        }
        return ids;
    }
}
