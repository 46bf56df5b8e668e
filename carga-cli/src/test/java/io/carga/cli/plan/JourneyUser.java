package io.carga.cli.plan;

import io.carga.core.api.Task;
import io.carga.core.api.User;
import io.carga.core.api.WaitTime;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import java.util.Map;

/**
 * A stand-in for the spec's journeys that talks to nobody: each task reports the request it would
 * have made through {@code context().events()}, with a few milliseconds of pretend service time, so
 * plan tests run the real engine without a network.
 */
public class JourneyUser extends User {
    @Override
    public WaitTime waitTime() {
        return WaitTime.constant(0.01);
    }

    /**
     * A cost small enough that the spec's {@code cost_per_user_per_month < R$ 12} passes at this user's pace
     * (about 50 answers a second; at R$ 0.001 each a user-month would cost R$ 25,000).
     */
    @Task(3)
    void marketing() throws InterruptedException {
        report("POST /api/v1/departments/marketing/generate", Tags.of("model", "gemini-2.5-flash"), 3, Map.of("cost", 0.00000001));
    }

    @Task(2)
    void business() throws InterruptedException {
        report("POST /api/v1/business/setup", Tags.EMPTY, 2, Map.of());
    }

    @Task(1)
    void chat() throws InterruptedException {
        report("POST /api/v1/departments/cx/chat", Tags.EMPTY, 1, Map.of());
    }

    private void report(String name, Tags tags, long millis, Map<String, Double> fields) throws InterruptedException {
        long start = context().nanoTime();
        Thread.sleep(millis);
        context().events().record(new RequestEvent(name, "fake", tags, context().takeIntendedStart(), start,
                context().nanoTime(), 100, 200, Outcome.OK, null, fields));
    }
}
