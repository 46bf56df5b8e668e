package io.carga.pgbench.run;

import io.carga.pgbench.script.Functions;
import io.carga.pgbench.script.Prng;
import io.carga.pgbench.script.Script;
import java.util.List;

/**
 * What pgbench calls a thread ({@code -j}): a group of clients that share the Poisson schedule of
 * {@code -R}, the weighted script choice, the log sampling and one log file. Its clients run on one
 * thread's event loop, or each on a thread of its own ({@code --threads}): the shared parts are guarded by
 * this object's monitor, never held across a wait.
 */
final class Group {
    final int id;
    private final Prng chooseRng;
    private final Prng throttleRng;
    private final Prng sampleRng;
    private final double throttleDelayMicros;
    private final int[] weights;
    private final int totalWeight;
    final TxLog log;
    private long throttleTriggerMicros;
    long latencyLate;

    Group(int id, Prng chooseRng, Prng throttleRng, Prng sampleRng, BenchConfig cfg, TxLog log) {
        this.id = id;
        this.chooseRng = chooseRng;
        this.throttleRng = throttleRng;
        this.sampleRng = sampleRng;
        this.throttleDelayMicros = cfg.throttleDelayMicros();
        List<Script> scripts = cfg.scripts();
        this.weights = new int[scripts.size()];
        for (int i = 0; i < weights.length; i++) weights[i] = scripts.get(i).weight();
        this.totalWeight = cfg.totalWeight();
        this.log = log;
    }

    void start(long nowMicros) {
        throttleTriggerMicros = nowMicros;
    }

    /** pgbench's chooseScript: a weighted draw from the group's generator. */
    int chooseScript() {
        if (weights.length == 1) return 0; // no draw and no lock for the common case, as pgbench
        synchronized (this) {
            return draw();
        }
    }

    private int draw() {
        long w = Functions.random(chooseRng, 0, totalWeight - 1);
        int i = 0;
        do {
            w -= weights[i++];
        } while (w >= 0);
        return i - 1;
    }

    /** Advances the group's schedule by a Poisson-distributed delay; returns the new slot (µs). */
    synchronized long nextSchedule() {
        throttleTriggerMicros += Functions.poisson(throttleRng, throttleDelayMicros);
        return throttleTriggerMicros;
    }

    /** Whether a log line should be written under --sampling-rate. */
    synchronized boolean sampled(double rate) {
        return rate == 0.0 || sampleRng.nextDouble() <= rate;
    }

    synchronized void late() {
        latencyLate++;
    }
}
