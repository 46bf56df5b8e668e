#!/usr/bin/env bash
# Quick-mode client benchmark: wrk vs carga's client vs the JDK HttpClient, against nginx on loopback.
#   bench/http/run.sh [SECONDS] [CONNECTIONS] [ROUNDS]      (defaults 10 64 1)
# Needs: nginx and wrk (Debian packages), a JDK >= 21. nginx serves a 100-byte static file with one worker,
# access log off. Each tool runs alone for SECONDS with CONNECTIONS keep-alive connections, one request in
# flight per connection. Figures go to stdout and bench/out/http-<time>.txt.
# Environment: MODES (Java clients, default "carga jdk"; "bare" is the no-parsing floor), SCENARIO=0 skips
# the scenario-API bench (SCENARIO_ROUNDS rounds of one JVM per path, default 4; SCENARIO_WARMUP s unrecorded
# in each, default 10), JAVA_OPTS goes to every JVM (e.g. -Djdk.pollerMode=1), THREADS=platform.
set -euo pipefail
SECS=${1:-10}
CONNS=${2:-64}
ROUNDS=${3:-1}
PORT=${PORT:-18080}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
source "$ROOT/bin/find-jdk"; source "$ROOT/bench/lib/nginx.sh"
JAVA_HOME=$(carga_find_jdk); export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p bench/out

if [ "${NOBUILD:-0}" != 1 ]; then   # NOBUILD=1 uses the classes already in target/
  ./mvnw -q -pl carga-http -am compile > "$ROOT/bench/out/http-build.log" 2>&1 \
    || { echo "build failed, see bench/out/http-build.log" >&2; exit 1; }
fi
CP=carga-http/target/classes
start_nginx "$PORT"
WORK=$NGINX_DIR
mkdir -p bench/out
OUT=bench/out/http-$(date +%Y%m%d-%H%M%S).txt
{
  machine_line
  echo "# $("$JAVA" -version 2>&1 | head -1), nginx $(nginx -v 2>&1 | cut -d/ -f2), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "# ${SECS}s, $CONNS connections, $URL (100-byte static file, 1 nginx worker)"
} | tee "$OUT"

run_wrk() {
  local tf; tf=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$tf" wrk -t2 -c"$CONNS" -d"${SECS}s" "$URL" > "$WORK/wrk.txt"
  local rps req cpu
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  req=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
  cpu=$(awk '{print $1 + $2}' "$tf")
  echo "wrk requests=$req rps=${rps%.*} cpu_s=$cpu cpu_us_per_req=$(awk -v c="$cpu" -v n="$req" 'BEGIN {printf "%.2f", c * 1e6 / n}')" | tee -a "$OUT"
  rm -f "$tf"
}

run_java() {
  "$JAVA" -Xmx512m ${JAVA_OPTS:-} -cp "$CP" bench/http/HttpBench.java "$1" "$URL" "$CONNS" "$SECS" | tee -a "$OUT"
}

# A POST-able JSON endpoint for the scenario bench, next to the lib's /ping.
sed -i 's|location / {|location = /json { default_type application/json; return 200 '"'"'{"status":"ok","content":"Pao quentinho","business_relevance_score":0.82}'"'"'; }\n    location / {|' "$NGINX_DIR/nginx.conf"
nginx -p "$NGINX_DIR" -c nginx.conf -s reload; sleep 0.5
JSON_URL="http://127.0.0.1:$PORT/json"
curl -sf -X POST -d '{}' "$JSON_URL" | grep -q '"status":"ok"' || { echo "nginx does not serve $JSON_URL" >&2; exit 1; }
if [ "${NOBUILD:-0}" != 1 ] || [ ! -f bench/out/http-classpath.txt ]; then
  ./mvnw -q -pl carga-http -am dependency:build-classpath -Dmdep.outputFile="$ROOT/bench/out/http-classpath.txt" \
    -Dmdep.includeScope=runtime > "$ROOT/bench/out/http-build.log" 2>&1 || { echo "classpath failed, see bench/out/http-build.log" >&2; exit 1; }
fi
cp bench/out/http-classpath.txt "$WORK/cp.txt"
FULL_CP="carga-core/target/classes:$CP:$(sed 's|[^:]*carga-core-[^:]*\.jar||' "$WORK/cp.txt")"

# Interleaved rounds: other work on a shared machine hits every tool alike. MODES picks the Java clients.
for round in $(seq "$ROUNDS"); do
  echo "-- round $round" | tee -a "$OUT"
  run_wrk
  for mode in ${MODES:-carga jdk}; do run_java "$mode"; done
done

# The scenario API against the quick mode: one JVM per measured run (a run is one or the other; in one JVM
# the JIT's profile of the shared client code mixes both), with a fixed 1 GB heap (as JMeter's launcher sets:
# G1 had shrunk the heap of one path and not the other's), the order alternating between rounds.
scenario_rps() {
  "$JAVA" -Xms1g -Xmx1g ${JAVA_OPTS:-} -cp "$FULL_CP" bench/http/ScenarioBench.java "$JSON_URL" "$CONNS" "$SECS" "$1" "${SCENARIO_WARMUP:-10}" 2>/dev/null \
    | grep -v '^warm-up' | tee -a "$OUT" | sed -n 's/.* rps=\([0-9]*\) .*/\1/p'
}
if [ "${SCENARIO:-1}" = 1 ]; then
  rm -f "$WORK/ratios.txt"
  for round in $(seq "${SCENARIO_ROUNDS:-4}"); do
    if [ $((round % 2)) = 1 ]; then q=$(scenario_rps quick); a=$(scenario_rps scenario)
    else a=$(scenario_rps scenario); q=$(scenario_rps quick); fi
    echo "scenario round $round: scenario/quick ratio=$(awk -v a="$a" -v q="$q" 'BEGIN {printf "%.3f", a / q}')" | tee -a "$OUT"
    awk -v a="$a" -v q="$q" 'BEGIN {print a / q}' >> "$WORK/ratios.txt"
  done
  sort -n "$WORK/ratios.txt" | awk '{r[NR] = $1} END {m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2;
    printf "median scenario/quick ratio=%.3f of %d rounds (goal >= 0.85)\n", m, NR}' | tee -a "$OUT"
fi
