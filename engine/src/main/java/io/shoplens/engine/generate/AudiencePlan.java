package io.shoplens.engine.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The member stories the generated logs tell, so the audience tables (docs/ANALYSES.md, audience)
 * have something to find:
 * <ul>
 *   <li>a fake-order (刷单) <b>ring</b>: accounts that only ever come to fake orders. On a few
 *       shift days all of them, in the same clock hour, each open {@value #RING_SESSIONS} short
 *       sessions a few minutes apart that order and pay the ring's one product within seconds,
 *       never clicking it: pays without clicks, instant pays, a burst and a concentrated
 *       product-hour;</li>
 *   <li><b>tier movers</b>: keen buyers who stop before the last {@value #LAST_DAYS} days
 *       ({@link Role#FADING}), and others who only start buying in them ({@link Role#RISING});</li>
 *   <li>a <b>paid-acquired cohort</b>: users who first come through a display ad on their
 *       acquisition day, in the first half of the span, and afterwards return only through
 *       free channels.</li>
 * </ul>
 * Everyone else shops as before. Roles come from a seeded permutation of the user ids, so each
 * role has an exact number of users and nothing per user is held in memory; the planted sessions
 * (the ring's and the acquisitions) are few and kept as one sorted list.
 *
 * <p>Small sets stay plain: there is no plan with fewer than {@value #MIN_USERS} users, or when the
 * planted sessions would be more than a tenth of all sessions.
 */
final class AudiencePlan {

    enum Role { REGULAR, RING, FADING, RISING, ACQUIRED }

    /** A session the plan places at a given second, for a given user. */
    record Planted(long startSecond, long userId, Role role) {
    }

    static final int MIN_USERS = 50;
    static final int RING_SESSIONS = 6;
    /** Minutes between a ring member's sessions: the six fit in 40 minutes of one clock hour. */
    static final int RING_GAP_MINUTES = 8;
    static final int RING_SHIFTS = 3;
    /**
     * Days at the end in which faders are gone and risers come: 6, so they lie in the default
     * current period (the last 7 days of the data) also when a late session runs past midnight
     * and the data ends a day after the span.
     */
    static final int LAST_DAYS = 6;

    private static final AudiencePlan NONE = new AudiencePlan(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, List.of());

    private final int users;
    private final int ring;
    private final int fading;
    private final int rising;
    private final int acquired;
    private final long multiplier;
    private final long offset;
    private final int split;
    private final long ringProduct;
    private final long seed;
    private final int days;
    private final List<Planted> planted;

    private AudiencePlan(int users, int ring, int fading, int rising, int acquired, long multiplier, long offset,
                         int split, long ringProduct, long seed, int days, List<Planted> planted) {
        this.users = users;
        this.ring = ring;
        this.fading = fading;
        this.rising = rising;
        this.acquired = acquired;
        this.multiplier = multiplier;
        this.offset = offset;
        this.split = split;
        this.ringProduct = ringProduct;
        this.seed = seed;
        this.days = days;
        this.planted = planted;
    }

    /**
     * The plan for {@code settings}: a fiftieth of the users in the ring (2 to 8), a twentieth
     * fading, a twentieth rising, a tenth acquired.
     */
    static AudiencePlan of(GenerateSettings settings) {
        int users = settings.users();
        if (users < MIN_USERS) {
            return NONE;
        }
        SplittableRandom r = Seeds.stream(settings.seed(), Seeds.AUDIENCE);
        int ring = Math.max(2, Math.min(8, users / 50));
        int fading = users / 20;
        int rising = users / 20;
        int acquired = users / 10;
        long multiplier = coprime(users, 1 + r.nextInt(users - 1));
        long offset = r.nextInt(users);
        int days = settings.days();
        int split = days - Math.min(LAST_DAYS, days / 2);
        long ringProduct = 1 + settings.products() / 10 + r.nextInt(Math.max(1, settings.products() / 4));
        ringProduct = Math.min(ringProduct, settings.products());
        // Roles first, then the sessions they plant, which need the roles.
        AudiencePlan roles = new AudiencePlan(users, ring, fading, rising, acquired, multiplier, offset, split,
                ringProduct, settings.seed(), days, List.of());
        List<Planted> planted = roles.plantedSessions(settings.startDate().toEpochDay() * 86_400L, r);
        if (planted.size() * 10L > settings.sessions()) {
            return NONE;
        }
        return new AudiencePlan(users, ring, fading, rising, acquired, multiplier, offset, split, ringProduct,
                settings.seed(), days, planted);
    }

    /** The smallest multiplier from {@code start} up that makes {@code id × m mod users} a permutation. */
    private static long coprime(int users, long start) {
        long m = start;
        while (gcd(m, users) != 1) {
            m++;
        }
        return m;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    Role role(long userId) {
        if (users == 0 || userId < 1 || userId > users) {
            return Role.REGULAR;
        }
        long place = Math.floorMod((userId - 1) * multiplier + offset, users);
        if (place < ring) {
            return Role.RING;
        }
        place -= ring;
        if (place < fading) {
            return Role.FADING;
        }
        place -= fading;
        if (place < rising) {
            return Role.RISING;
        }
        place -= rising;
        return place < acquired ? Role.ACQUIRED : Role.REGULAR;
    }

    /** The day an acquired user first comes, through a display ad: in the first half of the span. */
    int acquisitionDay(long userId) {
        SplittableRandom r = Seeds.entity(seed, Seeds.AUDIENCE, userId);
        return r.nextInt(Math.max(1, days / 2));
    }

    /**
     * How keen {@code userId} is to come back on {@code day}, given their usual {@code activity}:
     * 0 for the ring (it only comes to its shifts), for faders from the last week on, for risers
     * before it, and for acquired users up to their acquisition day; the most for keen buyers.
     */
    double activity(long userId, int day, double activity, double max) {
        return switch (role(userId)) {
            case REGULAR -> activity;
            case RING -> 0;
            case FADING -> day < split ? max : 0;
            case RISING -> day < split ? 0 : max;
            case ACQUIRED -> day <= acquisitionDay(userId) ? 0 : Math.max(activity, max / 2);
        };
    }

    /** How much likelier than others {@code userId} is to buy when they come on {@code day}. */
    double intent(long userId, int day) {
        return switch (role(userId)) {
            case FADING, RISING -> 6.0;
            case ACQUIRED -> 1.5;
            default -> 1.0;
        };
    }

    /** Whether {@code userId} comes through free channels only on {@code day}: acquired users after acquisition. */
    boolean returnsFree(long userId, int day) {
        return role(userId) == Role.ACQUIRED && day > acquisitionDay(userId);
    }

    /** Whether the plan leaves {@code userId} to their usual ways: only such users keep a buying habit. */
    boolean leavesAlone(long userId) {
        return role(userId) == Role.REGULAR;
    }

    /** The product the ring fakes orders of. */
    long ringProduct() {
        return ringProduct;
    }

    /** Every planted session, by start second (then user id). */
    List<Planted> planted() {
        return planted;
    }

    private List<Planted> plantedSessions(long firstSecond, SplittableRandom r) {
        List<Planted> sessions = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        List<Long> newcomers = new ArrayList<>();
        for (long id = 1; id <= users; id++) {
            Role role = role(id);
            if (role == Role.RING) {
                members.add(id);
            } else if (role == Role.ACQUIRED) {
                newcomers.add(id);
            }
        }
        // Shifts spread over the span, each in an afternoon or evening hour.
        List<Integer> shiftDays = new ArrayList<>();
        for (int k = 1; k <= RING_SHIFTS; k++) {
            int day = Math.min(days - 1, days * k / (RING_SHIFTS + 1));
            if (!shiftDays.contains(day)) {
                shiftDays.add(day);
            }
        }
        for (int day : shiftDays) {
            long hourStart = firstSecond + day * 86_400L + (13 + r.nextInt(9)) * 3600L;
            for (int m = 0; m < members.size(); m++) {
                for (int s = 0; s < RING_SESSIONS; s++) {
                    long minute = 2 + m + (long) s * RING_GAP_MINUTES;
                    sessions.add(new Planted(hourStart + minute * 60 + r.nextInt(30), members.get(m), Role.RING));
                }
            }
        }
        for (long id : newcomers) {
            long dayStart = firstSecond + acquisitionDay(id) * 86_400L;
            sessions.add(new Planted(dayStart + (9 + r.nextInt(13)) * 3600L + r.nextInt(3600), id, Role.ACQUIRED));
        }
        sessions.sort(Comparator.comparingLong(Planted::startSecond).thenComparingLong(Planted::userId));
        return List.copyOf(sessions);
    }
}
