package io.shoplens.engine.generate;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An endless supply of user actions for a live topic: a few dozen sessions open at a time, each
 * arriving on a channel and walking the default page flow (1→2→…→7) with drop-offs and detours,
 * paying at its end. Each action is stamped with the time it is asked for, so per-minute GMV
 * moves. Same seed, same sessions, pays and amounts ({@link OrderStream} reads the pays of the
 * same stream as orders).
 */
public final class ActionStream {

    /** A generated action: user_visit_action's 15 source values (nulls for unset), and whether it is a pay. */
    public record Action(String[] values, boolean pay) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] CHANNELS = {"search", "recommend", "display_ad", "direct", "social"};
    private static final int OPEN_SESSIONS = 40;
    private static final int LAST_PAGE = 7;

    private final SplittableRandom random;
    private final long seed;
    private final List<Visit> open = new ArrayList<>();
    private long sessions;

    private static final class Visit {
        final String id;
        final long userId;
        final String channel;
        final long cityId;
        int page;

        Visit(String id, long userId, String channel, long cityId) {
            this.id = id;
            this.userId = userId;
            this.channel = channel;
            this.cityId = cityId;
        }
    }

    public ActionStream(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The next action, at {@code now}. */
    public Action next(LocalDateTime now) {
        if (open.size() < OPEN_SESSIONS && (open.isEmpty() || random.nextInt(4) == 0)) {
            open.add(new Visit("live-" + seed + "-" + ++sessions, 1 + random.nextInt(5_000),
                    CHANNELS[random.nextInt(CHANNELS.length)], random.nextInt(10)));
        }
        int at = random.nextInt(open.size());
        Visit v = open.get(at);
        String[] values = new String[15];
        values[0] = DATE.format(now);
        values[1] = Long.toString(v.userId);
        values[2] = v.id;
        values[4] = TIME.format(now);
        values[12] = Long.toString(v.cityId);
        values[13] = v.channel;
        if (v.page == LAST_PAGE) {
            long product = 1 + random.nextInt(100);
            values[10] = Long.toString(1 + product % 20);
            values[11] = Long.toString(product);
            values[14] = String.format(java.util.Locale.ROOT, "%.2f", 5 + random.nextInt(50_000) / 100.0);
            open.remove(at);
            return new Action(values, true);
        }
        // Most visitors go on along the flow; some click a product off it, some leave after one.
        int roll = random.nextInt(100);
        if (v.page > 0 && roll < 25) {
            values[3] = Long.toString(8 + random.nextInt(5));
            values[7] = Long.toString(1 + random.nextInt(100));
            values[6] = Long.toString(1 + Long.parseLong(values[7]) % 20);
            if (roll < 12) {
                open.remove(at);
            }
        } else {
            v.page++;
            values[3] = Long.toString(v.page);
        }
        return new Action(values, false);
    }
}
