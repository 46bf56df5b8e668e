package io.carga.http.client;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of keep-alive connections shared by all agents. A permit is held while a connection is lent
 * out, so at most {@code max} requests are in flight; idle connections are reused last-in first-out (the
 * warmest first), and an idle connection to another origin is closed when opening one would pass the bound.
 */
final class SharedPool implements AutoCloseable {

    private final int max;
    private final Semaphore permits;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Origin, ConcurrentLinkedDeque<Http1Connection>> idle = new ConcurrentHashMap<>();

    SharedPool(int max) {
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** Waits for a permit; returns an idle connection to the origin, or null when the caller should open one. */
    Http1Connection borrow(Origin origin, long timeoutNanos) throws IOException {
        try {
            if (!permits.tryAcquire() && !permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new HttpFailure(FailureKind.CONNECT_TIMEOUT, "no connection of the shared pool of " + max
                        + " became free within the connect timeout", null, 0, 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a pooled connection");
        }
        ConcurrentLinkedDeque<Http1Connection> q = idle.get(origin);
        Http1Connection c;
        while (q != null && (c = q.pollFirst()) != null) {
            if (c.isReusable()) {
                return c;
            }
            c.close();
            open.decrementAndGet();
        }
        if (open.incrementAndGet() > max) {
            evictOne();
        }
        return null;
    }

    /** Gives a connection back (or null after a failed open) and releases the permit. */
    void giveBack(Origin origin, Http1Connection c, boolean reusable) {
        if (c == null) {
            open.decrementAndGet();
        } else if (reusable && c.isOpen()) {
            idle.computeIfAbsent(origin, o -> new ConcurrentLinkedDeque<>()).offerFirst(c);
        } else {
            c.close();
            open.decrementAndGet();
        }
        permits.release();
    }

    private void evictOne() {
        for (ConcurrentLinkedDeque<Http1Connection> q : idle.values()) {
            Http1Connection c = q.pollLast();
            if (c != null) {
                c.close();
                open.decrementAndGet();
                return;
            }
        }
    }

    int openConnections() {
        return open.get();
    }

    @Override
    public void close() {
        for (ConcurrentLinkedDeque<Http1Connection> q : idle.values()) {
            Http1Connection c;
            while ((c = q.pollFirst()) != null) {
                c.close();
            }
        }
    }
}
