package io.shoplens.engine.generate;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.UUID;

import io.shoplens.engine.logs.LogKind;

/**
 * user_visit_action rows, one session at a time, written as they are made: the only state is the
 * current session's (a few recently clicked products and an unpaid order), so a million sessions
 * need no more memory than ten.
 *
 * <p>A session belongs to a user (repeat buyers come back often), a channel and a city (mostly
 * the user's home city). It starts at a time drawn from the hourly traffic curve (sessions of an
 * hour come out in start-time order) and walks pages 1..10: from page p it moves on to p+1 with a
 * probability that falls along the flow, else goes back or jumps anywhere, so the page flow
 * 1,2,...,7 has ever fewer single-jump conversions. Each action is exactly one of search, click,
 * order (of recently clicked products) or pay (of the open order).
 *
 * <p>The {@link AudiencePlan} decides who comes on which day and places its own sessions (the
 * fake-order ring's and the paid acquisitions) among the others in start-time order; they count
 * in the number of sessions asked for.
 */
final class ActionGenerator {

    private static final String[] CHANNELS = {"search", "recommend", "display_ad", "direct", "social"};
    private static final double[] CHANNEL_WEIGHTS = {32, 25, 13, 18, 12};
    private static final int DISPLAY_AD = 2;
    private static final int DIRECT = 3;
    /** The same mix without the paid channel: how acquired users come back. */
    private static final double[] FREE_CHANNEL_WEIGHTS = {32, 25, 0, 18, 12};
    /** Visitors from search and direct visits come to buy; ad and social clicks mostly browse. */
    private static final double[] CHANNEL_INTENT = {1.3, 1.0, 0.55, 1.2, 0.75};
    /** The platform's own search keywords. */
    private static final String[] KEYWORDS = {"火锅", "蛋糕", "重庆辣子鸡", "新辣道鱼火锅", "国贸大厦", "太古商场", "日本料理", "温泉"};
    private static final double[] KEYWORD_WEIGHTS = {20, 16, 12, 10, 9, 8, 14, 11};
    /** Chance to move on from page p to p+1 (index p); falls along the flow. */
    private static final double[] ADVANCE = {0, 0.62, 0.56, 0.50, 0.45, 0.40, 0.35, 0.30, 0.30, 0.30, 0};
    private static final int PAGES = 10;
    /** A habit buyer's session: the chance to mean to buy, and for a click to be in the habit's category. */
    private static final double HABIT_INTENT = 0.5;
    private static final double HABIT_CLICK = 0.6;
    /** The habit's switchers switch this many days before the end: the analyses' default current period. */
    private static final int SWITCH_DAYS_BEFORE_END = 7;
    private static final int RECENT = 5;
    private static final int COLUMNS = LogColumns.of(LogKind.USER_VISIT_ACTION).size();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final GenerateSettings settings;
    private final Shop shop;
    private final AudiencePlan plan;
    private final SplittableRandom random;
    private final SplittableRandom ids;
    private final long switchDay;
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    ActionGenerator(GenerateSettings settings, Shop shop) {
        this.settings = settings;
        this.shop = shop;
        this.plan = AudiencePlan.of(settings);
        this.random = Seeds.stream(settings.seed(), Seeds.ACTIONS);
        this.ids = Seeds.stream(settings.seed(), Seeds.SESSION_IDS);
        // With two weeks or more, habits hold until the last week; a shorter span switches halfway.
        int daysBefore = settings.days() >= 2 * SWITCH_DAYS_BEFORE_END ? settings.days() - SWITCH_DAYS_BEFORE_END
                : settings.days() / 2;
        this.switchDay = settings.startDate().toEpochDay() + daysBefore;
    }

    /** Writes every session's actions; returns the number of actions written. */
    long generate(RowSink out, GenerateProgress progress) throws IOException {
        List<AudiencePlan.Planted> planted = plan.planted();
        long[] perHour = TrafficCurve.hourlyCounts(settings.sessions() - planted.size(), settings.startDate(),
                settings.days(), Seeds.stream(settings.seed(), Seeds.TRAFFIC));
        long firstSecond = settings.startDate().toEpochDay() * 86_400L;
        int nextPlanted = 0;
        long sessions = 0;
        long actions = 0;
        for (int cell = 0; cell < perHour.length; cell++) {
            SortedUniforms starts = new SortedUniforms(random, perHour[cell]);
            for (long k = 0; k < perHour[cell]; k++) {
                long start = firstSecond + cell * 3600L + (long) (starts.next() * 3600);
                while (nextPlanted < planted.size() && planted.get(nextPlanted).startSecond() <= start) {
                    actions += writePlanted(planted.get(nextPlanted++), out);
                    sessions = counted(sessions, progress);
                }
                actions += writeSession(start, cell / 24, out);
                sessions = counted(sessions, progress);
            }
        }
        while (nextPlanted < planted.size()) {
            actions += writePlanted(planted.get(nextPlanted++), out);
            sessions = counted(sessions, progress);
        }
        progress.update(LogKind.USER_VISIT_ACTION, sessions, settings.sessions());
        return actions;
    }

    private long counted(long sessions, GenerateProgress progress) {
        if (++sessions % 1000 == 0) {
            progress.update(LogKind.USER_VISIT_ACTION, sessions, settings.sessions());
        }
        return sessions;
    }

    /** A session of the ordinary traffic on {@code day}: who comes is up to the plan. */
    private int writeSession(long start, int day, RowSink out) throws IOException {
        long userId = shop.pickUser(random, plan, day);
        int channel = Shop.pick(plan.returnsFree(userId, day) ? FREE_CHANNEL_WEIGHTS : CHANNEL_WEIGHTS, random);
        return writeVisit(start, userId, channel, plan.intent(userId, day), out);
    }

    private int writePlanted(AudiencePlan.Planted session, RowSink out) throws IOException {
        return switch (session.role()) {
            case RING -> writeFakeOrder(session.startSecond(), session.userId(), out);
            default -> writeVisit(session.startSecond(), session.userId(), DISPLAY_AD, 1.0, out);
        };
    }

    /**
     * A fake order: straight to the order of the ring's product (no click) and its pay a few
     * seconds later, from home, typed in directly.
     */
    private int writeFakeOrder(long start, long userId, RowSink out) throws IOException {
        String sessionId = nextSessionId();
        long cityId = shop.user(userId).cityId();
        long[] product = {plan.ringProduct()};
        long time = start;
        for (int step = 0; step < 2; step++) {
            Object[] row = new Object[COLUMNS];
            row[0] = date(time);
            row[1] = userId;
            row[2] = sessionId;
            row[3] = (long) (5 + step);
            row[4] = LocalDateTime.ofEpochSecond(time, 0, ZoneOffset.UTC).format(TIME);
            if (step == 0) {
                row[8] = categoryList(product);
                row[9] = idList(product);
            } else {
                row[10] = categoryList(product);
                row[11] = idList(product);
                row[14] = amount(product);
            }
            row[12] = cityId;
            row[13] = CHANNELS[DIRECT];
            out.write(row);
            time += 1 + random.nextInt(4);
        }
        return 2;
    }

    private int writeVisit(long start, long userId, int channel, double keenness, RowSink out) throws IOException {
        SplittableRandom r = random;
        Shop.User user = shop.user(userId);
        String sessionId = nextSessionId();
        // A habit on a user the plan makes fade or rise would lapse (or start) for the plan's reason.
        Shop.Habit habit = plan.leavesAlone(userId) ? shop.habit(userId) : null;
        long habitCategory = habit == null ? 0 : habit.categoryOn(Math.floorDiv(start, 86_400L) >= switchDay);
        boolean parent = shop.parent(userId);
        long favourite = habitCategory != 0 ? habitCategory : parent ? Shop.PARENT_CATEGORY : 0;
        double favouriteClick = habitCategory != 0 ? HABIT_CLICK : Shop.PARENT_CLICK;
        double buyer = Math.max(user.repeatBuyer() ? 2.2 : 1.0, keenness);
        double intentChance = 0.09 * CHANNEL_INTENT[channel] * buyer * Shop.intentFactor(user)
                * (parent ? Shop.PARENT_INTENT : 1.0);
        boolean intent = r.nextDouble() < (habit == null ? intentChance : Math.max(intentChance, HABIT_INTENT));
        int steps = r.nextDouble() < 0.07 ? 1 : 2 + geometric(r, 16, 150);
        long cityId = r.nextDouble() < 0.85 ? user.cityId() : shop.pickCity(r);
        int area = shop.city(cityId).areaIndex();

        long[] recent = new long[RECENT];
        int recentCount = 0;
        long[] openOrder = null;
        int orders = 0;
        int page = r.nextDouble() < 0.55 ? 1 : 1 + r.nextInt(PAGES);
        long time = start;
        for (int step = 0; step < steps; step++) {
            if (step > 0) {
                time += gapSeconds(r);
                page = nextPage(page, r);
            }
            Object[] row = new Object[COLUMNS];
            row[0] = date(time);
            row[1] = userId;
            row[2] = sessionId;
            row[3] = (long) page;
            row[4] = LocalDateTime.ofEpochSecond(time, 0, ZoneOffset.UTC).format(TIME);
            row[12] = cityId;
            row[13] = CHANNELS[channel];
            if (openOrder != null && r.nextDouble() < 0.6) {
                long[] paid = openOrder.length > 1 && r.nextDouble() < 0.1 ? new long[] {openOrder[0]} : openOrder;
                row[10] = categoryList(paid);
                row[11] = idList(paid);
                // Some pay actions carry no amount, so GMV falls back to the products' prices.
                row[14] = r.nextDouble() < 0.12 ? null : amount(paid);
                openOrder = null;
            } else if (recentCount > 0 && orders < 2 && r.nextDouble() < (intent ? 0.2 : 0.008)) {
                openOrder = pickDistinct(recent, Math.min(recentCount, RECENT), 1 + (r.nextDouble() < 0.3 ? 1 : 0)
                        + (r.nextDouble() < 0.1 ? 1 : 0), r);
                row[8] = categoryList(openOrder);
                row[9] = idList(openOrder);
                orders++;
            } else if (r.nextDouble() < (step == 0 ? (channel == 0 ? 0.75 : 0.3) : 0.2)) {
                row[5] = KEYWORDS[Shop.pick(KEYWORD_WEIGHTS, r)];
            } else {
                long product = favourite != 0 && r.nextDouble() < favouriteClick
                        ? shop.pickProductIn(favourite, r) : shop.pickProduct(r, area);
                row[6] = shop.categoryOf(product);
                row[7] = product;
                recent[recentCount++ % RECENT] = product;
            }
            out.write(row);
        }
        return steps;
    }

    private String nextSessionId() {
        long msb = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private String date(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = LocalDate.ofEpochDay(day).toString();
        }
        return cachedDate;
    }

    private static int nextPage(int page, SplittableRandom r) {
        if (r.nextDouble() < ADVANCE[page]) {
            return page + 1;
        }
        if (r.nextBoolean()) {
            return Math.max(1, page - 1 - r.nextInt(2));
        }
        return 1 + r.nextInt(PAGES);
    }

    /** Mostly seconds to a minute between actions, sometimes none (equal times), sometimes long reads. */
    private static long gapSeconds(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.04) {
            return 0;
        }
        if (u < 0.985) {
            return Math.min(600, 1 + StrictMath.round(StrictMath.exp(StrictMath.log(9) + 0.9 * Shop.gaussian(r))));
        }
        return 60 + r.nextInt(840);
    }

    private static int geometric(SplittableRandom r, double mean, int max) {
        double u = 1.0 - r.nextDouble();
        int n = (int) StrictMath.floor(StrictMath.log(u) / StrictMath.log(1 - 1 / mean));
        return Math.min(n, max);
    }

    private static long[] pickDistinct(long[] recent, int available, int wanted, SplittableRandom r) {
        long[] distinct = new long[available];
        int count = 0;
        int offset = r.nextInt(available);
        for (int i = 0; i < available; i++) {
            long id = recent[(offset + i) % available];
            boolean seen = false;
            for (int j = 0; j < count; j++) {
                seen |= distinct[j] == id;
            }
            if (!seen) {
                distinct[count++] = id;
            }
        }
        return Arrays.copyOf(distinct, Math.min(count, wanted));
    }

    private String idList(long[] products) {
        StringJoiner joined = new StringJoiner(",");
        for (long p : products) {
            joined.add(Long.toString(p));
        }
        return joined.toString();
    }

    private String categoryList(long[] products) {
        StringJoiner joined = new StringJoiner(",");
        long[] seen = new long[products.length];
        int count = 0;
        for (long p : products) {
            long category = shop.categoryOf(p);
            boolean repeated = false;
            for (int j = 0; j < count; j++) {
                repeated |= seen[j] == category;
            }
            if (!repeated) {
                seen[count++] = category;
                joined.add(Long.toString(category));
            }
        }
        return joined.toString();
    }

    private Double amount(long[] products) {
        long cents = 0;
        for (long p : products) {
            cents += shop.priceCents(p);
        }
        return cents / 100.0;
    }
}
