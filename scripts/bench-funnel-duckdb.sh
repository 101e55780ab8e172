#!/usr/bin/env bash
# DuckDB's peer of the default funnel's step counts (docs/BENCHMARKS.md, "The funnel at 10M
# actions, warm"): search, click, order, pay, ordered, per session, from a workspace's Parquet,
# one fresh query per filter, in one process (the first query also warms the page cache):
#   scripts/bench-funnel-duckdb.sh WORKSPACE_DIR
# Only funnel_steps' units: not the times, the dropped units' list or the signals ShopLens's
# funnel also computes. Compare its numbers with funnel_steps.csv of scripts/bench-funnel-warm.sh.
# USERS_DATASET: the user_info dataset's id in WORKSPACE_DIR/data (default 5, as an import of
# `shoplens generate`'s folder numbers it). Build first (the bench module brings the DuckDB
# driver): mvn -q -B -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ws="${1:?usage: bench-funnel-duckdb.sh WORKSPACE_DIR}"
jar="$(ls "$here"/bench/target/lib/duckdb_jdbc-*.jar | head -1)"
A="read_parquet('$ws/data/*/date=*/*.parquet', hive_partitioning=true)"
U="read_parquet('$ws/data/${USERS_DATASET:-5}/*.parquet')"
# Each action as a bit per step it matches (FunnelStep.matches); a session's level is a greedy
# in-order match over its actions in session order, as the engine's ordered funnel without a window.
M="(CASE WHEN search_keyword IS NOT NULL AND search_keyword <> '' THEN 1 ELSE 0 END
   | CASE WHEN (click_category_id IS NOT NULL AND click_category_id <> -1)
            OR (click_product_id IS NOT NULL AND click_product_id <> -1) THEN 2 ELSE 0 END
   | CASE WHEN order_category_ids IS NOT NULL OR order_product_ids IS NOT NULL THEN 4 ELSE 0 END
   | CASE WHEN pay_category_ids IS NOT NULL OR pay_product_ids IS NOT NULL THEN 8 ELSE 0 END)"
q() { # $1: WHERE on actions, $2: HAVING on sessions, $3: condition on the session's user
  local join="" where="${1:-true}" having="${2:-true}"
  [[ -n "${3:-}" ]] && join="JOIN (SELECT user_id FROM $U WHERE $3) u USING (user_id)"
  echo "WITH s AS (SELECT session_id, list_reduce(list($M::INTEGER ORDER BY action_time, source_file, source_line),
      lambda k, m: CASE WHEN k < 4 AND (m >> k) & 1 = 1 THEN k + 1 ELSE k END, 0) AS level
    FROM $A a $join WHERE $where GROUP BY session_id HAVING $having),
  steps AS (SELECT i AS step FROM range(1, 5) r(i))
  SELECT step, count(level) AS units FROM steps LEFT JOIN s ON level >= step GROUP BY step ORDER BY step"
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/Q.java" <<'JAVA'
import java.sql.*;
public class Q {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (int i = 0; i < a.length; i += 2) {
        long t = System.nanoTime();
        StringBuilder units = new StringBuilder();
        try (ResultSet r = s.executeQuery(a[i + 1])) {
          while (r.next()) units.append(' ').append(r.getLong(2));
        }
        System.out.printf("%-40s %6.0f ms  units%s%n", a[i], (System.nanoTime() - t) / 1e6, units);
      }
    }
  }
}
JAVA
echo "== DuckDB, default funnel's step counts, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" "$tmp/Q.java" \
  "(none, first: page cache)" "$(q)" \
  "(none)" "$(q)" \
  "--sex female" "$(q '' '' "sex = 'female'")" \
  "--sex male --ages 25-34" "$(q '' '' "sex = 'male' AND age BETWEEN 25 AND 34")" \
  "--categories 1,2,3" "$(q '' 'bool_or(click_category_id IN (1,2,3))')" \
  "--channels display_ad" "$(q '' "arg_min(channel, (action_time, source_file, source_line)) = 'display_ad'")" \
  "--from 2019-07-24" "$(q "date >= DATE '2019-07-24'")" \
  "--from 2019-08-01 --to 2019-08-07" "$(q "date BETWEEN DATE '2019-08-01' AND DATE '2019-08-07'")"
echo "== load $(cut -d' ' -f1-3 /proc/loadavg)"
