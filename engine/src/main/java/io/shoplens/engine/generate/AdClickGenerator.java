package io.shoplens.engine.generate;

import java.io.IOException;
import java.util.SplittableRandom;

import io.shoplens.engine.logs.LogKind;

/**
 * ad_click rows in time order: epoch milliseconds over the days (the hourly curve read as UTC
 * wall-clock time), provinces and cities of China, ads with uneven popularity, users mostly
 * clicking near home. A few click-fraud users each click one ad 110-199 times within two hours of
 * one day, so the blacklist (100 clicks on one ad in a day) has work; the bursts sit between
 * 09:00 and 12:00 UTC so they stay on one date in every time zone from UTC-9 to UTC+11. Ordinary
 * users come from a pool big enough (about 25 clicks each over all days) never to get near 100.
 */
final class AdClickGenerator {

    private static final String[][] PLACES = {
        {"河北", "石家庄"}, {"河北", "保定"}, {"河北", "唐山"}, {"江苏", "南京"}, {"江苏", "苏州"},
        {"江苏", "无锡"}, {"湖北", "武汉"}, {"湖北", "宜昌"}, {"湖南", "长沙"}, {"湖南", "株洲"},
        {"河南", "郑州"}, {"河南", "洛阳"}, {"广东", "广州"}, {"广东", "深圳"}, {"浙江", "杭州"},
        {"浙江", "宁波"}, {"四川", "成都"}, {"山东", "济南"}, {"山东", "青岛"}, {"陕西", "西安"}};
    private static final double[] PLACE_WEIGHTS = {
        7, 4, 3, 7, 6, 3, 8, 2, 6, 2, 7, 3, 9, 9, 7, 4, 7, 4, 4, 5};
    private static final int ADS = 20;
    private static final int MIN_FRAUD_CLICKS = 110;
    private static final int MAX_ACTIVITY_TRIES = 64;

    /** A burst of one fraud user on one ad: {@code clicks} spread over two hours from {@code hour}. */
    record Fraud(long userId, int day, int hour, long adId, int clicks) {
    }

    private final GenerateSettings settings;
    private final long seed;
    private final SplittableRandom random;
    private final long pool;
    private final double[] adWeights = new double[ADS];
    private final Fraud[] frauds;

    AdClickGenerator(GenerateSettings settings) {
        this.settings = settings;
        this.seed = settings.seed();
        this.random = Seeds.stream(seed, Seeds.ADS);
        this.pool = Math.max(settings.users(), settings.adClicks() / 25);
        for (int ad = 0; ad < ADS; ad++) {
            adWeights[ad] = 1.0 / StrictMath.pow(ad + 1, 0.8);
        }
        this.frauds = planFrauds();
    }

    /** Up to three fraud users, one per 2000 clicks, so that small sets stay mostly honest. */
    private Fraud[] planFrauds() {
        int count = (int) Math.min(3, settings.adClicks() / 2000);
        Fraud[] planned = new Fraud[count];
        for (int i = 0; i < count; i++) {
            long user;
            boolean taken;
            do {
                user = 1 + random.nextLong(pool);
                taken = false;
                for (int j = 0; j < i; j++) {
                    taken |= planned[j].userId() == user;
                }
            } while (taken);
            planned[i] = new Fraud(user, random.nextInt(settings.days()), 9 + random.nextInt(2),
                    1 + random.nextInt(ADS), MIN_FRAUD_CLICKS + random.nextInt(90));
        }
        return planned;
    }

    Fraud[] frauds() {
        return frauds.clone();
    }

    long generate(RowSink out, GenerateProgress progress) throws IOException {
        long fraudTotal = 0;
        for (Fraud f : frauds) {
            fraudTotal += f.clicks();
        }
        long[] perHour = TrafficCurve.hourlyCounts(settings.adClicks() - fraudTotal, settings.startDate(),
                settings.days(), Seeds.stream(seed, Seeds.AD_TRAFFIC));
        long firstMilli = settings.startDate().toEpochDay() * 86_400_000L;
        long[] fraudLeft = new long[frauds.length];
        long written = 0;
        for (int cell = 0; cell < perHour.length; cell++) {
            int day = cell / 24;
            int hour = cell % 24;
            long fraudInCell = 0;
            for (int i = 0; i < frauds.length; i++) {
                fraudLeft[i] = fraudClicksIn(frauds[i], day, hour);
                fraudInCell += fraudLeft[i];
            }
            long total = perHour[cell] + fraudInCell;
            SortedUniforms times = new SortedUniforms(random, total);
            for (long left = total; left > 0; left--) {
                long timestamp = firstMilli + cell * 3_600_000L + (long) (times.next() * 3_600_000L);
                // Exactly fraudInCell of the cell's clicks are fraud, spread at random among them.
                if (random.nextLong(left) < fraudInCell) {
                    long pick = random.nextLong(fraudInCell);
                    int i = 0;
                    while (pick >= fraudLeft[i]) {
                        pick -= fraudLeft[i++];
                    }
                    fraudLeft[i]--;
                    fraudInCell--;
                    Fraud f = frauds[i];
                    String[] place = PLACES[homePlace(f.userId())];
                    out.write(new Object[] {timestamp, place[0], place[1], f.userId(), f.adId()});
                } else {
                    writeOrdinary(timestamp, out);
                }
                if (++written % 10_000 == 0) {
                    progress.update(LogKind.AD_CLICK, written, settings.adClicks());
                }
            }
        }
        progress.update(LogKind.AD_CLICK, written, settings.adClicks());
        return written;
    }

    private static long fraudClicksIn(Fraud f, int day, int hour) {
        if (f.day() != day) {
            return 0;
        }
        int firstHalf = f.clicks() / 2;
        if (hour == f.hour()) {
            return firstHalf;
        }
        return hour == f.hour() + 1 ? f.clicks() - firstHalf : 0;
    }

    private void writeOrdinary(long timestamp, RowSink out) throws IOException {
        long user = pickUser();
        int place = random.nextDouble() < 0.85 ? homePlace(user) : Shop.pick(PLACE_WEIGHTS, random);
        // Each province leans to its own favourite ads, so top ads differ between provinces.
        int ad = Shop.pick(adWeights, random);
        if (random.nextDouble() < 0.35) {
            ad = (ad + place) % ADS;
        }
        out.write(new Object[] {timestamp, PLACES[place][0], PLACES[place][1], user, (long) ad + 1});
    }

    private long pickUser() {
        long candidate = 1 + random.nextLong(pool);
        for (int i = 0; i < MAX_ACTIVITY_TRIES && random.nextDouble() > activity(candidate); i++) {
            candidate = 1 + random.nextLong(pool);
        }
        return candidate;
    }

    private double activity(long user) {
        return 0.2 + 0.8 * Seeds.entity(seed, Seeds.AD_USERS, user).nextDouble();
    }

    private int homePlace(long user) {
        SplittableRandom r = Seeds.entity(seed, Seeds.AD_USERS, user);
        r.nextDouble();
        return Shop.pick(PLACE_WEIGHTS, r);
    }
}
