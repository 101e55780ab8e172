package io.shoplens.engine.live;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * One action as the live GMV view needs it, from the actions topic or an order (a pay action).
 * Session order is the batch's: action time, then the place the action was read from (for the
 * batch, its file and line; here the topic, partition and offset).
 *
 * @param source       0 for the actions topic, 1 for the orders topic: at the same time an action comes first
 * @param sessionId    null only for an order of a user-only mapping, until {@link OrderAttribution} gives it one
 * @param amountMicros the pay's GMV in millionths, as DECIMAL(38,6); null for a pay of unknown amount or no pay
 * @param userId       the user; null when the row has none
 */
record GmvAction(LocalDateTime time, int source, int partition, long offset, LocalDate date, String sessionId,
                 Long pageId, String channel, boolean pay, Long amountMicros, Long userId) {

    static final int FROM_ACTIONS = 0;
    static final int FROM_ORDERS = 1;

    static final Comparator<GmvAction> SESSION_ORDER = Comparator.comparing(GmvAction::time)
            .thenComparingInt(GmvAction::source).thenComparingInt(GmvAction::partition)
            .thenComparingLong(GmvAction::offset);

    GmvAction {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(date, "date");
        if (sessionId == null && (source != FROM_ORDERS || userId == null)) {
            throw new NullPointerException("sessionId: only an order of a known user may come without one");
        }
    }

    /** Whether this is an order that names its user but not its session. */
    boolean userOnly() {
        return sessionId == null;
    }

    /** The same order, counted in {@code session}. */
    GmvAction inSession(String session) {
        return new GmvAction(time, source, partition, offset, date, session, pageId, channel, pay, amountMicros, userId);
    }

    /**
     * From user_visit_action values ({@code LogKind.USER_VISIT_ACTION.schema()} order). A pay is an
     * action with pay ids set; its amount is pay_amount, else the sum of its products' prices when
     * every product has one (docs: DESIGN.md, GMV of a pay action), else unknown.
     */
    static GmvAction of(Object[] v, int source, int partition, long offset, Map<Long, Double> prices) {
        boolean pay = v[10] != null || v[11] != null;
        Long amount = null;
        if (pay) {
            amount = v[14] != null ? Long.valueOf(micros((Double) v[14])) : priced((String) v[11], prices);
        }
        return new GmvAction((LocalDateTime) v[4], source, partition, offset, (LocalDate) v[0], (String) v[2],
                (Long) v[3], (String) v[13], pay, amount, (Long) v[1]);
    }

    /** Spark's cast of a double to DECIMAL(38,6): its shortest decimal text, rounded half up. */
    static long micros(double value) {
        return new BigDecimal(Double.toString(value)).setScale(6, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    private static Long priced(String productIds, Map<Long, Double> prices) {
        if (productIds == null) {
            return null;
        }
        long sum = 0;
        for (String id : productIds.split(",")) {
            Double price = prices.get(Long.parseLong(id.trim()));
            if (price == null) {
                // A partial sum would pass for a real one.
                return null;
            }
            sum = Math.addExact(sum, micros(price));
        }
        return sum;
    }
}
