#!/usr/bin/env bash
# What the live plane costs: quick mode against nginx with --listen and a real Prometheus scraping /metrics
# every second, against the same quick mode without it, in the same script run.
# Goal (issue 17): with the live plane, >= 0.97 x the requests/s without it.
#   bench/observe/listen-overhead.sh [SECONDS=10] [CONNECTIONS=64] [ROUNDS=4]
# Rounds alternate which variant goes first (the first after a pause tends to do better on this box);
# the verdict is the median round's ratio. Prometheus (Debian's prometheus) runs for the whole script.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bin/find-jdk"; source "$ROOT/bench/lib/nginx.sh"
JAVA_HOME=$(carga_find_jdk); export JAVA_HOME
SECS=${1:-10}; CONNS=${2:-64}; ROUNDS=${3:-4}
command -v prometheus >/dev/null || { echo "prometheus is missing: apt-get install -y prometheus" >&2; exit 1; }
"$ROOT/carga" --version >/dev/null   # build first, outside the measurement
start_nginx "${PORT:-18080}"
LISTEN_PORT=${LISTEN_PORT:-19464}; PROM_PORT=${PROM_PORT:-19090}
work=$(mktemp -d)
cat > "$work/prometheus.yml" <<YML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: carga
    static_configs: [{targets: ['127.0.0.1:$LISTEN_PORT']}]
YML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" --enable-feature=native-histograms >"$work/prometheus.log" 2>&1 &
prom=$!
nginx_stop=$(trap -p EXIT | sed "s/^trap -- '//; s/' EXIT\$//")
trap 'kill $prom 2>/dev/null; rm -rf "$work"; eval "$nginx_stop"' EXIT
mkdir -p "$ROOT/bench/out"; OUT="$ROOT/bench/out/listen-overhead-$(date +%Y%m%d-%H%M%S).txt"
{ machine_line; echo "# $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); nginx 1 worker; ${SECS}s, $CONNS connections, $URL; Prometheus scraping every 1 s (native histograms)"; } | tee "$OUT"
run() { # $1: extra options; prints req/s
  local res; res=$(mktemp -d)
  "$ROOT/carga" run --url "$URL" --connections "$CONNS" --duration "${SECS}s" --out "$res" -q $1 > "$res.log"
  python3 -c "import json; print(json.load(open('$res/summary.json'))['total']['rps'])"
  rm -rf "$res" "$res.log"
}
scrapes() { curl -s "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode 'query=sum_over_time(up{job="carga"}[1h])' | python3 -c "import json,sys; r=json.load(sys.stdin)['data']['result']; print(r[0]['value'][1] if r else 0)"; }
ratios=()
for round in $(seq "$ROUNDS"); do
  live="--listen 127.0.0.1:$LISTEN_PORT --linger 1s"
  if [ $((round % 2)) = 1 ]; then plain=$(run ""); served=$(run "$live"); order="plain first"
  else served=$(run "$live"); plain=$(run ""); order="live first"; fi
  ratio=$(awk -v a="$served" -v b="$plain" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio")
  echo "round $round ($order): plain $plain req/s | with --listen and Prometheus $served req/s | ratio $ratio" | tee -a "$OUT"
done
echo "successful scrapes of carga by Prometheus during the script: $(scrapes)" | tee -a "$OUT"
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "median ratio $median of ${#ratios[@]} rounds (goal >= 0.97)" | tee -a "$OUT"
