# Sourced by benchmarks: starts a private nginx on 127.0.0.1:$PORT serving a 100-byte file at /ping,
# stopped when the script exits. Sets URL and NGINX_DIR. Needs the Debian nginx package.
#   start_nginx PORT [WORKERS=1] [WORKER_CONNECTIONS=4096]
start_nginx() {
  local port=$1 workers=${2:-1} conns=${3:-4096}
  command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 1; }
  NGINX_DIR=$(mktemp -d)
  chmod 755 "$NGINX_DIR"
  mkdir -p "$NGINX_DIR/html" "$NGINX_DIR/logs"
  head -c 100 /dev/zero | tr '\0' 'x' > "$NGINX_DIR/html/ping"
  cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes $workers;
worker_rlimit_nofile $((conns * 2 + 100));
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections $conns; }
http {
  access_log off;
  keepalive_requests 10000000;
  keepalive_timeout 75s;
  server {
    listen 127.0.0.1:$port backlog=8192;
    root $NGINX_DIR/html;
    location / { default_type text/plain; }
  }
}
CONF
  nginx -p "$NGINX_DIR" -c nginx.conf
  trap 'nginx -p "$NGINX_DIR" -c nginx.conf -s stop 2>/dev/null || true; sleep 0.3; rm -rf "$NGINX_DIR"' EXIT
  URL="http://127.0.0.1:$port/ping"
  for _ in $(seq 1 50); do curl -sf "$URL" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "nginx does not serve $URL" >&2; exit 1
}

# One line naming the machine, for every benchmark's output.
machine_line() {
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d" " -f1-3 /proc/loadavg)"
}

# A second private nginx (1 worker) as a reverse proxy on 127.0.0.1:$1 in front of 127.0.0.1:$2, with pooled
# upstream connections, the reference for what any proxy adds on this machine. With MIRROR=1 every request is
# also sent to the same backend by nginx's own `mirror` (fire-and-forget: its answers are discarded).
#   start_nginx_proxy PORT BACKEND_PORT [MIRROR=0]; stop_nginx_proxy
start_nginx_proxy() {
  local port=$1 backend=$2 mirror=${3:-0}
  NGINX_PROXY_DIR=$(mktemp -d); chmod 755 "$NGINX_PROXY_DIR"; mkdir -p "$NGINX_PROXY_DIR/logs"
  local mirror_line="" mirror_location=""
  if [ "$mirror" = 1 ]; then
    mirror_line="mirror /mirror;"
    mirror_location="location = /mirror { internal; proxy_pass http://backend\$request_uri; proxy_http_version 1.1; proxy_set_header Connection \"\"; }"
  fi
  cat > "$NGINX_PROXY_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_PROXY_DIR/nginx.pid;
error_log $NGINX_PROXY_DIR/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  upstream backend { server 127.0.0.1:$backend; keepalive 64; }
  server {
    listen 127.0.0.1:$port backlog=8192;
    location / { $mirror_line proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
    $mirror_location
  }
}
CONF
  nginx -p "$NGINX_PROXY_DIR" -c nginx.conf
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/ping" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "the nginx proxy does not serve http://127.0.0.1:$port/ping" >&2; exit 1
}
stop_nginx_proxy() {
  [ -n "${NGINX_PROXY_DIR:-}" ] || return 0
  nginx -p "$NGINX_PROXY_DIR" -c nginx.conf -s stop 2>/dev/null || true; sleep 0.3; rm -rf "$NGINX_PROXY_DIR"; NGINX_PROXY_DIR=
}
