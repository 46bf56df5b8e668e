package io.carga.core.metrics;

import org.HdrHistogram.Histogram;

/**
 * How the load generator itself fared during one interval.
 *
 * @param cpu         this process's CPU use over the interval, 0..1 of the whole machine
 * @param lag         scheduling lag histogram (µs): how late virtual users woke against their plan
 * @param gcPauseMs   time spent in GC pauses during the interval
 * @param heapUsed    heap in use at the end of the interval, bytes
 * @param cpuTimeNanos this process's total CPU time so far (for CPU per request)
 */
public record GeneratorSample(double cpu, Histogram lag, long gcPauseMs, long heapUsed, long cpuTimeNanos) {
}
