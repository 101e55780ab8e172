package io.shoplens.engine.generate;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the one seed: one per part of the data (so adding ad
 * clicks does not change the actions) and one per entity id (so a user's or product's attributes
 * are computed again when needed instead of held in memory).
 */
final class Seeds {

    static final long ACTIONS = 1;
    static final long SESSION_IDS = 2;
    static final long TRAFFIC = 3;
    static final long ADS = 4;
    static final long AD_TRAFFIC = 5;
    static final long USERS = 6;
    static final long PRODUCTS = 7;
    static final long AD_USERS = 8;
    static final long AUDIENCE = 9;
    static final long HABITS = 10;
    static final long PARENTS = 11;

    private Seeds() {
    }

    static SplittableRandom stream(long seed, long part) {
        return new SplittableRandom(mix(seed, part, 0));
    }

    static SplittableRandom entity(long seed, long part, long id) {
        return new SplittableRandom(mix(seed, part, id));
    }

    /** Stafford's mix13 of a combination, so neighbouring ids give unrelated streams. */
    private static long mix(long seed, long part, long id) {
        long z = seed * 0x9E3779B97F4A7C15L + part * 0xD1B54A32D192ED03L + id;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
