#!/usr/bin/env bash
# Benchmarks the platform through its public API on a fresh embedded store (or on MONGODB_URI):
#   ./bench.sh           ingest 1/8 clients, lag, 100-entry page for a 10,000-entry child at ~10k and 200k events
#   ./bench.sh --quick   the same at a small scale (a smoke run)
set -euo pipefail
cd "$(dirname "$0")"
MODE="${1:-}"
export DATA_DIR="${BENCH_DATA_DIR:-$(mktemp -d /tmp/chronology-bench.XXXXXX)}"
export CHRONOLOGY_PORT="${CHRONOLOGY_PORT:-18081}" QUERY_PORT="${QUERY_PORT:-18082}" EMBEDDED_MONGO_PORT="${EMBEDDED_MONGO_PORT:-27217}"
./run.sh >"$DATA_DIR/run.out" 2>&1 &
RUN_PID=$!
trap 'kill -TERM $RUN_PID 2>/dev/null; wait $RUN_PID 2>/dev/null || true' EXIT
until grep -q "is running" "$DATA_DIR/run.out" 2>/dev/null; do
  kill -0 $RUN_PID 2>/dev/null || { cat "$DATA_DIR/run.out"; exit 1; }
  sleep 1
done
echo "platform started on a fresh store under $DATA_DIR ($(nproc) cores, $(java -version 2>&1 | head -n 1))"
java -cp platform-tests/target/platform-tests-0.1.0-SNAPSHOT.jar org.safeguarding.chronology.platform.Bench \
  "http://localhost:$CHRONOLOGY_PORT/graphql" "http://localhost:$QUERY_PORT/graphql" $MODE
