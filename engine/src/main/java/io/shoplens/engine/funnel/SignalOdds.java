package io.shoplens.engine.funnel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.text.Text;

/**
 * {@code funnel_correlation}: which signals go with reaching the last step (docs/ANALYSES.md,
 * funnel). With S, F the units that did / did not reach it and s, f those of them with the
 * signal: odds_ratio = ((s+1)(F−f+1)) / ((S−s+1)(f+1)), the +1 a prior that keeps a signal seen
 * on one side only finite. A signal seen by fewer than min(25, 0.02·(S+F)) units says nothing and
 * is left out; of the rest the 10 highest and the 10 lowest odds ratios are listed.
 */
final class SignalOdds {

    static final String TABLE = "funnel_correlation";
    static final List<String> COLUMNS = List.of("signal", "successes", "failures", "odds_ratio", "direction");
    static final int LISTED = 10;

    private SignalOdds() {
    }

    /**
     * One signal's counts and its odds ratio as a fraction of whole numbers, so ties and order are
     * exact; as a double it is their quotient, rounded once (both are exact below 2^53).
     */
    record Odds(String signal, long s, long f, long numerator, long denominator) {

        static Odds of(String signal, long s, long f, long successes, long failures) {
            return new Odds(signal, s, f, Math.multiplyExact(s + 1, failures - f + 1),
                    Math.multiplyExact(successes - s + 1, f + 1));
        }

        double ratio() {
            return (double) numerator / (double) denominator;
        }

        int compareRatio(Odds other) {
            return BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(other.denominator))
                    .compareTo(BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator)));
        }

        boolean aboveOne() {
            return numerator > denominator;
        }
    }

    /**
     * @param signals   per signal, units with it that did not ({@code [0]}) and did ({@code [1]}) reach step n
     * @param successes S
     * @param failures  F
     */
    static ResultTable table(Map<String, long[]> signals, long successes, long failures) {
        List<Odds> kept = new ArrayList<>();
        for (Map.Entry<String, long[]> e : signals.entrySet()) {
            long s = e.getValue()[1];
            long f = e.getValue()[0];
            if (enough(s + f, successes + failures)) {
                kept.add(Odds.of(e.getKey(), s, f, successes, failures));
            }
        }
        Comparator<Odds> bySignal = (a, b) -> Text.compare(a.signal(), b.signal());
        Comparator<Odds> highestFirst = ((Comparator<Odds>) (a, b) -> b.compareRatio(a)).thenComparing(bySignal);
        Comparator<Odds> lowestFirst = ((Comparator<Odds>) Odds::compareRatio).thenComparing(bySignal);
        Set<Odds> listed = new LinkedHashSet<>(kept.stream().sorted(highestFirst).limit(LISTED).toList());
        listed.addAll(kept.stream().sorted(lowestFirst).limit(LISTED).toList());
        List<List<Object>> rows = listed.stream().sorted(highestFirst)
                .map(o -> List.<Object>of(o.signal(), o.s(), o.f(), o.ratio(),
                        o.aboveOne() ? "success" : "failure"))
                .toList();
        return new ResultTable(TABLE, COLUMNS, rows);
    }

    /**
     * Whether {@code seen} units, of {@code units} in all, reach min(25, 0.02·units), in whole
     * numbers (0.02·units ≤ seen ⇔ units ≤ 50·seen), so no rounding decides the edge.
     */
    static boolean enough(long seen, long units) {
        return seen >= 25 || 50 * seen >= units;
    }
}
