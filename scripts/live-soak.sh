#!/usr/bin/env bash
# The live view's soak benchmark (not a test): a Kafka broker in a process of its own on loopback,
# generated clicks for hours, the broker stopped past the outage limit and started again, the live
# query stopped and started again, a day that turns at midnight; memory, latency and files on disk
# every minute, and a batch recount at the end. Writes CSV, a summary and PNG plots into --out.
#
#   scripts/live-soak.sh [--rate 5000] [--minutes 120] [--broker-restart-at 50] [--broker-away 90]
#                        [--query-restart-at 80] [--midnight-at 30] [--out target/live-soak] [--work DIR]
#
# Minutes, except --broker-away (seconds). Heap from SHOPLENS_HEAP (default -Xmx2g): a bounded
# heap is the point. SHOPLENS_MVN_OFFLINE=1 builds without the network. docs/BENCHMARKS.md ("Live
# view soak") has the results of a run and how its plots were made.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
offline=()
if [[ "${SHOPLENS_MVN_OFFLINE:-}" == 1 ]]; then offline=(-o); fi
mvn -q -B "${offline[@]}" -pl engine -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$here/engine/target/soak-classpath.txt"
# The code runs from a copy: a rebuild during a run of hours must not change classes not loaded yet.
code="$(mktemp -d "${TMPDIR:-/tmp}/shoplens-soak-code.XXXXXX")"
trap 'rm -rf "$code"' EXIT
cp -r engine/target/classes "$code/classes"
cp -r engine/target/test-classes "$code/test-classes"
read -r -a spark_flags < engine/target/jvm.options
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java_bin" ${SHOPLENS_HEAP:--Xmx2g} "${spark_flags[@]}" -Djava.awt.headless=true \
  -cp "$code/test-classes:$code/classes:$(cat engine/target/soak-classpath.txt)" \
  io.shoplens.engine.live.LiveSoak "$@"
