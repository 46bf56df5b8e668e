package io.carga.http.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces response timeouts by closing the sockets of overdue exchanges, every {@link #TICK_NANOS}.
 *
 * <p>Why not {@code Socket.setSoTimeout}: a timed socket read on a virtual thread is a timed park, which
 * schedules and cancels a timer task per read; over a million short requests that was the largest cost of
 * the client after the system calls. Here an exchange costs two writes of a volatile field, and a timeout fires
 * at most one tick late. One daemon thread per {@link HttpClient}, started with its first connection.
 */
final class Watchdog {

    static final long TICK_NANOS = 5_000_000;

    private final Set<Http1Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;
    private volatile boolean stopped;

    void watch(Http1Connection c) {
        connections.add(c);
        if (thread == null) {
            start();
        }
    }

    void forget(Http1Connection c) {
        connections.remove(c);
    }

    private synchronized void start() {
        if (thread == null && !stopped) {
            thread = Thread.ofPlatform().daemon().name("carga-http-timeouts").start(this::run);
        }
    }

    private void run() {
        while (!stopped) {
            LockSupport.parkNanos(TICK_NANOS);
            long now = System.nanoTime();
            for (Http1Connection c : connections) {
                c.expireIfOverdue(now);
            }
        }
    }

    void stop() {
        stopped = true;
    }
}
