#!/usr/bin/env bash
# Proves that the engine jar runs under spark-submit (local[2]) exactly as on a cluster:
# SparkSubmit is taken from the class path (engine/target/lib has Spark), our own dependencies
# go in with --jars, as they would on a cluster whose Spark supplies only Spark's jars.
# Build first: mvn -q -B -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$here/engine/target"
read -r -a spark_flags < "$target/jvm.options"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Our own jars: what engine/target/lib holds beyond Spark's distribution.
ours=$(ls "$target"/lib/picocli-*.jar "$target"/lib/sqlite-jdbc-*.jar "$target"/lib/commons-csv-*.jar \
  "$target"/lib/jackson-datatype-jdk8-*.jar | paste -sd, -)

printf 'city_id,city_name,area\n1,x,y\n2,z,w\nq,bad,row\n' > "$work/cities.csv"
submit() {
  java "${spark_flags[@]}" -cp "$target/lib/*" org.apache.spark.deploy.SparkSubmit \
    --class io.shoplens.engine.cli.ShopLensCli --master 'local[2]' --jars "$ours" \
    "$target/shoplens-engine.jar" "$@"
}
submit import --workspace "$work/ws" "$work/cities.csv" | tee "$work/import.out"
submit datasets --workspace "$work/ws" | tee "$work/datasets.out"
grep -q 'read 3, accepted 2, rejected 1' "$work/import.out"
grep -q 'city_info' "$work/datasets.out"
echo "spark-submit check: OK"
