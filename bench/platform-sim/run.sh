#!/usr/bin/env bash
# Benchmark platform-sim: the spec's journey mix with AI latency simulation on, quotas off (the peak
# AI rate far exceeds the staging quotas), driven by wrk from the same machine. Prints wrk's view and the
# server's own processing time (excluding simulated LLM waiting) from /metrics.
#   bench/platform-sim/run.sh [duration_s=30] [connections=400]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-30}; CONNS=${2:-400}; PORT=${PORT:-18480}
source bin/find-jdk; JAVA_HOME=$(carga_find_jdk) || exit 1; export JAVA_HOME
./mvnw -q -pl platform-sim compile dependency:build-classpath -Dmdep.outputFile=target/platform-sim.cp
CP=platform-sim/target/classes:$(cat platform-sim/target/platform-sim.cp)
mkdir -p bench/out
"$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" io.carga.platform.PlatformSimMain --port "$PORT" --quota-scale 0 --pool-size 30 \
  > bench/out/platform-sim.log 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
grep 'listening' bench/out/platform-sim.log
SIM_TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"user_4567@gmail.com","password":"TestPass123"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
export SIM_TOKEN
wrk -t2 -c"$CONNS" -d5s -s bench/platform-sim/journey-mix.lua "http://127.0.0.1:$PORT" > /dev/null   # warm-up
curl -s "http://127.0.0.1:$PORT/metrics" > bench/out/metrics-before.txt
wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s bench/platform-sim/journey-mix.lua "http://127.0.0.1:$PORT"
curl -s "http://127.0.0.1:$PORT/metrics" > bench/out/metrics-after.txt
bench/platform-sim/p95.py platform_processing_seconds < bench/out/metrics-after.txt
bench/platform-sim/p95.py http_request_duration_seconds < bench/out/metrics-after.txt
