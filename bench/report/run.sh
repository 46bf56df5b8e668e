#!/usr/bin/env bash
# Report benchmark: builds report.html, stats.csv and stats_history.csv for a synthetic one-hour results
# folder with 20 request names (written once to bench/out/report-1h, reused after; delete it after a change
# of the results format). Targets: < 3 s, < 5 MB. Prints the BENCH lines of ReportBenchTest.
#   bench/report/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/bin/find-jdk"
JAVA_HOME="$(carga_find_jdk)"; export JAVA_HOME
OUT="$ROOT/bench/out/report-1h"
mkdir -p "$ROOT/bench/out"
cd "$ROOT"
./mvnw -q -B -pl carga-core,carga-report -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=ReportBenchTest -Dcarga.bench="$OUT" 2>&1 | grep -E "FAIL|Tests run|ERROR" || true
# -q hides the test's own output: its lines are in the surefire report
grep -hoE "(BENCH|generated) [^<&]*" carga-report/target/surefire-reports/TEST-io.carga.report.html.ReportBenchTest.xml || true
ls -la "$OUT"/report.html "$OUT"/stats.csv "$OUT"/stats_history.csv "$OUT"/timeseries.jsonl "$OUT"/totals.hlog
