#!/usr/bin/env python3
"""Reads a Prometheus text scrape on stdin and prints p50/p95/p99 of a histogram, summed over all label sets.
With a second argument (an earlier scrape of the same server), only what happened in between counts.
Usage: curl -s http://127.0.0.1:PORT/metrics | p95.py platform_processing_seconds [before.txt]"""
import re, sys

def read(lines, name):
    buckets = {}
    for line in lines:
        m = re.match(name + r'_bucket\{(.*)\} (\S+)', line)
        if m:
            le = float(re.search(r'le="([^"]+)"', m.group(1)).group(1).replace('+Inf', 'inf'))
            buckets[le] = buckets.get(le, 0) + float(m.group(2))
    return buckets

name = sys.argv[1]
buckets = read(sys.stdin, name)
if len(sys.argv) > 2:
    before = read(open(sys.argv[2]), name)
    buckets = {le: n - before.get(le, 0) for le, n in buckets.items()}
bounds = sorted(buckets)
total = buckets[float('inf')] if bounds else 0
def q(p):
    for b in bounds:
        if buckets[b] >= p * total:
            return b
for p in (0.5, 0.95, 0.99):
    print(f"{name} p{int(p*100)} <= {q(p)*1000:.1f} ms  (of {int(total)} requests)")
