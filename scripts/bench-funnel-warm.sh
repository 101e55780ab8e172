#!/usr/bin/env bash
# The funnel warm through `shoplens shell` (docs/BENCHMARKS.md, "The funnel at 10M actions, warm"):
#   scripts/bench-funnel-warm.sh --workspace DIR [--out DIR]
# One unfiltered default funnel (the session model is made or read and kept warm), then filter
# changes of the default funnel (search, click, order, pay; ordered; per session), each a
# different question so none is a remembered answer, then a user funnel and a breakdown.
# Prints each line's "ms" with the load, then the percentiles of the filter changes.
# The heap and the in-JVM model limit come from SHOPLENS_HEAP, e.g.
#   SHOPLENS_HEAP=-Xmx8g                                           (10M actions held in the JVM by default)
#   SHOPLENS_HEAP="-Xmx8g -Dshoplens.memory.maxActions=0"          (the same on Spark)
# Build first: mvn -q -B -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ws=""
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --workspace) ws="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "bench-funnel-warm: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$ws" ]] || { echo "bench-funnel-warm: --workspace DIR is required" >&2; exit 2; }
out="${out:-$(mktemp -d -t shoplens-funnel-warm-XXXXXX)}"
mkdir -p "$out"

f="--analysis funnel"
lines=(
  "$f"
  "$f --sex female"
  "$f --sex male --ages 25-34"
  "$f --ages 18-24"
  "$f --professionals student"
  "$f --keywords 火锅,蛋糕"
  "$f --categories 1,2,3"
  "$f --cities 北京,上海"
  "$f --channels display_ad"
  "$f --channels search,social --sex female"
  "$f --from 2019-07-24"
  "$f --from 2019-08-01 --to 2019-08-07"
  "$f --ages 35-60 --professionals teacher"
  "$f --keywords 温泉"
  "$f --categories 7"
  "$f --sex male --cities 武汉"
  "$f --from 2019-07-20 --channels recommend"
  "$f --to 2019-07-31 --sex female --ages 18-34"
  "$f --funnel-unit user"
  "$f --funnel-breakdown channel"
  "$f --funnel-unit user --funnel-breakdown area --sex female"
)
changes=17   # lines 2..18 are the default funnel under a filter change
printf '' > "$out/lines.txt"
for i in "${!lines[@]}"; do echo "${lines[$i]} --out $out/r/$i" >> "$out/lines.txt"; done

echo "== shoplens shell, ${#lines[@]} funnel lines, heap/flags: ${SHOPLENS_HEAP:-default}, load $(cut -d' ' -f1-3 /proc/loadavg)"
# One line at a time, so each answer is stamped with the load when it came.
exec 3< "$out/lines.txt"
coproc SH { "$here/shoplens" shell --workspace "$ws" 2> "$out/shell.log"; }
: > "$out/answers.jsonl"
# The JVM's CPU time (all threads) from /proc, the steadier figure on a loaded machine.
cpu_of() {
  local pid="$SH_PID" child
  child="$(pgrep -P "$SH_PID" java 2>/dev/null | head -1 || true)"
  [[ -n "$child" ]] && pid="$child"
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat" 2>/dev/null || echo "?"
}
n=0
cpu0="$(cpu_of)"
while IFS= read -r line <&3; do
  echo "$line" >&"${SH[1]}"
  IFS= read -r answer <&"${SH[0]}"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  cpu1="$(cpu_of)"
  echo "$answer" >> "$out/answers.jsonl"
  printf '%2d  %-62s  %s  cpu %.1f s  load %s\n' "$n" "${line% --out *}" "$answer" \
    "$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN{print b - a}')" "$load"
  cpu0="$cpu1"
  n=$((n + 1))
done
exec {SH[1]}>&-
wait "$SH_PID" || true
python3 - "$out/answers.jsonl" "$changes" <<'PY'
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
bad = [x for x in a if not x.get("ok")]
if bad:
    sys.exit("bench-funnel-warm: failed: %s" % bad)
changes = int(sys.argv[2])
ms = sorted(x["ms"] for x in a[1:1 + changes])
pct = lambda p: ms[min(len(ms) - 1, max(0, round(p / 100 * len(ms) + 0.5) - 1))]
print(f"first line (model made or read, kept warm): {a[0]['ms']} ms")
print(f"default funnel, filter changes: n={len(ms)} p50={pct(50)} ms p95={pct(95)} ms max={ms[-1]} ms")
for name, x in zip(["user unit", "channel breakdown", "user unit, area breakdown, female"], a[1 + changes:]):
    print(f"{name}: {x['ms']} ms")
PY
