#!/usr/bin/env bash
# What the web UI costs the generator: quick mode against nginx with --listen and a poller asking what the
# page asks every second (GET /api/v1/run, /api/v1/stats, /api/v1/history?since=N), against the same quick
# mode without a server, in the same script run (and --listen with nobody polling, to tell the two costs apart).
# Goal (issue 19): with the page polling, >= 0.98 x the requests/s without it (under 2 % of its requests/s).
#   bench/ui/poll-overhead.sh [SECONDS=10] [CONNECTIONS=64] [ROUNDS=4]
# The poller is curl, not a browser: a browser on the same two cores would measure its own rendering, not
# what the generator pays. Rounds alternate which variant goes first; the verdict is the median round's ratio.
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
poll() { # until the run's server goes away; prints how many polls answered
  local base="http://127.0.0.1:$LISTEN_PORT/api/v1" next=0 n=0
  until curl -sf "$base/run" >/dev/null 2>&1; do sleep 0.1; done
  # one curl a second for the three calls, on one connection, as a browser keeps it alive: the poller's own
  # CPU stays out of the figure as far as it can on the same two cores
  local body
  while body=$(curl -sf "$base/run" -o /dev/null "$base/stats?percentiles=50,95,99" -o /dev/null "$base/history?since=$next"); do
    next=$(sed -n 's/.*"next":\([0-9]*\).*/\1/p' <<<"$body"); next=${next:-0}
    n=$((n + 1)); sleep 1
  done
  echo "$n"
}
run() { # $1: extra options; prints req/s
  local res; res=$(mktemp -d)
  "$ROOT/carga" run --url "$URL" --connections "$CONNS" --duration "${SECS}s" --out "$res" -q $1 > "$res.log"
  python3 -c "import json; print(json.load(open('$res/summary.json'))['total']['rps'])"
  rm -rf "$res" "$res.log"
}
polled() { # quick mode with --listen and the poller
  local pf; pf=$(mktemp)
  poll > "$pf" &
  local p=$! rps
  rps=$(run "--listen 127.0.0.1:$LISTEN_PORT --linger 0s")
  wait $p || true
  echo "$rps $(cat "$pf")"; rm -f "$pf"
}
ratios=(); served_ratios=()
for round in $(seq "$ROUNDS"); do
  case $((round % 3)) in
    1) plain=$(run ""); quiet=$(run "--listen 127.0.0.1:$LISTEN_PORT --linger 0s"); read -r served polls < <(polled) ;;
    2) quiet=$(run "--listen 127.0.0.1:$LISTEN_PORT --linger 0s"); read -r served polls < <(polled); plain=$(run "") ;;
    0) read -r served polls < <(polled); plain=$(run ""); quiet=$(run "--listen 127.0.0.1:$LISTEN_PORT --linger 0s") ;;
  esac
  ratio=$(awk -v a="$served" -v b="$plain" 'BEGIN {printf "%.3f", a / b}')
  sratio=$(awk -v a="$quiet" -v b="$plain" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio"); served_ratios+=("$sratio")
  echo "round $round: plain $plain req/s | --listen, nobody polling $quiet ($sratio) | --listen with the page's polls ($polls answered) $served req/s ($ratio)" | tee -a "$OUT"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "median ratio, polled / plain: $(median "${ratios[@]}") of ${#ratios[@]} rounds (goal >= 0.98); served, nobody polling / plain: $(median "${served_ratios[@]}")" | tee -a "$OUT"
