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
 * programmers who buy more often than others.
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

    @BeforeAll
    static void generate() {
        GeneratedLogs.generate(new GenerateSettings(3000, 200, 100, 28, 0, 42, START,
                List.of(LogFormat.CSV)), dir);
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
        Map<String, Set<String>> sessions = new HashMap<>();
        Map<String, Set<String>> paying = new HashMap<>();
        for (CSVRecord action : actions) {
            String group = "programmer".equals(professionals.get(action.get("user_id"))) ? "programmer" : "other";
            sessions.computeIfAbsent(group, g -> new HashSet<>()).add(action.get("session_id"));
            if (!action.get("pay_product_ids").isEmpty()) {
                paying.computeIfAbsent(group, g -> new HashSet<>()).add(action.get("session_id"));
            }
        }
        double programmers = (double) paying.get("programmer").size() / sessions.get("programmer").size();
        double others = (double) paying.get("other").size() / sessions.get("other").size();
        assertThat(sessions.get("programmer")).hasSizeGreaterThan(100);
        // Others include the repeat buyers, who mean to buy twice as often as a first-time visitor.
        assertThat(programmers).isGreaterThan(1.4 * others);
    }
}
