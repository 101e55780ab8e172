package io.shoplens.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patterns the generator plants for the audience analysis, in four weeks of logs read back
 * from the CSV: coffee (category 5) habit buyers who turn to tea (6) in the last week, and
 * programmers who buy more often than others, and young parents who browse baby goods (category 15)
 * and buy more often still.
 */
class PlantedPatternsTest {

    private static final LocalDate START = GenerateSettings.DEFAULT_START;
    /** The analyses' default periods over 28 days: days 15-21 and 22-28. */
    private static final LocalDate BASE_FROM = START.plusDays(14);
    private static final LocalDate CURRENT_FROM = START.plusDays(21);

    @TempDir
    static Path dir;
    static List<CSVRecord> actions;
    static Map<String, String> professionals = new HashMap<>();
    static Shop shop;

    @BeforeAll
    static void generate() {
        GenerateSettings settings = new GenerateSettings(4000, 400, 100, 28, 0, 42, START, List.of(LogFormat.CSV));
        GeneratedLogs.generate(settings, dir);
        shop = new Shop(settings.seed(), settings.users(), settings.products());
        actions = GeneratedLogs.rows(dir.resolve("user_visit_action.csv"));
        for (CSVRecord user : GeneratedLogs.rows(dir.resolve("user_info.csv"))) {
            professionals.put(user.get("user_id"), user.get("professional"));
        }
    }

    @Test
    void coffeeHabitsLapseIntoTeaInTheLastWeek() {
        Map<String, Set<LocalDate>> coffeeDays = new HashMap<>();
        Set<String> coffeeNow = new HashSet<>();
        Set<String> teaNow = new HashSet<>();
        Set<String> activeNow = new HashSet<>();
        for (CSVRecord action : actions) {
            LocalDate date = LocalDate.parse(action.get("date"));
            String user = action.get("user_id");
            List<String> paid = List.of(action.get("pay_category_ids").split(","));
            if (!date.isBefore(BASE_FROM) && date.isBefore(CURRENT_FROM) && paid.contains("5")) {
                coffeeDays.computeIfAbsent(user, u -> new HashSet<>()).add(date);
            }
            if (!date.isBefore(CURRENT_FROM)) {
                activeNow.add(user);
                if (paid.contains("5")) {
                    coffeeNow.add(user);
                }
                if (paid.contains("6")) {
                    teaNow.add(user);
                }
            }
        }
        Set<String> habit = new HashSet<>();
        coffeeDays.forEach((user, days) -> {
            if (days.size() >= 2) {
                habit.add(user);
            }
        });
        Set<String> lapsed = new HashSet<>(habit);
        lapsed.removeAll(coffeeNow);
        Set<String> lapsedToTea = new HashSet<>(lapsed);
        lapsedToTea.retainAll(teaNow);

        assertThat(habit).hasSizeGreaterThanOrEqualTo(10);
        assertThat(lapsed.size()).as("most habit buyers lapse").isGreaterThan(habit.size() / 2);
        assertThat(habit.size() - lapsed.size()).as("some keep their habit").isPositive();
        double teaShareOfLapsed = (double) lapsedToTea.size() / lapsed.size();
        double teaShareOfAll = (double) teaNow.size() / activeNow.size();
        // The audience plan's fading members (keen buyers of everything who stop coming before the
        // last days) lapse from coffee too, and buy nothing instead: they hold the share under 1/2.
        assertThat(teaShareOfLapsed).as("lapsed buyers turn to tea").isGreaterThan(0.4)
                .isGreaterThan(3 * teaShareOfAll);
    }

    @Test
    void programmersPayInMoreOfTheirSessionsThanOthers() {
        // Parents buy more often still: leave them out of both sides.
        Map<String, Double> rates = payingShare(action -> shop.parent(Long.parseLong(action.get("user_id")))
                ? null : "programmer".equals(professionals.get(action.get("user_id"))) ? "programmer" : "other");
        // Others include the repeat buyers, who mean to buy twice as often as a first-time visitor,
        // and a session's pays are capped by its length, whatever the intent.
        assertThat(rates.get("programmer")).isGreaterThan(1.2 * rates.get("other"));
    }

    @Test
    void parentsBrowseBabyGoodsAndPayInMoreOfTheirSessions() {
        Map<String, Double> rates = payingShare(action ->
                shop.parent(Long.parseLong(action.get("user_id"))) ? "parent" : "other");
        assertThat(rates.get("parent")).isGreaterThan(1.4 * rates.get("other"));

        Map<String, int[]> babyClicks = new HashMap<>();
        for (CSVRecord action : actions) {
            if (!action.get("click_category_id").isEmpty()) {
                String group = shop.parent(Long.parseLong(action.get("user_id"))) ? "parent" : "other";
                int[] counts = babyClicks.computeIfAbsent(group, g -> new int[2]);
                counts[0] += "15".equals(action.get("click_category_id")) ? 1 : 0;
                counts[1]++;
            }
        }
        double parents = (double) babyClicks.get("parent")[0] / babyClicks.get("parent")[1];
        double others = (double) babyClicks.get("other")[0] / babyClicks.get("other")[1];
        assertThat(parents).as("parents' clicks on baby goods").isGreaterThan(0.4);
        assertThat(others).as("others' clicks on baby goods").isLessThan(0.1);
    }

    /** Per group (null: left out), the share of its sessions with a pay. */
    private static Map<String, Double> payingShare(java.util.function.Function<CSVRecord, String> groupOf) {
        Map<String, Set<String>> sessions = new HashMap<>();
        Map<String, Set<String>> paying = new HashMap<>();
        for (CSVRecord action : actions) {
            String group = groupOf.apply(action);
            if (group == null) {
                continue;
            }
            sessions.computeIfAbsent(group, g -> new HashSet<>()).add(action.get("session_id"));
            if (!action.get("pay_product_ids").isEmpty()) {
                paying.computeIfAbsent(group, g -> new HashSet<>()).add(action.get("session_id"));
            }
        }
        Map<String, Double> rates = new HashMap<>();
        sessions.forEach((group, all) -> {
            assertThat(all).as(group + " sessions").hasSizeGreaterThan(100);
            rates.put(group, (double) paying.getOrDefault(group, Set.of()).size() / all.size());
        });
        return rates;
    }
}
