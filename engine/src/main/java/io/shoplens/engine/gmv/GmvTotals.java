package io.shoplens.engine.gmv;

/**
 * Traffic, orders and GMV of a slice: GMV = sessions × conversion × AOV.
 *
 * @param sessions sessions attributed to the slice
 * @param orders   their pay actions
 * @param gmv      their GMV (pay actions of unknown amount count 0, see gmv_coverage)
 */
public record GmvTotals(long sessions, long orders, double gmv) {

    public static final GmvTotals ZERO = new GmvTotals(0, 0, 0.0);

    /** orders / sessions; null when there are no sessions. */
    public Double conversion() {
        return sessions == 0 ? null : (double) orders / sessions;
    }

    /** GMV / orders; null when there are no orders. */
    public Double aov() {
        return orders == 0 ? null : gmv / orders;
    }
}
