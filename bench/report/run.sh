#!/usr/bin/env bash
# Report benchmark: builds report.html, stats.csv and stats_history.csv for a synthetic one-hour results
# folder with 20 request names (written once to bench/out/report-1h, reused after). Targets: < 3 s, < 5 MB.
#   bench/report/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/bin/find-jdk"
JAVA_HOME="$(carga_find_jdk)"; export JAVA_HOME
OUT="$ROOT/bench/out/report-1h"
mkdir -p "$ROOT/bench/out"
cd "$ROOT"
./mvnw -q -B -pl carga-core,carga-report -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=ReportBenchTest -Dcarga.bench="$OUT" 2>&1 | grep -E "BENCH|generated|FAIL|Tests run|ERROR" || true
ls -la "$OUT"/report.html "$OUT"/stats.csv "$OUT"/stats_history.csv
