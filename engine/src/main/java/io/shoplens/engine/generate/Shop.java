package io.shoplens.engine.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shoplens.engine.logs.DefaultCities;

/**
 * The shop's catalogue and customers. Every attribute of a product or user is computed from the
 * seed and its id, so actions can look up a price or a home city at any time without a table of
 * all users or products in memory; only the product popularity curve (one double per product)
 * is held.
 */
final class Shop {

    static final String[] CATEGORY_NAMES = {
        "手机", "笔记本", "耳机", "零食", "咖啡", "茶叶", "服装", "鞋靴", "图书", "玩具",
        "美妆", "家电", "厨具", "运动", "母婴", "宠物", "生鲜", "酒水", "箱包", "家具"};
    private static final int[] CATEGORY_BASE_YUAN = {
        2999, 5999, 399, 29, 69, 199, 159, 299, 49, 129,
        259, 1299, 189, 239, 169, 89, 79, 139, 349, 899};
    private static final String[] PROFESSIONALS = {
        "student", "teacher", "engineer", "programmer", "designer", "doctor",
        "nurse", "accountant", "sales", "lawyer", "manager", "freelancer"};
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN_NAMES = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
        "超", "秀英", "霞", "平", "刚", "桂英", "晨", "宇", "欣怡", "子涵", "浩然", "思远"};
    /** Users per city of {@link DefaultCities}, by city id: the big cities have more customers. */
    private static final double[] CITY_WEIGHTS = {16, 16, 8, 13, 4, 10, 8, 8, 11, 6};
    private static final double MAX_ACTIVITY = 4.0;
    /** The planted habit: coffee buyers, some of whom turn to tea (categories 5 and 6). */
    private static final long HABIT_CATEGORY = 5;
    private static final long SUBSTITUTE_CATEGORY = 6;
    /** Repeat buyers who have the habit, and habit buyers who switch. */
    private static final double HABIT_SHARE = 0.5;
    private static final double SWITCH_SHARE = 0.7;
    /** The planted segment: these users mean to buy this many times as often as others. */
    static final String KEEN_PROFESSIONAL = "programmer";
    static final double KEEN_INTENT = 4.0;
    /**
     * The planted look-alike segment, the article's example: young parents browse 母婴 (baby
     * goods) and buy far more often, so {@code likes:15} marks the buyers and finds the parents
     * who have not bought yet.
     */
    static final long PARENT_CATEGORY = 15;
    static final double PARENT_CLICK = 0.5;
    static final double PARENT_INTENT = 4.0;
    private static final double PARENT_SHARE = 0.3;
    private static final ObjectMapper JSON = new ObjectMapper();

    record User(long id, String username, String name, int age, String professional, long cityId,
                String sex, boolean repeatBuyer) {
    }

    record City(long id, String name, String area, int areaIndex) {
    }

    /**
     * A buying habit planted in the logs, so the audience analysis has lapsed buyers to find: the
     * user keeps paying for {@code category}; a switcher pays for {@code substitute} instead from
     * the switch day on.
     */
    record Habit(long category, long substitute, boolean switches) {

        /** The category the user is after on a day before or after the switch. */
        long categoryOn(boolean switched) {
            return switches && switched ? substitute : category;
        }
    }

    private final long seed;
    private final int users;
    private final int products;
    private final int categories;
    private final List<City> cities = new ArrayList<>();
    private final List<String> areas = new ArrayList<>();
    private final double[] popularityCdf;

    Shop(long seed, int users, int products) {
        this.seed = seed;
        this.users = users;
        this.products = products;
        this.categories = Math.min(CATEGORY_NAMES.length, products);
        for (Row row : DefaultCities.rows()) {
            String area = row.getString(2);
            if (!areas.contains(area)) {
                areas.add(area);
            }
            cities.add(new City(row.getLong(0), row.getString(1), area, areas.indexOf(area)));
        }
        // Zipf-like popularity by rank: a few products get most clicks, as in any shop.
        popularityCdf = new double[products];
        double sum = 0;
        for (int rank = 0; rank < products; rank++) {
            sum += 1.0 / StrictMath.pow(rank + 1, 0.9);
            popularityCdf[rank] = sum;
        }
        for (int rank = 0; rank < products; rank++) {
            popularityCdf[rank] /= sum;
        }
    }

    int users() {
        return users;
    }

    int products() {
        return products;
    }

    List<City> cities() {
        return cities;
    }

    City city(long id) {
        return cities.get((int) id);
    }

    int areaCount() {
        return areas.size();
    }

    /** How many categories the products fall into: ids 1..this. */
    int categories() {
        return categories;
    }

    String categoryName(long categoryId) {
        return CATEGORY_NAMES[(int) categoryId - 1];
    }

    long categoryOf(long productId) {
        return (productId - 1) % categories + 1;
    }

    String productName(long productId) {
        return CATEGORY_NAMES[(int) categoryOf(productId) - 1] + String.format("%04d", productId);
    }

    /** Whole yuan, or .9 below it like shops price; in cents so that sums are exact. */
    long priceCents(long productId) {
        SplittableRandom r = Seeds.entity(seed, Seeds.PRODUCTS, productId);
        int base = CATEGORY_BASE_YUAN[(int) categoryOf(productId) - 1];
        double yuan = Math.max(1, StrictMath.round(base * StrictMath.exp(0.35 * gaussian(r))));
        return (long) yuan * 100 - (r.nextDouble() < 0.5 ? 10 : 0);
    }

    /** 0 self-operated (most products), 1 third party. */
    int statusOf(long productId) {
        SplittableRandom r = Seeds.entity(seed, Seeds.PRODUCTS, productId);
        r.nextLong();
        r.nextLong();
        r.nextLong();
        return r.nextDouble() < 0.62 ? 0 : 1;
    }

    String extendInfo(long productId) {
        ObjectNode info = JSON.createObjectNode();
        info.put("product_status", statusOf(productId));
        info.put("price", priceCents(productId) / 100.0);
        try {
            return JSON.writeValueAsString(info);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    User user(long userId) {
        SplittableRandom r = Seeds.entity(seed, Seeds.USERS, userId);
        int age = r.nextDouble() < 0.04 ? 15 + r.nextInt(3) : 18 + (int) (48 * StrictMath.pow(r.nextDouble(), 1.7));
        String professional = age < 22 && r.nextDouble() < 0.7
                ? "student" : PROFESSIONALS[r.nextInt(PROFESSIONALS.length)];
        long cityId = pick(CITY_WEIGHTS, r);
        String sex = r.nextDouble() < 0.52 ? "female" : "male";
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN_NAMES[r.nextInt(GIVEN_NAMES.length)];
        boolean repeatBuyer = r.nextDouble() < 0.2;
        return new User(userId, "user" + userId, name, age, professional, cityId, sex, repeatBuyer);
    }

    /**
     * The user's planted habit, or null: half of the repeat buyers have one (a stream of its own,
     * so the users' other attributes are those without habits). Needs both categories in the shop.
     */
    Habit habit(long userId) {
        if (categories < SUBSTITUTE_CATEGORY || !user(userId).repeatBuyer()) {
            return null;
        }
        SplittableRandom r = Seeds.entity(seed, Seeds.HABITS, userId);
        return r.nextDouble() < HABIT_SHARE
                ? new Habit(HABIT_CATEGORY, SUBSTITUTE_CATEGORY, r.nextDouble() < SWITCH_SHARE) : null;
    }

    /** The planted segment whose tag lifts conversion: {@code professional:programmer} buys more. */
    static double intentFactor(User user) {
        return KEEN_PROFESSIONAL.equals(user.professional()) ? KEEN_INTENT : 1.0;
    }

    /**
     * Whether the user is a young parent (22–40, a stream of its own so that the users' other
     * attributes stay as they were). Needs the baby category in the shop.
     */
    boolean parent(long userId) {
        if (categories < PARENT_CATEGORY) {
            return false;
        }
        int age = user(userId).age();
        return age >= 22 && age <= 40 && Seeds.entity(seed, Seeds.PARENTS, userId).nextDouble() < PARENT_SHARE;
    }

    /** A product of {@code category}, uniformly among the category's products. */
    long pickProductIn(long category, SplittableRandom r) {
        long count = (products - category) / categories + 1;
        return category + categories * r.nextLong(count);
    }

    /** Repeat buyers and parents come back far more often; everyone else somewhat unevenly. */
    private double activity(long userId) {
        SplittableRandom r = Seeds.entity(seed, Seeds.USERS, userId + Long.MIN_VALUE / 2);
        return user(userId).repeatBuyer() || parent(userId) ? MAX_ACTIVITY : 0.3 + 1.2 * r.nextDouble();
    }

    /**
     * A user for a session on {@code day}, by activity as {@code plan} has it that day (rejection
     * sampling: no table of weights). The plan leaves most users as they are, so some always come.
     */
    long pickUser(SplittableRandom r, AudiencePlan plan, int day) {
        while (true) {
            long candidate = 1 + r.nextInt(users);
            if (r.nextDouble() * MAX_ACTIVITY < plan.activity(candidate, day, activity(candidate), MAX_ACTIVITY)) {
                return candidate;
            }
        }
    }

    /**
     * A product to click: half of the time by the shop-wide popularity, half by the area's own
     * taste (the same curve rotated per area), so the hot products differ between areas.
     */
    long pickProduct(SplittableRandom r, int areaIndex) {
        int rank = Arrays.binarySearch(popularityCdf, r.nextDouble());
        rank = rank >= 0 ? rank : -rank - 1;
        rank = Math.min(rank, products - 1);
        int shift = r.nextBoolean() ? 0 : areaIndex * (products / areas.size() + 1);
        return (rank + shift) % products + 1;
    }

    long pickCity(SplittableRandom r) {
        return pick(CITY_WEIGHTS, r);
    }

    static int pick(double[] weights, SplittableRandom r) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = r.nextDouble() * sum;
        for (int i = 0; i < weights.length - 1; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Box-Muller of our own, so the bytes do not depend on a JDK's nextGaussian algorithm. */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * r.nextDouble());
    }
}
