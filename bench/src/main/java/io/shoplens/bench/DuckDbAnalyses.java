package io.shoplens.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shoplens.engine.analysis.ResultTable;

/**
 * The analyses of docs/ANALYSES.md as DuckDB SQL over the relations {@link DuckDbSources} makes, with
 * the same interpretation choices as the engine (docs/ANALYSES.md): session order by
 * (action_time, source_file, source_line), the 0s visit bucket, distinct ids per action, decimal
 * money, ad dates in UTC. Every query is one statement a DuckDB user would write; a table's name
 * is the engine's, so {@link TableComparison} can set them side by side.
 *
 * <p>Not computed here: {@code sampled_sessions} (its draw order is Spark's {@code xxhash64}) and
 * the GMV cube's coverage table; everything else the engine's {@code --analysis all} computes by
 * default is, so the timings compare like with like.
 */
final class DuckDbAnalyses {

    /** Session order of docs/ANALYSES.md. */
    private static final String SESSION_ORDER = "action_time, source_file, source_line";

    private static final String VISIT_BUCKETS = """
            CASE WHEN secs = 0 THEN 0 WHEN secs <= 3 THEN 1 WHEN secs <= 6 THEN 2 WHEN secs <= 9 THEN 3
                 WHEN secs <= 30 THEN 4 WHEN secs <= 60 THEN 5 WHEN secs <= 180 THEN 6 WHEN secs <= 600 THEN 7
                 WHEN secs <= 1800 THEN 8 ELSE 9 END""";
    private static final String VISIT_NAMES =
            "('0s',0),('1s_3s',1),('4s_6s',2),('7s_9s',3),('10s_30s',4),('30s_60s',5),('1m_3m',6),('3m_10m',7),"
                    + "('10m_30m',8),('30m',9)";
    private static final String STEP_BUCKETS = """
            CASE WHEN steps <= 3 THEN 0 WHEN steps <= 6 THEN 1 WHEN steps <= 9 THEN 2 WHEN steps <= 30 THEN 3
                 WHEN steps <= 60 THEN 4 ELSE 5 END""";
    private static final String STEP_NAMES = "('1_3',0),('4_6',1),('7_9',2),('10_30',3),('30_60',4),('60',5)";

    /** An id list as distinct trimmed ids, one row each (docs/ANALYSES.md: once per distinct id per action). */
    private static String idsOf(String list) {
        return "unnest(list_distinct(string_split(regexp_replace(" + list + ", '\\s+', '', 'g'), ',')))";
    }

    static final Map<String, List<Query>> ANALYSES = new LinkedHashMap<>();

    static {
        String sessions = "sess AS (SELECT session_id, count(*) AS steps,"
                + " (epoch_us(max(action_time)) - epoch_us(min(action_time))) // 1000000 AS secs"
                + " FROM actions GROUP BY session_id)";
        String mentions = "mentions AS ("
                + " SELECT click_category_id AS category_id, 1 AS c, 0 AS o, 0 AS p FROM actions"
                + "   WHERE click_category_id IS NOT NULL"
                + " UNION ALL SELECT TRY_CAST(id AS BIGINT), 0, 1, 0 FROM (SELECT " + idsOf("order_category_ids")
                + "   AS id FROM actions WHERE order_category_ids IS NOT NULL)"
                + " UNION ALL SELECT TRY_CAST(id AS BIGINT), 0, 0, 1 FROM (SELECT " + idsOf("pay_category_ids")
                + "   AS id FROM actions WHERE pay_category_ids IS NOT NULL)),"
                + " top AS (SELECT row_number() OVER (ORDER BY click_count DESC, order_count DESC, pay_count DESC,"
                + "   category_id) AS rank, * FROM (SELECT category_id, sum(c) AS click_count, sum(o) AS order_count,"
                + "   sum(p) AS pay_count FROM mentions WHERE category_id IS NOT NULL AND category_id <> -1"
                + "   GROUP BY category_id) QUALIFY rank <= 10)";
        ANALYSES.put("sessions", List.of(
                distribution("visit_length", sessions, VISIT_BUCKETS, VISIT_NAMES),
                distribution("step_length", sessions, STEP_BUCKETS, STEP_NAMES),
                new Query("top_categories", "WITH " + mentions
                        + " SELECT rank, category_id, click_count, order_count, pay_count FROM top ORDER BY rank"),
                new Query("top_sessions", "WITH " + mentions + ", clicks AS (SELECT click_category_id AS category_id,"
                        + " session_id, count(*) AS clicks FROM actions WHERE click_category_id IS NOT NULL"
                        + " AND click_category_id IN (SELECT category_id FROM top) GROUP BY ALL)"
                        + " SELECT category_id, rank, session_id, clicks FROM (SELECT c.category_id,"
                        + "   row_number() OVER (PARTITION BY c.category_id ORDER BY clicks DESC, session_id) AS rank,"
                        + "   session_id, clicks, t.rank AS category_rank FROM clicks c JOIN top t USING (category_id))"
                        + " WHERE rank <= 10 ORDER BY category_rank, rank")));

        String flow = "[1, 2, 3, 4, 5, 6, 7]";
        ANALYSES.put("pages", List.of(
                new Query("page_jumps", "WITH steps(step, from_page, to_page) AS (SELECT i, " + flow + "[i], "
                        + flow + "[i + 1] FROM range(1, 7) r(i)),"
                        + " jumps AS (SELECT page_id AS from_page, lead(page_id) OVER (PARTITION BY session_id"
                        + "   ORDER BY " + SESSION_ORDER + ") AS to_page FROM actions),"
                        + " counted AS (SELECT from_page, to_page, count(*) AS n FROM jumps"
                        + "   WHERE (from_page, to_page) IN (SELECT (from_page, to_page) FROM steps) GROUP BY ALL),"
                        + " views AS (SELECT count(*) AS v FROM actions WHERE page_id = " + flow + "[1]),"
                        + " x AS (SELECT step, from_page, to_page, coalesce(n, 0) AS jumps,"
                        + "   coalesce(lag(coalesce(n, 0)) OVER (ORDER BY step), v) AS previous, v"
                        + "   FROM steps LEFT JOIN counted USING (from_page, to_page), views)"
                        + " SELECT step, from_page, to_page, jumps,"
                        + " CASE WHEN previous <> 0 THEN jumps::DOUBLE / previous END AS step_rate,"
                        + " CASE WHEN v <> 0 THEN jumps::DOUBLE / v END AS cumulative_rate FROM x ORDER BY step"),
                new Query("session_funnel", "WITH paths AS (SELECT list(page_id ORDER BY " + SESSION_ORDER
                        + ") AS path FROM actions WHERE page_id IN (SELECT unnest(" + flow + ")) GROUP BY session_id),"
                        // Greedy subsequence match: k pages reached, the next one wanted is flow[k + 1].
                        + " reach AS (SELECT list_reduce(path, lambda k, p: CASE WHEN p = " + flow
                        + "[k + 1] THEN k + 1 ELSE k END, 0::BIGINT) AS reached FROM paths),"
                        + " steps AS (SELECT i AS step, " + flow + "[i] AS page_id FROM range(1, 8) r(i)),"
                        + " counted AS (SELECT step, page_id, count(reached) AS sessions FROM steps"
                        + "   LEFT JOIN reach ON reached >= step GROUP BY ALL)"
                        + " SELECT step, page_id, sessions, CASE WHEN first(sessions) OVER (ORDER BY step) <> 0"
                        + " THEN sessions::DOUBLE / first(sessions) OVER (ORDER BY step) END AS rate"
                        + " FROM counted ORDER BY step")));

        ANALYSES.put("products", List.of(new Query("top_products", """
                WITH city AS (SELECT city_id, min({'name': city_name, 'area': area}) AS c FROM cities GROUP BY city_id),
                clicks AS (SELECT a.click_product_id AS product_id, a.city_id, coalesce(c.c.area, '(unknown)') AS area,
                           c.c.name AS city_name
                           FROM actions a LEFT JOIN city c ON a.city_id = c.city_id WHERE a.click_product_id IS NOT NULL),
                per AS (SELECT area, product_id, count(*) AS clicks FROM clicks GROUP BY ALL),
                names AS (SELECT area, product_id, string_agg(city_name, ',' ORDER BY first_id) AS cities
                          FROM (SELECT area, product_id, city_name, min(city_id) AS first_id FROM clicks
                                WHERE city_name IS NOT NULL GROUP BY ALL) GROUP BY ALL),
                top AS (SELECT *, row_number() OVER (PARTITION BY area ORDER BY clicks DESC, product_id) AS rank
                        FROM per QUALIFY rank <= 3),
                product AS (SELECT product_id, min({'name': product_name, 'status': product_status}) AS p
                            FROM products GROUP BY product_id)
                SELECT t.area,
                       CASE WHEN t.area IN ('华北', '华东') THEN 'A' WHEN t.area IN ('华南', '华中') THEN 'B'
                            WHEN t.area IN ('西北', '西南') THEN 'C' ELSE 'D' END AS area_level,
                       t.rank, t.product_id,
                       CASE WHEN p.product_id IS NULL THEN '(unknown)' ELSE p.p.name END AS product_name,
                       CASE p.p.status WHEN 0 THEN 'self' WHEN 1 THEN 'third_party' ELSE 'unknown' END AS product_status,
                       t.clicks, coalesce(n.cities, '') AS cities
                FROM top t LEFT JOIN names n USING (area, product_id) LEFT JOIN product p ON t.product_id = p.product_id
                ORDER BY area_level, t.area, t.rank""")));

        String kept = """
                WITH c AS (SELECT *, CAST(epoch_ms(timestamp) AS DATE) AS date,
                                  strftime(epoch_ms(timestamp), '%Y-%m-%d %H:%M') AS minute FROM ad_clicks),
                bl AS (SELECT user_id, date, ad_id, count(*) AS clicks FROM c WHERE user_id IS NOT NULL
                       GROUP BY ALL HAVING count(*) >= 100),
                since AS (SELECT user_id, min(date) AS d FROM bl GROUP BY user_id),
                kept AS (SELECT c.* FROM c LEFT JOIN since s ON c.user_id = s.user_id WHERE s.d IS NULL OR c.date < s.d),
                daily AS (SELECT date, province, city, ad_id, count(*) AS clicks FROM kept GROUP BY ALL)
                """;
        ANALYSES.put("ads", List.of(
                new Query("blacklist", kept + " SELECT user_id, date, ad_id, clicks FROM bl ORDER BY ALL"),
                new Query("daily_clicks", kept + " SELECT * FROM daily ORDER BY date, province, city, ad_id"),
                new Query("top_ads", kept + """
                        SELECT date, province, row_number() OVER (PARTITION BY date, province
                               ORDER BY clicks DESC, ad_id) AS rank, ad_id, clicks
                        FROM (SELECT date, province, ad_id, sum(clicks) AS clicks FROM daily GROUP BY ALL)
                        QUALIFY rank <= 3 ORDER BY date, province, rank"""),
                new Query("minute_trend", kept + """
                        , latest AS (SELECT max(timestamp) AS l FROM ad_clicks)
                        SELECT minute, ad_id, count(*) AS clicks FROM kept, latest
                        WHERE timestamp - (timestamp % 60000) > l - 3600000 AND timestamp - (timestamp % 60000) <= l
                        GROUP BY ALL ORDER BY minute, ad_id""")));

        String cube = """
                WITH first AS (SELECT session_id, first(date ORDER BY %1$s) AS date,
                                      first(user_id ORDER BY %1$s) AS user_id, first(city_id ORDER BY %1$s) AS city_id,
                                      first(channel ORDER BY %1$s) AS channel FROM actions GROUP BY session_id),
                city AS (SELECT city_id, min({'name': city_name, 'area': area}) AS c FROM cities GROUP BY city_id),
                usr AS (SELECT user_id, min({'sex': sex, 'professional': professional, 'age': age}) AS u
                        FROM users GROUP BY user_id),
                sess AS (SELECT f.session_id, f.date,
                           CASE WHEN trim(coalesce(f.channel, '')) = '' THEN 'unknown' ELSE f.channel END AS channel,
                           CASE WHEN trim(coalesce(c.c.area, '')) = '' THEN '(unknown)' ELSE c.c.area END AS area,
                           CASE WHEN trim(coalesce(c.c.name, '')) = '' THEN '(unknown)' ELSE c.c.name END AS city,
                           CASE WHEN trim(coalesce(u.u.sex, '')) = '' THEN 'unknown' ELSE u.u.sex END AS sex,
                           CASE WHEN trim(coalesce(u.u.professional, '')) = '' THEN 'unknown'
                                ELSE u.u.professional END AS professional,
                           CASE WHEN u.u.age IS NULL THEN 'unknown' WHEN u.u.age < 18 THEN '<18'
                                WHEN u.u.age <= 24 THEN '18-24' WHEN u.u.age <= 34 THEN '25-34'
                                WHEN u.u.age <= 44 THEN '35-44' WHEN u.u.age <= 54 THEN '45-54' ELSE '55+' END AS age_group
                         FROM first f LEFT JOIN city c ON f.city_id = c.city_id LEFT JOIN usr u ON f.user_id = u.user_id),
                pays AS (SELECT session_id, source_file, source_line, pay_amount, pay_product_ids FROM actions
                         WHERE pay_product_ids IS NOT NULL OR pay_category_ids IS NOT NULL),
                price AS (SELECT product_id, min({'name': product_name, 'price': price}).price AS price
                          FROM products GROUP BY product_id),
                items AS (SELECT source_file, source_line, item FROM (SELECT source_file, source_line,
                                 trim(unnest(string_split(pay_product_ids, ','))) AS item FROM pays
                                 WHERE pay_amount IS NULL) WHERE item <> ''),
                priced AS (SELECT source_file, source_line, count(*) AS items, count(p.price) AS priced,
                                  sum(p.price::DECIMAL(38, 6)) AS price_sum
                           FROM items LEFT JOIN price p ON TRY_CAST(item AS BIGINT) = p.product_id GROUP BY ALL),
                orders AS (SELECT session_id, CASE WHEN pay_amount IS NOT NULL THEN pay_amount::DECIMAL(38, 6)
                                  WHEN items > 0 AND priced = items THEN price_sum END AS amount
                           FROM pays LEFT JOIN priced USING (source_file, source_line)),
                per_session AS (SELECT session_id, count(*) AS orders, sum(amount) AS gmv FROM orders GROUP BY ALL),
                cube AS (SELECT date, channel, area, city, sex, professional, age_group, count(*) AS sessions,
                                coalesce(sum(orders), 0) AS orders, coalesce(sum(gmv), 0)::DECIMAL(38, 6) AS gmv
                         FROM sess LEFT JOIN per_session USING (session_id) GROUP BY ALL)
                """.formatted(SESSION_ORDER);
        String rates = ", CASE WHEN sessions > 0 THEN orders::DOUBLE / sessions END AS conversion,"
                + " CASE WHEN orders > 0 THEN gmv / orders END AS aov";
        ANALYSES.put("gmv", List.of(
                new Query("gmv_daily", cube + " SELECT *" + rates + " FROM (SELECT date, sum(sessions) AS sessions,"
                        + " sum(orders) AS orders, sum(gmv)::DOUBLE AS gmv FROM cube GROUP BY date) ORDER BY date"),
                new Query("gmv_cube", cube + " SELECT date, channel, area, city, sex, professional, age_group, sessions,"
                        + " orders, gmv::DOUBLE AS gmv FROM cube ORDER BY ALL")));
    }

    /** One named SQL statement whose result is a table of the engine's with that name. */
    record Query(String table, String sql) {
    }

    private DuckDbAnalyses() {
    }

    private static Query distribution(String table, String sessions, String bucketOf, String names) {
        return new Query(table, "WITH " + sessions + ", names(bucket, position) AS (VALUES " + names + "),"
                + " counted AS (SELECT " + bucketOf + " AS position, count(*) AS n FROM sess GROUP BY ALL)"
                + " SELECT bucket, coalesce(n, 0) AS sessions,"
                + " CASE WHEN sum(coalesce(n, 0)) OVER () <> 0 THEN coalesce(n, 0)::DOUBLE / sum(coalesce(n, 0)) OVER ()"
                + " END AS ratio FROM names LEFT JOIN counted USING (position) ORDER BY position");
    }

    /** Runs one analysis's queries; the tables in order. */
    static List<ResultTable> run(Connection db, String analysis) throws SQLException {
        List<ResultTable> tables = new ArrayList<>();
        for (Query q : ANALYSES.get(analysis)) {
            tables.add(query(db, q.table(), q.sql()));
        }
        return tables;
    }

    /** Settings that make DuckDB order like Spark: NULLs first when ascending. */
    static void configure(Connection db) throws SQLException {
        DuckDbSources.execute(db, "SET default_null_order = 'nulls_first'");
        DuckDbSources.execute(db, "SET TimeZone = 'UTC'");
    }

    static ResultTable query(Connection db, String name, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(ResultTable.plain(rs.getObject(i)));
                }
                rows.add(row);
            }
            return new ResultTable(name, columns, rows);
        }
    }
}
