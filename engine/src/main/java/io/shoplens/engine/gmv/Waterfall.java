package io.shoplens.engine.gmv;

import java.util.List;


/**
 * The bars of a GMV bridge: base GMV, then the traffic, conversion and AOV effects floating from
 * the running total, then current GMV. As the LMDI effects add up to the change, the last float
 * ends where the current bar does.
 */
public record Waterfall(List<Bar> bars) {

    public enum Kind { TOTAL, INCREASE, DECREASE }

    /** One bar, from {@code start} to {@code end} (a total starts at 0). */
    public record Bar(String key, double start, double end, Kind kind) {

        public double low() {
            return Math.min(start, end);
        }

        public double height() {
            return Math.abs(end - start);
        }

        /** The signed amount the bar stands for. */
        public double amount() {
            return end - start;
        }
    }

    public static Waterfall of(Lmdi.BridgeRow row) {
        double traffic = row.gmvBase() + row.trafficEffect();
        double conversion = traffic + row.conversionEffect();
        double aov = conversion + row.aovEffect();
        return new Waterfall(List.of(
                new Bar("base", 0, row.gmvBase(), Kind.TOTAL),
                effect("traffic", row.gmvBase(), traffic),
                effect("conversion", traffic, conversion),
                effect("aov", conversion, aov),
                new Bar("current", 0, row.gmvCurrent(), Kind.TOTAL)));
    }

    private static Bar effect(String key, double start, double end) {
        return new Bar(key, start, end, end >= start ? Kind.INCREASE : Kind.DECREASE);
    }
}
