package io.carga.pgbench.run;

/**
 * Transaction counters and latency/lag statistics, as pgbench's StatsData. One per client, written
 * only by the client's thread; progress reports read them without locks, as pgbench does.
 */
final class StatsData {
    long startTime;
    long cnt;
    long skipped;
    long serializationFailures;
    long deadlockFailures;
    final SimpleStats latency = new SimpleStats();
    final SimpleStats lag = new SimpleStats();

    StatsData(long startTime) {
        this.startTime = startTime;
    }

    long failures() {
        return serializationFailures + deadlockFailures;
    }

    /** pgbench's accumStats. */
    void accum(boolean skip, double lat, double lg, Failure failure, boolean throttled) {
        if (skip) {
            skipped++;
            return;
        }
        switch (failure) {
            case NONE -> {
                cnt++;
                latency.add(lat);
                if (throttled) lag.add(lg);
            }
            case SERIALIZATION -> serializationFailures++;
            case DEADLOCK -> deadlockFailures++;
        }
    }

    void merge(StatsData o) {
        cnt += o.cnt;
        skipped += o.skipped;
        serializationFailures += o.serializationFailures;
        deadlockFailures += o.deadlockFailures;
        latency.merge(o.latency);
        lag.merge(o.lag);
    }

    StatsData copy() {
        StatsData c = new StatsData(startTime);
        c.merge(this);
        return c;
    }

    void reset(long start) {
        startTime = start;
        cnt = skipped = serializationFailures = deadlockFailures = 0;
        latency.count = 0;
        latency.sum = latency.sum2 = latency.min = latency.max = 0;
        lag.count = 0;
        lag.sum = lag.sum2 = lag.min = lag.max = 0;
    }

    /** How a transaction ended when it did not abort the client. */
    enum Failure { NONE, SERIALIZATION, DEADLOCK }
}
