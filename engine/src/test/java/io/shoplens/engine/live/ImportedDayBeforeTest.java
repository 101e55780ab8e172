package io.shoplens.engine.live;

import static io.shoplens.engine.live.LiveGmvStateTest.DAY;
import static io.shoplens.engine.live.LiveGmvStateTest.TODAY;
import static io.shoplens.engine.live.LiveGmvStateTest.YESTERDAY;
import static io.shoplens.engine.live.LiveGmvStateTest.table;
import static io.shoplens.engine.live.LiveGmvStateTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportListener;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.Workspace;

/**
 * A live view that did not read the day before compares today with the workspace's imported
 * actions of that day, and gets the same tables as if the stream had read them.
 */
class ImportedDayBeforeTest {

    private static final Map<Long, Double> PRICES = Map.of(21L, 30.5, 31L, 7.0);
    private static final String YESTERDAY_ROW = "yesterday|2026-12-01|2026-12-01 10:30:00|1|1|100.0|1.0|100.0";

    @TempDir
    Path dir;

    @Test
    void todayIsSetAgainstTheImportedDayAsIfTheStreamHadReadIt() {
        SparkSession spark = TestSpark.session();
        LiveGmvState both = new LiveGmvState(LiveGmvParams.defaults());
        both.merge(0, actions(values(spark, TODAY), 0), List.of(), List.of());
        both.merge(1, actions(values(spark, YESTERDAY), 100), List.of(), List.of());
        LiveGmvState todayOnly = new LiveGmvState(LiveGmvParams.defaults());
        todayOnly.merge(0, actions(values(spark, TODAY), 0), List.of(), List.of());
        List<LocalDate[]> asked = new ArrayList<>();
        ImportedDayBefore imported = new ImportedDayBefore(holding(spark, YESTERDAY, asked), LiveGmvParams.defaults(), PRICES);

        LiveGmvUpdate update = LiveGmvUpdate.of(todayOnly, 0, imported);

        assertThat(update.dayBefore()).isEqualTo(LiveGmvUpdate.DayBefore.IMPORTED);
        LiveGmvStateTest.assertSame(update.tables(), LiveGmvTables.of(both));
        assertThat(Tables.lines(update.table("gmv_same_time"))).contains(YESTERDAY_ROW);
        assertThat(update.table("gmv_bridge").rows()).isNotEmpty();
        // The evening before is read too, for sessions that began then; and only once per open day.
        LiveGmvUpdate.of(todayOnly, 1, imported);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1));
    }

    @Test
    void whatTheStreamReadOfTheDayBeforeWins() {
        SparkSession spark = TestSpark.session();
        LiveGmvState both = new LiveGmvState(LiveGmvParams.defaults());
        both.merge(0, actions(values(spark, TODAY), 0), List.of(), List.of());
        both.merge(1, actions(values(spark, YESTERDAY), 100), List.of(), List.of());
        // The imported logs would say 2 sessions by 10:30 yesterday.
        List<String> other = List.of(
                "2026-12-01|9|s9|1|2026-12-01 08:00:00||||||||1|search|",
                "2026-12-01|10|s10|1|2026-12-01 08:30:00||||||||1|search|");
        List<LocalDate[]> asked = new ArrayList<>();
        ImportedDayBefore imported = new ImportedDayBefore(holding(spark, other, asked), LiveGmvParams.defaults(), PRICES);

        LiveGmvUpdate update = LiveGmvUpdate.of(both, 1, imported);

        assertThat(update.dayBefore()).isEqualTo(LiveGmvUpdate.DayBefore.STREAM);
        assertThat(Tables.lines(update.table("gmv_same_time"))).contains(YESTERDAY_ROW);
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutTheDayBeforeAnywhereThereIsNothingToCompareWith() {
        SparkSession spark = TestSpark.session();
        LiveGmvState todayOnly = new LiveGmvState(LiveGmvParams.defaults());
        todayOnly.merge(0, actions(values(spark, TODAY), 0), List.of(), List.of());
        // Two days before: not the day before.
        List<String> older = List.of("2026-11-30|9|s9|1|2026-11-30 08:00:00||||||||1|search|");
        ImportedDayBefore imported = new ImportedDayBefore(holding(spark, older, new ArrayList<>()),
                LiveGmvParams.defaults(), PRICES);

        LiveGmvUpdate update = LiveGmvUpdate.of(todayOnly, 0, imported);

        assertThat(update.dayBefore()).isEqualTo(LiveGmvUpdate.DayBefore.NONE);
        assertThat(Tables.lines(update.table("gmv_same_time"))).hasSize(1).allMatch(l -> l.startsWith("today|"));
        assertThat(update.table("gmv_bridge").rows()).isEmpty();
    }

    @Test
    void readsTheDayFromTheWorkspacesImportedActions() throws IOException {
        SparkSession spark = TestSpark.session();
        Path csv = dir.resolve("user_visit_action.csv");
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", LogKind.USER_VISIT_ACTION.schema().fieldNames()));
        YESTERDAY.forEach(l -> lines.add(l.replace('|', ',')));
        Files.write(csv, lines, StandardCharsets.UTF_8);
        LiveGmvState todayOnly = new LiveGmvState(LiveGmvParams.defaults());
        todayOnly.merge(0, actions(values(spark, TODAY), 0), List.of(), List.of());
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Importer.importFiles(ws, List.of(csv), ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none());

            ImportedDayBefore imported = ImportedDayBefore.of(spark, ws, LiveGmvParams.defaults(), PRICES);
            LiveGmvUpdate update = LiveGmvUpdate.of(todayOnly, 0, imported);

            assertThat(update.dayBefore()).isEqualTo(LiveGmvUpdate.DayBefore.IMPORTED);
            assertThat(Tables.lines(table(update.tables(), "gmv_same_time"))).contains(YESTERDAY_ROW);
            // s7's action after midnight is dated the open day, but its session is the day before's.
            assertThat(imported.counts(DAY)).isEmpty();
        }
    }

    @Test
    void aFailedReadLeavesTheViewWithoutAComparison() {
        SparkSession spark = TestSpark.session();
        LiveGmvState todayOnly = new LiveGmvState(LiveGmvParams.defaults());
        todayOnly.merge(0, actions(values(spark, TODAY), 0), List.of(), List.of());
        ImportedDayBefore broken = new ImportedDayBefore((from, to) -> {
            throw new IllegalStateException("the Parquet was removed");
        }, LiveGmvParams.defaults(), PRICES);

        assertThat(LiveGmvUpdate.of(todayOnly, 0, broken).dayBefore()).isEqualTo(LiveGmvUpdate.DayBefore.NONE);
    }

    /** Imported actions holding {@code lines}: the rows of the asked dates, in the lines' order. */
    private static BiFunction<LocalDate, LocalDate, List<Object[]>> holding(SparkSession spark, List<String> lines,
                                                                        List<LocalDate[]> asked) {
        List<Object[]> rows = values(spark, lines);
        return (from, to) -> {
            asked.add(new LocalDate[] {from, to});
            return rows.stream().filter(v -> {
                LocalDate date = (LocalDate) v[0];
                return !date.isBefore(from) && !date.isAfter(to);
            }).toList();
        };
    }

    private static List<GmvAction> actions(List<Object[]> values, long firstOffset) {
        List<GmvAction> actions = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            actions.add(GmvAction.of(values.get(i), GmvAction.FROM_ACTIONS, 0, firstOffset + i, PRICES));
        }
        return actions;
    }
}
