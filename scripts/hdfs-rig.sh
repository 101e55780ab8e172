#!/usr/bin/env bash
# An HDFS on this machine, loopback only, to keep a workspace's Parquet in: one name node and one
# data node from Hadoop's own mini cluster (hadoop-client-minicluster, the Hadoop release Spark is
# built on), in one background JVM. With scripts/cluster-rig.sh it makes a cluster whose workers
# share no folder with the workspace: they read the data over HDFS.
#
#   scripts/hdfs-rig.sh start    # prints the file system's URI (hdfs://127.0.0.1:PORT)
#   scripts/hdfs-rig.sh url      # the URI of the running rig
#   scripts/hdfs-rig.sh status   # running or not
#   scripts/hdfs-rig.sh stop     # stops it; its blocks are deleted with it
#
# Then: ./shoplens analyze --workspace ws/ --data "$(scripts/hdfs-rig.sh url)/shoplens/shop" \
#         --input sample-logs/shop --out out/
#
# Build first: mvn -q -B -DskipTests package (target/lib and target/hdfs-rig-lib).
# SHOPLENS_HDFS_RIG_DIR: where the rig lives (default: engine/target/hdfs-rig).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$here/engine/target"
rig="${SHOPLENS_HDFS_RIG_DIR:-$target/hdfs-rig}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

usage() {
  echo "usage: $0 start|stop|status|url" >&2
  exit 2
}

pid_alive() {
  [[ -f "$rig/hdfs.pid" ]] && kill -0 "$(cat "$rig/hdfs.pid")" 2>/dev/null
}

# fs.defaultFS from the configuration the cluster writes once it is up.
uri() {
  [[ -f "$rig/core-site.xml" ]] && grep -A1 '<name>fs.defaultFS</name>' "$rig/core-site.xml" \
    | grep -o 'hdfs://[^<]*' | sed 's#/$##; s#localhost#127.0.0.1#'
}

start() {
  if pid_alive; then
    echo "hdfs-rig: already running: $(uri)" >&2
    exit 1
  fi
  if [[ ! -d "$target/lib" || ! -d "$target/hdfs-rig-lib" ]]; then
    echo "hdfs-rig: engine not built; run: mvn -q -B -DskipTests package" >&2
    exit 1
  fi
  rm -rf "$rig"
  mkdir -p "$rig/dfs"
  # Only the name node's RPC port and the data node's ports, all on loopback; no web UI is
  # reachable from elsewhere (their HTTP servers take a free loopback port).
  nohup "$java_bin" -Xmx512m -Dtest.build.data="$rig/dfs" -cp "$target/hdfs-rig-lib/*:$target/lib/*" \
    org.apache.hadoop.mapreduce.MiniHadoopClusterManager -nomr -format -datanodes 1 \
    -writeConfig "$rig/core-site.xml.tmp" \
    -D hdfs.minidfs.basedir="$rig/dfs" \
    -D dfs.namenode.rpc-bind-host=127.0.0.1 \
    -D dfs.namenode.http-address=127.0.0.1:0 \
    -D dfs.datanode.address=127.0.0.1:0 \
    -D dfs.datanode.http.address=127.0.0.1:0 \
    -D dfs.datanode.ipc.address=127.0.0.1:0 \
    > "$rig/hdfs.log" 2>&1 < /dev/null &
  echo $! > "$rig/hdfs.pid"
  for ((i = 0; i < 240; i++)); do
    # The configuration is written once the cluster is active; renamed so a reader never sees half.
    if [[ -s "$rig/core-site.xml.tmp" ]] && grep -q '</configuration>' "$rig/core-site.xml.tmp"; then
      mv "$rig/core-site.xml.tmp" "$rig/core-site.xml"
      uri
      return 0
    fi
    if ! pid_alive; then
      echo "hdfs-rig: the mini cluster exited; see $rig/hdfs.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "hdfs-rig: not up within 120 s; see $rig/hdfs.log" >&2
  stop
  exit 1
}

stop() {
  if pid_alive; then
    local pid
    pid="$(cat "$rig/hdfs.pid")"
    kill "$pid"
    for ((i = 0; i < 60; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$rig/hdfs.pid"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if pid_alive; then echo "running: $(uri)"; else echo "stopped"; exit 1; fi
    ;;
  url)
    pid_alive || { echo "hdfs-rig: not running" >&2; exit 1; }
    uri
    ;;
  *) usage ;;
esac
