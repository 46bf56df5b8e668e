#!/usr/bin/env bash
# What carga shadow adds to the primary path: carga in open model at a constant rate (wrk2-style, latency from
# the intended start) against nginx directly, then through the shadow proxy without mirroring (--share 0%), then
# with every request mirrored (--share 100%, candidate = the same nginx), in the same script run. Two reference
# legs in each round put nginx itself in the proxy's place (proxy_pass with pooled upstream connections, then
# with nginx's own fire-and-forget `mirror` of every request): what any proxy adds on this machine.
# Goal (issue 22): p99 added under 1 ms, and no primary error.
#   bench/shadow/run.sh [SECONDS=25] [RATE=500] [ROUNDS=1]
# With several rounds the five legs run again in each, and the last line gives the medians of p99 added.
# PROXY_JAVA_OPTS: JVM options for the proxy alone (CARGA_JAVA_OPTS reaches every carga started here).
# PIN=1: the proxies (carga shadow, nginx as a proxy) on CPU 1 alone, the load generator and the backend nginx on
# CPU 0, as a production proxy runs on cores of its own; unpinned, all share both cores.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bin/find-jdk"; source "$ROOT/bench/lib/nginx.sh"
JAVA_HOME=$(carga_find_jdk); export JAVA_HOME
SECS=${1:-25}; RATE=${2:-500}; ROUNDS=${3:-1}; PROXY_PORT=${PROXY_PORT:-18100}; NGINX_PROXY_PORT=${NGINX_PROXY_PORT:-18101}
"$ROOT/carga" --version >/dev/null   # build first, outside the measurement
PORT=${PORT:-18080}; start_nginx "$PORT"
LOAD_ON=(); PROXY_ON=()
pin_nginx() { :; }
if [ "${PIN:-0}" = 1 ]; then
  LOAD_ON=(taskset -c 0); PROXY_ON=(taskset -c 1)
  pin_nginx() { # $1: CPU, $2: its pid file; the master and its workers
    local master; master=$(cat "$2"); taskset -cp "$1" "$master" >/dev/null
    for w in $(pgrep -P "$master"); do taskset -cp "$1" "$w" >/dev/null; done
  }
  pin_nginx 0 "$NGINX_DIR/nginx.pid"
fi
work=$(mktemp -d)
nginx_stop=$(trap -p EXIT | sed "s/^trap -- '//; s/' EXIT\$//")
trap 'kill ${shadow:-} 2>/dev/null || true; stop_nginx_proxy; rm -rf "$work"; eval "$nginx_stop"' EXIT
mkdir -p "$ROOT/bench/out"; OUT="$ROOT/bench/out/shadow-$(date +%Y%m%d-%H%M%S).txt"
{ machine_line; echo "# $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); nginx 1 worker; ${SECS}s per leg at ${RATE}/s, open model, 64 connections at most$([ "${PIN:-0}" = 1 ] && echo "; proxies pinned to CPU 1, load and backend to CPU 0")"; } | tee "$OUT"

load() { # $1: URL, $2: name; prints "p50 p99 max errors count" from summary.json
  rm -rf "${work:?}/$2"   # a leg that fails must not leave the previous round's figures to be read
  "${LOAD_ON[@]}" "$ROOT/carga" run --url "$1" --rate "${RATE}/s" --max-users 64 --duration "${SECS}s" --out "$work/$2" -q >"$work/$2.log" 2>&1 || true
  python3 -c "
import json; t = json.load(open('$work/$2/summary.json'))['total']; l = t['latency_ms']
print(l['p50'], l['p99'], l['max'], t['errors'], t['count'])"
}
proxy() { # $1: share; starts carga shadow in the background
  CARGA_JAVA_OPTS="${PROXY_JAVA_OPTS:-${CARGA_JAVA_OPTS:-}}" "${PROXY_ON[@]}" "$ROOT/carga" shadow --listen "127.0.0.1:$PROXY_PORT" --primary "http://127.0.0.1:$PORT" --candidate "http://127.0.0.1:$PORT" \
    --share "$1" --out "$work/shadow-$1" -q >"$work/shadow-$1.log" 2>&1 &
  shadow=$!; rm -rf "${work:?}/warm-$1"
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PROXY_PORT/ping" && break; sleep 0.1; done
  # the proxy's JIT warms on the same path first (WARM_SECS, 10 s by default: its first seconds hold 100-500 ms tails), as quick mode warms carga itself
  "${LOAD_ON[@]}" "$ROOT/carga" run --url "http://127.0.0.1:$PROXY_PORT/ping" --rate "${RATE}/s" --duration "${WARM_SECS:-10}s" --warmup 0 --out "$work/warm-$1" -q >/dev/null 2>&1 || true
}
# SIGTERM: a background job of a script ignores SIGINT; the JVM then runs carga shadow's hook, which writes the results
stop_proxy() { kill -TERM "$shadow"; wait "$shadow" || true; shadow=; }

added=()
for round in $(seq "$ROUNDS"); do
  [ "$ROUNDS" -gt 1 ] && echo "## round $round" | tee -a "$OUT"
  read -r d50 d99 dmax derr dn < <(load "$URL" direct)
  echo "direct to nginx:              p50 $d50 ms, p99 $d99 ms, max $dmax ms, errors $derr of $dn" | tee -a "$OUT"
  start_nginx_proxy "$NGINX_PROXY_PORT" "$PORT" 0; pin_nginx 1 "$NGINX_PROXY_DIR/nginx.pid"
  read -r x50 x99 xmax xerr xn < <(load "http://127.0.0.1:$NGINX_PROXY_PORT/ping" nginx-proxy)
  stop_nginx_proxy
  echo "through nginx as a proxy:     p50 $x50 ms, p99 $x99 ms, max $xmax ms, errors $xerr of $xn" | tee -a "$OUT"
  start_nginx_proxy "$NGINX_PROXY_PORT" "$PORT" 1; pin_nginx 1 "$NGINX_PROXY_DIR/nginx.pid"
  read -r y50 y99 ymax yerr yn < <(load "http://127.0.0.1:$NGINX_PROXY_PORT/ping" nginx-mirror)
  stop_nginx_proxy
  echo "through nginx, 100% mirrored: p50 $y50 ms, p99 $y99 ms, max $ymax ms, errors $yerr of $yn" | tee -a "$OUT"
  proxy 0%
  read -r p50 p99 pmax perr pn < <(load "http://127.0.0.1:$PROXY_PORT/ping" plain)
  stop_proxy
  echo "through the proxy, no mirror: p50 $p50 ms, p99 $p99 ms, max $pmax ms, errors $perr of $pn" | tee -a "$OUT"
  proxy 100%
  read -r m50 m99 mmax merr mn < <(load "http://127.0.0.1:$PROXY_PORT/ping" mirrored)
  stop_proxy
  mirrored=$(python3 -c "import json; t = json.load(open('$work/shadow-100%/shadow.json'))['totals']; print(t['mirrored'], 'mirrored,', t['dropped'], 'dropped,', t['diffs'], 'diffs')")
  echo "through the proxy, 100% mirrored: p50 $m50 ms, p99 $m99 ms, max $mmax ms, errors $merr of $mn ($mirrored)" | tee -a "$OUT"
  line=$(awk -v d="$d99" -v p="$p99" -v m="$m99" -v x="$x99" -v y="$y99" -v e1="$perr" -v e2="$merr" 'BEGIN {
    printf "p99 added by carga shadow: %.3f ms without mirroring, %.3f ms with every request mirrored (goal < 1 ms); by nginx: %.3f / %.3f ms; primary errors %d (goal 0)", p - d, m - d, x - d, y - d, e1 + e2 }')
  echo "$line" | tee -a "$OUT"
  added+=("$(awk -v d="$d99" -v p="$p99" -v m="$m99" -v x="$x99" -v y="$y99" 'BEGIN { printf "%.3f %.3f %.3f %.3f", p - d, m - d, x - d, y - d }')")
done
if [ "$ROUNDS" -gt 1 ]; then
  printf '%s\n' "${added[@]}" | python3 -c "
import statistics, sys
rows = [tuple(map(float, l.split())) for l in sys.stdin if l.strip()]
med = [statistics.median(r[i] for r in rows) for i in range(4)]
print('median of %d rounds, p99 added by carga shadow: %.3f ms without mirroring, %.3f ms with every request mirrored (goal < 1 ms); by nginx: %.3f / %.3f ms' % (
    len(rows), *med))" | tee -a "$OUT"
fi
