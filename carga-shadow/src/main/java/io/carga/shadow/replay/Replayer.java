package io.carga.shadow.replay;

import io.carga.shadow.proxy.Answer;
import io.carga.shadow.proxy.CapturedRequest;
import io.carga.shadow.proxy.Mirror;
import io.carga.shadow.proxy.PrimaryListener;
import io.carga.shadow.proxy.Upstream;
import io.carga.shadow.results.ShadowResults;
import io.carga.shadow.sample.Sampler;
import io.carga.shadow.template.Templates;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * Offline shadowing ({@code carga shadow --replay FILE}): each recorded request goes to the primary, then, when the
 * sampler takes it, to the candidate (and secondary), with at most {@code concurrency} requests in flight. There is
 * no client to protect here, so the mirror is sent on the same thread, right after the primary answered.
 */
public final class Replayer {
    private final Upstream primary;
    private final Mirror mirror;
    private final Sampler sampler;
    private final Templates templates;
    private final ShadowResults results;
    private final PrimaryListener listener;

    public Replayer(Upstream primary, Mirror mirror, Sampler sampler, Templates templates, ShadowResults results, PrimaryListener listener) {
        this.primary = primary;
        this.mirror = mirror;
        this.sampler = sampler;
        this.templates = templates;
        this.results = results;
        this.listener = listener;
    }

    /** Replays {@code requests} until they are all done or {@code stop} says so; returns how many were sent. */
    public int replay(List<CapturedRequest> requests, int concurrency, BooleanSupplier stop) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        int sent = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CapturedRequest r : requests) {
                if (stop.getAsBoolean()) {
                    break;
                }
                slots.acquire();
                sent++;
                pool.submit(() -> {
                    try {
                        one(r);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return sent;
    }

    private void one(CapturedRequest r) {
        String endpoint = templates.endpoint(r.method(), r.path());
        var stats = results.endpoint(endpoint);
        stats.requested();
        boolean sampled = sampler.sampled(r);
        if (sampled) {
            stats.sampled();
        }
        long start = System.nanoTime();
        Answer p;
        try {
            p = primary.fetch(r, false);
        } catch (Exception e) {
            listener.answered(endpoint, start, System.nanoTime(), 502, r.body().length, 0, e.getClass().getSimpleName());
            if (sampled) {
                stats.dropped();
            }
            return;
        }
        listener.answered(endpoint, start, start + p.nanos(), p.status(), r.body().length, p.body().length, null);
        if (sampled) {
            mirror.compare(endpoint, r, p);
        }
    }
}
