#!/usr/bin/env bash
# Cold, raw files to every table in one process, against DuckDB on the same files and cores
# (docs/BENCHMARKS.md, "Cold: raw files to every table"):
#   scripts/bench-cold.sh [--actions N] [--dir DIR] [--rounds K] [--analysis LIST]
# Each round, in turns:
#   1. `./shoplens analyze --input DIR/logs --analysis LIST` as a user starts it (a fresh JVM,
#      the launcher's heap), timed by /usr/bin/time: wall seconds and peak RSS;
#   2. bench-compare.sh's DuckDB side: DuckDB loads the same CSV into its tables and computes the
#      same tables from them ("import" + "all analyses" of its DuckDB (CSV) column). bench-compare
#      also checks every table against ShopLens's before it reports a time.
# LIST defaults to the analyses DuckDB computes too (sessions, pages, products, ads, gmv).
# bench-compare generates N actions into DIR/logs when it holds none (kept and reused).
# Prints each round and the medians. Build first: mvn -q -B -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
actions=4000000
dir=""
rounds=3
analysis="sessions,pages,products,ads,gmv"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --actions) actions="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --analysis) analysis="$2"; shift 2 ;;
    *) echo "bench-cold: unknown option $1" >&2; exit 2 ;;
  esac
done
dir="${dir:-$(mktemp -d -t shoplens-cold-XXXXXX)}"
mkdir -p "$dir"
command -v /usr/bin/time >/dev/null || { echo "bench-cold: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# The DuckDB (CSV) cell of a bench-compare table row, in seconds.
duck_cell() {
  awk -F'|' -v step="$1" '$2 ~ "^ *"step" *$" { gsub(/[ s]/, "", $4); print $4; exit }' "$2"
}

shop=()
duck=()
rss=()
for ((r = 1; r <= rounds; r++)); do
  out="$dir/cold-out"
  rm -rf "$out"
  /usr/bin/time -f "%e %M" -o "$dir/cold-time" "$here/shoplens" analyze --input "$dir/logs" \
    --analysis "$analysis" --out "$out" > /dev/null 2> "$dir/cold-err" || { cat "$dir/cold-err" >&2; exit 1; }
  read -r wall kb < "$dir/cold-time"
  "$here/scripts/bench-compare.sh" --actions "$actions" --dir "$dir" --repeat 1 --warmup 0 --no-import \
    --systems duckdb-csv > "$dir/cold-duckdb" 2> "$dir/cold-duckdb-err" || { cat "$dir/cold-duckdb-err" >&2; exit 1; }
  load="$(duck_cell import "$dir/cold-duckdb")"
  analyses="$(duck_cell "all analyses" "$dir/cold-duckdb")"
  total="$(echo "$load + $analyses" | bc)"
  printf 'round %d: ShopLens %s s (peak RSS %d MB), DuckDB %s s (load %s s + tables %s s), %.2fx\n' \
    "$r" "$wall" $((kb / 1024)) "$total" "$load" "$analyses" "$(echo "$wall / $total" | bc -l)"
  shop+=("$wall")
  duck+=("$total")
  rss+=("$kb")
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
s="$(median "${shop[@]}")"
d="$(median "${duck[@]}")"
echo
echo "# bench-cold, $(grep -m1 'user actions' "$dir/cold-duckdb" | sed 's/^workspace [^:]*: //'), $rounds round(s), --analysis $analysis"
echo "| | ShopLens analyze --input | DuckDB (CSV load + tables) | ShopLens / DuckDB | ShopLens peak RSS |"
echo "|---|---:|---:|---:|---:|"
printf '| median | %.1f s | %.1f s | %.2fx | %d MB |\n' "$s" "$d" "$(echo "$s / $d" | bc -l)" $(($(median "${rss[@]}") / 1024))
