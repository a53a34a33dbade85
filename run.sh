#!/usr/bin/env bash
# Starts the whole platform: the embedded store (unless MONGODB_URI is set), chronology-service
# and query-service. Builds first if needed. Ctrl-C or SIGTERM stops everything cleanly.
#   ./run.sh          start (data kept under ./data)
#   ./run.sh --demo   start and load the fictional demo case (idempotent: safe to repeat)
set -euo pipefail
cd "$(dirname "$0")"

DEMO=false
for arg in "$@"; do
  case "$arg" in
    --demo) DEMO=true ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$arg' (try --demo or --help)" >&2; exit 2 ;;
  esac
done

CHRONOLOGY_PORT="${CHRONOLOGY_PORT:-8081}"
QUERY_PORT="${QUERY_PORT:-8082}"
EMBEDDED_MONGO_PORT="${EMBEDDED_MONGO_PORT:-27117}"
DATA_DIR="${DATA_DIR:-$PWD/data}"
LOG_DIR="$DATA_DIR/logs"
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx768m}"
VERSION=0.1.0-SNAPSHOT
STORE_JAR=embedded-store/target/embedded-store-$VERSION-exec.jar
COMMAND_JAR=chronology-service/target/chronology-service-$VERSION-exec.jar
QUERY_JAR=query-service/target/query-service-$VERSION-exec.jar
TOOLS_JAR=platform-tests/target/platform-tests-$VERSION.jar

command -v java >/dev/null || { echo "run.sh: java (JDK 17 or later) is not on the PATH" >&2; exit 1; }

needs_build() {
  for jar in "$STORE_JAR" "$COMMAND_JAR" "$QUERY_JAR" "$TOOLS_JAR"; do
    [[ -f "$jar" ]] || return 0
  done
  [[ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$COMMAND_JAR" -type f 2>/dev/null | head -n 1)" ]]
}
if needs_build; then
  echo "Building (first run or sources changed)..."
  ./mvnw -q -B -Dmaven.test.skip=true package
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$CHRONOLOGY_PORT" "$QUERY_PORT"; do
  if port_open "$port"; then
    echo "run.sh: port $port is already in use (another ./run.sh?). Stop it or set CHRONOLOGY_PORT / QUERY_PORT." >&2
    exit 1
  fi
done

mkdir -p "$LOG_DIR"
PIDS=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  # services first, the store last, so nothing is written to a closing store
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
  echo "Stopped."
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

wait_for() { # name port pid log
  local name=$1 port=$2 pid=$3 log=$4
  for _ in $(seq 1 600); do
    port_open "$port" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: $name stopped during start-up; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "run.sh: $name did not answer on port $port within 120 s; see $log" >&2
  exit 1
}

if [[ -z "${MONGODB_URI:-}" ]]; then
  if port_open "$EMBEDDED_MONGO_PORT"; then
    echo "run.sh: port $EMBEDDED_MONGO_PORT (embedded store) is already in use; set EMBEDDED_MONGO_PORT." >&2
    exit 1
  fi
  EMBEDDED_MONGO_FILE="$DATA_DIR/chronology.mv" EMBEDDED_MONGO_PORT="$EMBEDDED_MONGO_PORT" \
    java $JAVA_OPTS -jar "$STORE_JAR" >"$LOG_DIR/embedded-store.log" 2>&1 &
  PIDS+=($!)
  echo $! >"$LOG_DIR/embedded-store.pid"
  wait_for "embedded store" "$EMBEDDED_MONGO_PORT" "$!" "$LOG_DIR/embedded-store.log"
  STORE="embedded store, H2 file $DATA_DIR/chronology.mv"
  SERVICE_MONGODB_URI="mongodb://127.0.0.1:$EMBEDDED_MONGO_PORT/chronology"
else
  STORE="MongoDB at MONGODB_URI"
  SERVICE_MONGODB_URI="$MONGODB_URI"
fi

MONGODB_URI="$SERVICE_MONGODB_URI" CHRONOLOGY_PORT="$CHRONOLOGY_PORT" \
  java $JAVA_OPTS -jar "$COMMAND_JAR" >"$LOG_DIR/chronology-service.log" 2>&1 &
PIDS+=($!)
COMMAND_PID=$!
echo $! >"$LOG_DIR/chronology-service.pid"
MONGODB_URI="$SERVICE_MONGODB_URI" QUERY_PORT="$QUERY_PORT" \
  java $JAVA_OPTS -jar "$QUERY_JAR" >"$LOG_DIR/query-service.log" 2>&1 &
PIDS+=($!)
QUERY_PID=$!
echo $! >"$LOG_DIR/query-service.pid"
wait_for chronology-service "$CHRONOLOGY_PORT" "$COMMAND_PID" "$LOG_DIR/chronology-service.log"
wait_for query-service "$QUERY_PORT" "$QUERY_PID" "$LOG_DIR/query-service.log"

if [[ "$DEMO" == true ]]; then
  echo "Loading the demo case..."
  java -cp "$TOOLS_JAR" org.safeguarding.chronology.platform.DemoCase \
    "http://localhost:$CHRONOLOGY_PORT/graphql" "http://localhost:$QUERY_PORT/graphql"
fi

cat <<INFO

Case chronology platform is running ($STORE).
  GraphiQL (queries):   http://localhost:$QUERY_PORT/graphiql
  Queries:              POST http://localhost:$QUERY_PORT/graphql
  Commands:             POST http://localhost:$CHRONOLOGY_PORT/graphql   (GraphiQL: http://localhost:$CHRONOLOGY_PORT/graphiql)
  Logs:                 $LOG_DIR (and each process's .pid)
Press Ctrl-C to stop.
INFO

# wait until a service exits or a signal arrives
while kill -0 "$COMMAND_PID" 2>/dev/null && kill -0 "$QUERY_PID" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
echo "run.sh: a service stopped unexpectedly; see $LOG_DIR" >&2
exit 1
