package io.shoplens.engine.overview;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.model.SessionModelBuilder;

/** {@link Overview}s of filtered sessions, on Spark or in memory, the same numbers both ways. */
public final class Overviews {

    private Overviews() {
    }

    /** Over the model's filtered sessions: one small Spark job (a row per date), one for the users. */
    public static Overview of(Dataset<Row> sessions) {
        List<Row> perDay = sessions.groupBy(col(SessionColumns.FIRST_DATE)).agg(count(lit(1)).as("sessions"),
                        sum(col(SessionColumns.ORDERS)).as("orders"),
                        coalesce(sum(col(SessionColumns.GMV)), lit(0).cast(SessionModelBuilder.MONEY)).as("gmv"),
                        sum(col(SessionColumns.ORDERS_WITHOUT_AMOUNT)).as("without"))
                .orderBy(SessionColumns.FIRST_DATE).collectAsList();
        long users = sessions.agg(count_distinct(col(SessionColumns.USER_ID))).first().getLong(0);
        List<Overview.Day> days = new ArrayList<>();
        long total = 0;
        long orders = 0;
        long without = 0;
        BigDecimal gmv = BigDecimal.ZERO.setScale(MemoryModel.MONEY_SCALE);
        for (Row r : perDay) {
            Overview.Day day = new Overview.Day(r.getDate(0).toLocalDate(), r.getLong(1), r.getLong(2),
                    r.getDecimal(3).setScale(MemoryModel.MONEY_SCALE));
            days.add(day);
            total += day.sessions();
            orders += day.orders();
            gmv = gmv.add(day.gmv());
            without += r.getLong(4);
        }
        return new Overview(total, users, orders, gmv, without, days);
    }

    /** Over in-memory filtered sessions. */
    public static Overview of(List<MemorySession> sessions) {
        Map<Integer, long[]> perDay = new TreeMap<>();
        Set<Long> users = new HashSet<>();
        long without = 0;
        for (MemorySession s : sessions) {
            long[] day = perDay.computeIfAbsent(s.firstDate(), d -> new long[3]);
            day[0]++;
            day[1] += s.orders();
            day[2] = Math.addExact(day[2], s.gmvMicros());
            without += s.ordersWithoutAmount();
            // Spark's count of distinct ids leaves out sessions without a user.
            if (s.userId() != MemoryAction.NONE) {
                users.add(s.userId());
            }
        }
        List<Overview.Day> days = new ArrayList<>();
        long total = 0;
        long orders = 0;
        long gmv = 0;
        for (Map.Entry<Integer, long[]> e : perDay.entrySet()) {
            long[] v = e.getValue();
            days.add(new Overview.Day(java.time.LocalDate.ofEpochDay(e.getKey()), v[0], v[1],
                    BigDecimal.valueOf(v[2], MemoryModel.MONEY_SCALE)));
            total += v[0];
            orders += v[1];
            gmv = Math.addExact(gmv, v[2]);
        }
        return new Overview(total, users.size(), orders, BigDecimal.valueOf(gmv, MemoryModel.MONEY_SCALE), without,
                days);
    }
}
