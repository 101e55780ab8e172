#!/usr/bin/env bash
# The warm path against DuckDB on the same files and cores (docs/BENCHMARKS.md, "Warm"):
#   scripts/bench-warm.sh [--actions N] [--dir DIR] [--changes K] [--logs FOLDER]
# 1. bench-compare.sh generates N actions into DIR (kept and reused), imports them, and times one
#    cold ShopLens run of every analysis against DuckDB computing the same tables from scratch.
# 2. `shoplens shell` on that workspace answers one unfiltered line (it builds the session model)
#    and then K filter changes, each for every analysis with its tables written; the shell's own
#    "ms" of each answer is the time a script or the app waits.
# With --logs FOLDER (e.g. sample-logs/shop) step 1 is skipped: FOLDER is imported into DIR/workspace
# and only the warm path is timed.
# Prints the percentiles of the filter changes. Build first: mvn -q -B -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
actions=1000000
dir=""
changes=40
logs=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --actions) actions="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --changes) changes="$2"; shift 2 ;;
    --logs) logs="$2"; shift 2 ;;
    *) echo "bench-warm: unknown option $1" >&2; exit 2 ;;
  esac
done
dir="${dir:-$(mktemp -d -t shoplens-warm-XXXXXX)}"
mkdir -p "$dir"

if [[ -n "$logs" ]]; then
  [[ -d "$dir/workspace" ]] || "$here/shoplens" import --workspace "$dir/workspace" "$logs" >&2
else
  echo "== cold: ShopLens analyze vs DuckDB (Parquet and CSV), $actions actions, load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$here/scripts/bench-compare.sh" --actions "$actions" --dir "$dir" --repeat 1 --warmup 0 \
    --no-import --systems duckdb-csv,duckdb-parquet | sed -n '/^| step/,$p'
fi

# The filter changes a user makes while exploring: one or two facets at a time, each line a
# different combination so no answer is a remembered one.
filters=(
  "--sex female" "--sex male --ages 25-34" "--ages 18-24" "--professionals student"
  "--keywords 火锅,蛋糕" "--categories 1,2,3" "--cities 北京,上海" "--sex female --categories 5"
  "--ages 35-60 --professionals teacher" "--keywords 温泉" "--categories 7" "--sex male --cities 武汉"
)
# Each pass over the list cuts one more day off the start of the 30 generated days, so no line
# repeats a question the shell already answered.
start=$(grep -o 'DEFAULT_START = LocalDate.of([0-9, ]*)' "$here/engine/src/main/java/io/shoplens/engine/generate/GenerateSettings.java" \
  | grep -o '[0-9][0-9, ]*' | awk -F', *' '{printf "%04d-%02d-%02d", $1, $2, $3}')
lines="$dir/shell-lines.txt"
echo "--analysis all --out $dir/warm/0" > "$lines"
for ((i = 1; i <= changes; i++)); do
  f="${filters[$(( (i - 1) % ${#filters[@]} ))]}"
  pass=$(( (i - 1) / ${#filters[@]} ))
  from=""
  [[ $pass -gt 0 ]] && from="--from $(date -d "$start + $pass days" +%F)"
  echo "--analysis all $f $from --out $dir/warm/$i" >> "$lines"
done

echo "== warm: shoplens shell, 1 unfiltered line then $changes filter changes, every analysis each, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$here/shoplens" shell --workspace "$dir/workspace" < "$lines" 2> "$dir/shell.log" > "$dir/shell-answers.jsonl"
paste -d' ' "$lines" "$dir/shell-answers.jsonl" | python3 -c '
import json, sys
ms, first = [], None
for n, line in enumerate(sys.stdin):
    args, answer = line.split(" {", 1)
    a = json.loads("{" + answer)
    if not a.get("ok"):
        sys.exit("bench-warm: line failed: " + args + ": " + a.get("error", "?"))
    if n == 0:
        first = a["ms"]
    else:
        ms.append(a["ms"])
ms.sort()
pct = lambda p: ms[min(len(ms) - 1, max(0, round(p / 100 * len(ms) + 0.5) - 1))]
print(f"first line (model built and kept warm): {first} ms")
print(f"filter changes: n={len(ms)} p50={pct(50)} ms p95={pct(95)} ms max={ms[-1]} ms")
'
