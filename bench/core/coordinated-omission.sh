#!/usr/bin/env bash
# Open model at 200 req/s against a server that freezes every response for 1 s every 10 s: carga's p95,
# p99 and max must be within 5 % of the truth computed from the freeze schedule (no coordinated omission).
#   bench/core/coordinated-omission.sh [DURATION=60s] [RATE=200]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bin/find-jdk"
JAVA_HOME=$(carga_find_jdk); export JAVA_HOME
DURATION=${1:-60s}; RATE=${2:-200}; PORT=${PORT:-18090}; PERIOD=10000; FREEZE=1000
OUT=$(mktemp -d)
"$JAVA_HOME/bin/java" "$ROOT/bench/fixtures/FreezeServer.java" "$PORT" $PERIOD $FREEZE > "$OUT/server.txt" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q anchor= "$OUT/server.txt" 2>/dev/null && break; sleep 0.1; done
ANCHOR=$(sed -n 's/^anchor=\([0-9]*\).*/\1/p' "$OUT/server.txt")
"$ROOT/carga" run --url "http://127.0.0.1:$PORT/" --rate "$RATE/s" --duration "$DURATION" --max-users 2000 --out "$OUT/run" -q | tail -12
mkdir -p "$ROOT/bench/out"
python3 "$ROOT/bench/core/coordinated_omission.py" "$OUT/run" "$ANCHOR" $PERIOD $FREEZE "$RATE" | tee "$ROOT/bench/out/co-$(date +%Y%m%d-%H%M%S).txt"
