#!/usr/bin/env bash
# A Spark Connect server on this machine, loopback only, to run ShopLens against with --remote:
# Spark's own SparkConnectServer (spark-connect_2.13) started from the Maven jars the engine is
# built with (no Spark download), running its work in local mode.
#
#   scripts/connect-rig.sh start    # prints the server's URL (sc://127.0.0.1:PORT)
#   scripts/connect-rig.sh url      # the URL of the running server
#   scripts/connect-rig.sh status   # whether it runs
#   scripts/connect-rig.sh stop     # stops it
#
# Then: ./shoplens analyze --remote "$(scripts/connect-rig.sh url)" --input sample-logs/shop --out out/
#
# The server reads the Parquet files of the workspace a run names, by their path: it shares this
# machine's disk. Build first: mvn -q -B -DskipTests package (engine/target/lib is the engine's
# run-time class path, which holds the server too; engine/target/connect-server-lib adds the
# ML classes a server needs to close a client's session).
# SHOPLENS_CONNECT_RIG_DIR: where the rig lives (default: engine/target/connect-rig);
# SHOPLENS_CONNECT_RIG_MASTER: the server's own master (default local[2]);
# SHOPLENS_CONNECT_RIG_HEAP: the server's heap (default 2g).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$here/engine/target"
rig="${SHOPLENS_CONNECT_RIG_DIR:-$target/connect-rig}"
master="${SHOPLENS_CONNECT_RIG_MASTER:-local[2]}"
heap="${SHOPLENS_CONNECT_RIG_HEAP:-2g}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The server's driver and block manager bind to loopback and name themselves by it.
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_HOSTNAME=127.0.0.1
# Its scratch space (shuffle files, spills) stays in the rig.
export SPARK_LOCAL_DIRS="$rig/local"

usage() {
  echo "usage: $0 start|stop|status|url" >&2
  exit 2
}

pid_alive() {
  [[ -f "$rig/server.pid" ]] && kill -0 "$(cat "$rig/server.pid")" 2>/dev/null
}

server_url() {
  # SparkConnectServer logs "Spark Connect server started at: 127.0.0.1:PORT" once it listens.
  [[ -f "$rig/server.log" ]] && grep -o 'Spark Connect server started at: [0-9.:]*' "$rig/server.log" \
    | tail -1 | sed 's/.*: /sc:\/\//'
}

server_started() {
  [[ -n "$(server_url)" ]]
}

server_failed() {
  ! pid_alive
}

start() {
  if pid_alive; then
    echo "connect-rig: already running: $(server_url)" >&2
    exit 1
  fi
  if [[ ! -d "$target/lib" || ! -d "$target/connect-server-lib" || ! -f "$target/jvm.options" ]]; then
    echo "connect-rig: engine not built; run: mvn -q -B -DskipTests package" >&2
    exit 1
  fi
  mkdir -p "$rig/conf" "$rig/local" "$rig/warehouse"
  rm -f "$rig/server.log" "$rig/server.pid"
  # Warnings only, but the line with the server's address, which this script reads.
  cat > "$rig/conf/log4j2.properties" <<'LOG4J'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.connect.name = org.apache.spark.sql.connect.service.SparkConnectServer
logger.connect.level = info
# Of a session's lines only "Closing session with userId: …", once per client that ran here and
# stopped (the integration test counts them), not one per request.
logger.session.name = org.apache.spark.sql.connect.service.SessionHolder
logger.session.level = info
logger.session.filter.closing.type = RegexFilter
logger.session.filter.closing.regex = Closing session .*
logger.session.filter.closing.onMatch = ACCEPT
logger.session.filter.closing.onMismatch = DENY
LOG4J
  read -r -a spark_flags < "$target/jvm.options"
  # Port 0: the gRPC service takes a free port, on loopback only; no web UI.
  nohup "$java_bin" "-Xmx$heap" "${spark_flags[@]}" \
    -cp "$rig/conf:$target/lib/*:$target/connect-server-lib/*" \
    -Dspark.master="$master" -Dspark.app.name=shoplens-connect-rig \
    -Dspark.ui.enabled=false \
    -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
    -Dspark.connect.grpc.binding.address=127.0.0.1 -Dspark.connect.grpc.binding.port=0 \
    -Dspark.sql.warehouse.dir="$rig/warehouse" \
    org.apache.spark.sql.connect.service.SparkConnectServer \
    > "$rig/server.log" 2>&1 < /dev/null &
  echo $! > "$rig/server.pid"
  for ((i = 0; i < 360; i++)); do
    if server_started; then
      server_url
      return 0
    fi
    if server_failed; then
      echo "connect-rig: the server stopped while starting; log: $rig/server.log" >&2
      tail -20 "$rig/server.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "connect-rig: the server did not start within 180s; log: $rig/server.log" >&2
  stop
  exit 1
}

stop() {
  if pid_alive; then
    local pid
    pid="$(cat "$rig/server.pid")"
    kill "$pid"
    for ((i = 0; i < 60 && $(kill -0 "$pid" 2>/dev/null && echo 1 || echo 0) == 1; i++)); do
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid"
    fi
  fi
  rm -f "$rig/server.pid"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if pid_alive; then
      echo "server: running (pid $(cat "$rig/server.pid")) at $(server_url)"
    else
      echo "server: stopped"
      exit 1
    fi
    ;;
  url)
    pid_alive || { echo "connect-rig: not running" >&2; exit 1; }
    server_url
    ;;
  *) usage ;;
esac
