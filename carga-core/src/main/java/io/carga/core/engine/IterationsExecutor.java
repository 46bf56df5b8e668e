package io.carga.core.engine;

import io.carga.core.load.IterationsModel;

/** A fixed number of iterations, shared by the users or per user; the run ends when they are done. */
final class IterationsExecutor implements Executor {
    private final IterationsModel model;
    private final Lane lane;

    IterationsExecutor(IterationsModel model, Lane lane) {
        this.model = model;
        this.lane = lane;
    }

    @Override
    public void run(RunState run) {
        IterationBudget shared = model.perUser() ? null : new IterationBudget(model.iterations());
        for (int i = 0; i < model.users() && !run.stopping; i++) {
            ClosedExecutor.startUser(run, lane, shared != null ? shared : new IterationBudget(model.iterations()));
        }
        while (!run.stopping && lane.activeUsers() > 0) {
            Executor.sleepUntil(run, System.nanoTime() + 5_000_000L);
        }
    }
}
