#!/usr/bin/env bash
# ShopLens vs DuckDB vs the classic RDD code on the same generated logs (docs/BENCHMARKS.md):
#   scripts/bench-compare.sh [--actions N] [--repeat K] [--warmup W] [--dir DIR] [--no-import] [--systems LIST]
# Build first: mvn -q -B -DskipTests package (the bench module is part of the build).
# Same JVM flags as ./shoplens (engine/target/jvm.options); heap from SHOPLENS_HEAP (default -Xmx4g).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$here/bench/target"
engine="$here/engine/target"
if [[ ! -f "$bench/shoplens-bench.jar" || ! -f "$engine/jvm.options" ]]; then
  echo "bench-compare: not built yet; run: mvn -q -B -DskipTests package" >&2
  exit 1
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
read -r -a spark_flags < "$engine/jvm.options"
heap="${SHOPLENS_HEAP:--Xmx4g}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The bench collects garbage between systems (System.gc()). After that full collection G1 shrinks
# the heap until at most 70% of it is free, so the next system started on about 1.4 GB and paid
# for growing it again, G1's concurrent cycles taking one of the two cores (10M actions: ShopLens
# 55-64 s, 43-45 s with the heap kept). A process that runs analyses one after another keeps its heap.
keep_heap=-XX:MaxHeapFreeRatio=100
exec "$java_bin" $heap $keep_heap "${spark_flags[@]}" -cp "$bench/shoplens-bench.jar:$bench/lib/*" \
  io.shoplens.bench.CompareBench --heap-note "($heap $keep_heap)" "$@"
