#!/usr/bin/env bash
# Benchmarks the platform through its public API, each figure beside its baseline, on a fresh embedded store
# (or on MONGODB_URI). Prints a table and writes bench/results/<date>.json, .md and .svg (see BENCHMARKS.md).
#   ./bench.sh           the full run: stores of ~10,000, 100,000 and 1,000,000 events (under an hour on 2 cores)
#   ./bench.sh --quick   the same at a small scale, in a few minutes (a smoke run)
#   ./bench.sh --patterns   only the measured children of 1,000 and 10,000 entries: practicePatterns beside caseState
#   ./bench.sh --files      only the spreadsheet import (10,000 rows, CSV and XLSX, beside recordEntries) and the
#                           export of the 10,000-entry child in every format (beside paging it through GraphQL)
#   ./bench.sh --timeline   only the chair's timeline of the 10,000-entry child in headless Chromium (/usr/bin/chromium):
#                           first page and all entries drawn, a horizon drag, beside the same reads over HTTP
#   ./bench.sh --render bench/results/<date>.json   write that run's .md tables and .svg chart again
# Environment: MONGODB_URI (bench a real MongoDB instead; use an empty database), BENCH_JAVA_OPTS (the services'
# JVM options, default -Xms64m -Xmx512m), BENCH_DATA_DIR, BENCH_SEED, CHRONOLOGY_PORT, QUERY_PORT, EMBEDDED_MONGO_PORT.
set -euo pipefail
cd "$(dirname "$0")"
CLASSPATH="platform-tests/target/platform-tests-0.1.0-SNAPSHOT.jar:platform-tests/target/lib/*"
if [[ "${1:-}" == --render ]]; then
  [[ -f "${2:-}" ]] || { echo "bench.sh: --render needs a results file, e.g. bench/results/2026-11-22.json" >&2; exit 2; }
  exec java -cp "$CLASSPATH" org.safeguarding.chronology.platform.bench.Bench --render "$2"
fi
MODE=()
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=(--quick) ;;
    --patterns) MODE=(--patterns) ;;
    --files) MODE=(--files) ;;
    --timeline) MODE=(--timeline) ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option '$arg' (try --quick, --patterns, --files, --timeline or --help)" >&2; exit 2 ;;
  esac
done
export DATA_DIR="${BENCH_DATA_DIR:-$(mktemp -d /tmp/chronology-bench.XXXXXX)}"
export CHRONOLOGY_PORT="${CHRONOLOGY_PORT:-18081}" QUERY_PORT="${QUERY_PORT:-18082}" EMBEDDED_MONGO_PORT="${EMBEDDED_MONGO_PORT:-27217}"
export JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms64m -Xmx512m}"
# the bench measures the cost of durability by switching the embedded store's durability for two figures
export EMBEDDED_MONGO_DURABILITY_SWITCHABLE=true
# and the cost of auditing every read, by switching the audit off for a baseline page figure
export CHRONOLOGY_AUDIT_SWITCHABLE=true
# the bench logs in as the admin the first start creates
export CHRONOLOGY_PASSWORD_FILE="$DATA_DIR/admin-password"
STORE_URI="${MONGODB_URI:-mongodb://127.0.0.1:$EMBEDDED_MONGO_PORT/chronology}"

./run.sh >"$DATA_DIR/run.out" 2>&1 &
RUN_PID=$!
trap 'kill -TERM $RUN_PID 2>/dev/null; wait $RUN_PID 2>/dev/null || true' EXIT
until grep -q "is running" "$DATA_DIR/run.out" 2>/dev/null; do
  kill -0 $RUN_PID 2>/dev/null || { cat "$DATA_DIR/run.out"; exit 1; }
  sleep 1
done
echo "platform started on a fresh store under $DATA_DIR ($(nproc) cores, $(java -version 2>&1 | head -n 1), services: $JAVA_OPTS)"
java -Xmx1g -cp "$CLASSPATH" \
  org.safeguarding.chronology.platform.bench.Bench \
  --commands "http://localhost:$CHRONOLOGY_PORT/graphql" --queries "http://localhost:$QUERY_PORT/graphql" \
  --store "$STORE_URI" --pids "$DATA_DIR/logs" --out bench/results --seed "${BENCH_SEED:-20261122}" "${MODE[@]}"
