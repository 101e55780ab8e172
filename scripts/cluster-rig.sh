#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, loopback only, to run ShopLens against:
# one master and two workers started from Spark's own classes, with a SPARK_HOME assembled
# from the Maven Spark jars the engine is built with (no Spark download).
#
#   scripts/cluster-rig.sh start    # prints the master URL (spark://127.0.0.1:PORT)
#   scripts/cluster-rig.sh url      # the master URL of the running rig
#   scripts/cluster-rig.sh status   # which processes run, how many workers registered
#   scripts/cluster-rig.sh stop     # stops the workers (and their executors), then the master
#
# Then: ./shoplens analyze --master "$(scripts/cluster-rig.sh url)" --input sample-logs/shop --out out/
#
# Build first: mvn -q -B -DskipTests package (engine/target/lib is the engine's runtime class
# path: Spark, Scala 2.13, Hadoop's client and the engine's own libraries).
# SHOPLENS_RIG_DIR: where the rig lives (default: engine/target/cluster-rig);
# SHOPLENS_RIG_WORKER_MEMORY: memory each worker offers its executors (default 1g).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$here/engine/target"
rig="${SHOPLENS_RIG_DIR:-$target/cluster-rig}"
spark_home="$rig/spark-home"
workers=2
worker_memory="${SHOPLENS_RIG_WORKER_MEMORY:-1g}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Every daemon, and every executor a worker starts, binds to loopback and names itself by it.
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_HOSTNAME=127.0.0.1
# What Spark's launcher (WorkerCommandBuilder, which builds each executor's command line)
# expects of a SPARK_HOME that is a distribution: jars/ and a RELEASE file; the Scala version
# cannot be read from a build tree, so it is given.
export SPARK_HOME="$spark_home"
export SPARK_SCALA_VERSION=2.13
export SPARK_CONF_DIR="$spark_home/conf"

usage() {
  echo "usage: $0 start|stop|status|url" >&2
  exit 2
}

pid_alive() {
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

master_url() {
  # Master logs "Starting Spark master at spark://127.0.0.1:PORT" once it listens.
  [[ -f "$rig/master.log" ]] && grep -o 'Starting Spark master at spark://[0-9.:]*' "$rig/master.log" \
    | tail -1 | sed 's/.* at //'
}

registered_workers() {
  local count=0
  [[ -f "$rig/master.log" ]] && count="$(grep -c 'Registering worker' "$rig/master.log" || true)"
  echo "${count:-0}"
}

master_started() {
  [[ -n "$(master_url)" ]]
}

workers_registered() {
  [[ "$(registered_workers)" -ge "$workers" ]]
}

assemble_spark_home() {
  if [[ ! -d "$target/lib" || ! -f "$target/jvm.options" ]]; then
    echo "cluster-rig: engine not built; run: mvn -q -B -DskipTests package" >&2
    exit 1
  fi
  rm -rf "$spark_home"
  mkdir -p "$spark_home/jars" "$spark_home/conf"
  # Links, not copies: 300 MB of jars need not be duplicated per rig.
  ln -s "$target"/lib/*.jar "$spark_home/jars/"
  : > "$spark_home/RELEASE"
  # Warnings only, but the daemons' own lines (the master's URL, workers registering,
  # executors launched and exiting), which this script and a reader of the logs rely on.
  # Executors log to stderr in their worker's work folder.
  cat > "$spark_home/conf/log4j2.properties" <<'LOG4J'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
LOG4J
}

# Starts one daemon in the background; its pid goes to $1.pid, its output to $1.log.
daemon() {
  local name="$1"
  shift
  read -r -a spark_flags < "$target/jvm.options"
  nohup "$java_bin" -Xmx256m "${spark_flags[@]}" -cp "$spark_home/conf:$spark_home/jars/*" "$@" \
    > "$rig/$name.log" 2>&1 < /dev/null &
  echo $! > "$rig/$name.pid"
}

wait_for() {
  local what="$1" seconds="$2"
  shift 2
  for ((i = 0; i < seconds * 2; i++)); do
    if "$@"; then
      return 0
    fi
    sleep 0.5
  done
  echo "cluster-rig: $what did not happen within ${seconds}s; logs in $rig" >&2
  return 1
}

start() {
  if pid_alive "$rig/master.pid"; then
    echo "cluster-rig: already running: $(master_url)" >&2
    exit 1
  fi
  mkdir -p "$rig"
  assemble_spark_home
  rm -f "$rig"/*.log "$rig"/*.pid
  # --webui-port 0: the web UIs take a free port, on SPARK_LOCAL_IP (loopback) like everything else.
  # No REST submission server: nothing is submitted that way, so no port for it.
  daemon master -Dspark.master.rest.enabled=false org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0
  wait_for "the master's start" 120 master_started || { stop; exit 1; }
  local url
  url="$(master_url)"
  for ((n = 1; n <= workers; n++)); do
    # Each worker has its own work folder: executors run there, with their own scratch space.
    mkdir -p "$rig/worker-$n"
    daemon "worker-$n" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
      --cores 1 --memory "$worker_memory" --work-dir "$rig/worker-$n" "$url"
  done
  wait_for "the workers' registration" 180 workers_registered || { stop; exit 1; }
  echo "$url"
}

stop_one() {
  local pidfile="$rig/$1.pid"
  if pid_alive "$pidfile"; then
    local pid
    pid="$(cat "$pidfile")"
    kill "$pid"
    # A worker's shutdown hook kills its executors before the JVM ends.
    for ((i = 0; i < 60 && $(kill -0 "$pid" 2>/dev/null && echo 1 || echo 0) == 1; i++)); do
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid"
    fi
  fi
  rm -f "$pidfile"
}

stop() {
  for ((n = 1; n <= workers; n++)); do
    stop_one "worker-$n"
  done
  stop_one master
}

status() {
  local running=0
  for name in master $(for ((n = 1; n <= workers; n++)); do echo "worker-$n"; done); do
    if pid_alive "$rig/$name.pid"; then
      echo "$name: running (pid $(cat "$rig/$name.pid"))"
      running=$((running + 1))
    else
      echo "$name: stopped"
    fi
  done
  if pid_alive "$rig/master.pid"; then
    echo "master URL: $(master_url); workers registered: $(registered_workers)"
  fi
  [[ $running -gt 0 ]]
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url)
    pid_alive "$rig/master.pid" || { echo "cluster-rig: not running" >&2; exit 1; }
    master_url
    ;;
  *) usage ;;
esac
