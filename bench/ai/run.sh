#!/usr/bin/env bash
# AI stream timing accuracy: carga's TTFT and inter-token gaps against the schedule the reference target
# reports for each request (its `: x-sim {...}` trailer), with STREAMS concurrent streams.
#   bench/ai/run.sh [SECONDS=20] [STREAMS=200] [WARMUP=10]
# The target runs in its own JVM (simulated LLM timing on, quotas off, no seed data: only the provider
# endpoints are used); the driver bench/ai/StreamAccuracy.java runs carga's engine and AI client in another,
# so the CPU it reports is carga's alone. Figures go to stdout and bench/out/ai-<time>.txt, with the
# machine's load average before and after (other work on the 2 cores shows in the figures).
# Both JVMs run with the JIT at nice 19 (-XX:CompilerThreadPriority=19, this bench's own option: see carga-ai's README), pre-touch a fixed 2 GB heap and log their GC
# pauses. Every young pause (5-25 ms here) holds back all chunks in flight, and an ITL gap counts it twice, so
# with 512 MB heaps (a pause every ~10 s in each JVM) the pauses alone filled the p99 of the gap error; 2 GB
# (a quarter of what the JVM would take by itself on this machine) makes them rarer. The longest pause of each
# is printed: on this VM one has been seen to last a minute (a 87 MB young collection took 57 s), and such a
# run says nothing about carga's timing. JVM_OPTS replaces the options of both JVMs; DRIVER_OPTS adds to
# carga's (e.g. a flight recording); DUMP=file writes every chunk's delivery. NOBUILD=1 uses the classes
# already in target/.
set -euo pipefail
SECS=${1:-20}; STREAMS=${2:-200}; WARMUP=${3:-10}; PORT=${PORT:-18482}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
source "$ROOT/bin/find-jdk"; source "$ROOT/bench/lib/nginx.sh"
JAVA_HOME=$(carga_find_jdk); export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
mkdir -p bench/out
WORK=$(mktemp -d)
if [ "${NOBUILD:-0}" != 1 ]; then
  ./mvnw -q -pl carga-ai,platform-sim -am compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
    -Dmdep.includeScope=runtime > bench/out/ai-build.log 2>&1 || { echo "build failed, see bench/out/ai-build.log" >&2; exit 1; }
fi
# Reactor modules come from their classes folders, not from jars in the local repository, copied first: a
# build started meanwhile in the same tree must not swap classes under a running JVM.
strip() { tr ':' '\n' < "$1" | grep -v '/io/carga/' | paste -sd: -; }
for m in carga-core carga-http carga-ai platform-sim; do cp -r "$m/target/classes" "$WORK/$m"; done
SIM_CP="$WORK/platform-sim:$(strip platform-sim/target/bench-cp.txt)"
CP="$WORK/carga-core:$WORK/carga-http:$WORK/carga-ai:$(strip carga-ai/target/bench-cp.txt)"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is taken: set PORT=" >&2; exit 1; fi
JVM_OPTS=${JVM_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=19}
"$JAVA" $JVM_OPTS -Xlog:gc:file="$WORK/gc-target.log" -cp "$SIM_CP" io.carga.platform.PlatformSimMain --port "$PORT" --quota-scale 0 --seed-data none \
  > "$WORK/target.log" 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { tail -20 "$WORK/target.log" >&2; exit 1; }

OUT=bench/out/ai-$(date +%Y%m%d-%H%M%S).txt
{
  machine_line
  echo "# $("$JAVA" -version 2>&1 | head -1); $STREAMS streams of the 80/15/5 mix, 100 tokens each, ${WARMUP}s warm-up + ${SECS}s measured"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
"$JAVA" $JVM_OPTS ${DRIVER_OPTS:-} -Xlog:gc:file="$WORK/gc-carga.log" -cp "$CP" bench/ai/StreamAccuracy.java "http://127.0.0.1:$PORT" "$STREAMS" "$SECS" "$WARMUP" 2>"$WORK/driver.err" \
  | tee -a "$OUT" || { tail -20 "$WORK/driver.err" >&2; exit 1; }
cp "$WORK/gc-target.log" bench/out/ai-gc-target.log; cp "$WORK/gc-carga.log" bench/out/ai-gc-carga.log
longest_pause() { local p; p=$(grep -o 'Pause.* \([0-9.]*\)ms$' "$1" | sed 's/.* //' | sort -n | tail -1); echo "${p:-n/a}"; }
echo "# longest GC pause: target $(longest_pause "$WORK/gc-target.log"), carga $(longest_pause "$WORK/gc-carga.log")" | tee -a "$OUT"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
