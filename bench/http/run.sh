#!/usr/bin/env bash
# Quick-mode client benchmark: wrk vs carga's client vs the JDK HttpClient, against nginx on loopback.
#   bench/http/run.sh [SECONDS] [CONNECTIONS] [ROUNDS]      (defaults 10 64 1)
# Needs: nginx and wrk (Debian packages), a JDK >= 21. nginx serves a 100-byte static file with one worker,
# access log off. Each tool runs alone for SECONDS with CONNECTIONS keep-alive connections, one request in
# flight per connection. Figures go to stdout and bench/out/http-<time>.txt.
set -euo pipefail
SECS=${1:-10}
CONNS=${2:-64}
ROUNDS=${3:-1}
PORT=${PORT:-18080}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-2*-jdk* 2>/dev/null | tail -1)
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

if [ ! -d carga-http/target/classes/io/carga/http/client ]; then
  ./mvnw -q -pl carga-http -am -DskipTests install >/dev/null
fi
CP=carga-http/target/classes

WORK=$(mktemp -d)
trap 'nginx -p "$WORK" -c nginx.conf -s stop 2>/dev/null || true; sleep 0.5; rm -rf "$WORK"' EXIT
chmod 755 "$WORK"
mkdir -p "$WORK/html" "$WORK/logs"
head -c 100 /dev/zero | tr '\0' 'x' > "$WORK/html/ping"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  keepalive_timeout 75s;
  server {
    listen 127.0.0.1:$PORT;
    root $WORK/html;
    location / { default_type text/plain; }
  }
}
CONF
nginx -p "$WORK" -c nginx.conf
sleep 0.5
URL="http://127.0.0.1:$PORT/ping"
curl -sf "$URL" | wc -c | grep -q 100 || { echo "nginx does not serve $URL" >&2; exit 1; }

mkdir -p bench/out
OUT=bench/out/http-$(date +%Y%m%d-%H%M%S).txt
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
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
  "$JAVA" -Xmx512m -cp "$CP" bench/http/HttpBench.java "$1" "$URL" "$CONNS" "$SECS" | tee -a "$OUT"
}

for _ in $(seq "$ROUNDS"); do
  run_wrk
  run_java carga
  run_java jdk
done
