package io.shoplens.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.audience.MemoryAudienceMembers;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.generate.AudiencePlan.Role;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.OnTheFly;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.testing.TestSpark;

/**
 * The generated logs tell the audience stories of {@link AudiencePlan}, and the audience tables
 * find them: 4 weeks of 1500 sessions of 200 users, like the sample the app opens.
 */
class AudiencePlantsTest {

    private static final GenerateSettings SETTINGS = new GenerateSettings(1500, 200, 100, 28, 0, 42,
            GenerateSettings.DEFAULT_START, List.of(LogFormat.CSV));
    private static final LocalDate START = GenerateSettings.DEFAULT_START;

    @TempDir
    static Path dir;
    static AudiencePlan plan;
    /** Each session's actions in session order, sessions by start time. */
    static Map<String, List<CSVRecord>> sessions = new LinkedHashMap<>();
    static Map<Long, List<List<CSVRecord>>> byUser = new HashMap<>();

    @BeforeAll
    static void generate() {
        GeneratedLogs.generate(SETTINGS, dir);
        plan = AudiencePlan.of(SETTINGS);
        List<CSVRecord> actions = new ArrayList<>(GeneratedLogs.rows(dir.resolve("user_visit_action.csv")));
        actions.sort(Comparator.comparing((CSVRecord a) -> a.get("action_time")).thenComparingLong(CSVRecord::getRecordNumber));
        for (CSVRecord action : actions) {
            sessions.computeIfAbsent(action.get("session_id"), k -> new ArrayList<>()).add(action);
        }
        for (List<CSVRecord> session : sessions.values()) {
            byUser.computeIfAbsent(Long.parseLong(session.get(0).get("user_id")), k -> new ArrayList<>()).add(session);
        }
    }

    @Test
    void everyRoleHasItsShareOfTheUsersAndThePlantedSessionsCountInTheTotal() {
        Map<Role, Integer> roles = new EnumMap<>(Role.class);
        for (long id = 1; id <= SETTINGS.users(); id++) {
            roles.merge(plan.role(id), 1, Integer::sum);
        }
        assertThat(roles).containsEntry(Role.RING, 4).containsEntry(Role.FADING, 10).containsEntry(Role.RISING, 10)
                .containsEntry(Role.ACQUIRED, 20).containsEntry(Role.REGULAR, 156);
        // 4 members x 6 sessions x 3 shifts, and 20 acquisitions.
        assertThat(plan.planted()).hasSize(92);
        assertThat(sessions).hasSize(1500);
    }

    @Test
    void theRingOnlyComesToOrderAndPayItsProductWithinSecondsAndWithoutAClick() {
        for (long member : users(Role.RING)) {
            List<List<CSVRecord>> own = byUser.get(member);
            assertThat(own).hasSize(18);
            for (List<CSVRecord> session : own) {
                assertThat(session).hasSize(2);
                assertThat(session.get(0).get("order_product_ids")).isEqualTo(String.valueOf(plan.ringProduct()));
                assertThat(session.get(1).get("pay_product_ids")).isEqualTo(String.valueOf(plan.ringProduct()));
                assertThat(seconds(session.get(0), session.get(1))).isBetween(1L, 4L);
                assertThat(session).allSatisfy(a -> assertThat(a.get("click_product_id")).isEmpty());
            }
        }
    }

    @Test
    void acquiredUsersComeFirstThroughADisplayAdAndThenOnlyThroughFreeChannels() {
        int returnedAfterAWeek = 0;
        for (long user : users(Role.ACQUIRED)) {
            List<List<CSVRecord>> own = byUser.get(user);
            assertThat(own.get(0).get(0).get("channel")).isEqualTo("display_ad");
            assertThat(date(own.get(0).get(0))).isEqualTo(START.plusDays(plan.acquisitionDay(user)));
            assertThat(own.subList(1, own.size())).allSatisfy(s -> assertThat(s.get(0).get("channel"))
                    .isNotEqualTo("display_ad"));
            LocalDate acquired = date(own.get(0).get(0));
            returnedAfterAWeek += own.stream().anyMatch(s -> !date(s.get(0)).isBefore(acquired.plusDays(7))) ? 1 : 0;
        }
        assertThat(returnedAfterAWeek).isGreaterThanOrEqualTo(15);
    }

    @Test
    void fadersLeaveAndRisersArriveForTheLastSixDays() {
        LocalDate lastWeek = START.plusDays(22);
        for (long user : users(Role.FADING)) {
            assertThat(byUser.get(user)).allSatisfy(s -> assertThat(date(s.get(0))).isBefore(lastWeek));
        }
        for (long user : users(Role.RISING)) {
            assertThat(byUser.get(user)).allSatisfy(s -> assertThat(date(s.get(0))).isAfterOrEqualTo(lastWeek));
        }
    }

    /** The audience tables over the generated logs find the ring, the movers and the cohort. */
    @Test
    void theAudienceTablesFindWhatWasPlanted() throws Exception {
        try (OnTheFly imported = OnTheFly.importTemporary(List.of(dir), ImportOptions.defaults(), (f, m) -> { },
                CancellationToken.none())) {
            // Held in memory, as the app holds logs this size: the tables are Spark's, value for value
            // (MemoryMembersAndLapsedMatchSparkTest), in a fraction of the time.
            MemoryModel model = MemoryModel.load(SessionModel.of(imported.tables(TestSpark.session())));
            List<MemorySession> held = MemoryFilter.apply(model, SessionFilter.NONE);
            List<ResultTable> tables = MemoryAudienceMembers.tables(model, held, AudienceParams.defaults());

            ResultTable suspects = tables.get(1);
            assertThat(column(suspects, "user_id")).containsExactlyElementsOf(users(Role.RING));

            // The default periods: the current one is the last 7 days, the base one ends before them.
            LocalDate last = sessions.values().stream().flatMap(List::stream).map(AudiencePlantsTest::date)
                    .max(Comparator.naturalOrder()).orElseThrow();
            Map<Long, String> atBaseEnd = segments(model, held, last.minusDays(7));
            Map<Long, String> atEnd = segments(model, held, last);
            for (long user : users(Role.RISING)) {
                assertThat(atBaseEnd).doesNotContainKey(user);
            }
            long risersPaying = users(Role.RISING).stream().filter(atEnd::containsKey).count();
            // Most of them: the planted parents come as often as risers and share the traffic.
            assertThat(risersPaying).isGreaterThan(users(Role.RISING).size() / 2);
            long fadersMoved = users(Role.FADING).stream()
                    .filter(u -> atBaseEnd.containsKey(u) && !atBaseEnd.get(u).equals(atEnd.get(u))).count();
            assertThat(fadersMoved).isGreaterThan(users(Role.FADING).size() / 2);

            ResultTable amplification = tables.get(4);
            for (List<Object> row : amplification.rows()) {
                long week = (Long) row.get(amplification.columnIndex("weeks_since_first"));
                if ("paid_acquired".equals(row.get(0)) && week >= 1 && week <= 2) {
                    assertThat((Double) row.get(amplification.columnIndex("free_share"))).as("week " + week)
                            .isGreaterThan(0.8);
                }
            }
        }
    }

    private static Map<Long, String> segments(MemoryModel model, List<MemorySession> held, LocalDate asOf) {
        AudienceParams params = new AudienceParams(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                3, 2, 10, 100, 10, Optional.of(asOf), List.of("display_ad"));
        ResultTable rfm = MemoryAudienceMembers.tables(model, held, params).get(2);
        Map<Long, String> segments = new HashMap<>();
        for (List<Object> row : rfm.rows()) {
            segments.put((Long) row.get(0), (String) row.get(rfm.columnIndex("segment")));
        }
        return segments;
    }

    private static List<Long> column(ResultTable table, String column) {
        return table.rows().stream().map(r -> (Long) r.get(table.columnIndex(column))).toList();
    }

    private static List<Long> users(Role role) {
        List<Long> users = new ArrayList<>();
        for (long id = 1; id <= SETTINGS.users(); id++) {
            if (plan.role(id) == role) {
                users.add(id);
            }
        }
        return users;
    }

    private static LocalDate date(CSVRecord action) {
        return LocalDate.parse(action.get("date"));
    }

    private static long seconds(CSVRecord from, CSVRecord to) {
        return java.time.Duration.between(time(from), time(to)).getSeconds();
    }

    private static LocalDateTime time(CSVRecord action) {
        return LocalDateTime.parse(action.get("action_time").replace(' ', 'T'));
    }
}
