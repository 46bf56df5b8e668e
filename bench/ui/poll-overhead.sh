#!/usr/bin/env bash
# What the web UI costs the generator: quick mode against nginx with --listen and a poller asking what the
# page asks every second (GET /api/v1/run, /api/v1/stats, /api/v1/history?since=N), against the same quick
# mode without a server, in the same script run (and --listen with nobody polling, to tell the two costs apart).
# Goal (issue 19): with the page polling, >= 0.98 x the requests/s without it (under 2 % of its requests/s).
# Quick mode's requests/s varies by a fifth between runs on two shared cores, more than the effect; so the
# script also reads, from /proc, the CPU the live server's threads (carga-live-*, which answer the polls)
# took of the generator's whole process: the generator is CPU-bound, so that share is what the polls cost.
#   bench/ui/poll-overhead.sh [SECONDS=10] [CONNECTIONS=64] [ROUNDS=4]
# The poller is bench/ui/poller.py, not a browser: a browser on the same two cores would measure its own
# rendering, not what the generator pays. Rounds alternate which variant goes first; the verdict is the median round's ratio.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bin/find-jdk"; source "$ROOT/bench/lib/nginx.sh"
JAVA_HOME=$(carga_find_jdk); export JAVA_HOME
SECS=${1:-10}; CONNS=${2:-64}; ROUNDS=${3:-4}
"$ROOT/carga" --version >/dev/null   # build first, outside the measurement
start_nginx "${PORT:-18080}"
LISTEN_PORT=${LISTEN_PORT:-19465}
mkdir -p "$ROOT/bench/out"; OUT="$ROOT/bench/out/ui-poll-overhead-$(date +%Y%m%d-%H%M%S).txt"
{ machine_line; echo "# $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); nginx 1 worker; ${SECS}s, $CONNS connections, $URL; the page's three calls every 1 s"; } | tee "$OUT"
run() { # $1: extra options; prints req/s
  local res; res=$(mktemp -d)
  "$ROOT/carga" run --url "$URL" --connections "$CONNS" --duration "${SECS}s" --out "$res" -q $1 > "$res.log"
  python3 -c "import json; print(json.load(open('$res/summary.json'))['total']['rps'])"
  rm -rf "$res" "$res.log"
}
polled() { # quick mode with --listen and the poller
  local pf; pf=$(mktemp)
  python3 "$ROOT/bench/ui/poller.py" "$LISTEN_PORT" > "$pf" &
  local p=$! rps
  rps=$(run "--listen 127.0.0.1:$LISTEN_PORT --linger 0s")
  wait $p || true
  echo "$rps $(cat "$pf")"; rm -f "$pf"
}
ratios=(); served_ratios=(); shares=()
for round in $(seq "$ROUNDS"); do
  case $((round % 3)) in
    1) plain=$(run ""); quiet=$(run "--listen 127.0.0.1:$LISTEN_PORT --linger 0s"); read -r served polls share < <(polled) ;;
    2) quiet=$(run "--listen 127.0.0.1:$LISTEN_PORT --linger 0s"); read -r served polls share < <(polled); plain=$(run "") ;;
    0) read -r served polls share < <(polled); plain=$(run ""); quiet=$(run "--listen 127.0.0.1:$LISTEN_PORT --linger 0s") ;;
  esac
  ratio=$(awk -v a="$served" -v b="$plain" 'BEGIN {printf "%.3f", a / b}')
  sratio=$(awk -v a="$quiet" -v b="$plain" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio"); served_ratios+=("$sratio"); shares+=("$share")
  echo "round $round: plain $plain req/s | --listen, nobody polling $quiet ($sratio) | --listen with the page's polls ($polls answered) $served req/s ($ratio); the server's threads took $share of the generator's CPU" | tee -a "$OUT"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "median ratio, polled / plain: $(median "${ratios[@]}") of ${#ratios[@]} rounds (goal >= 0.98); served, nobody polling / plain: $(median "${served_ratios[@]}"); the polls' share of the generator's CPU: $(median "${shares[@]}") (up to the last poll)" | tee -a "$OUT"
