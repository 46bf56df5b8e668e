package io.carga.core.testkit;

import io.carga.core.api.UserContext;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import java.time.Duration;
import java.util.Map;

/**
 * A protocol client that talks to nobody: each call takes the service time it is told to (an interruptible
 * sleep) and reports one {@link RequestEvent} with the outcome it is told to, exactly as a real client
 * reports through {@link UserContext#events()}. A call cut by the end of the grace period reports
 * {@link Outcome#INTERRUPTED} and rethrows.
 */
public final class FakeProtocol {
    /** Bytes every fake request claims to send and receive. */
    public static final long BYTES_SENT = 10;
    public static final long BYTES_RECEIVED = 100;

    private final UserContext ctx;

    public FakeProtocol(UserContext ctx) {
        this.ctx = ctx;
    }

    /** One request named {@code name} that lasts {@code service} and ends with {@code outcome}. */
    public RequestEvent call(String name, Duration service, Outcome outcome) throws InterruptedException {
        long intended = ctx.takeIntendedStart();
        long start = ctx.nanoTime();
        try {
            if (!service.isZero()) {
                Thread.sleep(service);
            }
        } catch (InterruptedException e) {
            ctx.events().record(event(name, intended, start, Outcome.INTERRUPTED));
            throw e;
        }
        RequestEvent e = event(name, intended, start, outcome);
        ctx.events().record(e);
        return e;
    }

    private RequestEvent event(String name, long intended, long start, Outcome outcome) {
        return new RequestEvent(name, "fake", Tags.EMPTY, intended, start, ctx.nanoTime(), BYTES_SENT, BYTES_RECEIVED,
                outcome, outcome.isError() ? "fake " + outcome.key() : null, Map.of());
    }
}
