#!/usr/bin/env bash
# Compares `carga db` with the Debian pgbench binary on the same local PostgreSQL, same script, same
# options, one after the other: select-only, tpcb-like and the spec's section 5.1 multi-tenant script
# (on platform-sim's schema, seeded with the reference target's shape). Reports TPS, average latency
# and client CPU per transaction: user+sys of the whole client process (for carga db: JVM start, JIT,
# warm-up and the results folder included), and carga db's own figure for the run alone.
# carga db runs as `carga db` does (the CLI jar, writing its results folder to bench/out/pgbench/runs/).
#
# usage: bench/pgbench/run.sh [-c clients] [-j jobs] [-T seconds] [-s scale] [-r rounds]
#   env: PGBENCH (default /usr/bin/pgbench), CARGA_JAVA_OPTS (extra JVM options for carga db),
#        PG_BIN (directory of initdb/pg_ctl; default the newest /usr/lib/postgresql/*/bin),
#        BEFORE_JAR (another carga.jar, e.g. an older commit's, measured as a third tool in the same rounds,
#        with BEFORE_JAVA_OPTS: a before/after comparison under the same machine load)
# results: bench/out/pgbench/results-<time>.md
set -euo pipefail

CLIENTS=8 JOBS=2 TIME=20 SCALE=10 ROUNDS=1
while getopts "c:j:T:s:r:" o; do
  case "$o" in
    c) CLIENTS=$OPTARG ;; j) JOBS=$OPTARG ;; T) TIME=$OPTARG ;; s) SCALE=$OPTARG ;; r) ROUNDS=$OPTARG ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/pgbench"
OUT="$ROOT/bench/out/pgbench"
mkdir -p "$OUT"
PGBENCH=${PGBENCH:-/usr/bin/pgbench}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBENCH" ] || { echo "pgbench not found at $PGBENCH (apt-get install postgresql-client)"; exit 2; }
[ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL server binaries (apt-get install postgresql)"; exit 2; }
source "$(cd "$(dirname "$0")/../.." && pwd)/bin/find-jdk"; JAVA_HOME=$(carga_find_jdk) || exit 1
export JAVA_HOME

echo "== building the carga CLI jar (as ./carga does)"
(cd "$ROOT" && ./mvnw -q -B -DskipTests -pl carga-cli -am package)
# shellcheck disable=SC2206
CARGA_DB=("$JAVA_HOME/bin/java" ${CARGA_JAVA_OPTS:-} -jar "$ROOT/carga-cli/target/carga.jar" db)
RUNS="$OUT/runs"; rm -rf "$RUNS"; mkdir -p "$RUNS"
BEFORE_DB=()
# shellcheck disable=SC2206
[ -n "${BEFORE_JAR:-}" ] && BEFORE_DB=("$JAVA_HOME/bin/java" ${BEFORE_JAVA_OPTS:-} -jar "$BEFORE_JAR" db)

echo "== starting PostgreSQL from $PG_BIN"
PORT=55433
DATA=$(mktemp -d /tmp/carga-pgbench-bench.XXXXXX)
AS=()
if [ "$(id -u)" = 0 ]; then chown postgres "$DATA"; AS=(runuser -u postgres --); fi
"${AS[@]}" "$PG_BIN/initdb" -D "$DATA/db" -A trust -U postgres >"$OUT/initdb.log"
cleanup() { "${AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA/db" -m fast stop >/dev/null 2>&1 || true; rm -rf "$DATA"; }
trap cleanup EXIT
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA/db" -l "$DATA/server.log" -w start -o \
  "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=256MB -c synchronous_commit=off -c autovacuum=off" >/dev/null
CONN=(-h 127.0.0.1 -p "$PORT" -U postgres)

echo "== initializing (pgbench -i -s $SCALE) and seeding the 5.1 schema"
"$PGBENCH" "${CONN[@]}" -i -q -s "$SCALE" postgres 2>"$OUT/init.log"
psql "${CONN[@]}" -q -v ON_ERROR_STOP=1 -d postgres \
  -f "$ROOT/platform-sim/src/main/resources/io/carga/platform/db/V1__schema.sql" -f "$HERE/seed-5.1.sql" >/dev/null

# one measured run: tool, workload args...; prints "tps latency_ms cpu_s transactions run_cpu_us_per_tx"
measure() {
  local tool=$1; shift
  local log="$OUT/last-$tool.txt"
  # Every run starts from the same state: what pgbench itself does before a run without -n (vacuum the
  # small tables, empty the history), then a checkpoint, so that no run inherits the last one's dead rows
  # or pays for its dirty pages. Autovacuum is off on this server: it would start at random moments, in one
  # tool's run and not in the other's.
  psql "${CONN[@]}" -q -d postgres -c "VACUUM pgbench_branches" -c "VACUUM pgbench_tellers" \
    -c "TRUNCATE pgbench_history" -c "VACUUM whatsapp_messages" -c "CHECKPOINT" >/dev/null
  if [ "$tool" = pgbench ]; then
    /usr/bin/time -f "%U %S" -o "$OUT/time.txt" "$PGBENCH" "${CONN[@]}" -n -c "$CLIENTS" -j "$JOBS" -T "$TIME" "$@" postgres >"$log" 2>&1
  elif [ "$tool" = before ]; then
    /usr/bin/time -f "%U %S" -o "$OUT/time.txt" "${BEFORE_DB[@]}" "${CONN[@]}" -n -c "$CLIENTS" -j "$JOBS" -T "$TIME" "$@" \
      --out "$RUNS/before-$(date +%H%M%S)" postgres >"$log" 2>&1
  else
    /usr/bin/time -f "%U %S" -o "$OUT/time.txt" "${CARGA_DB[@]}" "${CONN[@]}" -n -c "$CLIENTS" -j "$JOBS" -T "$TIME" "$@" \
      --out "$RUNS/$(date +%H%M%S)" postgres >"$log" 2>&1
  fi
  local tps lat n cpu run
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$log")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$log")
  n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$log")
  cpu=$(awk '{print $1 + $2}' "$OUT/time.txt")
  run=$(sed -n 's/^carga: client CPU during the run: .*, \([0-9.]*\) us per transaction.*/\1/p' "$log")
  echo "$tps $lat $cpu $n ${run:--}"
}

RESULT="$OUT/results-$(date +%Y%m%d-%H%M%S).md"
{
  echo "# carga db vs pgbench ($("$PGBENCH" --version | head -1))"
  echo
  echo "Server: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1, same machine ($(nproc) cores)."
  echo "Options: -n -c $CLIENTS -j $JOBS -T $TIME, scale $SCALE, $ROUNDS round(s), tools alternating. Command: bench/pgbench/run.sh $*"
  echo
  echo "Machine load when it started: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)."
  echo
  echo "| workload | tool | tps | latency avg (ms) | client CPU (s) | CPU per tx (µs) | during the run (µs) | carga/pgbench tps |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
} >"$RESULT"

rm -f "$OUT/ratios.txt" "$OUT/before-ratios.txt"
declare -A WORK=([select-only]="-S" [tpcb-like]="-b tpcb-like" [spec-5.1]="-f $HERE/spec-5.1.sql")
# the tools of a round, in the order they run: the order turns each round (the second of a pair has done better here)
tools=(pgbench carga); [ ${#BEFORE_DB[@]} -gt 0 ] && tools+=(before)
for w in select-only tpcb-like spec-5.1; do
  for r in $(seq "$ROUNDS"); do
    declare -A TPS=() LAT=() CPU=() NTX=() RUNUS=()
    for k in $(seq 0 $((${#tools[@]} - 1))); do
      t=${tools[$(( (k + r - 1) % ${#tools[@]} ))]}
      # shellcheck disable=SC2086
      read -r TPS[$t] LAT[$t] CPU[$t] NTX[$t] RUNUS[$t] < <(measure "$t" ${WORK[$w]})
    done
    line="$w round $r:"
    for t in "${tools[@]}"; do
      name=$([ "$t" = carga ] && echo "carga db" || { [ "$t" = before ] && echo "carga db (before)" || echo pgbench; })
      us=$(awk -v c="${CPU[$t]}" -v n="${NTX[$t]}" 'BEGIN { printf "%.1f", (n > 0 ? c * 1e6 / n : 0) }')
      if [ "$t" = pgbench ]; then
        echo "| $w | $name | ${TPS[$t]} | ${LAT[$t]} | ${CPU[$t]} | $us | | |" >>"$RESULT"
      else
        ratio=$(awk -v a="${TPS[$t]}" -v b="${TPS[pgbench]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
        lratio=$(awk -v a="${LAT[$t]}" -v b="${LAT[pgbench]}" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
        echo "| $w | $name | ${TPS[$t]} | ${LAT[$t]} | ${CPU[$t]} | $us | ${RUNUS[$t]} | $ratio |" >>"$RESULT"
        echo "$w $ratio $lratio" >>"$OUT/$([ "$t" = before ] && echo before-)ratios.txt"
      fi
      line="$line $name ${TPS[$t]} tps (${LAT[$t]} ms, $us µs CPU/tx);"
    done
    echo "$line load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "Machine load at the end: $(cut -d' ' -f1-3 /proc/loadavg)." >>"$RESULT"
{
  echo
  echo "Medians over the rounds, carga db / pgbench: tps (goal >= 0.90 each), average latency (goal 0.90-1.10):"
  median() { sort -n | awk '{a[NR] = $1} END {printf "%.3f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
  for w in select-only tpcb-like spec-5.1; do
    echo "- $w: tps $(awk -v w="$w" '$1 == w {print $2}' "$OUT/ratios.txt" | median), latency $(awk -v w="$w" '$1 == w {print $3}' "$OUT/ratios.txt" | median)"
    if [ -s "$OUT/before-ratios.txt" ]; then
      echo "  - before ($BEFORE_JAR): tps $(awk -v w="$w" '$1 == w {print $2}' "$OUT/before-ratios.txt" | median), latency $(awk -v w="$w" '$1 == w {print $3}' "$OUT/before-ratios.txt" | median)"
    fi
  done
} >>"$RESULT"
echo
cat "$RESULT"
echo "(written to $RESULT; last outputs in $OUT/last-*.txt)"
