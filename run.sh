#!/usr/bin/env bash
# Starts the whole platform: the embedded store (unless MONGODB_URI is set), chronology-service
# and query-service. Builds first if needed. Restarts a process that dies, with backoff; gives up
# (stops everything, exits 1) when one keeps failing. Ctrl-C or SIGTERM stops everything cleanly.
#   ./run.sh          start (data kept under ./data)
#   ./run.sh --demo   start and load the fictional demo case, its users and its review (idempotent: safe to repeat)
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
RESTART_LIMIT="${RESTART_LIMIT:-5}"
RESTART_BACKOFF="${RESTART_BACKOFF:-1}"
RESTART_BACKOFF_MAX="${RESTART_BACKOFF_MAX:-30}"
RESTART_RESET_AFTER="${RESTART_RESET_AFTER:-300}"
VERSION=0.1.0-SNAPSHOT
STORE_JAR=embedded-store/target/embedded-store-$VERSION-exec.jar
COMMAND_JAR=chronology-service/target/chronology-service-$VERSION-exec.jar
QUERY_JAR=query-service/target/query-service-$VERSION-exec.jar
TOOLS_JAR=platform-tests/target/platform-tests-$VERSION.jar

for setting in RESTART_LIMIT RESTART_BACKOFF RESTART_BACKOFF_MAX RESTART_RESET_AFTER; do
  [[ "${!setting}" =~ ^[0-9]+$ ]] || { echo "run.sh: $setting must be a whole number, was '${!setting}'" >&2; exit 2; }
done
command -v java >/dev/null || { echo "run.sh: java (JDK 17 or later) is not on the PATH" >&2; exit 1; }

needs_build() {
  for jar in "$STORE_JAR" "$COMMAND_JAR" "$QUERY_JAR" "$TOOLS_JAR"; do
    [[ -f "$jar" ]] || return 0
  done
  [[ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$COMMAND_JAR" -type f 2>/dev/null | head -n 1)" ]]
}
if [[ "${SKIP_BUILD:-false}" == true ]]; then
  needed=("$STORE_JAR" "$COMMAND_JAR" "$QUERY_JAR")
  if [[ "$DEMO" == true ]]; then needed+=("$TOOLS_JAR"); fi
  for jar in "${needed[@]}"; do
    [[ -f "$jar" ]] || { echo "run.sh: $jar is missing and SKIP_BUILD is true; build with ./mvnw -DskipTests package" >&2; exit 1; }
  done
elif needs_build; then
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
if [[ -z "${MONGODB_URI:-}" ]]; then
  if port_open "$EMBEDDED_MONGO_PORT"; then
    echo "run.sh: port $EMBEDDED_MONGO_PORT (embedded store) is already in use; set EMBEDDED_MONGO_PORT." >&2
    exit 1
  fi
  EMBEDDED=true
  STORE="embedded store, H2 file $DATA_DIR/chronology.mv"
  MONGODB_URI="mongodb://127.0.0.1:$EMBEDDED_MONGO_PORT/chronology"
else
  EMBEDDED=false
  STORE="MongoDB at MONGODB_URI"
fi
# every process takes the settings it knows from the environment
export MONGODB_URI CHRONOLOGY_PORT QUERY_PORT EMBEDDED_MONGO_PORT EMBEDDED_MONGO_FILE="$DATA_DIR/chronology.mv"
# the first start creates the user admin and writes its random password here (owner-only); the tools log in with it
ADMIN_PASSWORD_FILE="$DATA_DIR/admin-password"
export ADMIN_PASSWORD_FILE CHRONOLOGY_PASSWORD_FILE="$ADMIN_PASSWORD_FILE"
# --demo creates its users with random passwords, printed once and kept here (owner-only)
DEMO_USERS_FILE="${DEMO_USERS_FILE:-$DATA_DIR/demo-users}"
export DEMO_USERS_FILE
FIRST_START=false
[[ -f "$ADMIN_PASSWORD_FILE" ]] || FIRST_START=true

# The supervised processes by index (bash 3.2 has no associative arrays): 0 the store, 1 and 2 the services.
STORE_PROCESS=0
SERVICES=(1 2)
NAMES=(embedded-store chronology-service query-service)
JARS=("$STORE_JAR" "$COMMAND_JAR" "$QUERY_JAR")
PORTS=("$EMBEDDED_MONGO_PORT" "$CHRONOLOGY_PORT" "$QUERY_PORT")
PID=("" "" "")           # empty: not running (never started, or stopped on purpose)
STARTED_AT=(0 0 0)       # $SECONDS at the last start
FAILURES=(0 0 0)         # unexpected exits since the process last stayed up RESTART_RESET_AFTER seconds
ANSWERING=(false false false)
WAITING_PID=""           # a backoff sleep or the demo loader, stopped with everything else

mkdir -p "$LOG_DIR"
say() { echo "run.sh $(date +%H:%M:%S): $*"; }
log_of() { echo "$LOG_DIR/${NAMES[$1]}.log"; }

launch() { # index; appends to the log, so a crash's last words survive the restart
  local i=$1 log
  log=$(log_of "$i")
  java $JAVA_OPTS -jar "${JARS[$i]}" >>"$log" 2>&1 &
  PID[$i]=$!
  STARTED_AT[$i]=$SECONDS
  ANSWERING[$i]=false
  echo "${PID[$i]}" >"$LOG_DIR/${NAMES[$i]}.pid"
}

running() { [[ -n "${PID[$1]}" ]] && kill -0 "${PID[$1]}" 2>/dev/null; }

stop() { # indexes: SIGTERM to all of them, SIGKILL after 30 s, then reaped
  local i
  for i in "$@"; do
    if [[ -n "${PID[$i]}" ]]; then kill -TERM "${PID[$i]}" 2>/dev/null || true; fi
  done
  for _ in $(seq 1 150); do
    local alive=false
    for i in "$@"; do
      if running "$i"; then alive=true; fi
    done
    [[ "$alive" == true ]] || break
    sleep 0.2
  done
  for i in "$@"; do
    if [[ -n "${PID[$i]}" ]]; then
      kill -KILL "${PID[$i]}" 2>/dev/null || true
      wait "${PID[$i]}" 2>/dev/null || true
      PID[$i]=""
      rm -f "$LOG_DIR/${NAMES[$i]}.pid"
    fi
  done
}

stop_all() {
  trap - EXIT
  trap '' INT TERM # a second Ctrl-C must not leave the services running without us
  echo
  echo "Stopping..."
  if [[ -n "$WAITING_PID" ]]; then
    kill -TERM "$WAITING_PID" 2>/dev/null || true
    wait "$WAITING_PID" 2>/dev/null || true
  fi
  # services first, the store last, so nothing is written to a closing store
  stop "${SERVICES[@]}"
  stop "$STORE_PROCESS"
  echo "Stopped."
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

pause() { # seconds, interruptible by Ctrl-C or SIGTERM
  sleep "$1" &
  WAITING_PID=$!
  wait "$WAITING_PID" || true
  WAITING_PID=""
}

await_port() { # index: 0 once it answers, 1 if it stopped, 2 after 120 s
  local i=$1
  for _ in $(seq 1 600); do
    port_open "${PORTS[$i]}" && { ANSWERING[$i]=true; return 0; }
    running "$i" || return 1
    sleep 0.2
  done
  return 2
}

start_up() { # index: the first start; a process that cannot start at all is a fault to fix, not to retry
  local status=0
  await_port "$1" || status=$?
  case $status in
    1) echo "run.sh: ${NAMES[$1]} stopped during start-up; last lines of $(log_of "$1"):" >&2
       tail -n 40 "$(log_of "$1")" >&2
       exit 1 ;;
    2) echo "run.sh: ${NAMES[$1]} did not answer on port ${PORTS[$1]} within 120 s; see $(log_of "$1")" >&2
       exit 1 ;;
  esac
}

reap() { # index: the exit of a stopped process, e.g. STATUS="status 137 (SIGKILL)"
  local code=0
  wait "${PID[$1]}" 2>/dev/null || code=$?
  PID[$1]=""
  rm -f "$LOG_DIR/${NAMES[$1]}.pid"
  STATUS="status $code"
  if ((code > 128)) && kill -l $((code - 128)) >/dev/null 2>&1; then
    STATUS="$STATUS (SIG$(kill -l $((code - 128))))"
  fi
}

failed() { # index: counts the failure in STATUS, gives up past the limit, else sets BACKOFF in seconds
  local i=$1 delay=$RESTART_BACKOFF n
  if ((SECONDS - STARTED_AT[i] >= RESTART_RESET_AFTER)); then
    FAILURES[$i]=0
  fi
  FAILURES[$i]=$((FAILURES[i] + 1))
  if ((FAILURES[i] > RESTART_LIMIT)); then
    echo "run.sh: giving up on ${NAMES[$i]}: it stopped again ($STATUS) after $RESTART_LIMIT restarts," \
      "each within $RESTART_RESET_AFTER s of its start. See its log: $(log_of "$i")" >&2
    echo "Last lines of $(log_of "$i"):" >&2
    tail -n 20 "$(log_of "$i")" >&2
    exit 1
  fi
  for ((n = 1; n < FAILURES[i] && delay < RESTART_BACKOFF_MAX; n++)); do
    delay=$((delay * 2))
  done
  BACKOFF=$((delay < RESTART_BACKOFF_MAX ? delay : RESTART_BACKOFF_MAX))
}

restart() { # index: after the backoff, with a line in the process's own log where this run begins
  pause "$BACKOFF"
  echo "---- run.sh $(date '+%Y-%m-%d %H:%M:%S'): restart ${FAILURES[$1]} ----" >>"$(log_of "$1")"
  launch "$1"
}

service_died() { # index
  reap "$1"
  failed "$1"
  say "${NAMES[$1]} stopped unexpectedly ($STATUS); restart ${FAILURES[$1]} of at most $RESTART_LIMIT in $BACKOFF s" >&2
  restart "$1"
}

store_died() {
  reap "$STORE_PROCESS"
  failed "$STORE_PROCESS"
  say "embedded store stopped unexpectedly ($STATUS); restart ${FAILURES[0]} of at most $RESTART_LIMIT in $BACKOFF s," \
    "then chronology-service and query-service restart too: their caches may hold what the store had not made durable" >&2
  stop "${SERVICES[@]}"
  restart "$STORE_PROCESS"
  until await_port "$STORE_PROCESS"; do
    if running "$STORE_PROCESS"; then
      stop "$STORE_PROCESS"
      STATUS="no answer on port $EMBEDDED_MONGO_PORT within 120 s"
    else
      reap "$STORE_PROCESS"
    fi
    failed "$STORE_PROCESS"
    say "embedded store stopped during its restart ($STATUS); restart ${FAILURES[0]} of at most $RESTART_LIMIT in $BACKOFF s" >&2
    restart "$STORE_PROCESS"
  done
  say "embedded store is answering again on port $EMBEDDED_MONGO_PORT; starting chronology-service and query-service"
  for i in "${SERVICES[@]}"; do
    launch "$i"
  done
}

if [[ "$EMBEDDED" == true ]]; then
  : >"$(log_of 0)"
  launch "$STORE_PROCESS"
  start_up "$STORE_PROCESS"
fi
for i in "${SERVICES[@]}"; do
  : >"$(log_of "$i")"
  launch "$i"
done
for i in "${SERVICES[@]}"; do
  start_up "$i"
done

if [[ "$DEMO" == true ]]; then
  echo "Loading the demo case, its users and its review..."
  java -cp "$TOOLS_JAR" org.safeguarding.chronology.platform.DemoCase \
    "http://localhost:$CHRONOLOGY_PORT/graphql" "http://localhost:$QUERY_PORT/graphql" &
  WAITING_PID=$!
  wait "$WAITING_PID"
  WAITING_PID=""
fi

if [[ "$FIRST_START" == true && -f "$ADMIN_PASSWORD_FILE" ]]; then
  LOGIN="First start: created the user admin with the password $(cat "$ADMIN_PASSWORD_FILE")
  (shown this once; it stays in $ADMIN_PASSWORD_FILE, readable by you only)"
else
  LOGIN="Log in as admin with the password in $ADMIN_PASSWORD_FILE"
fi
if [[ "$DEMO" == true && -f "$DEMO_USERS_FILE" ]]; then
  LOGIN="$LOGIN
  Demo users (demo-chair, demo-reviewer, demo-gp, ...) log in with the passwords in $DEMO_USERS_FILE"
fi

cat <<INFO

Case chronology platform is running ($STORE).
  $LOGIN
  (HTTP Basic for scripts and agency systems; the browser shows a login page)
  GraphiQL (queries):   http://localhost:$QUERY_PORT/graphiql
  Queries:              POST http://localhost:$QUERY_PORT/graphql
  Commands:             POST http://localhost:$CHRONOLOGY_PORT/graphql   (GraphiQL: http://localhost:$CHRONOLOGY_PORT/graphiql)
  Logs:                 $LOG_DIR (and each process's .pid)
A process that stops unexpectedly is restarted. Press Ctrl-C to stop.
INFO

# supervise until a signal arrives or a process keeps failing
while true; do
  if [[ "$EMBEDDED" == true ]] && ! running "$STORE_PROCESS"; then
    store_died
    continue
  fi
  for i in "${SERVICES[@]}"; do
    if ! running "$i"; then
      service_died "$i"
    elif [[ "${ANSWERING[$i]}" == false ]] && port_open "${PORTS[$i]}"; then
      ANSWERING[$i]=true
      say "${NAMES[$i]} is answering again on port ${PORTS[$i]}"
    fi
  done
  pause 1
done
