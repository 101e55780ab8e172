package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvCube;
import io.shoplens.engine.gmv.GmvDimension;

/**
 * How long the explorer takes to answer a re-slice, a drill and a period change on a cube of
 * 100,000 cells: everything {@link GmvSlice#of} computes (trend, breakdown, bridges, paid vs
 * free). A plain loop with a warm-up, not a test (its name does not end in Test, so Surefire
 * skips it). Run it by hand after {@code mvn -q -B -o -pl app -am test-compile}, with the class
 * path from {@code mvn -q -B -o -pl app -am dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * {@code java -Xmx1g -cp app/target/test-classes:app/target/classes:engine/target/classes:$(cat app/cp.txt)
 * io.shoplens.app.gmv.GmvCubeBench}. Figures: docs/BENCHMARKS.md, "GMV explorer".
 */
public final class GmvCubeBench {

    private GmvCubeBench() {
    }

    public static void main(String[] args) {
        LocalDate last = LocalDate.of(2019, 9, 30);
        ResultTable table = SyntheticCube.of(last, 90, 1200, 7);
        long start = System.nanoTime();
        GmvCube cube = GmvCube.from(table);
        System.out.printf(Locale.ROOT, "cube: %,d cells, built in %.0f ms%n", table.rows().size(),
                (System.nanoTime() - start) / 1e6);
        DateRange current = new DateRange(last.minusDays(6), last);
        DateRange base = new DateRange(last.minusDays(13), last.minusDays(7));
        DateRange monthNow = new DateRange(LocalDate.of(2019, 9, 1), last);
        DateRange monthBefore = new DateRange(LocalDate.of(2019, 8, 1), LocalDate.of(2019, 8, 31));
        List<GmvSlice.Request> requests = List.of(
                new GmvSlice.Request(List.of(), GmvDimension.CHANNEL, base, current, Set.of("display_ad")),
                new GmvSlice.Request(List.of(), GmvDimension.CITY, base, current, Set.of("display_ad")),
                new GmvSlice.Request(List.of(new DrillStep(GmvDimension.CHANNEL, "recommend")), GmvDimension.AREA,
                        base, current, Set.of("display_ad")),
                new GmvSlice.Request(List.of(), GmvDimension.AGE_GROUP, monthBefore, monthNow,
                        Set.of("display_ad", "social")));
        for (int warm = 0; warm < 30; warm++) {
            for (GmvSlice.Request r : requests) {
                GmvSlice.of(cube, r);
            }
        }
        int rounds = 100;
        for (GmvSlice.Request r : requests) {
            double[] took = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                GmvSlice.of(cube, r);
                took[i] = (System.nanoTime() - t0) / 1e6;
            }
            java.util.Arrays.sort(took);
            System.out.printf(Locale.ROOT, "%s%n    median %.1f ms, p95 %.1f ms, max %.1f ms%n", r.describe(),
                    took[rounds / 2], took[rounds * 95 / 100], took[rounds - 1]);
        }
    }
}
