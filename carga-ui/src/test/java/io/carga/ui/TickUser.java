package io.carga.ui;

import io.carga.core.api.Task;
import io.carga.core.api.User;
import io.carga.core.api.UserContext;
import io.carga.core.api.WaitTime;
import io.carga.core.event.Outcome;
import io.carga.core.event.RequestEvent;
import io.carga.core.event.Tags;
import java.util.Map;

/** A user whose one task takes 5 ms and reports a request; every tenth fails. */
public class TickUser extends User {
    private int n;

    @Override
    public WaitTime waitTime() {
        return WaitTime.constant(0.05);
    }

    @Task
    void tick() throws InterruptedException {
        UserContext ctx = context();
        long intended = ctx.takeIntendedStart();
        long start = ctx.nanoTime();
        Thread.sleep(5);
        Outcome o = ++n % 10 == 0 ? Outcome.SERVER_ERROR : Outcome.OK;
        ctx.events().record(new RequestEvent("GET /tick", "test", Tags.EMPTY, intended, start, ctx.nanoTime(), 10, 100, o,
                o.isError() ? "HTTP 500" : null, Map.of()));
    }
}
