package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvCube;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.gmv.GmvTotals;
import io.shoplens.engine.gmv.Lmdi;

/**
 * Everything the explorer shows for one state (drill path, dimension, periods, paid channels),
 * computed from the cube in plain Java: the drill slice's trend and breakdown, its bridge in total
 * and per value (biggest movers first), and the same for paid and free traffic. Immutable; the
 * view model makes a new one on every change and the view draws it.
 *
 * @param totals      the drill slice's totals over all dates
 * @param daily       its totals per date
 * @param breakdown   its totals per value of the chosen dimension
 * @param bridge      its change from base to current (null without periods)
 * @param movers      that change per value of the dimension, biggest |delta| first
 * @param paidDaily   daily totals of sessions that came through a paid channel
 * @param freeDaily   daily totals of the others
 * @param paidBridge  the paid side's change (null without periods)
 * @param freeBridge  the free side's change (null without periods)
 */
public record GmvSlice(Request request, GmvTotals totals, Map<LocalDate, GmvTotals> daily,
                       Map<String, GmvTotals> breakdown, Lmdi.BridgeRow bridge, List<Lmdi.BridgeRow> movers,
                       Map<LocalDate, GmvTotals> paidDaily, Map<LocalDate, GmvTotals> freeDaily,
                       Lmdi.BridgeRow paidBridge, Lmdi.BridgeRow freeBridge) {

    /** The explorer's state, as far as the numbers depend on it. */
    public record Request(List<DrillStep> path, GmvDimension dimension, DateRange base, DateRange current,
                          Set<String> paid) {

        public Request {
            path = List.copyOf(path);
            paid = Set.copyOf(paid);
        }

        public boolean hasPeriods() {
            return base != null && current != null;
        }

        String describe() {
            return "path " + path + ", by " + dimension.column() + ", " + base + " -> " + current + ", paid " + paid;
        }
    }

    private static final Comparator<Lmdi.BridgeRow> BIGGEST_MOVE_FIRST =
            Comparator.comparingDouble((Lmdi.BridgeRow r) -> -Math.abs(r.delta()));

    public static GmvSlice of(GmvCube cube, Request request) {
        Map<GmvDimension, String> path = new EnumMap<>(GmvDimension.class);
        request.path().forEach(step -> path.put(step.dimension(), step.value()));
        GmvCube slice = cube.where(path);
        GmvCube paid = slice.whereAny(GmvDimension.CHANNEL, request.paid());
        GmvCube free = slice.whereNone(GmvDimension.CHANNEL, request.paid());
        Lmdi.BridgeRow bridge = null;
        List<Lmdi.BridgeRow> movers = List.of();
        Lmdi.BridgeRow paidBridge = null;
        Lmdi.BridgeRow freeBridge = null;
        if (request.hasPeriods()) {
            bridge = slice.bridgeTotal(request.base(), request.current());
            movers = new ArrayList<>(slice.bridge(request.dimension(), request.base(), request.current()));
            movers.removeIf(r -> r.value().equals(Lmdi.TOTAL));
            movers.sort(BIGGEST_MOVE_FIRST);
            paidBridge = paid.bridgeTotal(request.base(), request.current());
            freeBridge = free.bridgeTotal(request.base(), request.current());
        }
        return new GmvSlice(request, slice.totals(), slice.daily(), slice.breakdown(request.dimension()), bridge,
                List.copyOf(movers), paid.daily(), free.daily(), paidBridge, freeBridge);
    }

    /** The path as the breadcrumb's crumbs after "All". */
    public List<String> crumbs() {
        return request.path().stream().map(DrillStep::toString).collect(Collectors.toList());
    }
}
