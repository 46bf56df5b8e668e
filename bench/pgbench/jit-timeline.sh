#!/usr/bin/env bash
# What the JIT compiles once a carga db run's clock started: runs `carga db` (the CLI jar, as the bench does)
# with JFR's compilation and deoptimization events, then prints the JIT's time per second of the run, the
# longest compilations and the deoptimizations of carga's and PgJDBC's code. Whatever the JIT compiles during the
# run is taken from the server on a shared machine; the warm-up rehearsal is meant to leave nothing for it.
#
# usage: bench/pgbench/jit-timeline.sh <carga db options and connection>, e.g.
#   bench/pgbench/jit-timeline.sh -c 8 -j 2 -T 8 -b tpcb-like -h 127.0.0.1 -p 5432 -U postgres bench
# (-P 1 is added: the progress thread marks the start). Needs python3; build the jar first (./carga builds it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bin/find-jdk"; JAVA_HOME=$(carga_find_jdk) || exit 1
JAR="$ROOT/carga-cli/target/carga.jar"
[ -f "$JAR" ] || { echo "no $JAR: run ./carga --version once to build it"; exit 2; }
OUT=$(mktemp -d /tmp/carga-jit.XXXXXX)
# shellcheck disable=SC2046
"$JAVA_HOME/bin/java" \
  "-XX:StartFlightRecording=filename=$OUT/run.jfr,settings=$ROOT/bench/pgbench/jit-compilations.jfc" \
  -jar "$JAR" db -P 1 --out "$OUT/results" "$@" 2>&1 | grep -E "^(progress|tps|carga: client CPU)"
"$JAVA_HOME/bin/jfr" print --json --events jdk.Compilation,jdk.Deoptimization,jdk.ThreadStart "$OUT/run.jfr" >"$OUT/run.json"
python3 "$ROOT/bench/pgbench/jit-timeline.py" "$OUT/run.json"
rm -rf "$OUT"
