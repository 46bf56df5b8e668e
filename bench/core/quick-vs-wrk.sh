#!/usr/bin/env bash
# carga's quick mode against wrk, closed loop, against nginx serving a ~100-byte file on loopback.
# Goal (issue 2): carga reaches >= 85 % of wrk's requests/s in the same script run.
#   bench/core/quick-vs-wrk.sh [SECONDS=10] [CONNECTIONS=64] [ROUNDS=2]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bin/find-jdk"; source "$ROOT/bench/lib/nginx.sh"
JAVA_HOME=$(carga_find_jdk); export JAVA_HOME
SECS=${1:-10}; CONNS=${2:-64}; ROUNDS=${3:-2}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
"$ROOT/carga" --version >/dev/null   # build first, outside the measurement
start_nginx "${PORT:-18080}"
mkdir -p "$ROOT/bench/out"; OUT="$ROOT/bench/out/quick-vs-wrk-$(date +%Y%m%d-%H%M%S).txt"
{ machine_line; echo "# $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); nginx 1 worker; ${SECS}s, $CONNS connections, $URL"; } | tee "$OUT"
ratios=()
for round in $(seq "$ROUNDS"); do
  tf=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$tf" wrk -t2 -c"$CONNS" -d"${SECS}s" "$URL" > "$tf.out"
  wrk_rps=$(awk '/Requests\/sec/ {print $2}' "$tf.out"); wrk_n=$(awk '/requests in/ {print $1}' "$tf.out")
  wrk_cpu=$(awk '{printf "%.2f", ($1 + $2) * 1e6}' "$tf")
  res=$(mktemp -d)
  /usr/bin/time -f '%U %S' -o "$tf" "$ROOT/carga" run --url "$URL" --connections "$CONNS" --duration "${SECS}s" ${WARMUP:+--warmup "$WARMUP"} --out "$res" -q > "$tf.carga"
  carga_rps=$(python3 -c "import json;print(json.load(open('$res/summary.json'))['total']['rps'])")
  carga_n=$(python3 -c "import json;print(json.load(open('$res/summary.json'))['total']['count'])")
  carga_err=$(python3 -c "import json;print(json.load(open('$res/summary.json'))['total']['errors'])")
  carga_cpu_req=$(python3 -c "import json;print(json.load(open('$res/summary.json'))['generator']['cpu_us_per_request'])")
  carga_cpu_all=$(awk -v n="$carga_n" '{printf "%.2f", ($1 + $2) * 1e6 / n}' "$tf")
  ratio=$(awk -v a="$carga_rps" -v b="$wrk_rps" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio")
  echo "round $round: wrk ${wrk_rps} req/s (cpu $(awk -v c="$wrk_cpu" -v n="$wrk_n" 'BEGIN {printf "%.2f", c / n}') us/req) | carga ${carga_rps} req/s, errors $carga_err (cpu ${carga_cpu_req} us/req measured, ${carga_cpu_all} us/req with JVM start) | ratio $ratio" | tee -a "$OUT"
  rm -rf "$res" "$tf" "$tf.out" "$tf.carga"
done
best=$(printf '%s\n' "${ratios[@]}" | sort -n | tail -1)
echo "best ratio $best (goal >= 0.85)" | tee -a "$OUT"
