"""Reads `jfr print --json` of a carga db run recorded with jit-compilations.jfc and prints what the JIT did once
the clock started (the progress thread's start): compile time per second, the longest compilations, and the
deoptimizations of carga's, PgJDBC's and HdrHistogram's code from 1 s before the start."""
import collections
import datetime
import json
import re
import sys


def when(s):
    return datetime.datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()


def seconds(v):
    m = re.match(r'PT([0-9.]+)S', v['duration'])
    return float(m.group(1)) if m else 0.0


def name(v):
    m = v['method']
    return '%s.%s' % (m['type']['name'].split('/')[-1], m['name'])


events = json.load(open(sys.argv[1]))['recording']['events']
starts = [when(e['values']['startTime']) for e in events
          if e['type'] == 'jdk.ThreadStart' and 'progress' in ((e['values'].get('thread') or {}).get('javaName') or '')]
if not starts:
    sys.exit('no progress thread in the recording: run carga db with -P')
start = starts[0]
compilations = [e['values'] for e in events if e['type'] == 'jdk.Compilation']
after = [v for v in compilations if when(v['startTime']) >= start]
per_second = collections.defaultdict(float)
for v in after:
    per_second[int(when(v['startTime']) - start)] += seconds(v)
print('JIT before the clock %.2f s, after it %.2f s (%d compilations)' % (
    sum(seconds(v) for v in compilations if when(v['startTime']) < start), sum(per_second.values()), len(after)))
print('per second of the run: ' + ' '.join('%d:%.2f' % (k, per_second[k]) for k in sorted(per_second)))
print('longest after the start:')
for v in sorted(after, key=seconds, reverse=True)[:15]:
    print('  %.3f s at +%.2f s  C%d  %s' % (seconds(v), when(v['startTime']) - start, 2 if v['compileLevel'] == 4 else 1, name(v)))
print('deoptimizations from 1 s before the start (carga, PgJDBC, HdrHistogram):')
for e in events:
    v = e['values']
    if e['type'] != 'jdk.Deoptimization' or not any(k in v['method']['type']['name'] for k in ('carga', 'postgresql', 'HdrHistogram')):
        continue
    t = when(v['startTime']) - start
    if t > -1:
        print('  %+.2f s  %s  %s, %s, line %s' % (t, name(v), v['reason'], v['action'], v.get('lineNumber')))
