#!/usr/bin/env bash
# carga's quick mode against wrk, closed loop, against nginx serving a ~100-byte file on loopback.
# Goal (issue 2): carga reaches >= 85 % of wrk's requests/s in the same script run.
#   bench/core/quick-vs-wrk.sh [SECONDS=10] [CONNECTIONS=64] [ROUNDS=4]
# carga runs as a user would run it, so with quick mode's default 2 s warm-up; WARMUP=0 measures a cold JVM.
# The rounds interleave wrk and carga (other load hits both alike), alternating which goes first; the verdict
# is the median round.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bin/find-jdk"; source "$ROOT/bench/lib/nginx.sh"
JAVA_HOME=$(carga_find_jdk); export JAVA_HOME
SECS=${1:-10}; CONNS=${2:-64}; ROUNDS=${3:-4}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
"$ROOT/carga" --version >/dev/null   # build first, outside the measurement
start_nginx "${PORT:-18080}"
mkdir -p "$ROOT/bench/out"; OUT="$ROOT/bench/out/quick-vs-wrk-$(date +%Y%m%d-%H%M%S).txt"
{ machine_line; echo "# $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); nginx 1 worker; ${SECS}s, $CONNS connections, $URL"; } | tee "$OUT"
run_wrk() {
  /usr/bin/time -f '%U %S' -o "$tf" wrk -t2 -c"$CONNS" -d"${SECS}s" "$URL" > "$tf.out"
  wrk_rps=$(awk '/Requests\/sec/ {print $2}' "$tf.out"); wrk_n=$(awk '/requests in/ {print $1}' "$tf.out")
  wrk_cpu=$(awk -v n="$wrk_n" '{printf "%.2f", ($1 + $2) * 1e6 / n}' "$tf")
}
run_carga() {
  local res; res=$(mktemp -d)
  /usr/bin/time -f '%U %S' -o "$tf" "$ROOT/carga" run --url "$URL" --connections "$CONNS" --duration "${SECS}s" ${WARMUP:+--warmup "$WARMUP"} --out "$res" -q > "$tf.carga"
  read -r carga_rps carga_n carga_err carga_cpu_req < <(python3 -c "import json; d = json.load(open('$res/summary.json'))
print(d['total']['rps'], d['total']['count'], d['total']['errors'], d['generator']['cpu_us_per_request'])")
  carga_cpu_all=$(awk -v n="$carga_n" '{printf "%.2f", ($1 + $2) * 1e6 / n}' "$tf")
  rm -rf "$res"
}
ratios=()
for round in $(seq "$ROUNDS"); do
  tf=$(mktemp)
  # the tool that runs first after a pause tends to do better here, so the order alternates
  if [ $((round % 2)) = 1 ]; then run_wrk; run_carga; order="wrk first"; else run_carga; run_wrk; order="carga first"; fi
  ratio=$(awk -v a="$carga_rps" -v b="$wrk_rps" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio")
  echo "round $round ($order): wrk ${wrk_rps} req/s (cpu $wrk_cpu us/req) | carga ${carga_rps} req/s, errors $carga_err (cpu ${carga_cpu_req} us/req measured, ${carga_cpu_all} us/req with JVM start and warm-up) | ratio $ratio" | tee -a "$OUT"
  rm -f "$tf" "$tf.out" "$tf.carga"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "median ratio $median of ${#ratios[@]} rounds (goal >= 0.85)" | tee -a "$OUT"
