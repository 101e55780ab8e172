package io.shoplens.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.logs.LogKind;

/** The default (committed sample) set has what every analysis needs to show something. */
class LogGeneratorContentTest {

    @TempDir
    static Path dir;
    static List<CSVRecord> actions;
    static Map<String, List<CSVRecord>> sessions = new LinkedHashMap<>();

    @BeforeAll
    static void generate() {
        GeneratedLogs.generate(GenerateSettings.defaults(), dir);
        actions = GeneratedLogs.rows(dir.resolve("user_visit_action.csv"));
        for (CSVRecord action : actions) {
            sessions.computeIfAbsent(action.get(2), k -> new ArrayList<>()).add(action);
        }
        // Session order of docs/ANALYSES.md: action_time, then position in the file.
        sessions.values().forEach(s -> s.sort(Comparator.comparing((CSVRecord a) -> a.get(4))
                .thenComparingLong(CSVRecord::getRecordNumber)));
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedOtherData(@TempDir Path other) throws IOException {
        GenerateSettings all = new GenerateSettings(120, 30, 25, 2, 2100, 42, GenerateSettings.DEFAULT_START,
                List.of(LogFormat.values()));
        List<GeneratedFile> first = GeneratedLogs.generate(all, other.resolve("a"));
        List<GeneratedFile> second = GeneratedLogs.generate(all, other.resolve("b"));
        assertThat(first).hasSize(36);
        for (int i = 0; i < first.size(); i++) {
            // Within one JVM even Parquet's bytes repeat; across JVMs see GeneratedLogs.assertSameData.
            assertThat(Files.readAllBytes(second.get(i).path())).as(first.get(i).path().toString())
                    .isEqualTo(Files.readAllBytes(first.get(i).path()));
        }
        GenerateSettings reseeded = new GenerateSettings(120, 30, 25, 2, 2100, 43, GenerateSettings.DEFAULT_START,
                List.of(LogFormat.CSV));
        GeneratedLogs.generate(reseeded, other.resolve("c"));
        assertThat(Files.readAllBytes(other.resolve("c/user_visit_action.csv")))
                .isNotEqualTo(Files.readAllBytes(other.resolve("a/csv/user_visit_action.csv")));
    }

    @Test
    void payAmountIsTheSumOfThePaidProductsPricesWhenPresent() throws IOException {
        Map<String, Double> prices = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (CSVRecord product : GeneratedLogs.rows(dir.resolve("product_info.csv"))) {
            prices.put(product.get(0), json.readTree(product.get(2)).get("price").asDouble());
        }
        int withAmount = 0;
        int withoutAmount = 0;
        for (CSVRecord action : actions) {
            if (action.get("pay_product_ids").isEmpty()) {
                continue;
            }
            if (action.get("pay_amount").isEmpty()) {
                withoutAmount++;
                continue;
            }
            withAmount++;
            double sum = 0;
            for (String id : action.get("pay_product_ids").split(",")) {
                sum += prices.get(id);
            }
            assertThat(Double.parseDouble(action.get("pay_amount"))).as(action.toString()).isCloseTo(sum,
                    org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(withAmount).isGreaterThan(100);
        assertThat(withoutAmount).isGreaterThan(10);
    }

    @Test
    void pageFlowJumpsFallAlongOneToSeven() {
        long[] jumps = new long[8];
        for (List<CSVRecord> session : sessions.values()) {
            for (int i = 1; i < session.size(); i++) {
                long from = Long.parseLong(session.get(i - 1).get("page_id"));
                long to = Long.parseLong(session.get(i).get("page_id"));
                if (to == from + 1 && from <= 6) {
                    jumps[(int) from]++;
                }
            }
        }
        for (int step = 1; step < 6; step++) {
            assertThat(jumps[step + 1]).as("jumps %d->%d < %d->%d", step + 1, step + 2, step, step + 1)
                    .isLessThan(jumps[step]);
        }
        assertThat(jumps[6]).isGreaterThan(100);
    }

    @Test
    void sessionsHaveTheShapesTheAnalysesDistinguish() {
        int oneAction = 0;
        int crossMidnight = 0;
        int equalTimes = 0;
        int overSixty = 0;
        Set<String> channels = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        Map<String, Integer> payingSessionsPerUser = new HashMap<>();
        for (List<CSVRecord> session : sessions.values()) {
            oneAction += session.size() == 1 ? 1 : 0;
            overSixty += session.size() > 60 ? 1 : 0;
            crossMidnight += session.get(0).get("date").equals(session.get(session.size() - 1).get("date")) ? 0 : 1;
            boolean pays = false;
            for (int i = 0; i < session.size(); i++) {
                CSVRecord a = session.get(i);
                equalTimes += i > 0 && a.get(4).equals(session.get(i - 1).get(4)) ? 1 : 0;
                channels.add(a.get("channel"));
                assertThat(a.get("channel")).isEqualTo(session.get(0).get("channel"));
                if (!a.get("search_keyword").isEmpty()) {
                    keywords.add(a.get("search_keyword"));
                }
                pays |= !a.get("pay_product_ids").isEmpty();
                assertThat(Long.parseLong(a.get("city_id"))).isBetween(0L, 9L);
            }
            if (pays) {
                payingSessionsPerUser.merge(session.get(0).get("user_id"), 1, Integer::sum);
            }
        }
        assertThat(sessions).hasSize(4000);
        assertThat(oneAction).isGreaterThan(50);
        assertThat(overSixty).isGreaterThan(0);
        assertThat(crossMidnight).isGreaterThan(0);
        assertThat(equalTimes).isGreaterThan(100);
        assertThat(channels).containsExactlyInAnyOrder("search", "recommend", "display_ad", "direct", "social");
        assertThat(keywords).contains("火锅", "蛋糕", "重庆辣子鸡", "新辣道鱼火锅", "国贸大厦", "太古商场", "日本料理", "温泉");
        assertThat(payingSessionsPerUser.values().stream().filter(n -> n >= 2).count()).as("repeat buyers")
                .isGreaterThan(20);
    }

    @Test
    void eveningIsBusierThanNight() {
        int[] perHour = new int[24];
        for (CSVRecord a : actions) {
            perHour[Integer.parseInt(a.get(4).substring(11, 13))]++;
        }
        assertThat(perHour[20] + perHour[21]).isGreaterThan(5 * (perHour[3] + perHour[4]));
    }

    @Test
    void clickFraudUsersCrossTheBlacklistThresholdAndOthersDoNot() {
        List<CSVRecord> clicks = GeneratedLogs.rows(dir.resolve("ad_click.csv"));
        Map<String, Integer> perUserDayAd = new HashMap<>();
        long previous = Long.MIN_VALUE;
        for (CSVRecord click : clicks) {
            long millis = Long.parseLong(click.get("timestamp"));
            assertThat(millis).isGreaterThanOrEqualTo(previous);
            previous = millis;
            LocalDate day = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
            assertThat(day).isBetween(GenerateSettings.DEFAULT_START, GenerateSettings.DEFAULT_START.plusDays(GenerateSettings.defaults().days() - 1));
            perUserDayAd.merge(click.get("user_id") + "|" + day + "|" + click.get("ad_id"), 1, Integer::sum);
        }
        Set<String> blacklisted = new HashSet<>();
        perUserDayAd.forEach((key, n) -> {
            if (n >= 100) {
                blacklisted.add(key.substring(0, key.indexOf('|')));
            }
        });
        assertThat(blacklisted).hasSize(3);
        assertThat(perUserDayAd.values().stream().filter(n -> n < 100).count()).isGreaterThan(1000);
        assertThat(clicks).hasSize(20_000);
        assertThat(clicks.get(0).get("province")).isNotBlank();
    }

    @Test
    void usersAndProductsCoverTheCatalogue() {
        List<CSVRecord> users = GeneratedLogs.rows(dir.resolve(LogKind.USER_INFO.id() + ".csv"));
        assertThat(users).hasSize(400);
        Set<String> sexes = new HashSet<>();
        Set<String> professionals = new HashSet<>();
        for (CSVRecord user : users) {
            sexes.add(user.get("sex"));
            professionals.add(user.get("professional"));
            assertThat(Integer.parseInt(user.get("age"))).isBetween(15, 66);
        }
        assertThat(sexes).containsExactlyInAnyOrder("male", "female");
        assertThat(professionals.size()).isGreaterThan(5);
        List<CSVRecord> products = GeneratedLogs.rows(dir.resolve("product_info.csv"));
        assertThat(products).hasSize(100);
        long thirdParty = products.stream().filter(p -> p.get(2).contains("\"product_status\":1")).count();
        assertThat(thirdParty).isBetween(10L, 70L);
    }
}
