#!/usr/bin/env bash
# JMH: the cost of recording one sample (MetricsHub.record of a RequestEvent), goal under 200 ns.
#   bench/jmh/run.sh [JMH OPTIONS]       default: -wi 3 -i 5 -f 1 -w 1s -r 1s (about 40 s)
# Installs carga-core (and the parent pom) into the local Maven repository, builds
# bench/jmh/target/benchmarks.jar, runs it; the output also goes to bench/out/jmh-<time>.txt.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
source "$ROOT/bin/find-jdk"
JAVA_HOME=$(carga_find_jdk) || exit 1
export JAVA_HOME
./mvnw -q -pl carga-core -am install -Dmaven.test.skip=true
./mvnw -q -f bench/jmh/pom.xml package
ARGS=("$@")
if [ ${#ARGS[@]} -eq 0 ]; then
  ARGS=(-wi 3 -i 5 -f 1 -w 1s -r 1s)
fi
mkdir -p bench/out
OUT=bench/out/jmh-$(date +%Y%m%d-%H%M%S).txt
{
  echo "# $(date -u +%FT%TZ) $(uname -m), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  "$JAVA_HOME/bin/java" -jar bench/jmh/target/benchmarks.jar "${ARGS[@]}"
} | tee "$OUT"
echo "saved to $OUT"
