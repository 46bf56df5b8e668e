#!/usr/bin/env python3
"""Truth versus carga for the freeze server: reads the run's results folder and the server's anchor.

The k-th iteration of an open model at RATE/s was intended at start + k/RATE. A request that arrives
during a freeze (the last FREEZE ms of every PERIOD ms after the anchor) is answered when it ends, so its
true latency is the rest of the freeze; other requests take ~0. Compares p95, p99 and max with carga's
summary.json and fails when one is off by more than the tolerance.
usage: coordinated_omission.py RESULTS_DIR ANCHOR_MS PERIOD_MS FREEZE_MS RATE [TOLERANCE=0.05]
"""
import json, math, sys

def main():
    d, anchor, period, freeze, rate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    tol = float(sys.argv[6]) if len(sys.argv) > 6 else 0.05
    summary = json.load(open(f"{d}/summary.json"))
    first = json.loads(open(f"{d}/timeseries.jsonl").readline())
    start = first["start_ms"]
    count = summary["total"]["count"]
    truth = []
    for k in range(count):
        t = start + k * 1000.0 / rate
        phase = (t - anchor) % period
        truth.append(period - phase if phase >= period - freeze else 0.0)
    truth.sort()
    def pct(p):
        return truth[max(0, math.ceil(p / 100.0 * len(truth)) - 1)]
    measured = summary["total"]["latency_ms"]
    ok = True
    for name, expected in (("p95", pct(95)), ("p99", pct(99)), ("max", truth[-1])):
        got = measured[name]
        # A truth of ~0 would make a relative bound meaningless: allow 2 ms of client and loopback time too.
        err = abs(got - expected) / expected if expected > 0 else 0.0
        good = abs(got - expected) <= max(tol * expected, 2.0)
        ok &= good
        print(f"{name}: truth {expected:8.1f} ms  carga {got:8.1f} ms  error {err*100:5.2f}%  {'ok' if good else 'FAIL'}")
    print(f"requests {count}, dropped {summary['dropped_iterations']}, errors {summary['total']['errors']}")
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)

main()
